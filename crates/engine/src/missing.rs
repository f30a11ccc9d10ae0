//! `missing`, exact over everything still open.
//!
//! Each part of the outcome (a path's status, a relative's coming along, whether a service is
//! listed and with an end date, whether a notice is listed) is compiled once per policy into a
//! decision diagram over the answers' classes, with "not answered" as one more branch of every
//! variable (`diagram.rs`). A field could change the outcome, now or once other open questions are
//! answered, exactly when the part's diagram, restricted by the answers given, still tests it.
//! Restricting only removes variables, so `missing` never grows while answers are only added.

use std::sync::Mutex;

use chrono::NaiveDate;

use crate::cond::{add_months, age_on, Cond, Tri};
use crate::diagram::{Fixed, NodeId, Restricted, Store};
use crate::facts::Facts;
use crate::field::{Field, MemberField, Value, AGE_FROM, RELATIVES};
use crate::judge::{relatives_state, Binding, Ctx, Judged};
use crate::policy::{PathId, Policy};

/// The applicant's fields the diagrams test: every top-level field but `family`, which is read
/// through `ANY` and the slots.
const TOP: [Field; Field::TOP_LEVEL.len() - 1] = {
    let mut out = [Field::TOP_LEVEL[0]; Field::TOP_LEVEL.len() - 1];
    let (mut i, mut j) = (0, 0);
    while i < Field::TOP_LEVEL.len() {
        if !matches!(Field::TOP_LEVEL[i], RELATIVES) {
            out[j] = Field::TOP_LEVEL[i];
            j += 1;
        }
        i += 1;
    }
    out
};
/// The variable "some relative meets the policy's relative condition": met, unmet, not known.
const ANY: u8 = TOP.len() as u8;
/// The first of the variables for one relative's fields, in `MemberField::ALL` order.
const SLOT: u8 = ANY + 1;
/// How many slot variables a relative has: one per member field.
const MEMBER_FIELDS: usize = MemberField::ALL.len();

/// Terminal codes of a three-valued part (a path, a relative, "some relative meets").
const MET: u8 = 0;
const UNMET: u8 = 1;
const UNKNOWN: u8 = 2;
/// Terminal codes of a service: not listed, listed, listed with the end of its window.
const LISTED: u8 = 1;
const LISTED_WITH_END: u8 = 2;

/// The day compiled diagrams are built against; the classes they branch on do not depend on it.
const REFERENCE_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 1, 1) {
    Some(d) => d,
    None => panic!(),
};

fn code(t: Tri) -> u8 {
    match t {
        Tri::Met => MET,
        Tri::Unmet => UNMET,
        Tri::Unknown => UNKNOWN,
    }
}

fn kleene_or(a: u8, b: u8) -> u8 {
    if a == MET || b == MET {
        MET
    } else if a == UNKNOWN || b == UNKNOWN {
        UNKNOWN
    } else {
        UNMET
    }
}

mod compile;
mod part;
mod relatives;
mod tally;
mod thresholds;

use compile::Compiled;
use part::Part;
use relatives::AnyState;
use tally::Tally;
use thresholds::Thresholds;

/// Compiled policies, built on first use: one per policy and values of its parameters (a
/// dated amendment of a threshold compiles the policy again, once, for the days it is in force).
static COMPILED: Mutex<Vec<(usize, Vec<u32>, &'static Compiled)>> = Mutex::new(Vec::new());

/// One value from each class the policy's rules tell apart, for a field judged on `today`.
pub(crate) fn witnesses(policy: &'static Policy, field: Field, today: NaiveDate) -> Vec<Value> {
    compiled(policy, today).thresholds.witnesses(field, today)
}

fn compiled(policy: &'static Policy, day: NaiveDate) -> &'static Compiled {
    let key = policy as *const Policy as usize;
    let values: Vec<u32> = policy.parameters.iter().map(|p| p.on(day)).collect();
    let mut cache = COMPILED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, _, c)) = (cache.iter()).find(|(k, v, _)| *k == key && *v == values) {
        return c;
    }
    let thresholds = Thresholds::of(policy, day);
    let c: &'static Compiled = Box::leak(Box::new(Compiled::new(policy, thresholds, day)));
    cache.push((key, values, c));
    c
}

fn slot_field(var: u8) -> MemberField {
    MemberField::ALL[(var - SLOT) as usize]
}

fn var_of(field: Field) -> u8 {
    match field {
        Field::Member(_, mf) => {
            SLOT + MemberField::ALL.iter().position(|&m| m == mf).unwrap_or(0) as u8
        }
        f => TOP.iter().position(|&t| t == f).map_or(ANY, |i| i as u8),
    }
}

fn tri(code: u8) -> Tri {
    match code {
        MET => Tri::Met,
        UNMET => Tri::Unmet,
        _ => Tri::Unknown,
    }
}

/// How much settling a part weighs when ordering questions: paths first, then relatives,
/// services and notices.
const PATH_WEIGHT: u32 = 8;
const RELATIVE_WEIGHT: u32 = 4;
const SERVICE_WEIGHT: u32 = 2;
const NOTICE_WEIGHT: u32 = 1;

