//! The rules as data: every rule cites a clause that exists, and every clause is the document's
//! own words.

use chrono::NaiveDate;
use hukou_engine::cond::{Cond, Parameter};
use hukou_engine::policies::{self, POLICIES};
use hukou_engine::policy::{PathId, Policy};

/// The full text of each policy, as published, kept as `policy/<id>.txt`.
fn full_text(policy: &Policy) -> String {
    let path = format!("{}/policy/{}.txt", env!("CARGO_MANIFEST_DIR"), policy.id);
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("no full text kept for {}", policy.id))
}

fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '□')
        .collect()
}

/// Every clause id any rule cites, with the rule's name for messages.
fn citations(policy: &Policy) -> Vec<(String, &'static str)> {
    let mut cited = Vec::new();
    for path in policy.paths {
        cited.push((format!("path {}", path.id.id()), path.clause));
        for c in path.conditions {
            cited.extend(
                c.clauses
                    .iter()
                    .map(|&id| (format!("condition {} of {}", c.id, path.id.id()), id)),
            );
        }
    }
    for c in policy.relatives {
        cited.extend(
            c.clauses
                .iter()
                .map(|&id| (format!("relative condition {}", c.id), id)),
        );
    }
    cited.extend(
        policy
            .services
            .iter()
            .map(|s| (format!("service {}", s.id), s.clause)),
    );
    cited.extend(
        policy
            .notices
            .iter()
            .map(|n| (format!("notice {}", n.id), n.clause)),
    );
    cited
}

#[test]
fn every_rule_cites_a_clause_the_policy_has() {
    for policy in POLICIES {
        for (rule, clause) in citations(policy) {
            assert!(!clause.is_empty(), "{rule} cites no clause");
            assert!(
                policy.clause(clause).is_some(),
                "{rule} cites clause {clause:?}, which {} lacks",
                policy.id
            );
        }
    }
}

#[test]
fn every_condition_cites_at_least_one_clause() {
    for policy in POLICIES {
        let conditions = policy
            .paths
            .iter()
            .flat_map(|p| p.conditions)
            .chain(policy.relatives);
        for c in conditions {
            assert!(!c.clauses.is_empty(), "condition {} cites no clause", c.id);
        }
    }
}

#[test]
fn every_clause_kept_is_cited_by_some_rule() {
    for policy in POLICIES {
        let cited = citations(policy);
        for clause in policy.clauses {
            assert!(
                cited.iter().any(|(_, id)| *id == clause.id),
                "clause {} is cited by no rule",
                clause.id
            );
        }
    }
}

#[test]
fn clause_texts_are_the_documents_own_words() {
    for policy in POLICIES {
        let document = squeeze(&full_text(policy));
        for clause in policy
            .clauses
            .iter()
            .filter(|c| c.source == policy.document)
        {
            assert!(!clause.text.is_empty(), "clause {} has no text", clause.id);
            assert!(
                document.contains(&squeeze(clause.text)),
                "clause {} is not word for word in {}",
                clause.id,
                policy.document
            );
        }
    }
}

#[test]
fn clauses_of_other_documents_are_marked_as_such() {
    for policy in POLICIES {
        for clause in policy
            .clauses
            .iter()
            .filter(|c| c.source != policy.document)
        {
            assert!(
                clause.id.contains(|c: char| c.is_ascii_alphabetic()),
                "clause {} of {} needs a prefix",
                clause.id,
                clause.source
            );
        }
    }
}

#[test]
fn ids_are_unique_and_every_text_of_a_policy_is_written() {
    for policy in POLICIES {
        let mut ids: Vec<&str> = policy.clauses.iter().map(|c| c.id).collect();
        ids.extend(policy.services.iter().map(|s| s.id));
        ids.extend(policy.notices.iter().map(|n| n.id));
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(count, ids.len(), "an id is used twice");
        for text in policy.texts() {
            assert!(!text.trim().is_empty(), "{}: a text is empty", policy.id);
        }
    }
}

