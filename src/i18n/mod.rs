//! Every user-visible string, in one table per language (`zh.rs`, `en.rs`), looked up by key.
//! The rules data holds its own texts in the policy's language, Chinese, and each policy its
//! translations into the others, keyed by that text (`Lang::rule`).
//!
//! A language is its table and one line in `LANGS`. The page's build (feature `lazy-languages`)
//! compiles in only the default table: the build writes each other one as `<code>.json` beside
//! the page (`hukou texts <code>`), fetched the first time that language is wanted (and
//! precached by the service worker). The command line and the tests have every table compiled in.

#[cfg_attr(feature = "lazy-languages", allow(dead_code))]
mod en;
mod policy;
mod zh;

pub use policy::{language_json, policy_args, tr_policy};

use chrono::{Datelike, NaiveDate};

type Table = &'static [(&'static str, &'static str)];

/// One language of the app.
pub struct LangDef {
    /// Its code: the stored choice, `data-lang`, and the file `<code>.json` of its table.
    pub code: &'static str,
    /// Its name in itself, for the switch (known before its table is fetched).
    pub name: &'static str,
    /// The `lang` attribute of the page.
    pub html_lang: &'static str,
    /// Whether a text that starts a sentence is lowered inside one ("take the documents to the
    /// police station"): only the first letter, so names keep theirs.
    pub lowers_inside_sentence: bool,
    /// Its tables, each sorted by key: the app's texts, and those of joining family (two files,
    /// each short enough to read); together the same keys as the default language's.
    tables: [Table; 2],
}

/// A table left out of the page's build: fetched when first wanted.
macro_rules! fetched {
    ($table:expr) => {{
        #[cfg(not(feature = "lazy-languages"))]
        let table: Table = $table;
        #[cfg(feature = "lazy-languages")]
        let table: Table = &[];
        table
    }};
}

/// Every language, in the order the switch offers them; the first is the default and the
/// language of the policy itself.
const LANGS: [LangDef; 2] = [
    LangDef {
        code: "zh",
        name: "中文",
        html_lang: "zh-CN",
        lowers_inside_sentence: false,
        tables: [zh::TEXTS, zh::join::JOIN],
    },
    LangDef {
        code: "en",
        name: "English",
        html_lang: "en",
        lowers_inside_sentence: true,
        tables: [fetched!(en::TEXTS), fetched!(en::join::JOIN)],
    },
];

thread_local! {
    /// Each compiled-in language's tables as one, sorted, made on first use.
    static MERGED: [std::cell::OnceCell<Table>; LANGS.len()] =
        const { [const { std::cell::OnceCell::new() }; LANGS.len()] };
    /// The tables fetched so far (page's build), by language.
    static FETCHED: std::cell::RefCell<[Option<Table>; LANGS.len()]> =
        const { std::cell::RefCell::new([None; LANGS.len()]) };
}

/// A language of the app: an index into `LANGS`.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Lang(u8);

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[allow(non_upper_case_globals)]
impl Lang {
    /// Simplified Chinese, the default.
    pub const Zh: Lang = Lang(0);
    /// English.
    pub const En: Lang = Lang(1);

    /// Every language, in the order of `LANGS`.
    pub const ALL: [Lang; LANGS.len()] = {
        let mut all = [Lang(0); LANGS.len()];
        let mut i = 0;
        while i < all.len() {
            all[i] = Lang(i as u8);
            i += 1;
        }
        all
    };

