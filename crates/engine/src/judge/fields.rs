//! Which fields a condition reads, expanding path references and relatives.

use super::*;

/// Collects the fields a condition reads under `ctx`, expanding `Path` references and relatives.
pub(crate) fn fields_of(ctx: &Ctx, cond: &Cond, out: &mut Vec<Field>) {
    let mut push = |f: Field| {
        if !out.contains(&f) {
            out.push(f);
        }
    };
    match *cond {
        Cond::OneOf(f, _)
        | Cond::Flag(f, _)
        | Cond::AtLeast(f, _)
        | Cond::Given(f)
        | Cond::WithinMonths(f, _) => push(f),
        Cond::MemberOneOf(mf, _) => member_push(ctx, mf, out),
        Cond::MemberFlag(mf, _) => member_push(ctx, mf, out),
        Cond::MemberAgeBetween(..) => {
            if let Some(said) = AGE_FROM.same_as() {
                member_push(ctx, said, out);
            }
            member_push(ctx, AGE_FROM, out);
        }
        Cond::Path(id) => {
            for condition in ctx.policy.paths[id as usize].conditions {
                fields_of(&ctx.bound(Binding::None), &condition.test, out);
            }
        }
        Cond::All(parts) | Cond::Any(parts) => parts.iter().for_each(|c| fields_of(ctx, c, out)),
        Cond::Not(inner) => fields_of(ctx, inner, out),
        Cond::Implied(a, by) => {
            fields_of(ctx, a, out);
            fields_of(ctx, by, out);
        }
        Cond::AnyMember(inner) => match ctx.facts.member_count() {
            0 if ctx.facts.value(RELATIVES).is_none() => {
                push(RELATIVES);
                fields_of(&ctx.bound(Binding::Hypothetical(Tri::Unknown)), inner, out);
            }
            count => {
                for i in 0..count {
                    fields_of(&ctx.bound(Binding::Index(i as u16)), inner, out);
                }
            }
        },
    }
}

fn member_push(ctx: &Ctx, member_field: MemberField, out: &mut Vec<Field>) {
    if let Binding::Index(i) = ctx.binding {
        let field = Field::Member(i, member_field);
        if !out.contains(&field) {
            out.push(field);
        }
    }
}
