//! Every user-visible string, in one table per language (`zh.rs`, `en.rs`), looked up by key.
//! Texts that belong to the policy (path, condition, service and notice titles) come from the
//! rules data in both languages.
//!
//! The page's build (feature `lazy-english`) leaves the English table out of the wasm: the build
//! writes it as `en.json` beside the page, fetched the first time English is wanted (and
//! precached by the service worker). Everything else, the command line and the tests have it
//! compiled in.

/// Where the page's build puts the English table, beside the page.
pub const ENGLISH_TEXTS: &str = "en.json";

#[cfg_attr(feature = "lazy-english", allow(dead_code))]
mod en;
mod policy;
mod zh;

pub use policy::{english_json, policy_args, policy_texts, tr_policy};

use chrono::{Datelike, NaiveDate};

#[cfg(feature = "lazy-english")]
thread_local! {
    /// The English table once fetched; sorted by key like the compiled-in ones.
    static ENGLISH: std::cell::OnceCell<&'static [(&'static str, &'static str)]> =
        const { std::cell::OnceCell::new() };
}

#[cfg(not(feature = "lazy-english"))]
fn english() -> &'static [(&'static str, &'static str)] {
    en::TEXTS
}

#[cfg(feature = "lazy-english")]
fn english() -> &'static [(&'static str, &'static str)] {
    ENGLISH.with(|e| e.get().copied()).unwrap_or(&[])
}

/// Whether the texts of `lang` are here (English may still have to be fetched).
pub fn is_ready(lang: Lang) -> bool {
    lang == Lang::Zh || !english().is_empty()
}

/// Takes the English table from its JSON text (`en.json`: an array of `[key, text]` pairs), once;
/// false if the text is not such a table.
#[cfg(feature = "lazy-english")]
pub fn install_english(json: &str) -> bool {
    let Some(mut table) = fetched_pairs(json).filter(|t| !t.is_empty()) else {
        return false;
    };
    table.sort();
    ENGLISH.with(|e| {
        e.get_or_init(move || table.leak());
    });
    true
}

/// A table the page fetched (`en.json`, `clauses.json`: an array of `[key, text]` pairs), kept
/// for the page's life; `None` if the text is not such a table. Read by the engine's strict
/// reader, which is in the wasm already (a typed reader would add its own code).
pub fn fetched_pairs(json: &str) -> Option<Vec<(&'static str, &'static str)>> {
    let value = hukou_engine::answers::parse_strict_within(json, 1 << 20).ok()?;
    let pair = |p: &serde_json::Value| {
        Some((
            &*p[0].as_str()?.to_owned().leak(),
            &*p[1].as_str()?.to_owned().leak(),
        ))
    };
    value.as_array()?.iter().map(pair).collect()
}

/// With the English table compiled in there is nothing to take.
#[cfg(not(feature = "lazy-english"))]
pub fn install_english(_json: &str) -> bool {
    true
}

/// The languages of the app; Simplified Chinese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Every language, in the order the switch offers them. A language is one table of texts
    /// (`zh.rs`, `en.rs`, complete by the tests below) and its line in each match of this impl.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The language's name in itself, for the switch (known before its table is fetched).
    pub fn name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The `lang` attribute for the page.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Picks the text for this language from a pair held by the rules data. The page's build
    /// fetches the rules' English with the English table, keyed by the Chinese text.
    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En if en.is_empty() => tr(Lang::En, zh),
            Lang::En => en,
        }
    }

    pub fn texts(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::Zh => zh::TEXTS,
            Lang::En => english(),
        }
    }
}

/// The text for `key`; a missing key shows itself (and fails the i18n tests).
pub fn tr(lang: Lang, key: &str) -> &'static str {
    let texts = lang.texts();
    match texts.binary_search_by(|(k, _)| (*k).cmp(key)) {
        Ok(i) => texts[i].1,
        // Until the English table is here, the Chinese text rather than a key.
        Err(_) if lang != Lang::Zh && !is_ready(lang) => tr(Lang::Zh, key),
        Err(_) => {
            // Leak once per missing key so the page still shows something findable.
            Box::leak(key.to_owned().into_boxed_str())
        }
    }
}

/// Whether the table of `lang` has `key` (for texts that only some fields have).
pub fn has(lang: Lang, key: &str) -> bool {
    lang.texts()
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .is_ok()
}

/// The text for `key` with `{name}` placeholders filled in.
pub fn trf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    args.iter()
        .fold(tr(lang, key).to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// A clause id of the policy `document` as people cite it: `3.1` is 三（一） in Chinese, "3(1)"
/// in English; clauses of other documents name their document.
pub fn clause_label(lang: Lang, document: &str, id: &str) -> String {
    const NUMERALS: [&str; 11] = [
        "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    if let Some(article) = id.strip_prefix("ord663.") {
        return match lang {
            Lang::Zh => format!("《居住证暂行条例》第{}条", numeral(article, &NUMERALS)),
            Lang::En => format!("Residence Permit Regulations, art. {article}"),
        };
    }
    let (section, item) = id.split_once('.').map_or((id, None), |(s, i)| (s, Some(i)));
    match lang {
        Lang::Zh => {
            let section = numeral(section, &NUMERALS);
            match item {
                Some(item) => format!("{document} {section}（{}）", numeral(item, &NUMERALS)),
                None => format!("{document} {section}"),
            }
        }
        Lang::En => match item {
            Some(item) => format!("{document} §{section}({item})"),
            None => format!("{document} §{section}"),
        },
    }
}

fn numeral(digits: &str, numerals: &[&str; 11]) -> String {
    match digits.parse::<usize>() {
        Ok(n) if n < numerals.len() => numerals[n].to_owned(),
        _ => digits.to_owned(),
    }
}

/// A date as people write it: 2027年2月28日, or 28 February 2027.
pub fn date_label(lang: Lang, date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Zh => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            MONTHS[date.month0() as usize],
            date.year()
        ),
    }
}

#[cfg(test)]
mod tests;