/// A translation is keyed by the policy's own text, so a reworded text would leave its old
/// translation behind and its new one untranslated: each language a policy offers translates
/// every text of it, and no table holds a key that is no policy's text. (A later policy may
/// reuse an earlier one's table for the texts they share.)
#[test]
fn a_policy_translates_each_of_its_texts_in_every_language_it_offers_and_nothing_else() {
    let all_texts: Vec<&str> = POLICIES.iter().flat_map(|p| p.texts()).collect();
    // The page fetches one table per language, keyed by the own text: one translation each.
    let mut pairs: Vec<_> = POLICIES
        .iter()
        .flat_map(|p| p.translations)
        .flat_map(|t| t.texts.iter().map(|(own, text)| (t.lang, *own, *text)))
        .collect();
    pairs.sort();
    pairs.dedup();
    for w in pairs.windows(2) {
        assert!(
            (w[0].0, w[0].1) != (w[1].0, w[1].1),
            "{}: {} is translated two ways",
            w[0].0,
            w[0].1
        );
    }
    for policy in POLICIES {
        for table in policy.translations {
            assert!(
                table.texts.windows(2).all(|w| w[0].0 < w[1].0),
                "{} {}: a table must be sorted by its keys, each once",
                policy.id,
                table.lang
            );
            for (own, text) in table.texts {
                assert!(
                    all_texts.contains(own),
                    "{}: {own} is no policy's text",
                    table.lang
                );
                assert!(!text.trim().is_empty(), "{}: {own} is empty", table.lang);
            }
        }
        // The page's build leaves the tables empty (it fetches them).
        if cfg!(feature = "lean-translations") {
            continue;
        }
        for lang in policy.translations.iter().map(|t| t.lang) {
            for own in policy.texts() {
                assert!(
                    policy.translate(lang, own).is_some(),
                    "{} {lang}: {own} is not translated",
                    policy.id
                );
            }
        }
    }
}

#[test]
fn a_condition_id_has_one_wording_throughout_a_policy_so_the_trace_can_name_it_by_id() {
    for policy in POLICIES {
        let all = policy
            .paths
            .iter()
            .flat_map(|p| p.conditions)
            .chain(policy.relatives);
        for c in all {
            let found = policy.condition(c.id).expect("found by its id");
            // Its clauses may differ by path (a home under 3.1 and 3.2): the trace carries them.
            assert_eq!(
                found.label, c.label,
                "{}: {} is worded two ways",
                policy.id, c.id
            );
        }
    }
}

#[test]
fn every_threshold_a_rule_compares_with_is_a_parameter_the_policy_lists_with_a_clause_it_holds() {
    for policy in POLICIES {
        let listed = |p: &Parameter| policy.parameters.iter().any(|l| std::ptr::eq(*l, p));
        let mut read: Vec<&Parameter> = Vec::new();
        policy.for_each_leaf(&mut |leaf| match *leaf {
            Cond::AtLeast(_, p) | Cond::WithinMonths(_, p) => read.push(p),
            Cond::MemberAgeBetween(min, max) => read.extend([min, max]),
            _ => {}
        });
        read.extend(
            policy
                .services
                .iter()
                .filter_map(|s| s.window.map(|w| w.months)),
        );
        for p in read {
            assert!(listed(p), "{}: {} is not listed", policy.id, p.id);
        }
        for p in policy.parameters {
            assert!(
                policy.clause(p.clause).is_some(),
                "{}: {} cites {}",
                policy.id,
                p.id,
                p.clause
            );
            let dates: Vec<NaiveDate> = p.values.iter().map(|d| d.from).collect();
            assert!(
                dates.windows(2).all(|w| w[0] < w[1]),
                "{}: {} is not oldest first",
                policy.id,
                p.id
            );
        }
    }
}

#[test]
fn the_five_paths_are_held_in_contract_order() {
    for policy in POLICIES {
        for (rule, id) in policy.paths.iter().zip(PathId::ALL) {
            assert_eq!(rule.id, id);
        }
    }
}

