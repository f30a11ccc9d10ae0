//! The code stays easy to read: no source file over 300 lines and no function over 80, in the
//! app and the engine (unit tests, kept in
//! `tests.rs` files and the `tests/` folders beside them, are not counted).

mod source_files;

const MOST_LINES_PER_FILE: usize = 300;
const MOST_LINES_PER_FUNCTION: usize = 80;

/// Each function's name and length in lines: from its `fn` line to the `}` at its indentation.
fn functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let after_fn = [
            "pub fn ",
            "pub(crate) fn ",
            "pub(super) fn ",
            "fn ",
            "const fn ",
            "pub const fn ",
        ]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p));
        let Some(rest) = after_fn else { continue };
        if line.trim_end().ends_with(';') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(end) = lines[i + 1..]
            .iter()
            .position(|l| l.starts_with(&close) && l.trim() == "}")
        {
            found.push((name, end + 2));
        }
    }
    found
}

#[test]
fn no_source_file_is_over_300_lines() {
    let long: Vec<String> = source_files::all()
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f).unwrap().lines().count();
            (n > MOST_LINES_PER_FILE).then(|| format!("{}: {n} lines", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "{}", long.join("\n"));
}

#[test]
fn no_function_is_over_80_lines() {
    let mut long = Vec::new();
    for f in source_files::all() {
        let text = std::fs::read_to_string(&f).unwrap();
        for (name, n) in functions(&text) {
            if n > MOST_LINES_PER_FUNCTION {
                long.push(format!("{}: {name}, {n} lines", f.display()));
            }
        }
    }
    assert!(long.is_empty(), "{}", long.join("\n"));
}

#[test]
fn the_function_measure_counts_a_function_from_its_line_to_its_brace() {
    let text = "fn a() {\n    1;\n}\n\nimpl X {\n    pub fn b(&self) {\n        2;\n        3;\n    }\n}\n";
    assert_eq!(functions(text), [("a".to_owned(), 3), ("b".to_owned(), 4)]);
}
