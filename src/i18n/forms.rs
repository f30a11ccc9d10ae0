//! How a clause and a date are written in each language, from the tables' forms (`cite.*`,
//! `date.*`).

use chrono::{Datelike, NaiveDate};

use super::{tr, trf, Lang};

/// A clause id of the policy `document` as people cite it: `3.1` is 三（一） in Chinese, "3(1)"
/// in English; clauses of other documents name their document. The forms are the table's
/// (`cite.*`), its numerals too.
pub fn clause_label(lang: Lang, document: &str, id: &str) -> String {
    let numeral = |digits: &str| {
        let numerals = tr(lang, "cite.numerals");
        match digits.parse::<usize>() {
            Ok(n) => numerals.split(' ').nth(n).unwrap_or(digits).to_owned(),
            Err(_) => digits.to_owned(),
        }
    };
    let (section, item) = id.split_once('.').map_or((id, None), |(s, i)| (s, Some(i)));
    // Another document's article (`ord663.2`, `civil.1047`) has that document's own form.
    let form = match (section.parse::<u8>(), item) {
        (Err(_), _) => format!("cite.{section}"),
        (_, Some(_)) => "cite.clause_item".to_owned(),
        (_, None) => "cite.clause".to_owned(),
    };
    trf(
        lang,
        &form,
        &[
            ("document", document),
            ("section", &numeral(section)),
            ("item", &item.map(numeral).unwrap_or_default()),
        ],
    )
}

/// A date as people write it (`date.format`): 2027年2月28日, or 28 February 2027.
pub fn date_label(lang: Lang, date: NaiveDate) -> String {
    let month_name = tr(lang, "date.month_names")
        .split(' ')
        .nth(date.month0() as usize)
        .unwrap_or_default();
    trf(
        lang,
        "date.format",
        &[
            ("year", &date.year().to_string()),
            ("month", &date.month().to_string()),
            ("month_name", month_name),
            ("day", &date.day().to_string()),
        ],
    )
}
