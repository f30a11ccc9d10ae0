//! The place picker's table: every town and street of Chenzhou and the kind of area the policy
//! treats it as, from `data/places.csv` (which the city can correct without touching code).

use hukou_engine::words::TargetArea;

use crate::i18n::Lang;

/// The table as written (also what the page's build puts beside the page as `places.csv`).
pub const CSV: &str = include_str!("../data/places.csv");

/// Where the page's build puts the table, beside the page (feature `lazy-places`: fetched when
/// the place picker first opens, and precached by the service worker).
pub const PLACES_FILE: &str = "places.csv";

#[cfg(feature = "lazy-places")]
thread_local! {
    static FETCHED: std::cell::OnceCell<&'static str> = const { std::cell::OnceCell::new() };
}

/// The table's text: compiled in, or fetched (empty until then).
#[cfg(not(feature = "lazy-places"))]
fn table() -> &'static str {
    CSV
}

#[cfg(feature = "lazy-places")]
fn table() -> &'static str {
    FETCHED.with(|f| f.get().copied()).unwrap_or("")
}

/// Whether the table is here.
pub fn places_ready() -> bool {
    !table().is_empty()
}

/// Takes the fetched table; false if it holds no place.
pub fn install_places(text: String) -> bool {
    #[cfg(feature = "lazy-places")]
    {
        // Kept for the page's life, as the compiled-in table would be.
        let text: &'static str = text.leak();
        if text.lines().filter_map(parse_row).next().is_none() {
            return false;
        }
        FETCHED.with(|f| {
            f.get_or_init(|| text);
        });
    }
    #[cfg(not(feature = "lazy-places"))]
    let _ = text;
    true
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub name: &'static str,
    pub county_code: &'static str,
    pub county: &'static str,
    pub kind: TargetArea,
    /// The names in Hanyu Pinyin, for the English pages (the Chinese ones where a row has none).
    pub name_en: &'static str,
    pub county_en: &'static str,
}

/// Every place, in the table's order; rows that cannot be read are skipped (a test checks none).
pub fn places() -> Vec<Place> {
    table().lines().filter_map(parse_row).collect()
}

fn parse_row(line: &'static str) -> Option<Place> {
    if line.starts_with('#') || line.starts_with("code,") || line.trim().is_empty() {
        return None;
    }
    let mut cells = line.split(',');
    let (_code, name, county_code, county, kind) = (
        cells.next()?,
        cells.next()?,
        cells.next()?,
        cells.next()?,
        cells.next()?,
    );
    Some(Place {
        name,
        county_code,
        county,
        kind: TargetArea::from_word(kind.trim())?,
        name_en: cells.next().map_or(name, str::trim),
        county_en: cells.next().map_or(county, str::trim),
    })
}

/// The counties, cities and districts, in the table's order: (code, name, name in Pinyin).
pub fn counties() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut out: Vec<(&str, &str, &str)> = Vec::new();
    for place in places() {
        if !out.iter().any(|(code, ..)| *code == place.county_code) {
            out.push((place.county_code, place.county, place.county_en));
        }
    }
    out
}

/// A place's name as a page in this language says it: in English, its Pinyin with the Chinese
/// beside it (what the signs and the police station's papers say), "Yuxi Town (玉溪镇)".
pub fn place_name(lang: Lang, name: &'static str) -> String {
    match places().into_iter().find(|p| p.name == name) {
        Some(p) if lang != Lang::ALL[0] => format!("{} ({name})", p.name_en),
        _ => name.to_owned(),
    }
}

/// The county of a place chosen before (the first of that name), to open the picker there again.
pub fn county_of(name: &str) -> Option<&'static str> {
    places()
        .into_iter()
        .find(|p| p.name == name)
        .map(|p| p.county_code)
}

pub fn in_county(county_code: &str) -> Vec<Place> {
    places()
        .into_iter()
        .filter(|p| p.county_code == county_code)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_table_is_read() {
        let rows = CSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("code,") && !l.trim().is_empty());
        assert_eq!(
            rows.count(),
            places().len(),
            "a row of data/places.csv has an unknown kind or too few cells"
        );
    }

    #[test]
    fn the_city_has_two_districts_one_county_level_city_and_eight_counties() {
        let names: Vec<&str> = counties().into_iter().map(|(_, name, _)| name).collect();
        assert_eq!(names.len(), 11);
        for name in ["北湖区", "苏仙区", "资兴市", "桂阳县", "安仁县"] {
            assert!(names.contains(&name), "{name} is missing");
        }
    }

    #[test]
    fn the_brief_s_readings_of_places_hold() {
        let kind = |name: &str| {
            places()
                .into_iter()
                .find(|p| p.name == name)
                .map(|p| p.kind)
        };
        assert_eq!(kind("人民路街道"), Some(TargetArea::CentralUrban));
        assert_eq!(kind("观山洞街道"), Some(TargetArea::CentralUrban));
        assert_eq!(kind("玉溪镇"), Some(TargetArea::CountySeatTown));
        assert_eq!(kind("龙潭街道"), Some(TargetArea::CountySeatTown));
        assert_eq!(kind("东江街道"), Some(TargetArea::CountyCityUrban));
        assert_eq!(kind("华塘镇"), Some(TargetArea::OtherTown));
        assert_eq!(
            kind("保和瑶族乡"),
            Some(TargetArea::NotATown),
            "a 乡 is not a 建制镇"
        );
        let seats = places()
            .into_iter()
            .filter(|p| p.kind == TargetArea::CountySeatTown)
            .count();
        assert_eq!(seats, 8, "one seat for each of the eight counties");
    }

    #[test]
    fn an_english_page_names_a_town_in_pinyin_with_the_chinese_beside_it_and_a_chinese_page_in_chinese(
    ) {
        assert_eq!(place_name(Lang::ALL[1], "玉溪镇"), "Yuxi Town (玉溪镇)");
        assert_eq!(place_name(Lang::ALL[0], "玉溪镇"), "玉溪镇");
        assert!(
            places()
                .iter()
                .all(|p| p.name_en.is_ascii() && p.county_en.is_ascii()),
            "every row of data/places.csv has its names in Pinyin"
        );
    }
}