    fn def(self) -> &'static LangDef {
        &LANGS[self.0 as usize]
    }

    pub fn name(self) -> &'static str {
        self.def().name
    }

    pub fn code(self) -> &'static str {
        self.def().code
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The `lang` attribute for the page.
    pub fn html_lang(self) -> &'static str {
        self.def().html_lang
    }

    /// Where the page's build finds this language's table, beside the page.
    pub fn table_file(self) -> String {
        format!("{}.json", self.code())
    }

    /// A text that may start a sentence, put inside one.
    pub fn inside_sentence(self, text: &str) -> String {
        let mut chars = text.chars();
        match chars.next() {
            Some(first) if self.def().lowers_inside_sentence => {
                first.to_ascii_lowercase().to_string() + chars.as_str()
            }
            _ => text.to_owned(),
        }
    }

    /// A text of the rules in this language. The rules hold their texts in the policy's own
    /// language, the default one; each policy's translations give the others, keyed by it (the
    /// page's build leaves them out, feature `lean-translations` of the engine, and has them in
    /// the language's fetched table).
    pub fn rule(self, own: &'static str) -> &'static str {
        if self == Lang::ALL[0] {
            return own;
        }
        // The page's build has them in the language's fetched table.
        if cfg!(feature = "lazy-languages") {
            return tr(self, own);
        }
        let code = self.code();
        hukou_engine::POLICIES
            .iter()
            .find_map(|p| p.translate(code, own))
            .unwrap_or_else(|| tr(self, own))
    }

    /// The language's table: compiled in, fetched, or (not fetched yet) empty.
    pub fn texts(self) -> Table {
        let tables = &self.def().tables;
        if tables.iter().any(|t| !t.is_empty()) {
            return MERGED.with(|m| {
                *m[self.0 as usize].get_or_init(|| {
                    let mut all: Vec<(&str, &str)> = tables.concat();
                    all.sort_unstable();
                    all.leak()
                })
            });
        }
        FETCHED.with(|f| f.borrow()[self.0 as usize]).unwrap_or(&[])
    }
}

/// Whether the texts of `lang` are here (another language's may still have to be fetched).
pub fn is_ready(lang: Lang) -> bool {
    !lang.texts().is_empty()
}

/// Takes the table of `lang` from its JSON text (`<code>.json`: an array of `[key, text]`
/// pairs), once; false if the text is not such a table.
pub fn install_texts(lang: Lang, json: &str) -> bool {
    if is_ready(lang) {
        return true;
    }
    let Some(mut table) = fetched_pairs(json).filter(|t| !t.is_empty()) else {
        return false;
    };
    table.sort();
    FETCHED.with(|f| f.borrow_mut()[lang.0 as usize] = Some(table.leak()));
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
/// in English; clauses of other documents name their document. The forms are the table's
/// (`cite.*`), its numerals too.
pub fn clause_label(lang: Lang, document: &str, id: &str) -> String {
    let numeral = |digits: &str| {
        let numerals = tr(lang, "cite.numerals");
        match digits.parse::<usize>() {
            Ok(n) => numerals.split(' ').nth(n).unwrap_or(digits).to_owned(),
            Err(_) => digits.to_owned(),
        }
    };
    if let Some(article) = id.strip_prefix("ord663.") {
        return trf(lang, "cite.ord663", &[("article", &numeral(article))]);
    }
    let (section, item) = id.split_once('.').map_or((id, None), |(s, i)| (s, Some(i)));
    let section = numeral(section);
    match item {
        Some(item) => trf(
            lang,
            "cite.clause_item",
            &[
                ("document", document),
                ("section", &section),
                ("item", &numeral(item)),
            ],
        ),
        None => trf(
            lang,
            "cite.clause",
            &[("document", document), ("section", &section)],
        ),
    }
}

/// A date as people write it (`date.format`): 2027年2月28日, or 28 February 2027.
pub fn date_label(lang: Lang, date: NaiveDate) -> String {
    let month_name = tr(lang, "date.month_names")
        .split(' ')
        .nth(date.month0() as usize)
        .unwrap_or_default();
    trf(
        lang,
        "date.format",
        &[
            ("year", &date.year().to_string()),
            ("month", &date.month().to_string()),
            ("month_name", month_name),
            ("day", &date.day().to_string()),
        ],
    )
}

#[cfg(test)]
mod tests;
