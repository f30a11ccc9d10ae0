//! What the page's build leaves out of the rules: the clauses' own words (feature `lean-clauses`)
//! and the texts shown to people (feature `lean-titles`), fetched by the page instead.

/// A clause's own words; left out of the page's binary (feature `lean-clauses`), which fetches
/// them when a citation is first opened.
#[cfg(not(feature = "lean-clauses"))]
macro_rules! words {
    ($text:literal) => {
        $text
    };
}
#[cfg(feature = "lean-clauses")]
macro_rules! words {
    ($text:literal) => {
        ""
    };
}

/// A text of the rules shown to people (a title, a label): its own words, or, in the page's build
/// (feature `lean-titles`), its key (`notice.<id>`), under which the page fetches the words with
/// the results' texts (`Policy::keyed_texts`).
#[cfg(not(feature = "lean-titles"))]
macro_rules! own {
    ($key:literal, $text:literal) => {
        $text
    };
}
#[cfg(feature = "lean-titles")]
macro_rules! own {
    ($key:literal, $text:literal) => {
        $key
    };
}
