//! Services' and notices' diagrams with "some relative meets" fixed, built with the policy's.

use super::compile::Compiler;
use super::*;

/// A service's or notice's diagram, and the same with "some relative meets" fixed to each of its
/// values (met, unmet, unknown): built once with the policy's diagrams, where restricting by it
/// on every call cost a third of `missing`.
pub(super) struct Part {
    pub(super) root: NodeId,
    pub(super) given_any: [NodeId; 3],
}

impl Compiler<'_> {
    pub(super) fn part(&mut self, root: NodeId) -> Part {
        Part {
            root,
            given_any: [MET, UNMET, UNKNOWN].map(|t| {
                let mut memo = crate::diagram::IdTable::default();
                self.fix(root, ANY, t, &mut memo)
            }),
        }
    }

    /// The diagram at `d` with `var` fixed to `branch`.
    fn fix(
        &mut self,
        d: NodeId,
        var: u8,
        branch: u8,
        memo: &mut crate::diagram::IdTable,
    ) -> NodeId {
        match self.c.store.var(d) {
            None => d,
            Some(v) if v == var => self.c.store.child(d, branch as usize),
            Some(v) if v > var => d, // ordered: `var` is not below
            Some(v) => {
                if let Some(done) = memo.find(u64::from(d), |_| true) {
                    return done;
                }
                let children: Vec<NodeId> = (0..self.c.branches(v))
                    .map(|i| {
                        let child = self.c.store.child(d, i);
                        self.fix(child, var, branch, memo)
                    })
                    .collect();
                let result = self.c.store.node(v, &children);
                memo.insert(u64::from(d), result);
                result
            }
        }
    }
}
