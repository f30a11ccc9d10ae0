//! How decisive each open field is.

use super::*;

/// What `missing` gathers: each field with the weight of the parts it could change at once (on
/// its own, the other open fields left open) and of all the parts it could change. Questions are
/// asked by the first, then the second, so a question that matters only once another is answered
/// (why someone has no hukou) comes after that one.
pub(super) struct Tally {
    pub(super) scores: Vec<(Field, (u32, u32))>,
}

impl Tally {
    /// The fields by how much they settle (then in declaration order), and each path's own
    /// fields in that order.
    pub(super) fn ranked(
        self,
        mut path_missing: [Vec<Field>; PathId::COUNT],
    ) -> (Vec<Field>, [Vec<Field>; PathId::COUNT]) {
        let mut scores = self.scores;
        sort_stably(&mut scores, |(fa, sa), (fb, sb)| {
            sb.cmp(sa).then(fa.cmp(fb)).is_lt()
        });
        let rank = |field: &Field| scores.iter().position(|(f, _)| f == field);
        for missing in &mut path_missing {
            sort_stably(missing, |a, b| rank(a) < rank(b));
        }
        (scores.into_iter().map(|(f, _)| f).collect(), path_missing)
    }

    pub(super) fn add(&mut self, field: Field, weight: u32, now: bool) {
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
    pub(super) fn add_support(
        &mut self,
        r: &Restricted,
        c: &Compiled,
        root: NodeId,
        weight: u32,
        field: &dyn Fn(u8) -> Field,
    ) {
        let open = |v: u8| (c.branches(v) - 1) as u8;
        let now = r.deciding_alone(root, &open);
        for v in r.support(root) {
            self.add(field(v), weight, now & (1 << v) != 0);
        }
    }
}

/// Sorts in place, keeping equal items in their order: an insertion sort, as these lists hold a
/// few fields and the standard library's sort costs the page's binary half a kilobyte for each
/// type it sorts.
fn sort_stably<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}
