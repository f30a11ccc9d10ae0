//! Reduced, ordered decision diagrams over the answers' classes, for an exact `missing`.
//!
//! A variable is one answer field (or a relative's field, or the state of "some relative meets
//! this"); its branches are the classes the rules tell apart (each word of an enum, each side of
//! each threshold) and, last, "not answered". Nodes are hash-consed, so two sub-diagrams are equal
//! exactly when they are the same function, and a function depends on a variable exactly when the
//! variable appears in its reduced diagram.

/// A map from 64-bit keys to node ids, by open addressing: one small piece of code instead of a
/// general hash map per key type, which would cost the page's wasm several kilobytes each.
#[derive(Default, Debug)]
pub(crate) struct IdTable {
    /// (key, id + 1); 0 marks an empty slot.
    slots: Vec<(u64, u32)>,
    len: usize,
}

impl IdTable {
    fn spread(key: u64) -> u64 {
        (key ^ (key >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (key >> 32)
    }

    /// Calls `matches` on every id stored under `key` until it says yes.
    pub(crate) fn find(&self, key: u64, matches: impl Fn(u32) -> bool) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = Self::spread(key) as usize & mask;
        loop {
            match self.slots[i] {
                (_, 0) => return None,
                (k, id) if k == key && matches(id - 1) => return Some(id - 1),
                _ => i = (i + 1) & mask,
            }
        }
    }

    fn clear(&mut self) {
        self.slots.fill((0, 0));
        self.len = 0;
    }

    pub(crate) fn insert(&mut self, key: u64, id: u32) {
        if (self.len + 1) * 2 > self.slots.len() {
            let size = (self.slots.len() * 2).max(64);
            let old = std::mem::replace(&mut self.slots, vec![(0, 0); size]);
            self.len = 0;
            for (k, v) in old.into_iter().filter(|&(_, v)| v != 0) {
                self.insert(k, v - 1);
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = Self::spread(key) as usize & mask;
        while self.slots[i].1 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (key, id + 1);
        self.len += 1;
    }
}

/// A pair of node ids as one key.
pub(crate) fn pair(a: NodeId, b: NodeId) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// Restrictions already made, by node id: a dense table stamped with the restriction it belongs
/// to, so that starting another restriction (`reset`) clears nothing and a table kept between
/// calls allocates nothing once it is large enough.
pub(crate) struct Memo {
    stamp: u32,
    /// (stamp, result) per node id; a slot whose stamp is not the current one is empty.
    slots: Vec<(u32, NodeId)>,
}

impl Default for Memo {
    fn default() -> Self {
        Memo {
            stamp: 1,
            slots: Vec::new(),
        }
    }
}

impl Memo {
    fn get(&self, id: NodeId) -> Option<NodeId> {
        match self.slots.get(id as usize) {
            Some(&(stamp, value)) if stamp == self.stamp => Some(value),
            _ => None,
        }
    }

    fn insert(&mut self, id: NodeId, value: NodeId) {
        let i = id as usize;
        if i >= self.slots.len() {
            self.slots
                .resize((i + 1).next_power_of_two().max(256), (0, 0));
        }
        self.slots[i] = (self.stamp, value);
    }

    /// Empties the table for another restriction.
    fn reset(&mut self) {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.slots.fill((0, 0));
            self.stamp = 1;
        }
    }
}

/// The most branches a variable has (an enum's words and "not answered").
pub(crate) const MAX_BRANCHES: usize = 16;

/// A node id; ids below `TERMINALS` are terminals whose code is the id itself.
pub(crate) type NodeId = u32;

/// How many terminal codes a diagram may end in (a part's value as the outcome shows it).
pub(crate) const TERMINALS: u32 = 3;

/// The variables fixed by answers, each to the branch its answer selects.
#[derive(Clone, Copy)]
pub(crate) struct Fixed {
    mask: u32,
    branch: [u8; 32],
}

impl Fixed {
    pub(crate) const NONE: Fixed = Fixed {
        mask: 0,
        branch: [0; 32],
    };

    pub(crate) fn with(mut self, var: u8, branch: u8) -> Fixed {
        self.mask |= 1 << var;
        self.branch[var as usize] = branch;
        self
    }

    fn get(&self, var: u8) -> Option<u8> {
        (self.mask & (1 << var) != 0).then(|| self.branch[var as usize])
    }
}

/// A node: the variable it tests and its children, kept inline (no allocation per node: a
/// restriction makes many).
#[derive(Clone, PartialEq, Eq, Debug)]
struct Branch {
    var: u8,
    len: u8,
    kids: [NodeId; MAX_BRANCHES],
}

impl Branch {
    fn new(var: u8, children: &[NodeId]) -> Branch {
        let mut kids = [0; MAX_BRANCHES];
        kids[..children.len()].copy_from_slice(children);
        Branch {
            var,
            len: children.len() as u8,
            kids,
        }
    }

    fn children(&self) -> &[NodeId] {
        &self.kids[..self.len as usize]
    }

    fn key(&self) -> u64 {
        key(self.var, self.children())
    }

    fn is(&self, var: u8, children: &[NodeId]) -> bool {
        self.var == var && self.children() == children
    }
}

/// The hash of a node testing `var` with these children.
fn key(var: u8, children: &[NodeId]) -> u64 {
    children.iter().fold(u64::from(var), |h, &c| {
        (h.rotate_left(9) ^ u64::from(c)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    })
}

/// A store of hash-consed branch nodes. Terminals are not stored.
#[derive(Default, Debug)]
pub(crate) struct Store {
    branches: Vec<Branch>,
    /// Per branch node, the variables tested in the diagram below it, as bits.
    masks: Vec<u32>,
    unique: IdTable,
}

impl Store {
    pub(crate) fn leaf(code: u8) -> NodeId {
        debug_assert!(u32::from(code) < TERMINALS);
        NodeId::from(code)
    }

    fn branch(&self, id: NodeId) -> Option<&Branch> {
        id.checked_sub(TERMINALS)
            .map(|i| &self.branches[i as usize])
    }

    /// The node testing `var` with these children; the child itself when all are equal.
    pub(crate) fn node(&mut self, var: u8, children: &[NodeId]) -> NodeId {
        if children.iter().all(|&c| c == children[0]) {
            return children[0];
        }
        if let Some(id) = self.find(var, children) {
            return id;
        }
        let branch = Branch::new(var, children);
        let id = self.branches.len() as NodeId + TERMINALS;
        let mask = children.iter().fold(1u32 << var, |m, &c| m | self.mask(c));
        self.masks.push(mask);
        self.unique.insert(branch.key(), id);
        self.branches.push(branch);
        id
    }

    /// The id of the node testing `var` with these children, if the store has one.
    fn find(&self, var: u8, children: &[NodeId]) -> Option<NodeId> {
        self.unique.find(key(var, children), |id| {
            self.branch(id).is_some_and(|b| b.is(var, children))
        })
    }

    fn mask(&self, id: NodeId) -> u32 {
        id.checked_sub(TERMINALS)
            .map_or(0, |i| self.masks[i as usize])
    }

    /// The variable a node tests, `None` for a terminal.
    pub(crate) fn var(&self, id: NodeId) -> Option<u8> {
        self.branch(id).map(|b| b.var)
    }

    /// A branch node's child for one branch.
    pub(crate) fn child(&self, id: NodeId, branch: usize) -> NodeId {
        self.branch(id).map_or(id, |b| b.kids[branch])
    }

    pub(crate) fn len(&self) -> usize {
        self.branches.len()
    }

    /// Empties the store, keeping its memory.
    fn clear(&mut self) {
        self.branches.clear();
        self.masks.clear();
        self.unique.clear();
    }
}

mod restrict;
pub(crate) use restrict::Restricted;

#[cfg(test)]
mod tests;
