//! A policy's texts: in its own language, in its translations, and by the keys the page's build
//! fetches them under.

use super::Policy;

impl Policy {
    /// A text of the policy in the language with code `lang`, from its translations (each
    /// sorted by the own text, which the rules tests check).
    pub fn translate(&self, lang: &str, own: &str) -> Option<&'static str> {
        self.translations
            .iter()
            .filter(|t| t.lang == lang)
            .find_map(|t| {
                let found = t.texts.binary_search_by(|(key, _)| (*key).cmp(own));
                found.ok().map(|i| t.texts[i].1)
            })
    }

    /// Every text of the policy in its own language: its title, the paths' titles, the
    /// conditions' labels, the services', notices' and clauses' titles.
    pub fn texts(&self) -> Vec<&'static str> {
        let mut texts = vec![self.title];
        for path in self.paths {
            texts.push(path.title);
            texts.extend(path.conditions.iter().map(|c| c.label));
        }
        texts.extend(self.relatives.iter().map(|c| c.label));
        texts.extend(self.services.iter().map(|s| s.title));
        texts.extend(self.notices.iter().map(|n| n.title));
        texts.push(self.settlers_rights.text);
        texts.extend(self.clauses.iter().map(|c| c.title));
        let values = self.parameters.iter().flat_map(|p| p.values);
        texts.extend(values.map(|d| d.words));
        texts
    }

    /// Every text of the policy shown to people, with the key the page's build fetches it under
    /// (`path.<id>`, `condition.<id>`, `service.<id>`, `notice.<id>`, `clause.<id>`,
    /// `policy.title`), sorted by key, each once. In that build (feature `lean-titles`) each text
    /// is its key.
    pub fn keyed_texts(&self) -> Vec<(String, &'static str)> {
        let mut all = vec![("policy.title".to_owned(), self.title)];
        let conditions = (self.paths.iter())
            .flat_map(|p| p.conditions)
            .chain(self.relatives);
        all.extend(conditions.map(|c| (format!("condition.{}", c.id), c.label)));
        all.extend(
            self.paths
                .iter()
                .map(|p| (format!("path.{}", p.id.id()), p.title)),
        );
        all.extend(
            self.services
                .iter()
                .map(|s| (format!("service.{}", s.id), s.title)),
        );
        all.extend(
            self.notices
                .iter()
                .map(|n| (format!("notice.{}", n.id), n.title)),
        );
        all.push((
            "promise.settlers_rights".to_owned(),
            self.settlers_rights.text,
        ));
        all.extend(
            self.clauses
                .iter()
                .map(|c| (format!("clause.{}", c.id), c.title)),
        );
        for p in self.parameters {
            let values = p.values.iter();
            all.extend(values.map(|d| (format!("parameter.{}.{}", p.id, d.value), d.words)));
        }
        all.sort();
        all.dedup();
        all
    }
}
