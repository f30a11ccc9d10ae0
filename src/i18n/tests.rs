//! Tests of `i18n`.

use super::*;
use chrono::NaiveDate;

fn keys(lang: Lang) -> Vec<&'static str> {
    lang.texts().iter().map(|(k, _)| *k).collect()
}

/// The rules' own texts, in Chinese: another language's table may translate them by these keys.
fn rule_texts() -> Vec<&'static str> {
    hukou_engine::POLICIES
        .iter()
        .flat_map(|p| p.texts())
        .collect()
}

#[test]
fn every_language_has_exactly_the_keys_of_the_default_one() {
    let zh = keys(Lang::Zh);
    let rules = rule_texts();
    for lang in Lang::ALL {
        let other = keys(lang);
        let missing: Vec<_> = zh.iter().filter(|k| !other.contains(k)).collect();
        let extra: Vec<_> = other
            .iter()
            .filter(|k| !zh.contains(k) && !rules.contains(k))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang:?} lacks {missing:?} and has extra {extra:?}"
        );
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
    }
}

#[test]
fn every_language_says_every_text_of_the_rules() {
    for lang in Lang::ALL {
        for policy in hukou_engine::POLICIES {
            for own in policy.texts().into_iter().filter(|_| lang != Lang::ALL[0]) {
                let said = policy.translate(lang.code(), own).is_some() || has(lang, own);
                assert!(said, "{lang:?} has no text for the rules' {own:?}");
                assert_ne!(lang.rule(own), own, "{lang:?} says {own:?} in Chinese");
            }
        }
    }
}

#[test]
fn a_language_is_one_line_of_the_registry_with_its_own_code_and_file() {
    assert_eq!(Lang::ALL.len(), LANGS.len());
    assert_eq!(Lang::default(), Lang::ALL[0]);
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
        assert_eq!(lang.table_file(), format!("{}.json", lang.code()));
        assert!(
            is_ready(lang),
            "{lang:?}: tables are compiled in outside the page's build"
        );
    }
    assert_eq!(
        Lang::En.inside_sentence("Chenzhou's police station"),
        "chenzhou's police station"
    );
    assert_eq!(Lang::Zh.inside_sentence("派出所"), "派出所");
}

#[test]
fn dates_are_written_as_each_language_writes_them() {
    let date = NaiveDate::from_ymd_opt(2027, 2, 28).unwrap();
    assert_eq!(date_label(Lang::Zh, date), "2027年2月28日");
    assert_eq!(date_label(Lang::En, date), "28 February 2027");
}

#[test]
fn keys_are_sorted_and_unique_so_lookup_finds_them() {
    for lang in Lang::ALL {
        let keys = keys(lang);
        assert!(
            keys.windows(2).all(|w| w[0] < w[1]),
            "{lang:?} keys must be unique across its tables"
        );
        for table in lang.compiled() {
            assert!(
                table.windows(2).all(|w| w[0].0 < w[1].0),
                "each of {lang:?}'s tables must be sorted by key"
            );
        }
    }
}

#[test]
fn no_text_is_empty() {
    for lang in Lang::ALL {
        for (key, text) in lang.texts() {
            assert!(!text.trim().is_empty(), "{lang:?} {key} is empty");
        }
    }
}

/// Every key the code looks up (`tr(…, "key")`, `trf(…, "key", …)`, `key("…")`) exists.
#[test]
fn every_key_used_in_the_code_exists_in_both_languages() {
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut missing = Vec::new();
    let mut files = vec![std::path::PathBuf::from(src)];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for key in used_keys(&text) {
            for lang in Lang::ALL {
                if lang
                    .texts()
                    .binary_search_by(|(k, _)| (*k).cmp(key.as_str()))
                    .is_err()
                {
                    missing.push(format!(
                        "{} uses {key:?}, missing in {lang:?}",
                        path.display()
                    ));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// String literals passed as the key of `tr(`, `trf(` or `key(`.
fn used_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for marker in ["tr(", "trf(", "key(\""] {
        for (at, _) in text.match_indices(marker) {
            let rest = &text[at + marker.len()..];
            let rest = if marker == "key(\"" {
                &text[at + marker.len() - 1..]
            } else {
                rest
            };
            let Some(open) = rest.find('"') else { continue };
            // Only a literal right after the language argument (or directly, for key(")).
            let between = &rest[..open];
            if marker != "key(\"" && !between.ends_with(", ") {
                continue;
            }
            if between.contains(['(', ')', ';', '{']) {
                continue;
            }
            if let Some(close) = rest[open + 1..].find('"') {
                let key = &rest[open + 1..open + 1 + close];
                if key.contains('.') && !key.contains(['{', ' ']) {
                    keys.push(key.to_owned());
                }
            }
        }
    }
    keys
}

#[test]
fn clauses_are_cited_as_people_cite_them() {
    assert_eq!(
        clause_label(Lang::Zh, "郴政发〔2016〕1号", "3.1"),
        "郴政发〔2016〕1号 三（一）"
    );
    assert_eq!(
        clause_label(Lang::Zh, "郴政发〔2016〕1号", "2"),
        "郴政发〔2016〕1号 二"
    );
    assert_eq!(
        clause_label(Lang::En, "郴政发〔2016〕1号", "6.5"),
        "郴政发〔2016〕1号 §6(5)"
    );
    assert_eq!(
        clause_label(Lang::Zh, "郴政发〔2016〕1号", "ord663.2"),
        "《居住证暂行条例》第二条"
    );
}

#[test]
fn placeholders_are_filled() {
    assert_eq!(
        trf(Lang::En, "progress", &[("done", "3"), ("left", "4")]),
        "3 answered, about 4 to go"
    );
}

#[test]
fn the_first_screens_use_only_the_texts_compiled_into_the_page() {
    // The page's build fetches the questions' and results' texts once the app has started: the
    // start screen, the header, the notices (the clock's day among them) must not need them.
    let first_screens = [
        "src/app.rs",
        "src/components/start.rs",
        "src/components/header.rs",
        "src/components/date_answer.rs",
        "src/state/join.rs",
    ];
    let compiled: Vec<&str> = Lang::ALL[0].compiled()[0].iter().map(|(k, _)| *k).collect();
    let later: Vec<&str> = Lang::ALL[0].compiled()[1].iter().map(|(k, _)| *k).collect();
    for file in first_screens {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let code = std::fs::read_to_string(&path).unwrap();
        for key in code.split('"').skip(1).step_by(2) {
            let waits =
                crate::app::NOTICES_AFTER_TEXTS.contains(&key) || key.starts_with("stored.");
            assert!(
                !later.contains(&key) || compiled.contains(&key) || waits,
                "{file} uses {key}, a text of the results the page fetches later"
            );
        }
    }
}

#[test]
fn each_fetched_table_is_written_sorted_by_key_as_the_page_needs_it() {
    for lang in Lang::ALL {
        let pairs = fetched_pairs(&language_json(lang)).unwrap();
        assert!(!pairs.is_empty(), "{lang:?}");
        assert!(
            pairs.windows(2).all(|w| w[0].0 < w[1].0),
            "{lang:?}.json must be sorted by key, each key once"
        );
    }
}

#[test]
fn the_birth_date_question_quotes_the_school_ages_not_the_ages_before_marriage() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let policy = hukou_engine::policies::in_force(day).unwrap();
    let args = policy::policy_args(Lang::Zh, policy, day);
    let arg = |name: &str| {
        args.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!((arg("age_min"), arg("age_max")), (Some("6"), Some("15")));
}
