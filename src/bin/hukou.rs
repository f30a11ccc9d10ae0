//! `hukou eval [--explain]`: reads one answers object on standard input and writes its outcome.
//! `hukou summary`: prints the page's static summary of the paths (used at build time).
//! `hukou first-screen`: prints the start screen the page's HTML carries (used at build time).
//! `hukou languages` and `hukou texts <code>`: the languages the page fetches, and each one's table
//! (`en`: `en.json`, used at build time).
//! `hukou texts clauses`: prints the clauses' own words as `clauses.json` (used at build time).
//!
//! Bad input exits 2 with one line on standard error naming the field; nothing goes to standard
//! output then.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use hukou_engine::answers::MAX_INPUT_BYTES;

const USAGE: &str = "usage: hukou eval [--explain] < answers.json > outcome.json\n       hukou summary    (the page's static summary of the paths, as HTML)\n       hukou first-screen   (the start screen the page's HTML carries)\n       hukou languages   (the codes of the languages the page fetches, one a line)\n       hukou texts en   (a language's table, by its code, as the page fetches it)\n       hukou texts clauses   (the clauses' own words, as the page fetches them)\n       hukou texts places    (the place picker's table, as the page fetches it)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let explain = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["eval"] => false,
        ["eval", "--explain"] => true,
        ["summary"] => {
            let policy = hukou_engine::POLICIES[hukou_engine::POLICIES.len() - 1];
            println!("{}", chenzhou_hukou::summary::static_summary(policy));
            return ExitCode::SUCCESS;
        }
        ["first-screen"] => {
            let policy = hukou_engine::POLICIES[hukou_engine::POLICIES.len() - 1];
            println!("{}", chenzhou_hukou::summary::first_screen(policy));
            return ExitCode::SUCCESS;
        }
        ["languages"] => {
            // Every language: the default one's results are fetched too.
            let all = chenzhou_hukou::i18n::Lang::ALL.into_iter();
            all.for_each(|lang| println!("{}", lang.code()));
            return ExitCode::SUCCESS;
        }
        ["texts", "places"] => {
            print!("{}", chenzhou_hukou::places::CSV);
            return ExitCode::SUCCESS;
        }
        ["texts", "clauses"] => {
            println!("{}", chenzhou_hukou::components::clause::words_json());
            return ExitCode::SUCCESS;
        }
        ["texts", code] => {
            let Some(lang) = chenzhou_hukou::i18n::Lang::from_code(code) else {
                return fail(USAGE);
            };
            println!("{}", chenzhou_hukou::i18n::language_json(lang));
            return ExitCode::SUCCESS;
        }
        ["--help" | "-h"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => return fail(USAGE),
    };

    let mut bytes = Vec::new();
    let read = io::stdin()
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes);
    if let Err(error) = read {
        return fail(&format!("input: cannot read standard input ({error})"));
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return fail("input: not valid UTF-8");
    };
    let device_today = chrono::Local::now().date_naive();
    let evaluation = match hukou_engine::evaluate_json(&text, device_today) {
        Ok(evaluation) => evaluation,
        Err(error) => return fail(&error.to_string()),
    };
    let json = if explain {
        serde_json::to_string_pretty(&evaluation)
    } else {
        serde_json::to_string_pretty(&evaluation.outcome)
    };
    let mut stdout = io::stdout().lock();
    match json.map(|json| writeln!(stdout, "{json}")) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}

fn fail(line: &str) -> ExitCode {
    eprintln!("{}", line.replace('\n', " "));
    ExitCode::from(2)
}
