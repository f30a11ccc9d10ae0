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
