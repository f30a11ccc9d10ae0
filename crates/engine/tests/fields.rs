//! Field paths: the contract names fields as `residence` or `family[2].married`.

#[test]
fn a_field_path_reads_back_as_the_same_field() {
    use hukou_engine::field::{Field, MemberField};
    for &field in Field::TOP_LEVEL {
        assert_eq!(Field::from_path(&field.to_string()), Some(field));
    }
    let married = Field::Member(2, MemberField::Married);
    assert_eq!(Field::from_path("family[2].married"), Some(married));
    assert_eq!(Field::from_path("family[x].married"), None);
    assert_eq!(Field::from_path("tagret_area"), None);
}
