//! Every sentence that states a fact from another document names it and is listed, with its
//! article, in `docs/sources.md`; every row of that table names a text that exists and says
//! which document it rests on, in every language.

use chenzhou_hukou::i18n::Lang;
use hukou_engine::{Policy, POLICIES};

const SOURCES: &str = include_str!("../docs/sources.md");

/// The rows of the markdown table under `heading`, each cell trimmed of spaces and backticks.
fn table(heading: &str) -> Vec<Vec<String>> {
    let section = SOURCES
        .split("\n## ")
        .find(|s| s.starts_with(heading))
        .unwrap_or_else(|| panic!("docs/sources.md has no section {heading}"));
    section
        .lines()
        .filter(|l| l.starts_with('|') && !l.starts_with("|---"))
        .skip(1)
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().trim_matches('`').to_owned())
                .collect()
        })
        .collect()
}

struct Document {
    id: String,
    /// How the texts name it, per language, in `Lang::ALL` order.
    names: Vec<String>,
}

fn documents() -> Vec<Document> {
    table("Documents")
        .into_iter()
        .map(|row| Document {
            id: row[0].clone(),
            names: row[2].split(" / ").map(str::to_owned).collect(),
        })
        .collect()
}

/// Every text of a policy's rules that states something (not a clause's own title), by
/// `kind:id`, in its own language.
fn rule_texts(policy: &Policy) -> Vec<(String, &'static str)> {
    let mut texts = Vec::new();
    for path in policy.paths {
        texts.push((format!("path:{}", path.id.id()), path.title));
        for c in path.conditions {
            texts.push((format!("condition:{}", c.id), c.label));
        }
    }
    for c in policy.relatives {
        texts.push((format!("condition:{}", c.id), c.label));
    }
    for s in policy.services {
        texts.push((format!("service:{}", s.id), s.title));
    }
    for n in policy.notices {
        texts.push((format!("notice:{}", n.id), n.title));
    }
    texts
}

/// The text `key` in each language, if it exists: an app key, or a rule's `kind:id`.
fn texts_of(key: &str) -> Option<Vec<String>> {
    if key.contains(':') {
        let own = POLICIES
            .iter()
            .flat_map(|p| rule_texts(p))
            .find(|(k, _)| k == key)?
            .1;
        let policy = POLICIES[0];
        return Some(
            Lang::ALL
                .iter()
                .map(|lang| match lang.code() {
                    "zh" => own.to_owned(),
                    code => policy.translate(code, own).unwrap_or_default().to_owned(),
                })
                .collect(),
        );
    }
    Lang::ALL
        .iter()
        .map(|lang| {
            lang.texts()
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, t)| (*t).to_owned())
        })
        .collect()
}

/// Every statement in every language: (key, language index, text).
fn every_statement() -> Vec<(String, usize, String)> {
    let mut all = Vec::new();
    for (i, lang) in Lang::ALL.iter().enumerate() {
        for (key, text) in lang.texts() {
            // A citation's form, quoted beside the clause's own words: not a statement.
            if !key.starts_with("cite.") {
                all.push((key.to_string(), i, text.to_string()));
            }
        }
    }
    for policy in POLICIES {
        for (key, own) in rule_texts(policy) {
            for (i, lang) in Lang::ALL.iter().enumerate() {
                let text = match lang.code() {
                    "zh" => Some(own),
                    code => policy.translate(code, own),
                };
                all.extend(text.map(|t| (key.clone(), i, t.to_owned())));
            }
        }
    }
    all
}

#[test]
fn every_text_that_names_another_document_is_listed_with_its_article() {
    let documents = documents();
    let rows = table("Statements");
    let mut unlisted = Vec::new();
    for (key, lang, text) in every_statement() {
        for document in &documents {
            let named = text.contains(document.names[lang].as_str());
            if named && !rows.iter().any(|r| r[0] == key && r[1] == document.id) {
                unlisted.push(format!("{key} names {} and has no row", document.id));
            }
        }
    }
    unlisted.dedup();
    assert!(
        unlisted.is_empty(),
        "docs/sources.md:\n{}",
        unlisted.join("\n")
    );
}

#[test]
fn every_row_is_a_text_that_names_its_document_in_every_language() {
    let documents = documents();
    for row in table("Statements") {
        let (key, id, article) = (&row[0], &row[1], &row[2]);
        assert!(!article.is_empty(), "{key}: no article");
        let document = documents
            .iter()
            .find(|d| &d.id == id)
            .unwrap_or_else(|| panic!("{key}: {id} is not a document the page names"));
        let texts = texts_of(key).unwrap_or_else(|| panic!("{key}: no such text"));
        for (text, name) in texts.iter().zip(&document.names) {
            assert!(
                text.contains(name.as_str()),
                "{key} does not name {name}: {text}"
            );
        }
    }
}

#[test]
fn every_document_listed_is_one_the_page_names() {
    let rows = table("Statements");
    for document in documents() {
        assert_eq!(document.names.len(), Lang::ALL.len(), "{}", document.id);
        assert!(
            rows.iter().any(|r| r[1] == document.id),
            "{} is listed but no text names it",
            document.id
        );
    }
}