/// The unanswered fields that could change the outcome, most decisive first, and for each path
/// those that could change its status.
pub(crate) fn missing(ctx: &Ctx, judged: &Judged) -> (Vec<Field>, [Vec<Field>; PathId::COUNT]) {
    let facts = ctx.facts;
    let c = compiled(ctx.policy, ctx.facts.today);
    let (top, members) = answer_classes(c, facts);
    let not_answered = |var: u8| (c.domains[var as usize].len()) as u8;
    let fixed_top = (0..ANY)
        .filter(|&v| top[v as usize] != not_answered(v))
        .fold(Fixed::NONE, |f, v| f.with(v, top[v as usize]));
    let slot_of = |mf: MemberField| (var_of(Field::Member(0, mf)) - SLOT) as usize;
    // Pairs of a relative's fields that answer the same thing (school age, birth date).
    let same: Vec<(usize, usize)> = MemberField::ALL
        .iter()
        .filter_map(|&m| m.same_as().map(|s| (slot_of(m), slot_of(s))))
        .collect();
    let with_slots = |base: Fixed, slots: &[u8; MEMBER_FIELDS]| {
        let answered = |k: usize| slots[k] != not_answered(SLOT + k as u8);
        // One of a pair said: the other cannot be given too (`Facts` refuses both), so it is
        // fixed as unanswered, not open.
        (0..MEMBER_FIELDS)
            .filter(|&k| answered(k) || same.iter().any(|&(a, b)| b == k && answered(a)))
            .fold(base, |f, k| f.with(SLOT + k as u8, slots[k]))
    };

    let mut r = Restricted::over(&c.store);
    let mut tally = Tally { scores: Vec::new() };
    let mut path_missing: [Vec<Field>; PathId::COUNT] = Default::default();

    // Parts three-valued logic has already decided cannot change: they are skipped.
    let mut top_memo = r.memo();
    for id in PathId::ALL
        .into_iter()
        .filter(|&id| ctx.path(id) == Tri::Unknown)
    {
        let root = r.restrict_memo(c.paths[id as usize], &fixed_top, &mut top_memo);
        path_missing[id as usize].extend(r.support(root).map(|v| TOP[v as usize]));
        tally.add_support(&r, c, root, PATH_WEIGHT, &|v| TOP[v as usize]);
    }

    // Relatives: each listed one, or (while `family` is unanswered) one who could come along.
    match facts.value(RELATIVES) {
        None => {
            let root = r.restrict_memo(c.relative, &fixed_top, &mut top_memo);
            if r.reachable(root) & !(1 << UNMET) != 0 {
                tally.add(RELATIVES, RELATIVE_WEIGHT, true);
            }
        }
        Some(_) => {
            for (i, slots) in members.iter().enumerate() {
                if relatives_state(&ctx.bound(Binding::Index(i as u16))) != Tri::Unknown {
                    continue;
                }
                let root = r.restrict(c.relative, &with_slots(fixed_top, slots));
                tally.add_support(&r, c, root, RELATIVE_WEIGHT, &|v| field_of(v, i as u16));
            }
        }
    }

    let mut any = AnyState::new(
        c,
        &mut r,
        facts.value(RELATIVES).is_some(),
        &members,
        &with_slots,
    );
    any.now = c.any_inner.map_or(UNKNOWN, |(inner, _)| {
        code(ctx.eval(&Cond::AnyMember(inner)))
    });
    for (part, weight) in open_parts(c, judged) {
        let root = r.restrict_memo(part.root, &fixed_top, &mut top_memo);
        let given = r.support(root).any(|v| v == ANY).then(|| {
            part.given_any
                .map(|g| r.restrict_memo(g, &fixed_top, &mut top_memo))
        });
        any.tally(&mut r, c, root, given, weight, &mut tally);
    }

    r.done(top_memo);
    tally.ranked(path_missing)
}

/// The class of each answer: the applicant's, then each relative's slots.
fn answer_classes(c: &Compiled, facts: &Facts) -> (Vec<u8>, Vec<[u8; MEMBER_FIELDS]>) {
    let today = facts.today;
    let top = TOP
        .iter()
        .enumerate()
        .map(|(var, &f)| c.branch_of(var as u8, facts.value(f), today))
        .collect();
    let members = (0..facts.member_count() as u16)
        .map(|i| {
            let mut slots = [0u8; MEMBER_FIELDS];
            for (k, &mf) in MemberField::ALL.iter().enumerate() {
                slots[k] = c.branch_of(SLOT + k as u8, facts.value(Field::Member(i, mf)), today);
            }
            slots
        })
        .collect();
    (top, members)
}

/// The services and notices still open (a service listed whose end is not known yet counts),
/// each with its diagram and weight.
fn open_parts<'c>(c: &'c Compiled, judged: &Judged) -> Vec<(&'c Part, u32)> {
    let open_services =
        judged
            .services
            .iter()
            .zip(&c.services)
            .filter(|((applies, started), _)| match applies {
                Tri::Unmet => false,
                // Listed: open while the window's start is not known.
                Tri::Met => *started == Tri::Unknown,
                Tri::Unknown => true,
            });
    let open_notices = judged
        .notices
        .iter()
        .zip(&c.notices)
        .filter(|(&applies, _)| applies == Tri::Unknown);
    open_services
        .map(|(_, part)| (part, SERVICE_WEIGHT))
        .chain(open_notices.map(|(_, part)| (part, NOTICE_WEIGHT)))
        .collect()
}

fn field_of(var: u8, member: u16) -> Field {
    if var >= SLOT {
        Field::Member(member, slot_field(var))
    } else {
        TOP[var as usize]
    }
}
