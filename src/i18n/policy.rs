//! What the texts take from a policy: the numbers and names they quote, and the policies'
//! translations of their own texts (written into each language's `<code>.json` for the page).

use hukou_engine::policy::Policy;

use super::{clause_label, date_label, filled, trf, Lang};
use chrono::{Datelike, NaiveDate};

/// A language's table as the page fetches it (`<code>.json`, written at build time by `hukou
/// texts <code>`): the app's texts the page's build leaves out (the default language's results,
/// every text of the others) and every policy's translations into that language,
/// keyed by the policy's own text (the page's build leaves the translations out of the wasm,
/// feature `lean-translations` of the engine), and the rules' texts in that language by their key
/// (`notice.<id>`: the page's build holds the keys, feature `lean-titles`).
pub fn language_json(lang: Lang) -> String {
    let mut table: Vec<(&str, &str)> = lang.fetched_texts();
    let translations = hukou_engine::POLICIES.iter().flat_map(|p| p.translations);
    for translation in translations.filter(|t| t.lang == lang.code()) {
        table.extend_from_slice(translation.texts);
    }
    // The rules' texts by key, which the page's build holds instead of their words (feature
    // `lean-titles`); the first policy to name a key gives its words.
    let mut keyed: Vec<(String, &str)> = Vec::new();
    for policy in hukou_engine::POLICIES {
        for (key, own) in policy.keyed_texts() {
            if !keyed.iter().any(|(k, _)| *k == key) {
                keyed.push((key, lang.rule(own)));
            }
        }
    }
    let keyed: Vec<(&'static str, &'static str)> = keyed
        .into_iter()
        .map(|(key, text)| (&*key.leak(), text))
        .collect();
    table.extend(keyed);
    table.sort();
    table.dedup();
    serde_json::to_string(&table).expect("texts serialise")
}

/// What the texts quote of a policy, taken from its rules so that a new policy or an amended
/// threshold changes them: `{document}`, `{signed}`, `{year}`, `{months}` (the fewest months a
/// rule asks for), `{age_min}` and `{age_max}` (a relative's age range), `{years}` and
/// `{window_clause}` (a service that lasts a while); the thresholds as in force on `day`.
pub fn policy_args(lang: Lang, policy: &Policy, day: NaiveDate) -> Vec<(&'static str, String)> {
    use hukou_engine::cond::Cond;
    use hukou_engine::field::Ask;
    let mut args = vec![
        ("document", policy.document.to_owned()),
        ("signed", date_label(lang, policy.signed)),
        ("year", policy.signed.year().to_string()),
    ];
    let (mut months, mut ages) = (None, None);
    policy.for_each_leaf(&mut |leaf| match *leaf {
        Cond::AtLeast(field, n) if field.ask() == Ask::Months => {
            months.get_or_insert(n.on(day));
        }
        _ => {}
    });
    // The school ages: the range of the relatives a service is for (6.4's children), not that
    // of a relative's own conditions (the ages before marriage).
    for relatives in policy
        .services
        .iter()
        .filter_map(|s| s.for_relatives.as_ref())
    {
        relatives.for_each_leaf(&mut |leaf| {
            if let Cond::MemberAgeBetween(min, max) = *leaf {
                ages.get_or_insert((min.on(day), max.on(day)));
            }
        });
    }
    if let Some(n) = months {
        args.push(("months", n.to_string()));
    }
    if let Some((min, max)) = ages {
        args.push(("age_min", min.to_string()));
        args.push(("age_max", max.to_string()));
    }
    if let Some((clause, window)) = policy
        .services
        .iter()
        .find_map(|s| s.window.as_ref().map(|w| (s.clause, w)))
    {
        args.push(("years", (window.months.on(day) / 12).to_string()));
        args.push(("window_clause", clause_label(lang, policy.document, clause)));
    }
    args
}

/// A text that may quote the policy, as in force on `day` (see `policy_args`).
pub fn tr_policy(lang: Lang, policy: &Policy, day: NaiveDate, key: &str) -> String {
    let args = policy_args(lang, policy, day);
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    trf(lang, key, &args)
}

/// A rule's text in `lang`, with the thresholds it quotes (`{resident_months}`) in the words of
/// their values on `day`. A text that quotes one is written once per value and kept: the rules
/// have a handful, each with a value or two, so what is kept stays that small.
pub fn rule_on(lang: Lang, policy: &Policy, day: NaiveDate, text: &'static str) -> &'static str {
    let template = lang.rule(text);
    if !template.contains('{') {
        return template;
    }
    let args: Vec<(&str, &str)> = (policy.parameters.iter())
        .map(|p| (p.id, lang.rule(p.dated(day).words)))
        .collect();
    let quoted = filled(template, &args);
    QUOTED.with_borrow_mut(|kept| match kept.iter().find(|k| **k == quoted) {
        Some(k) => *k,
        None => {
            let k: &'static str = quoted.leak();
            kept.push(k);
            k
        }
    })
}

thread_local! {
    static QUOTED: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}
