//! The page's build (feature `lean-titles`) leaves the rules' texts out: each is its key, under
//! which the page fetches its words. Run with `--features lean-titles`.
#![cfg(feature = "lean-titles")]

use hukou_engine::POLICIES;

#[test]
fn in_the_pages_build_every_text_of_the_rules_is_the_key_it_is_fetched_under() {
    let policy = POLICIES[0];
    for (key, text) in policy.keyed_texts() {
        assert_eq!(
            key, text,
            "the rules name a text by another key than the page fetches it under"
        );
    }
}
