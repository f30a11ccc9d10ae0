//! Which met conditions rest on an answer whose proof, or whose counting at all, the text leaves
//! to the office (`Policy::office_decides`).

use crate::cond::Tri;
use crate::facts::Facts;
use crate::judge::{fields_of, Ctx};
use crate::outcome::OfficeDecides;
use crate::policy::Condition;

/// The office's rule a met condition rests on, if any: its answer is given, and without that
/// answer the condition would not be met.
pub(crate) fn rests_on(ctx: &Ctx, condition: &Condition) -> Option<OfficeDecides> {
    if ctx.eval(&condition.test) != Tri::Met {
        return None;
    }
    let mut read = Vec::new();
    fields_of(ctx, &condition.test, &mut read);
    ctx.policy.office_decides.iter().find_map(|rule| {
        let mut fields = Vec::new();
        fields_of(ctx, &rule.answer, &mut fields);
        let on_these = fields.iter().all(|f| read.contains(f));
        if !on_these || ctx.eval(&rule.answer) != Tri::Met {
            return None;
        }
        // The same answers with the rule's own taken back: is the condition still met?
        let mut without = ctx.facts.answers.clone();
        for &field in &fields {
            without = without.with(field, None).ok()?;
        }
        let facts = Facts {
            today: ctx.facts.today,
            answers: without,
        };
        let still = Ctx {
            facts: &facts,
            paths: None,
            ..*ctx
        }
        .eval(&condition.test);
        (still != Tri::Met).then_some(OfficeDecides {
            id: rule.id,
            condition: condition.id,
            kind: rule.kind,
        })
    })
}
