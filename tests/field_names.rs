//! Each answer field is declared once: no more than four source files name it (its declaration,
//! the rules that read it, the two language tables). Everything else reaches a field through
//! the declaration: its kind, its choices, its role (the place, the relatives, the kinship).
//! A language's table counts once, whatever files it spans (`zh.rs`, `zh/join.rs`).
//! Every policy's rules count as one place, the rules: a later policy is a file of its own.

mod source_files;

use std::path::Path;

use hukou_engine::{Field, MemberField};

const MOST_FILES_PER_FIELD: usize = 4;

/// The code of a source file as the check reads it (unit tests in a `tests.rs` are not read):
/// without its unit tests, comments, serde
/// attributes (the outcome's own names) and the lines declaring a vocabulary's words (a word
/// such as `target_area` may also be a field's name).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("a readable source");
    let text = text
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or_default();
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .filter(|line| !line.trim_start().starts_with("#[serde("))
        .filter(|line| {
            let t = line.trim();
            !(t.ends_with("\",") && t.contains(" = \"") && !t.contains("=>"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text with every string literal emptied, so that `.name` inside a text key is not read as
/// a field access.
fn without_strings(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in code.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                out.push(c);
            }
        } else {
            if c == '"' {
                in_string = true;
            }
            out.push(c);
        }
    }
    out
}

fn camel(name: &str) -> String {
    name.split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Whether `needle` occurs in `text` with no identifier character right after it.
fn has_word(text: &str, needle: &str) -> bool {
    text.match_indices(needle).any(|(i, _)| {
        !text[i + needle.len()..]
            .chars()
            .next()
            .is_some_and(is_ident)
    })
}

/// Whether `name` stands as one segment of a text key or a contract word: `"residence"`,
/// `"q.residence"`, `"choice.residence.owned"`.
fn in_a_key(code: &str, name: &str) -> bool {
    code.match_indices(name).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + name.len()..].chars().next();
        matches!(before, Some('"' | '.')) && matches!(after, Some('"' | '.'))
    })
}

/// Whether this code names the field `name` (`Enum::Variant` its variant).
fn names(code: &str, bare: &str, name: &str, variant: &str) -> bool {
    has_word(code, variant)
        || in_a_key(code, name)
        || has_word(bare, &format!(".{name}"))
        || bare
            .match_indices(&format!("{name}:"))
            .filter(|(i, _)| !bare[i + name.len() + 1..].starts_with(':'))
            .any(|(i, _)| !bare[..i].chars().next_back().is_some_and(is_ident))
}

#[test]
fn no_answer_field_is_named_in_more_than_four_source_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = source_files::all();
    let codes: Vec<(String, String, String)> = files
        .iter()
        .map(|f| {
            let code = code(f);
            let bare = without_strings(&code);
            // A policy's file, or a module of it (`chenzhou_2016/paths.rs`).
            let parent = f.parent().map(|d| d.with_extension("rs"));
            let of_a_policy = |text: &str| text.contains("pub const POLICY: Policy");
            let in_policy = parent
                .as_ref()
                .and_then(|p| std::fs::read_to_string(p).ok())
                .is_some_and(|text| of_a_policy(&text));
            // A language's table, or a part of it (`zh/later.rs`, `zh/later/questions.rs`), is
            // one table: the nearest file above that holds `TEXTS`.
            let table_of = f
                .ancestors()
                .skip(1)
                .map(|d| d.with_extension("rs"))
                .take_while(|p| p.starts_with(root.join("src")))
                .find(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains("pub const TEXTS")));
            let shown = if of_a_policy(&code) || in_policy {
                "the rules (every policy's file)".to_owned()
            } else if let Some(table) = table_of {
                let table = table.as_path();
                table
                    .strip_prefix(root)
                    .unwrap_or(table)
                    .display()
                    .to_string()
            } else {
                f.strip_prefix(root).unwrap_or(f).display().to_string()
            };
            (shown, code, bare)
        })
        .collect();
    let fields = Field::TOP_LEVEL
        .iter()
        .map(|f| (f.name(), format!("Field::{}", camel(f.name()))))
        .chain(
            MemberField::ALL
                .iter()
                .map(|f| (f.name(), format!("MemberField::{}", camel(f.name())))),
        );
    let mut too_many = Vec::new();
    for (name, variant) in fields {
        let mut naming: Vec<&str> = codes
            .iter()
            .filter(|(_, code, bare)| names(code, bare, name, &variant))
            .map(|(file, _, _)| file.as_str())
            .collect();
        naming.sort_unstable();
        naming.dedup();
        if naming.len() > MOST_FILES_PER_FIELD {
            too_many.push(format!("{name}: {}", naming.join(", ")));
        }
        assert!(
            !naming.is_empty(),
            "{name} is named nowhere: the check is broken"
        );
    }
    assert!(
        too_many.is_empty(),
        "fields named in more than {MOST_FILES_PER_FIELD} files:\n{}",
        too_many.join("\n")
    );
}
