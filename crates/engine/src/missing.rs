//! `missing`, exact over everything still open.
//!
//! Each part of the outcome (a path's status, a relative's coming along, whether a service is
//! listed and with an end date, whether a notice is listed) is compiled once per policy into a
//! decision diagram over the answers' classes, with "not answered" as one more branch of every
//! variable (`diagram.rs`). A field could change the outcome, now or once other open questions are
//! answered, exactly when the part's diagram, restricted by the answers given, still tests it.
//! Restricting only removes variables, so `missing` never grows while answers are only added.

use std::sync::Mutex;

use chrono::{Days, Months, NaiveDate};

use crate::cond::{add_months, age_on, Binding, Cond, Ctx, Tri};
use crate::diagram::{Fixed, Memo, NodeId, Restricted, Store};
use crate::evaluate::relatives_state;
use crate::field::{Ask, Field, MemberField, Value, AGE_FROM, RELATIVES};
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

/// The thresholds a policy's rules compare counts, dates and ages with.
#[derive(Default)]
struct Thresholds {
    at_least: Vec<(Field, u32)>,
    windows: Vec<(Field, u32)>,
    ages: Vec<(u32, u32)>,
}

impl Thresholds {
    fn of(policy: &Policy) -> Thresholds {
        let mut t = Thresholds::default();
        policy.for_each_leaf(&mut |leaf| match *leaf {
            Cond::AtLeast(field, n) => t.at_least.push((field, n)),
            Cond::WithinMonths(field, n) => t.windows.push((field, n)),
            Cond::MemberAgeBetween(min, max) => t.ages.push((min, max)),
            _ => {}
        });
        t
    }

    /// Which side of each threshold on `field` a value is, as bits: values with the same bits
    /// are in one class.
    fn signature(&self, field: Field, value: Value, today: NaiveDate) -> u64 {
        let bits = |tests: &mut dyn Iterator<Item = bool>| {
            tests.fold(0u64, |acc, b| (acc << 1) | u64::from(b))
        };
        match (field, value) {
            (_, Value::Count(n)) => bits(
                &mut self
                    .at_least
                    .iter()
                    .filter(|(f, _)| *f == field)
                    .map(|&(_, min)| n >= min),
            ),
            (Field::Member(_, m), Value::Date(birth)) if m == AGE_FROM => bits(
                &mut self
                    .ages
                    .iter()
                    .map(|&(min, max)| (min..=max).contains(&age_on(birth, today))),
            ),
            (_, Value::Date(d)) => bits(
                &mut self
                    .windows
                    .iter()
                    .filter(|(f, _)| *f == field)
                    .map(|&(_, months)| add_months(d, months) >= today),
            ),
            _ => 0,
        }
    }

