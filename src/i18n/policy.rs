//! What the texts take from a policy: the numbers and names they quote, and the rules' own
//! texts in English (written into `en.json` for the page).

use hukou_engine::policy::Policy;

use super::{clause_label, date_label, trf, Lang};
use chrono::Datelike;

/// A language's table as the page fetches it (`<code>.json`, written at build time by `hukou
/// texts <code>`). English also takes the rules' English, keyed by their Chinese (the page's
/// build leaves it out of the wasm, feature `lean-english` of the engine); another language's
/// table holds its translations of the rules' texts itself.
pub fn language_json(lang: Lang) -> String {
    let mut table: Vec<(&str, &str)> = lang.texts().to_vec();
    if lang == Lang::En {
        table.extend(hukou_engine::POLICIES.iter().flat_map(|p| policy_texts(p)));
    }
    table.sort();
    table.dedup();
    serde_json::to_string(&table).expect("texts serialise")
}

/// Every text of a policy's rules as (Chinese, English).
pub fn policy_texts(policy: &Policy) -> Vec<(&'static str, &'static str)> {
    let mut texts = vec![(policy.title_zh, policy.title_en)];
    for path in policy.paths {
        texts.push((path.title_zh, path.title_en));
        texts.extend(path.conditions.iter().map(|c| (c.label_zh, c.label_en)));
    }
    texts.extend(policy.relatives.iter().map(|c| (c.label_zh, c.label_en)));
    texts.extend(policy.services.iter().map(|s| (s.title_zh, s.title_en)));
    texts.extend(policy.notices.iter().map(|n| (n.title_zh, n.title_en)));
    texts.extend(policy.clauses.iter().map(|c| (c.title_zh, c.title_en)));
    texts
}

/// What the texts quote of a policy, taken from its rules so that a new policy changes them:
/// `{document}`, `{signed}`, `{year}`, `{months}` (the fewest months a rule asks for),
/// `{age_min}` and `{age_max}` (a relative's age range), `{years}` and `{window_clause}` (a
/// service that lasts a while).
pub fn policy_args(lang: Lang, policy: &Policy) -> Vec<(&'static str, String)> {
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
            months.get_or_insert(n);
        }
        Cond::MemberAgeBetween(min, max) => {
            ages.get_or_insert((min, max));
        }
        _ => {}
    });
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
        args.push(("years", (window.months / 12).to_string()));
        args.push(("window_clause", clause_label(lang, policy.document, clause)));
    }
    args
}

/// A text that may quote the policy (see `policy_args`).
pub fn tr_policy(lang: Lang, policy: &Policy, key: &str) -> String {
    let args = policy_args(lang, policy);
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    trf(lang, key, &args)
}
