//! The modules are layers: no module uses, directly or around a circle, a module that uses it
//! back, in the engine or in the app. A module counts with the files under it (`missing` with
//! `missing/compile.rs`); a parent and its own children may use each other (a parent re-exports
//! what its children define; a child reads its parent's types). Uses are read from the source
//! text: `use` trees and paths written in place (`crate::policies::in_force`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod source_files;

type Module = Vec<String>;

/// Each module of a crate and its source, by its path from the crate's root (`lib.rs` is `[]`).
fn modules(root: &Path) -> BTreeMap<Module, String> {
    source_files::all()
        .into_iter()
        .filter_map(|file| {
            let relative = file.strip_prefix(root).ok()?.with_extension("");
            let mut module: Module = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if module.first().is_some_and(|m| m == "bin") || module == ["main"] {
                return None;
            }
            if module.last().is_some_and(|m| m == "lib" || m == "mod") {
                module.pop();
            }
            Some((module, std::fs::read_to_string(&file).ok()?))
        })
        .collect()
}

/// The source without comments, the text of string literals, and inline test modules.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests {") {
        Some(at) => &text[..at],
        None => text,
    };
    let mut code = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut in_string = false;
        let mut escaped = false;
        for c in line.chars() {
            match (in_string, escaped, c) {
                (true, false, '\\') => escaped = true,
                (true, false, '"') => in_string = false,
                (true, ..) => escaped = false,
                (false, _, '"') => in_string = true,
                (false, ..) => code.push(c),
            }
        }
        code.push('\n');
    }
    code
}

/// The paths a `use` tree names: `a::{b, c::{d, e}}` is `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let Some(open) = tree.find('{') else {
        return vec![tree.to_owned()];
    };
    let (prefix, body) = (
        &tree[..open],
        &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())],
    );
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in body.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&body[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand(p).into_iter().map(move |t| format!("{prefix}{t}")))
        .collect()
}

/// Every path of two segments or more the code names: in `use` trees and in place.
fn paths_in(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    for statement in code.split(';') {
        let declared = statement.lines().find_map(|line| {
            let line = line.trim_start();
            let line = ["pub use ", "pub(crate) use ", "pub(super) use ", "use "]
                .iter()
                .find_map(|p| line.strip_prefix(p))?;
            let at = statement.find(line)?;
            Some(&statement[at..])
        });
        if let Some(tree) = declared {
            paths.extend(expand(&tree.split_whitespace().collect::<String>()));
        }
    }
    let is_part = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    paths.extend(
        code.split(|c: char| !is_part(c))
            .filter(|t| t.contains("::") && !t.starts_with(':'))
            .map(str::to_owned),
    );
    paths
}

/// The modules a module uses, among those of its crate.
fn uses(module: &Module, code: &str, all: &BTreeMap<Module, String>) -> BTreeSet<Module> {
    let mut used = BTreeSet::new();
    for path in paths_in(code) {
        let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
        let mut base: Module = match segments.first() {
            Some(&"crate") => Vec::new(),
            Some(&"self") | Some(&"super") => module.clone(),
            Some(first)
                if all.contains_key(&[module.clone(), vec![first.to_string()]].concat()) =>
            {
                module.clone()
            }
            _ => continue,
        };
        while let Some(&head) = segments.first() {
            match head {
                "crate" | "self" => {}
                "super" => {
                    base.pop();
                }
                _ => break,
            }
            segments.remove(0);
        }
        let full: Module = base
            .into_iter()
            .chain(segments.iter().map(|s| s.to_string()))
            .collect();
        let found = (0..=full.len())
            .rev()
            .find(|&n| all.contains_key(&full[..n]));
        if let Some(n) = found.filter(|&n| full[..n] != module[..]) {
            used.insert(full[..n].to_vec());
        }
    }
    used
}

/// The circles among sibling modules: each as the uses that close it, `a -> b (file -> file)`.
fn circles(all: &BTreeMap<Module, String>) -> Vec<String> {
    // Under each parent, which of its children uses which, and through which files.
    let mut siblings: BTreeMap<Module, BTreeMap<Module, BTreeMap<Module, String>>> =
        BTreeMap::new();
    for (module, text) in all {
        for used in uses(module, &code_of(text), all) {
            let shared = module.iter().zip(&used).take_while(|(a, b)| a == b).count();
            if shared == module.len() || shared == used.len() {
                continue; // a parent and its own child
            }
            let why = format!("{} uses {}", module.join("/"), used.join("/"));
            siblings
                .entry(module[..shared].to_vec())
                .or_default()
                .entry(module[..=shared].to_vec())
                .or_default()
                .entry(used[..=shared].to_vec())
                .or_insert(why);
        }
    }
    let mut found = Vec::new();
    for graph in siblings.values() {
        for start in graph.keys() {
            // A path back to `start`, by breadth-first search from its uses.
            let mut came_from: BTreeMap<&Module, &Module> = BTreeMap::new();
            let mut queue = vec![start];
            while let Some(at) = queue.pop() {
                for next in graph.get(at).into_iter().flat_map(|e| e.keys()) {
                    if !came_from.contains_key(next) {
                        came_from.insert(next, at);
                        queue.insert(0, next);
                    }
                }
            }
            if came_from.contains_key(start) {
                let (mut steps, mut at) = (Vec::new(), start);
                loop {
                    let from = came_from[at];
                    steps.push(graph[from][at].clone());
                    at = from;
                    if at == start {
                        break;
                    }
                }
                steps.reverse();
                found.push(steps.join(", "));
            }
        }
    }
    found
}

#[test]
fn no_module_of_the_engine_or_the_app_uses_a_module_that_uses_it_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for crate_root in ["src", "crates/engine/src"] {
        let all = modules(&root.join(crate_root));
        assert!(all.len() > 20, "the modules of {crate_root} were found");
        found.extend(
            circles(&all)
                .into_iter()
                .map(|c| format!("{crate_root}: {c}")),
        );
    }
    assert!(found.is_empty(), "circles:\n{}", found.join("\n"));
}

#[test]
fn the_check_finds_a_circle_through_a_child_and_a_path_written_in_place() {
    let module = |path: &str| -> Module { path.split('/').map(str::to_owned).collect() };
    let mut all: BTreeMap<Module, String> = BTreeMap::new();
    all.insert(Vec::new(), "mod facts; mod policies; mod field;".into());
    all.insert(
        module("facts"),
        "use crate::field::{Field, kinds::{A, B}};".into(),
    );
    all.insert(module("field"), "mod kinds; pub use kinds::A;".into());
    all.insert(module("field/kinds"), "use super::Field;".into());
    all.insert(module("policies"), "use crate::field::Field;".into());
    assert!(
        circles(&all).is_empty(),
        "a parent and its child are no circle"
    );
    all.insert(
        module("field/kinds"),
        "fn earliest() { crate::policies::first() }".into(),
    );
    all.insert(module("policies"), "use crate::facts::Facts;".into());
    let found = circles(&all);
    assert!(
        found.iter().any(|c| c.contains("field/kinds uses policies")
            && c.contains("policies uses facts")
            && c.contains("facts uses field")),
        "{found:?}"
    );
}