    /// One value from each class the rules tell apart, for a field judged on `today`.
    pub(crate) fn witnesses(&self, field: Field, today: NaiveDate) -> Vec<Value> {
        let few = field.every_value();
        if !few.is_empty() {
            return few;
        }
        let years_ago = |years: u32| {
            today
                .checked_sub_months(Months::new(12 * years))
                .unwrap_or(today)
        };
        let ages = (field == Field::Member(0, AGE_FROM))
            .then_some(&self.ages)
            .into_iter()
            .flatten();
        match field.ask() {
            Ask::Months => std::iter::once(0)
                .chain(
                    self.at_least
                        .iter()
                        .filter(|(f, _)| *f == field)
                        .flat_map(|&(_, n)| [n.saturating_sub(1), n]),
                )
                .map(Value::Count)
                .collect(),
            Ask::Date => std::iter::once(today)
                .chain(
                    self.windows
                        .iter()
                        .filter(|(f, _)| *f == field)
                        .flat_map(|&(_, n)| {
                            let first = today.checked_sub_months(Months::new(n)).unwrap_or(today);
                            [first, first - Days::new(1)]
                        }),
                )
                .chain(ages.flat_map(|&(min, max)| {
                    [min.saturating_sub(1), min, max, max + 1].map(years_ago)
                }))
                .map(Value::Date)
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// A policy's parts as diagrams, with the classes each variable branches on.
pub(crate) struct Compiled {
    thresholds: Thresholds,
    /// Per variable (`TOP`, then `ANY`, then the slots), one witness per class; `ANY` has none.
    domains: Vec<Vec<Value>>,
    store: Store,
    paths: [NodeId; 5],
    relative: NodeId,
    /// "Some relative meets this", over the slot variables (the policy's `AnyMember` condition).
    any_inner: Option<(&'static Cond, NodeId)>,
    services: Vec<NodeId>,
    notices: Vec<NodeId>,
}

/// Compiled policies, built on first use.
static COMPILED: Mutex<Vec<(usize, &'static Compiled)>> = Mutex::new(Vec::new());

/// One value from each class the policy's rules tell apart, for a field judged on `today`.
pub(crate) fn witnesses(policy: &'static Policy, field: Field, today: NaiveDate) -> Vec<Value> {
    compiled(policy).thresholds.witnesses(field, today)
}

pub(crate) fn compiled(policy: &'static Policy) -> &'static Compiled {
    let key = policy as *const Policy as usize;
    let mut cache = COMPILED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, c)) = cache.iter().find(|(k, _)| *k == key) {
        return c;
    }
    let c: &'static Compiled = Box::leak(Box::new(Compiled::new(policy)));
    cache.push((key, c));
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

/// Builds diagrams from conditions by combining the diagrams of their parts.
struct Compiler<'p> {
    policy: &'p Policy,
    c: Compiled,
    path_roots: [Option<NodeId>; 5],
}

impl Compiled {
    fn new(policy: &'static Policy) -> Compiled {
        let thresholds = Thresholds::of(policy);
        let mut domains: Vec<Vec<Value>> = TOP
            .iter()
            .map(|&f| thresholds.witnesses(f, REFERENCE_DAY))
            .collect();
        domains.push(Vec::new());
        for &mf in MemberField::ALL {
            domains.push(thresholds.witnesses(Field::Member(0, mf), REFERENCE_DAY));
        }
        let c = Compiled {
            thresholds,
            domains,
            store: Store::default(),
            paths: [0; 5],
            relative: 0,
            any_inner: None,
            services: Vec::new(),
            notices: Vec::new(),
        };
        let mut k = Compiler {
            policy,
            c,
            path_roots: [None; 5],
        };
        for id in PathId::ALL {
            k.c.paths[id as usize] = k.path(id);
        }
        let relatives = k.all(policy.relatives.iter().map(|c| &c.test));
        k.c.relative = relatives;
        let mut any_inner = None;
        policy.for_each_cond(&mut |cond| {
            if let Cond::AnyMember(inner) = cond {
                any_inner.get_or_insert(inner);
            }
        });
        if let Some(inner) = any_inner {
            let root = k.cond(inner);
            k.c.any_inner = Some((inner, root));
        }
        for service in policy.services {
            let applies = k.cond(&service.applies);
            let root = match &service.window {
                None => k.map(applies, &|t| u8::from(t == MET)),
                Some(window) => {
                    let started = k.cond(&window.started);
                    k.combine(applies, started, &|a, s| match (a, s) {
                        (MET, MET) => LISTED_WITH_END,
                        (MET, _) => LISTED,
                        _ => 0,
                    })
                }
            };
            k.c.services.push(root);
        }
        for notice in policy.notices {
            let applies = k.cond(&notice.applies);
            let root = k.map(applies, &|t| u8::from(t == MET));
            k.c.notices.push(root);
        }
        k.c
    }

    fn branches(&self, var: u8) -> usize {
        if var == ANY {
            3
        } else {
            self.domains[var as usize].len() + 1
        }
    }

    /// The branch an answer takes: the class of its value, or "not answered".
    fn branch_of(&self, var: u8, value: Option<Value>, today: NaiveDate) -> u8 {
        let domain = &self.domains[var as usize];
        let Some(value) = value else {
            return domain.len() as u8;
        };
        let field = if var >= SLOT {
            Field::Member(0, slot_field(var))
        } else {
            TOP[var as usize]
        };
        let sig = self.thresholds.signature(field, value, today);
        let class = domain.iter().position(|&w| match (w, value) {
            (Value::Count(_), Value::Count(_)) | (Value::Date(_), Value::Date(_)) => {
                self.thresholds.signature(field, w, REFERENCE_DAY) == sig
            }
            _ => w == value,
        });
        class.unwrap_or(domain.len()) as u8
    }
}

impl Compiler<'_> {
    fn path(&mut self, id: PathId) -> NodeId {
        if let Some(root) = self.path_roots[id as usize] {
            return root;
        }
        let policy = self.policy;
        let root = self.all(policy.path(id).conditions.iter().map(|c| &c.test));
        self.path_roots[id as usize] = Some(root);
        root
    }

    fn all<'a>(&mut self, parts: impl Iterator<Item = &'a Cond>) -> NodeId {
        self.fold(parts, MET, &|a, b| code(Tri::all([tri(a), tri(b)])))
    }

    fn any<'a>(&mut self, parts: impl Iterator<Item = &'a Cond>) -> NodeId {
        self.fold(parts, UNMET, &|a, b| code(Tri::any([tri(a), tri(b)])))
    }

    /// The parts' diagrams combined by `join`, starting from the terminal `unit`.
    fn fold<'a>(
        &mut self,
        parts: impl Iterator<Item = &'a Cond>,
        unit: u8,
        join: &dyn Fn(u8, u8) -> u8,
    ) -> NodeId {
        let mut acc = Store::leaf(unit);
        for part in parts {
            let d = self.cond(part);
            acc = self.combine(acc, d, join);
        }
        acc
    }

