//! A policy's parts compiled to decision diagrams over the answers' classes.

use super::*;
use crate::diagram::MAX_BRANCHES;

/// A policy's parts as diagrams, with the classes each variable branches on.
pub(super) struct Compiled {
    pub(super) thresholds: Thresholds,
    /// A day whose values of the parameters these thresholds are.
    pub(super) values_on: NaiveDate,
    /// Per variable (`TOP`, then `ANY`, then the slots), one witness per class; `ANY` has none.
    pub(super) domains: Vec<Vec<Value>>,
    pub(super) store: Store,
    pub(super) paths: [NodeId; PathId::COUNT],
    pub(super) relative: NodeId,
    /// "Some relative meets this", over the slot variables (the policy's `AnyMember` condition).
    pub(super) any_inner: Option<(&'static Cond, NodeId)>,
    pub(super) services: Vec<Part>,
    pub(super) notices: Vec<Part>,
}

/// Builds diagrams from conditions by combining the diagrams of their parts.
pub(super) struct Compiler<'p> {
    pub(super) policy: &'p Policy,
    pub(super) c: Compiled,
    pub(super) path_roots: [Option<NodeId>; PathId::COUNT],
}

impl Compiled {
    /// The policy's parts compiled with the thresholds in force on `values_on`.
    pub(super) fn new(
        policy: &'static Policy,
        thresholds: Thresholds,
        values_on: NaiveDate,
    ) -> Compiled {
        let mut domains: Vec<Vec<Value>> = TOP
            .iter()
            .map(|&f| thresholds.witnesses(f, REFERENCE_DAY))
            .collect();
        domains.push(Vec::new());
        for &mf in MemberField::ALL {
            domains.push(thresholds.witnesses(Field::Member(0, mf), REFERENCE_DAY));
        }
        // A node keeps its branches inline: a policy whose words or thresholds give a field more
        // classes needs `MAX_BRANCHES` raised. Every test stops here first if so.
        assert!(
            domains.iter().all(|d| d.len() < MAX_BRANCHES),
            "a field has more classes than a diagram node can branch on"
        );
        let c = Compiled {
            thresholds,
            values_on,
            domains,
            store: Store::default(),
            paths: [0; PathId::COUNT],
            relative: 0,
            any_inner: None,
            services: Vec::new(),
            notices: Vec::new(),
        };
        let mut k = Compiler {
            policy,
            c,
            path_roots: [None; PathId::COUNT],
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
            let part = k.part(root);
            k.c.services.push(part);
        }
        for notice in policy.notices {
            let applies = k.cond(&notice.applies);
            let root = k.map(applies, &|t| u8::from(t == MET));
            let part = k.part(root);
            k.c.notices.push(part);
        }
        k.c
    }

    pub(super) fn branches(&self, var: u8) -> usize {
        if var == ANY {
            3
        } else {
            self.domains[var as usize].len() + 1
        }
    }

    /// The branch an answer takes: the class of its value, or "not answered".
    pub(super) fn branch_of(&self, var: u8, value: Option<Value>, today: NaiveDate) -> u8 {
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
    pub(super) fn path(&mut self, id: PathId) -> NodeId {
        if let Some(root) = self.path_roots[id as usize] {
            return root;
        }
        let policy = self.policy;
        let root = self.all(policy.path(id).conditions.iter().map(|c| &c.test));
        self.path_roots[id as usize] = Some(root);
        root
    }

    pub(super) fn all<'a>(&mut self, parts: impl Iterator<Item = &'a Cond>) -> NodeId {
        self.fold(parts, MET, &|a, b| code(Tri::all([tri(a), tri(b)])))
    }

    pub(super) fn any<'a>(&mut self, parts: impl Iterator<Item = &'a Cond>) -> NodeId {
        self.fold(parts, UNMET, &|a, b| code(Tri::any([tri(a), tri(b)])))
    }

    /// The parts' diagrams combined by `join`, starting from the terminal `unit`.
    pub(super) fn fold<'a>(
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
    pub(super) fn leaf(&mut self, var: u8, test: &dyn Fn(Value) -> bool) -> NodeId {
        let mut children: Vec<NodeId> = self.c.domains[var as usize]
            .iter()
            .map(|&w| Store::leaf(if test(w) { MET } else { UNMET }))
            .collect();
        children.push(Store::leaf(UNKNOWN));
        self.c.store.node(var, &children)
    }

    pub(super) fn cond(&mut self, cond: &Cond) -> NodeId {
        let day = REFERENCE_DAY;
        match *cond {
            Cond::OneOf(field, set) => self.leaf(var_of(field), &|v| set.contains(&v)),
            Cond::Flag(field, wanted) => self.leaf(var_of(field), &|v| v == Value::Bool(wanted)),
            Cond::AtLeast(field, min) => {
                let min = min.on(self.c.values_on);
                self.leaf(var_of(field), &|v| matches!(v, Value::Count(n) if n >= min))
            }
            Cond::Given(field) => self.leaf(var_of(field), &|_| true),
            Cond::WithinMonths(field, months) => {
                let months = months.on(self.c.values_on);
                self.leaf(
                    var_of(field),
                    &|v| matches!(v, Value::Date(d) if add_months(d, months) >= day),
                )
            }
            Cond::Path(id) => self.path(id),
            Cond::All(parts) => self.all(parts.iter()),
            Cond::Any(parts) => self.any(parts.iter()),
            Cond::Implied(a, by) => {
                let (a, by) = (self.cond(a), self.cond(by));
                self.combine(a, by, &|a, by| if by == MET { MET } else { a })
            }
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
                let (min, max) = (min.on(self.c.values_on), max.on(self.c.values_on));
                let by_date = self.leaf(
                    var_of(Field::Member(0, AGE_FROM)),
                    &|v| matches!(v, Value::Date(b) if (min..=max).contains(&age_on(b, day))),
                );
                self.else_school_age(by_date)
            }
            Cond::AnyMember(_) => {
                let children: Vec<NodeId> = (0..3).map(|b| Store::leaf(b as u8)).collect();
                self.c.store.node(ANY, &children)
            }
        }
    }

    /// An age test read from the birth date when given; else from what was said of school age.
    fn else_school_age(&mut self, by_date: NodeId) -> NodeId {
        let said = match AGE_FROM.same_as() {
            Some(said) => self.leaf(var_of(Field::Member(0, said)), &|v| v == Value::Bool(true)),
            None => Store::leaf(UNKNOWN),
        };
        self.combine(by_date, said, &|d, s| if d == UNKNOWN { s } else { d })
    }

    pub(super) fn map(&mut self, d: NodeId, f: &dyn Fn(u8) -> u8) -> NodeId {
        self.combine(d, Store::leaf(MET), &|a, _| f(a))
    }

    /// The diagram of `f(a, b)`, by Shannon expansion on the earlier variable of the two.
    pub(super) fn combine(&mut self, a: NodeId, b: NodeId, f: &dyn Fn(u8, u8) -> u8) -> NodeId {
        let mut memo = crate::diagram::IdTable::default();
        self.combine_memo(a, b, f, &mut memo)
    }

    pub(super) fn combine_memo(
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
        let children: Vec<NodeId> = (0..self.c.branches(var))
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
        let result = self.c.store.node(var, &children);
        memo.insert(crate::diagram::pair(a, b), result);
        result
    }
}
