//! A store seen through a set of fixed answers: restriction, support, reachable terminals.

use super::*;

/// Diagrams restricted by a person's answers, built in a scratch store laid over a compiled one,
/// so that restricted diagrams can be compared by id and their variables read off.
pub(crate) struct Restricted<'s> {
    base: &'s Store,
    extra: Store,
    /// Memo tables not in use, kept for the next restriction.
    spare: Vec<Memo>,
}

/// The scratch store and memo tables of the last `Restricted`, kept between calls so that a call
/// allocates nothing once they are large enough (one per thread: the page has one).
#[derive(Default)]
struct Scratch {
    extra: Store,
    spare: Vec<Memo>,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Option<Scratch>> = const { std::cell::Cell::new(None) };
}

impl Drop for Restricted<'_> {
    fn drop(&mut self) {
        let scratch = Scratch {
            extra: std::mem::take(&mut self.extra),
            spare: std::mem::take(&mut self.spare),
        };
        let _ = SCRATCH.try_with(|s| s.set(Some(scratch)));
    }
}

impl<'s> Restricted<'s> {
    pub(crate) fn over(base: &'s Store) -> Self {
        let Scratch { mut extra, spare } = SCRATCH
            .try_with(|s| s.take())
            .ok()
            .flatten()
            .unwrap_or_default();
        extra.clear();
        Restricted { base, extra, spare }
    }

    /// An empty memo table, for restrictions by one set of fixed answers; `done` gives it back.
    pub(crate) fn memo(&mut self) -> Memo {
        let mut memo = self.spare.pop().unwrap_or_default();
        memo.reset();
        memo
    }

    /// Takes back a memo table lent by `memo`, for the next restriction.
    pub(crate) fn done(&mut self, memo: Memo) {
        self.spare.push(memo);
    }

    fn branch(&self, id: NodeId) -> Option<&Branch> {
        let base_len = self.base.len() as NodeId + TERMINALS;
        if id < base_len {
            self.base.branch(id)
        } else {
            Some(&self.extra.branches[(id - base_len) as usize])
        }
    }

    fn mask(&self, id: NodeId) -> u32 {
        let base_len = self.base.len() as NodeId + TERMINALS;
        if id < base_len {
            self.base.mask(id)
        } else {
            self.extra.masks[(id - base_len) as usize]
        }
    }

    /// The diagram at `root` with each answered variable fixed to its branch.
    pub(crate) fn restrict(&mut self, root: NodeId, fixed: &Fixed) -> NodeId {
        let mut memo = self.memo();
        let id = self.restrict_memo(root, fixed, &mut memo);
        self.done(memo);
        id
    }

    /// The same, sharing `memo` with other restrictions by the same `fixed`.
    pub(crate) fn restrict_memo(&mut self, id: NodeId, fixed: &Fixed, memo: &mut Memo) -> NodeId {
        // Nothing below is fixed: the diagram stays as it is.
        if self.mask(id) & fixed.mask == 0 {
            return id;
        }
        let Some(branch) = self.branch(id) else {
            return id;
        };
        if let Some(done) = memo.get(id) {
            return done;
        }
        let (var, count) = (branch.var, branch.len as usize);
        let child = |this: &Self, i: usize| this.branch(id).map_or(id, |b| b.kids[i]);
        let result = match fixed.get(var) {
            Some(choice) => {
                let next = child(self, choice as usize);
                self.restrict_memo(next, fixed, memo)
            }
            None => {
                let mut restricted = [0; MAX_BRANCHES];
                let mut changed = false;
                for (i, slot) in restricted.iter_mut().enumerate().take(count) {
                    let c = child(self, i);
                    *slot = self.restrict_memo(c, fixed, memo);
                    changed |= *slot != c;
                }
                if changed {
                    self.node(var, &restricted[..count])
                } else {
                    id
                }
            }
        };
        memo.insert(id, result);
        result
    }

    /// A node in the base store if it is there, else in the scratch store: ids stay canonical.
    fn node(&mut self, var: u8, children: &[NodeId]) -> NodeId {
        if children.iter().all(|&c| c == children[0]) {
            return children[0];
        }
        if let Some(id) = self.base.find(var, children) {
            return id;
        }
        let offset = self.base.len() as NodeId;
        let extra = &self.extra;
        if let Some(id) = extra.unique.find(key(var, children), |id| {
            extra
                .branch(id - offset)
                .is_some_and(|b| b.is(var, children))
        }) {
            return id;
        }
        let branch = Branch::new(var, children);
        let id = self.base.len() as NodeId + TERMINALS + self.extra.branches.len() as NodeId;
        let mask = children.iter().fold(1u32 << var, |m, &c| m | self.mask(c));
        self.extra.masks.push(mask);
        self.extra.unique.insert(branch.key(), id);
        self.extra.branches.push(branch);
        id
    }

    /// Every variable the diagram at `root` tests (all of them matter: it is reduced), in
    /// order, read off its mask.
    pub(crate) fn support(&self, root: NodeId) -> impl Iterator<Item = u8> {
        let mut mask = self.mask(root);
        std::iter::from_fn(move || {
            let v = (mask != 0).then(|| mask.trailing_zeros() as u8)?;
            mask &= mask - 1;
            Some(v)
        })
    }

    /// The terminal codes reachable from `root`, as a bit set.
    pub(crate) fn reachable(&mut self, root: NodeId) -> u8 {
        let mut stack = vec![root];
        let mut seen = self.memo();
        let mut codes = 0u8;
        while let Some(id) = stack.pop() {
            match self.branch(id) {
                None => codes |= 1 << id,
                Some(branch) => {
                    if seen.get(id).is_none() {
                        seen.insert(id, 0);
                        stack.extend(branch.children().iter().copied());
                    }
                }
            }
        }
        self.done(seen);
        codes
    }

    /// The variables that change the value at `root` on their own, every other variable taking
    /// the branch `pick` gives it, as a bit set. Only a variable on `pick`'s own path can: an
    /// ordered diagram tests a variable at most once on a path, so off that path it is not read.
    pub(crate) fn deciding_alone(&self, root: NodeId, pick: &dyn Fn(u8) -> u8) -> u32 {
        let unchanged = self.value(root, pick);
        let (mut id, mut deciding) = (root, 0);
        while let Some(b) = self.branch(id) {
            let own = pick(b.var) as usize;
            let children = b.children().iter().enumerate();
            if children
                .filter(|&(i, _)| i != own)
                .any(|(_, &child)| self.value(child, pick) != unchanged)
            {
                deciding |= 1 << b.var;
            }
            id = b.kids[own];
        }
        deciding
    }

    /// The value at `root` when every variable takes the branch `pick` gives it.
    pub(crate) fn value(&self, root: NodeId, pick: &dyn Fn(u8) -> u8) -> u8 {
        let mut id = root;
        while let Some(b) = self.branch(id) {
            id = b.kids[pick(b.var) as usize];
        }
        id as u8
    }
}