    /// A leaf testing one variable: each class met or unmet, "not answered" unknown.
    fn leaf(&mut self, var: u8, test: &dyn Fn(Value) -> bool) -> NodeId {
        let mut children: Vec<NodeId> = self.c.domains[var as usize]
            .iter()
            .map(|&w| Store::leaf(if test(w) { MET } else { UNMET }))
            .collect();
        children.push(Store::leaf(UNKNOWN));
        self.c.store.node(var, children)
    }

    fn cond(&mut self, cond: &Cond) -> NodeId {
        let day = REFERENCE_DAY;
        match *cond {
            Cond::OneOf(field, set) => self.leaf(var_of(field), &|v| set.contains(&v)),
            Cond::Flag(field, wanted) => self.leaf(var_of(field), &|v| v == Value::Bool(wanted)),
            Cond::AtLeast(field, min) => {
                self.leaf(var_of(field), &|v| matches!(v, Value::Count(n) if n >= min))
            }
            Cond::Given(field) => self.leaf(var_of(field), &|_| true),
            Cond::WithinMonths(field, months) => self.leaf(
                var_of(field),
                &|v| matches!(v, Value::Date(d) if add_months(d, months) >= day),
            ),
            Cond::Path(id) => self.path(id),
            Cond::All(parts) => self.all(parts.iter()),
            Cond::Any(parts) => self.any(parts.iter()),
            Cond::Not(inner) => {
                let d = self.cond(inner);
                self.map(d, &|t| code(!tri(t)))
            }
            Cond::MemberOneOf(mf, set) => {
                self.leaf(var_of(Field::Member(0, mf)), &|v| set.contains(&v))
            }
            Cond::MemberFlag(mf, wanted) => {
                self.leaf(var_of(Field::Member(0, mf)), &|v| v == Value::Bool(wanted))
            }
            Cond::MemberAgeBetween(min, max) => {
                let by_date = self.leaf(
                    var_of(Field::Member(0, AGE_FROM)),
                    &|v| matches!(v, Value::Date(b) if (min..=max).contains(&age_on(b, day))),
                );
                let said = match AGE_FROM.same_as() {
                    Some(said) => {
                        self.leaf(var_of(Field::Member(0, said)), &|v| v == Value::Bool(true))
                    }
                    None => Store::leaf(UNKNOWN),
                };
                // The birth date when given; else what was said of school age.
                self.combine(by_date, said, &|d, s| if d == UNKNOWN { s } else { d })
            }
            Cond::AnyMember(_) => {
                let children = (0..3).map(|b| Store::leaf(b as u8)).collect();
                self.c.store.node(ANY, children)
            }
        }
    }

