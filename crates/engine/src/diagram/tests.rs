//! Tests of `diagram`.

use super::*;

#[test]
fn a_variable_whose_branches_all_agree_is_not_a_node() {
    let mut store = Store::default();
    assert_eq!(store.node(0, &[1, 1, 1]), 1);
    let a = store.node(0, &[0, 1, 2]);
    let b = store.node(0, &[0, 1, 2]);
    assert_eq!(a, b, "equal functions are one node");
}

#[test]
fn restricting_away_the_only_difference_removes_the_variable() {
    let mut store = Store::default();
    // var 1 decides only when var 0 takes branch 0.
    let inner = store.node(1, &[0, 1, 2]);
    let root = store.node(0, &[inner, 1, 2]);
    let mut r = Restricted::over(&store);
    let fixed = r.restrict(root, &Fixed::NONE.with(0, 1));
    assert_eq!(fixed, 1);
    let open = r.restrict(root, &Fixed::NONE);
    assert_eq!(r.support(open).collect::<Vec<_>>(), vec![0, 1]);
    assert_eq!(r.reachable(open), 0b111);
}

#[test]
fn a_restriction_over_another_store_starts_from_nothing_the_last_one_left() {
    // The scratch store and memo tables are kept between calls. Both stores below have three
    // nodes, so the same ids mean other nodes in each: what the first restriction made or
    // remembered must not be read back by the second.
    let mut small = Store::default();
    let inner = small.node(1, &[0, 1, 2]);
    let other = small.node(2, &[0, 1, 2]);
    let root = small.node(0, &[inner, other, 2]);
    {
        let mut r = Restricted::over(&small);
        // A scratch node testing 0 with children (inner, 0, 2): it reads variables 0 and 1.
        let open = r.restrict(root, &Fixed::NONE.with(2, 0));
        assert_eq!(r.support(open).collect::<Vec<_>>(), vec![0, 1]);
    }

    let mut large = Store::default();
    let by_two = large.node(2, &[0, 1, 2]);
    let by_one = large.node(1, &[0, 1, 2]);
    let root = large.node(0, &[by_two, by_one, 2]);
    assert_eq!(by_two, inner, "the same id, another node");
    let mut r = Restricted::over(&large);
    // The same children by id as the first scratch node, but here it reads variables 0 and 2.
    let open = r.restrict(root, &Fixed::NONE.with(1, 0));
    assert_eq!(r.support(open).collect::<Vec<_>>(), vec![0, 2]);
    assert_eq!(r.reachable(open), 0b111);
    let again = r.restrict(root, &Fixed::NONE.with(1, 0));
    assert_eq!(again, open, "the same restriction is the same node");
}
