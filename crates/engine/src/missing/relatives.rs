//! "Some relative meets this": the policy's `AnyMember` condition, over listed relatives and
//! one who could still be added.

use super::*;

/// What "some relative meets the relative condition" can still become, and which relatives'
/// fields can move it.
pub(super) struct AnyState {
    pub(super) family_answered: bool,
    /// Its value on the answers as they are.
    pub(super) now: u8,
    /// Terminal codes the condition can still take, as a bit set.
    pub(super) reachable: u8,
    /// Per relative and open field: the (before, after) changes an answer can make to the
    /// condition as a whole.
    pub(super) moves: Vec<(Field, Vec<(u8, u8)>)>,
}

impl AnyState {
    pub(super) fn new(
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
        for (i, &root) in roots.iter().enumerate() {
            let vars: Vec<u8> = r.support(root).collect();
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

    /// Adds the fields that could change a service or notice whose diagram, restricted by the
    /// answers, is `root`; `given` is the same with "some relative meets" fixed to each of its
    /// values, when `root` still tests it.
    pub(super) fn tally(
        &self,
        r: &mut Restricted,
        c: &Compiled,
        root: NodeId,
        given: Option<[NodeId; 3]>,
        weight: u32,
        tally: &mut Tally,
    ) {
        let Some(given) = given else {
            tally.add_support(r, c, root, weight, &|v| TOP[v as usize]);
            return;
        };
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
            for v in r.support(given[t as usize]) {
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
pub(super) fn member_moves(
    c: &Compiled,
    r: &Restricted,
    root: NodeId,
    vars: &[u8],
    var: u8,
) -> Vec<(u8, u8)> {
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