    fn map(&mut self, d: NodeId, f: &dyn Fn(u8) -> u8) -> NodeId {
        self.combine(d, Store::leaf(MET), &|a, _| f(a))
    }

    /// The diagram of `f(a, b)`, by Shannon expansion on the earlier variable of the two.
    fn combine(&mut self, a: NodeId, b: NodeId, f: &dyn Fn(u8, u8) -> u8) -> NodeId {
        let mut memo = crate::diagram::IdTable::default();
        self.combine_memo(a, b, f, &mut memo)
    }

    fn combine_memo(
        &mut self,
        a: NodeId,
        b: NodeId,
        f: &dyn Fn(u8, u8) -> u8,
        memo: &mut crate::diagram::IdTable,
    ) -> NodeId {
        let (va, vb) = (self.c.store.var(a), self.c.store.var(b));
        if va.is_none() && vb.is_none() {
            return Store::leaf(f(a as u8, b as u8));
        }
        if let Some(done) = memo.find(crate::diagram::pair(a, b), |_| true) {
            return done;
        }
        let var = va.unwrap_or(u8::MAX).min(vb.unwrap_or(u8::MAX));
        let children = (0..self.c.branches(var))
            .map(|i| {
                let ca = if va == Some(var) {
                    self.c.store.child(a, i)
                } else {
                    a
                };
                let cb = if vb == Some(var) {
                    self.c.store.child(b, i)
                } else {
                    b
                };
                self.combine_memo(ca, cb, f, memo)
            })
            .collect();
        let result = self.c.store.node(var, children);
        memo.insert(crate::diagram::pair(a, b), result);
        result
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

/// What `missing` gathers: each field with the weight of the parts it could change at once (on
/// its own, the other open fields left open) and of all the parts it could change. Questions are
/// asked by the first, then the second, so a question that matters only once another is answered
/// (why someone has no hukou) comes after that one.
struct Tally {
    scores: Vec<(Field, (u32, u32))>,
}

impl Tally {
    fn add(&mut self, field: Field, weight: u32, now: bool) {
        let now = if now { weight } else { 0 };
        match self.scores.iter_mut().find(|(f, _)| *f == field) {
            Some((_, (n, all))) => {
                *n += now;
                *all += weight;
            }
            None => self.scores.push((field, (now, weight))),
        }
    }

    /// Adds every variable of a restricted diagram, judging for each whether it changes the part
    /// on its own.
    fn add_support(
        &mut self,
        r: &Restricted,
        c: &Compiled,
        root: NodeId,
        weight: u32,
        field: &dyn Fn(u8) -> Field,
    ) {
        let mut vars = Vec::new();
        r.support(root, &mut vars);
        let open = |v: u8| (c.branches(v) - 1) as u8;
        let unchanged = r.value(root, &open);
        for &v in &vars {
            let now = (0..open(v))
                .any(|b| r.value(root, &|u| if u == v { b } else { open(u) }) != unchanged);
            self.add(field(v), weight, now);
        }
    }
}

/// The unanswered fields that could change the outcome, most decisive first, and for each path
/// those that could change its status.
pub(crate) fn missing(ctx: &Ctx) -> (Vec<Field>, [Vec<Field>; 5]) {
    let facts = ctx.facts;
    let c = compiled(ctx.policy);
    let today = facts.today;
    let top: Vec<u8> = TOP
        .iter()
        .enumerate()
        .map(|(var, &f)| c.branch_of(var as u8, facts.value(f), today))
        .collect();
    let members: Vec<[u8; MEMBER_FIELDS]> = (0..facts.member_count() as u16)
        .map(|i| {
            let mut slots = [0u8; MEMBER_FIELDS];
            for (k, &mf) in MemberField::ALL.iter().enumerate() {
                slots[k] = c.branch_of(SLOT + k as u8, facts.value(Field::Member(i, mf)), today);
            }
            slots
        })
        .collect();
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
    let mut path_missing: [Vec<Field>; 5] = Default::default();
    let mut vars = Vec::new();

    // Parts three-valued logic has already decided cannot change: they are skipped.
    let mut top_memo = Memo::default();
    for id in PathId::ALL
        .into_iter()
        .filter(|&id| ctx.path(id) == Tri::Unknown)
    {
        let root = r.restrict_memo(c.paths[id as usize], &fixed_top, &mut top_memo);
        vars.clear();
        r.support(root, &mut vars);
        path_missing[id as usize].extend(vars.iter().map(|&v| TOP[v as usize]));
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
    let policy = ctx.policy;
    let open_services =
        policy
            .services
            .iter()
            .zip(&c.services)
            .filter(|(rule, _)| match ctx.eval(&rule.applies) {
                Tri::Unmet => false,
                Tri::Met => rule
                    .window
                    .as_ref()
                    .is_some_and(|w| ctx.eval(&w.started) == Tri::Unknown),
                Tri::Unknown => true,
            });
    let open_notices = policy
        .notices
        .iter()
        .zip(&c.notices)
        .filter(|(rule, _)| ctx.eval(&rule.applies) == Tri::Unknown);
    let open_parts = open_services
        .map(|(_, &root)| (root, SERVICE_WEIGHT))
        .chain(open_notices.map(|(_, &root)| (root, NOTICE_WEIGHT)));
    for (root, weight) in open_parts {
        let root = r.restrict_memo(root, &fixed_top, &mut top_memo);
        any.tally(&mut r, c, root, weight, &mut tally);
    }

    let mut scores = tally.scores;
    scores.sort_by(|(fa, sa), (fb, sb)| sb.cmp(sa).then(fa.cmp(fb)));
    let rank = |field: &Field| scores.iter().position(|(f, _)| f == field);
    for missing in &mut path_missing {
        missing.sort_by_key(rank);
    }
    (scores.into_iter().map(|(f, _)| f).collect(), path_missing)
}

fn field_of(var: u8, member: u16) -> Field {
    if var >= SLOT {
        Field::Member(member, slot_field(var))
    } else {
        TOP[var as usize]
    }
}

/// What "some relative meets the relative condition" can still become, and which relatives'
/// fields can move it.
struct AnyState {
    family_answered: bool,
    /// Its value on the answers as they are.
    now: u8,
    /// Terminal codes the condition can still take, as a bit set.
    reachable: u8,
    /// Per relative and open field: the (before, after) changes an answer can make to the
    /// condition as a whole.
    moves: Vec<(Field, Vec<(u8, u8)>)>,
}

impl AnyState {
    fn new(
        c: &Compiled,
        r: &mut Restricted,
        family_answered: bool,
        members: &[[u8; MEMBER_FIELDS]],
        with_slots: &dyn Fn(Fixed, &[u8; MEMBER_FIELDS]) -> Fixed,
    ) -> AnyState {
        let Some((_, inner)) = c.any_inner else {
            return AnyState {
                family_answered,
                now: UNMET,
                reachable: 1 << UNMET,
                moves: Vec::new(),
            };
        };
        if !family_answered {
            return AnyState {
                family_answered,
                now: UNKNOWN,
                reachable: 0b111,
                moves: Vec::new(),
            };
        }
        let roots: Vec<NodeId> = members
            .iter()
            .map(|slots| r.restrict(inner, &with_slots(Fixed::NONE, slots)))
            .collect();
        let reach: Vec<u8> = roots.iter().map(|&root| r.reachable(root)).collect();
        let or_sets = |skip: Option<usize>| {
            let mut acc = 1u8 << UNMET;
            for (_, &set) in reach.iter().enumerate().filter(|(j, _)| Some(*j) != skip) {
                let mut next = 0u8;
                for x in 0..3 {
                    for y in 0..3 {
                        if acc & (1 << x) != 0 && set & (1 << y) != 0 {
                            next |= 1 << kleene_or(x, y);
                        }
                    }
                }
                acc = next;
            }
            acc
        };
        let mut moves = Vec::new();
        let mut vars = Vec::new();
        for (i, &root) in roots.iter().enumerate() {
            vars.clear();
            r.support(root, &mut vars);
            if vars.is_empty() {
                continue;
            }
            let others = or_sets(Some(i));
            for &var in &vars {
                let mut pairs = Vec::new();
                for (before, after) in member_moves(c, r, root, &vars, var) {
                    for o in (0..3).filter(|o| others & (1 << o) != 0) {
                        let pair = (kleene_or(before, o), kleene_or(after, o));
                        if pair.0 != pair.1 && !pairs.contains(&pair) {
                            pairs.push(pair);
                        }
                    }
                }
                moves.push((field_of(var, i as u16), pairs));
            }
        }
        AnyState {
            family_answered,
            now: UNKNOWN,
            reachable: or_sets(None),
            moves,
        }
    }

    /// Adds the fields that could change a service or notice whose diagram is `root`.
    fn tally(
        &self,
        r: &mut Restricted,
        c: &Compiled,
        root: NodeId,
        weight: u32,
        tally: &mut Tally,
    ) {
        let mut vars = Vec::new();
        r.support(root, &mut vars);
        if !vars.contains(&ANY) {
            tally.add_support(r, c, root, weight, &|v| TOP[v as usize]);
            return;
        }
        let given: [NodeId; 3] = [0u8, 1, 2].map(|t| r.restrict(root, &Fixed::NONE.with(ANY, t)));
        // The applicant's fields, judged at the condition's value now, then at every other value
        // it can still take.
        let mut now = Tally { scores: Vec::new() };
        now.add_support(r, c, given[self.now as usize], weight, &|v| TOP[v as usize]);
        let mut seen: Vec<Field> = Vec::new();
        for (field, (n, _)) in now.scores {
            tally.add(field, weight, n > 0);
            seen.push(field);
        }
        for t in (0..3).filter(|t| self.reachable & (1 << t) != 0) {
            vars.clear();
            r.support(given[t as usize], &mut vars);
            for &v in &vars {
                if !seen.contains(&TOP[v as usize]) {
                    seen.push(TOP[v as usize]);
                    tally.add(TOP[v as usize], weight, false);
                }
            }
        }
        let mut fields = Vec::new();
        if !self.family_answered {
            if given[UNKNOWN as usize] != given[MET as usize]
                || given[UNKNOWN as usize] != given[UNMET as usize]
            {
                fields.push(RELATIVES);
            }
        } else {
            for (field, pairs) in &self.moves {
                if pairs
                    .iter()
                    .any(|&(a, b)| given[a as usize] != given[b as usize])
                {
                    fields.push(*field);
                }
            }
        }
        for f in fields {
            tally.add(f, weight, true);
        }
    }
}

/// The (before, after) values of one relative's condition when `var` goes from unanswered to
/// some answer, over every way of answering (or not) the relative's other open fields.
fn member_moves(c: &Compiled, r: &Restricted, root: NodeId, vars: &[u8], var: u8) -> Vec<(u8, u8)> {
    let others: Vec<u8> = vars.iter().copied().filter(|&v| v != var).collect();
    let mut choice = vec![0u8; others.len()];
    let mut moves = Vec::new();
    loop {
        let pick = |v: u8, own: u8| -> u8 {
            if v == var {
                own
            } else {
                others.iter().position(|&o| o == v).map_or(0, |k| choice[k])
            }
        };
        let open = c.domains[var as usize].len() as u8;
        let before = r.value(root, &|v| pick(v, open));
        for b in 0..open {
            let after = r.value(root, &|v| pick(v, b));
            if after != before && !moves.contains(&(before, after)) {
                moves.push((before, after));
            }
        }
        // Next combination of the other open fields' branches.
        let mut k = 0;
        loop {
            if k == others.len() {
                return moves;
            }
            choice[k] += 1;
            if (choice[k] as usize) < c.branches(others[k]) {
                break;
            }
            choice[k] = 0;
            k += 1;
        }
    }
}