/// A relative's field means nothing outside a relative: it may only appear under `AnyMember` or in
/// the conditions for relatives.
#[test]
fn relatives_fields_are_read_only_for_a_relative() {
    fn check(cond: &Cond, inside_member: bool, rule: &str) {
        match cond {
            Cond::MemberOneOf(..) | Cond::MemberFlag(..) | Cond::MemberAgeBetween(..) => {
                assert!(
                    inside_member,
                    "{rule} reads a relative's field outside a relative"
                )
            }
            Cond::All(parts) | Cond::Any(parts) => {
                parts.iter().for_each(|c| check(c, inside_member, rule))
            }
            Cond::Not(inner) => check(inner, inside_member, rule),
            Cond::Implied(a, by) => [a, by].iter().for_each(|c| check(c, inside_member, rule)),
            Cond::AnyMember(inner) => check(inner, true, rule),
            _ => {}
        }
    }
    for policy in POLICIES {
        for p in policy.paths {
            p.conditions
                .iter()
                .for_each(|c| check(&c.test, false, p.id.id()));
        }
        policy
            .relatives
            .iter()
            .for_each(|c| check(&c.test, true, c.id));
        policy
            .services
            .iter()
            .for_each(|s| check(&s.applies, false, s.id));
        policy
            .notices
            .iter()
            .for_each(|n| check(&n.applies, false, n.id));
    }
}

#[test]
fn the_policy_in_force_is_chosen_by_date() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert!(
        policies::in_force(day(2016, 1, 5)).is_none(),
        "nothing was in force before 2016-01-06"
    );
    assert_eq!(
        policies::in_force(day(2016, 1, 6)).map(|p| p.id),
        Some("chenzhou-2016-1")
    );
    assert_eq!(
        policies::in_force(day(2026, 11, 28)).map(|p| p.id),
        Some("chenzhou-2016-1")
    );
}

#[test]
fn the_policies_are_listed_oldest_first_so_that_the_one_in_force_on_a_day_is_the_newest_effective_then(
) {
    use hukou_engine::policies::{by_id, in_force};
    for pair in POLICIES.windows(2) {
        assert!(
            pair[0].effective < pair[1].effective,
            "{} is listed before {} but takes effect later",
            pair[0].id,
            pair[1].id
        );
    }
    for policy in POLICIES {
        assert_eq!(in_force(policy.effective).map(|p| p.id), Some(policy.id));
        assert_eq!(by_id(policy.id).map(|p| p.id), Some(policy.id));
    }
}

/// Cargo unifies features across a workspace, so chrono's `clock` is compiled into the engine
/// when the app asks for it: the engine's own code is what must never call it.
#[test]
fn the_engine_never_reads_a_clock_the_day_is_always_an_input() {
    fn sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("the engine's sources") {
            let path = entry.expect("a source file").path();
            if path.is_dir() {
                sources(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    sources(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    assert!(files.len() > 10, "the sources were found");
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable source");
        for clock in [
            "Local::now",
            "Utc::now",
            "SystemTime",
            "Instant::now",
            "today()",
        ] {
            assert!(
                !text.contains(clock),
                "{} reads a clock ({clock})",
                path.display()
            );
        }
    }
}

/// The ages a condition for relatives tests (a child younger than the age of marriage) hold the
/// school ages, since a relative said to be of school age is counted in every range holding them.
#[test]
fn a_child_of_school_age_is_in_every_age_range_a_condition_for_relatives_tests() {
    for policy in POLICIES {
        let mut school = Vec::new();
        for service in policy.services {
            service.applies.for_each_leaf(&mut |leaf| {
                if let Cond::MemberAgeBetween(min, max) = *leaf {
                    school.push((min, max));
                }
            });
        }
        let days: Vec<_> = (policy.parameters.iter())
            .flat_map(|p| p.values.iter().map(|d| d.from))
            .collect();
        for c in policy.relatives {
            c.test.for_each_leaf(&mut |leaf| {
                let Cond::MemberAgeBetween(from, to) = *leaf else {
                    return;
                };
                for (&(min, max), &day) in
                    school.iter().flat_map(|s| days.iter().map(move |d| (s, d)))
                {
                    let holds = from.on(day) <= min.on(day) && max.on(day) <= to.on(day);
                    assert!(holds, "{}: {} on {day}", policy.id, c.id);
                }
            });
        }
    }
}
