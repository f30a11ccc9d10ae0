//! The scenario suite: every file in `tests/scenarios/` run through the `hukou eval` command line,
//! exactly as the contract describes it.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};

use support::{all_scenarios, check, error_names, Expect, Scenario};

#[test]
fn every_scenario_file_is_embedded() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scenarios");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/scenarios exists")
        .map(|e| {
            e.expect("readable entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".json"))
        .collect();
    on_disk.sort();
    let embedded: Vec<String> = support::FILES
        .iter()
        .map(|(name, _)| name.to_string())
        .collect();
    assert_eq!(
        on_disk, embedded,
        "tests/support/mod.rs must list every scenario file"
    );
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run_cli(input: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hukou"))
        .arg("eval")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hukou starts");
    // A refused input may close stdin early; that is not a failure of the test.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes());
    let output = child.wait_with_output().expect("hukou finishes");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn problems(scenario: &Scenario, run: &Run) -> Vec<String> {
    match &scenario.expect {
        Expect::Error(field) => {
            let mut problems = Vec::new();
            if run.code != Some(2) {
                problems.push(format!("exit code {:?}, expected 2", run.code));
            }
            if !run.stdout.is_empty() {
                problems.push(format!(
                    "standard output should be empty, got {:?}",
                    run.stdout
                ));
            }
            let lines: Vec<&str> = run.stderr.lines().collect();
            if lines.len() != 1 || !error_names(lines[0], field) {
                problems.push(format!(
                    "standard error should be one line naming {field}, got {:?}",
                    run.stderr
                ));
            }
            problems
        }
        Expect::Outcome(expect) => {
            if run.code != Some(0) {
                return vec![format!("exit code {:?}: {}", run.code, run.stderr.trim())];
            }
            match serde_json::from_str(&run.stdout) {
                Ok(outcome) => check(expect, &outcome),
                Err(e) => vec![format!("standard output is not one JSON outcome: {e}")],
            }
        }
    }
}

#[test]
fn every_scenario_holds_through_the_command_line() {
    let scenarios = all_scenarios();
    assert!(
        scenarios.len() >= 80,
        "the suite has only {} scenarios",
        scenarios.len()
    );
    let mut failures = Vec::new();
    for scenario in &scenarios {
        let run = run_cli(&scenario.input);
        for problem in problems(scenario, &run) {
            failures.push(format!("{} — {}: {problem}", scenario.file, scenario.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scenarios fail:\n{}",
        failures.len(),
        scenarios.len(),
        failures.join("\n")
    );
    println!("{} scenarios hold", scenarios.len());
}

#[test]
fn scenario_names_are_unique_full_sentences() {
    let scenarios = all_scenarios();
    let mut names: Vec<&str> = scenarios.iter().map(|s| s.name.as_str()).collect();
    for name in &names {
        let first = name.chars().next().unwrap_or(' ');
        assert!(
            first.is_uppercase() && name.ends_with('.'),
            "not a full sentence: {name:?}"
        );
    }
    names.sort();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "two scenarios share a name");
}
