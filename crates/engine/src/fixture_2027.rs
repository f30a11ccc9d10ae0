//! A test fixture, not a real policy: a later version of 郴政发〔2016〕1号 as the city might
//! publish it, effective from 1 January 2027. It adds one service (public rental housing) and
//! rewords one clause (4.2); with it comes one amended threshold, a residence permit after a year
//! in the city, not six months, which is one dated line of the parameter
//! (`chenzhou_2016::RESIDENT_MONTHS`), not a copy of the path. It is compiled only with the
//! feature `policy-fixture`, for the tests that prove a new policy version and an amended
//! threshold are changes of data: the engine, the command line, the app and the static summary
//! take them with no change outside this file, that line, its full text in
//! `policy/fixture-2027.txt` and its line in `policies.rs`.

use chrono::NaiveDate;

use crate::chenzhou_2016 as base;
use crate::cond::Cond::{All, Any, Flag, OneOf, Path};
use crate::field::{Field, Value as V};
use crate::policy::{Clause, PathId, Policy, ServiceRule, Translation};
use crate::words::CurrentHukou as H;

const DOCUMENT: &str = "测试文件〔2027〕1号";

/// 4.2 as reworded: a year in the city.
const PERMIT_CLAUSE: &str = "（二）继续大力实施居住证制度。在郴州市居住一年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的，可以申领居住证。居住证持有人享有与当地户籍人口同等的劳动就业、基本公共教育、基本医疗卫生、计划生育、公共文化、证照办理服务等权利。";

pub const POLICY: Policy = Policy {
    id: "fixture-2027",
    document: DOCUMENT,
    title: "（测试用）郴州市户籍制度改革实施意见的修订",
    signed: date(2026, 12, 1),
    effective: date(2027, 1, 1),
    clauses: &CLAUSES,
    paths: &[
        base::CENTRAL_URBAN,
        base::TOWN,
        base::NEWBORN,
        base::UNREGISTERED_PERSON,
        base::RESIDENCE_PERMIT,
    ],
    relatives: base::RELATIVES,
    relatives_join: &[PathId::CentralUrbanSettlement, PathId::TownSettlement],
    registered_here: base::REGISTERED_HERE,
    purposes: base::PURPOSES,
    services: &SERVICES,
    notices: base::NOTICES,
    settlers_rights: base::SETTLERS_RIGHTS,
    office_decides: base::OFFICE_DECIDES,
    parameters: base::PARAMETERS,
    translations: &[base::ENGLISH, ENGLISH],
};

/// This version's new texts in English; the rest are 2016's.
const ENGLISH: Translation = Translation {
    lang: "en",
    texts: &[
        (
            "符合条件的，可以申请公共租赁住房",
            "Public rental housing, if you meet its conditions",
        ),
        (
            "（测试用）郴州市户籍制度改革实施意见的修订",
            "(Test fixture) An amendment of Chenzhou's household registration reform",
        ),
    ],
};

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("not a date"),
    }
}

const SERVICES: [ServiceRule; base::SERVICES.len() + 1] = {
    let mut out = [PUBLIC_RENTAL_HOUSING; base::SERVICES.len() + 1];
    let mut i = 0;
    while i < base::SERVICES.len() {
        out[i] = base::SERVICES[i];
        i += 1;
    }
    out
};

const PUBLIC_RENTAL_HOUSING: ServiceRule = ServiceRule {
    id: "public_rental_housing",
    clause: "6.6",
    title: "符合条件的，可以申请公共租赁住房",
    applies: Any(&[
        Path(PathId::CentralUrbanSettlement),
        Path(PathId::TownSettlement),
        All(&[
            OneOf(Field::CurrentHukou, &[V::Hukou(H::TargetArea)]),
            Flag(Field::UrbanSocialInsurance, true),
        ]),
    ]),
    window: None,
    for_relatives: None,
};

/// The clauses of 2016, as this document's own (the ordinance's stay the ordinance's), with 4.2
/// reworded.
const CLAUSES: [Clause; base::CLAUSES.len()] = {
    let mut out = [PLACEHOLDER; base::CLAUSES.len()];
    let mut i = 0;
    while i < base::CLAUSES.len() {
        let c = &base::CLAUSES[i];
        let own = c.id.as_bytes()[0].is_ascii_digit();
        out[i] = Clause {
            id: c.id,
            source: if own { DOCUMENT } else { c.source },
            title: c.title,
            text: if same(c.id, "4.2") {
                PERMIT_CLAUSE
            } else {
                c.text
            },
        };
        i += 1;
    }
    out
};

const PLACEHOLDER: Clause = Clause {
    id: "",
    source: "",
    title: "",
    text: "",
};

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
