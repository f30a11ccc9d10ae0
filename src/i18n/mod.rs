//! Every user-visible string, in one table per language (`zh.rs`, `en.rs`), looked up by key.
//! The rules data holds its own texts in the policy's language, Chinese, and each policy its
//! translations into the others, keyed by that text (`Lang::rule`).
//!
//! A language is its table (two files: the first screens' texts, and the results' in
//! `<code>/later.rs`) and one line in `LANGS`. The page's build (feature `lazy-languages`)
//! compiles in only the default language's first screens: the build writes the rest as
//! `<code>.json` beside the page (`hukou texts <code>`): the default language's results, fetched
//! once the questions begin; each other language whole, fetched the first time it is wanted
//! (all precached by the service worker). The command line and the tests have every table
//! compiled in.

#[cfg_attr(feature = "lazy-languages", allow(dead_code))]
mod en;
mod forms;
mod policy;
mod zh;

pub use forms::{clause_label, date_label};
/// How a list is written (one function for the engine and the app).
pub use hukou_engine::words::joined_by;
pub use policy::{language_json, policy_args, rule_on, tr_policy};

type Table = &'static [(&'static str, &'static str)];

/// Two sorted parts of a table, one after the other (each language's fetched table is kept in
/// two files, so that neither grows past its limit).
#[cfg_attr(feature = "lazy-languages", allow(dead_code))]
const fn joined<const N: usize>(a: Table, b: Table) -> [(&'static str, &'static str); N] {
    let mut out = [("", ""); N];
    let mut i = 0;
    while i < N {
        out[i] = if i < a.len() { a[i] } else { b[i - a.len()] };
        i += 1;
    }
    out
}

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
    /// Its tables, each sorted by key: the texts of the first screens (start, questions) and those
    /// of the results; together the same keys as the default language's.
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
        tables: [zh::TEXTS, fetched!(zh::later::LATER)],
    },
    LangDef {
        code: "en",
        name: "English",
        html_lang: "en",
        lowers_inside_sentence: true,
        tables: [fetched!(en::TEXTS), fetched!(en::later::LATER)],
    },
];

thread_local! {
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
        // The page's build: the rules hold keys, and every language's words for them come with
        // its fetched table (the default language's with its results' texts).
        if cfg!(feature = "lazy-languages") {
            return tr(self, own);
        }
        if self == Lang::ALL[0] {
            return own;
        }
        let code = self.code();
        hukou_engine::POLICIES
            .iter()
            .find_map(|p| p.translate(code, own))
            .unwrap_or_else(|| tr(self, own))
    }

    /// The language's tables here: those compiled in, and the one fetched, if it has come.
    fn tables(self) -> impl Iterator<Item = Table> {
        let fetched = FETCHED.with(|f| f.borrow()[self.0 as usize]);
        let compiled = self.def().tables.into_iter().filter(|t| !t.is_empty());
        compiled.chain(fetched)
    }

    /// Every text of the language, sorted by key (for the tests and the build's `<code>.json`).
    pub fn texts(self) -> Vec<(&'static str, &'static str)> {
        let mut all: Vec<_> = self.tables().flat_map(|t| t.iter().copied()).collect();
        all.sort_unstable();
        all
    }

    /// The texts the page's build leaves out of the wasm and fetches as `<code>.json`: the
    /// results' for the default language, every one for the others.
    pub fn fetched_texts(self) -> Vec<(&'static str, &'static str)> {
        match self == Lang::ALL[0] {
            true => self.def().tables[1].to_vec(),
            false => self.texts(),
        }
    }

    /// The text for `key`, if the language has it here.
    fn lookup(self, key: &str) -> Option<&'static str> {
        self.tables().find_map(|table| {
            let found = table.binary_search_by(|(k, _)| (*k).cmp(key));
            found.ok().map(|i| table[i].1)
        })
    }

    /// Each table compiled in, for the tests (each must be sorted for `lookup`).
    #[cfg(test)]
    fn compiled(self) -> [Table; 2] {
        self.def().tables
    }
}

/// Whether the texts of `lang` are here (another language's may still have to be fetched).
pub fn is_ready(lang: Lang) -> bool {
    // A text of the results: the last part of any language to be here.
    lang.lookup("results.title").is_some()
}

/// Takes the table of `lang` from its JSON text (`<code>.json`: an array of `[key, text]`
/// pairs), once; false if the text is not such a table.
pub fn install_texts(lang: Lang, json: &str) -> bool {
    if is_ready(lang) {
        return true;
    }
    // The build writes it sorted by key (`language_json`), which `lookup` needs: a table that is
    // not is refused (one that was tampered with), rather than sorted here at a cost in code.
    let Some(table) = fetched_pairs(json).filter(|t| !t.is_empty()) else {
        return false;
    };
    if !table.windows(2).all(|w| w[0].0 < w[1].0) {
        return false;
    }
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
    match lang.lookup(key) {
        Some(text) => text,
        // Until the English table is here, the Chinese text rather than a key.
        None if lang != Lang::Zh && !is_ready(lang) => tr(Lang::Zh, key),
        None => {
            // Leak once per missing key so the page still shows something findable.
            Box::leak(key.to_owned().into_boxed_str())
        }
    }
}

/// The text under a key made of parts (`["area.", kind]`): joined, not formatted, at each of the
/// many places that build a key.
pub fn tr_of(lang: Lang, parts: &[&str]) -> &'static str {
    tr(lang, &parts.concat())
}

/// Whether the table of `lang` has `key` (for texts that only some fields have).
pub fn has(lang: Lang, key: &str) -> bool {
    lang.lookup(key).is_some()
}

/// The text for `key` with `{name}` placeholders filled in.
pub fn trf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    filled(tr(lang, key), args)
}

/// A text with `{name}` placeholders filled in.
pub fn filled(text: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(text.to_owned(), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), value)
    })
}

#[cfg(test)]
mod tests;
