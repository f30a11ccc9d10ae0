//! The five paths of 郴政发〔2016〕1号, each with its conditions and their clauses.

use super::*;
use crate::policy::Because::{NotApplying, Silent, Why};

/// 3.1: the central urban area.
pub(crate) const CENTRAL_URBAN: PathRule = PathRule {
    id: PathId::CentralUrbanSettlement,
    clause: "3.1",
    title: own!("path.central_urban_settlement", "在郴州市中心城区落户"),
    conditions: &[
        Condition {
            id: "in_central_urban_area",
            clauses: &["3.1"],
            because: &[(NotApplying("not_applying.other_area"), ANSWERED_PLACE)],
            label: own!(
                "condition.in_central_urban_area",
                "要落户的地方在郴州市中心城区"
            ),
            test: OneOf(Field::TargetArea, &[V::Area(A::CentralUrban)]),
        },
        Condition {
            id: "legal_stable_job",
            clauses: &["3.1"],
            because: &[],
            label: own!("condition.legal_stable_job", "在那里有合法稳定就业"),
            test: JOB,
        },
        Condition {
            id: "legal_stable_home",
            clauses: &["3.1"],
            because: &[],
            label: own!(
                "condition.legal_stable_home",
                "在那里有合法稳定住所（含租赁）"
            ),
            test: HOME,
        },
        Condition {
            id: "urban_social_insurance",
            clauses: &["3.1"],
            because: &[],
            label: own!(
                "condition.urban_social_insurance",
                "按照国家规定在当地参加城镇社会保险"
            ),
            test: Flag(Field::UrbanSocialInsurance, true),
        },
    ],
};

/// 3.2: the other towns.
pub(crate) const TOWN: PathRule = PathRule {
    id: PathId::TownSettlement,
    clause: "3.2",
    title: own!("path.town_settlement", "在县级市市区、县城或其他建制镇落户"),
    conditions: &[
        Condition {
            id: "in_other_town",
            clauses: &["3.2"],
            because: &[
                (
                    NotApplying("not_applying.other_area"),
                    OneOf(Field::TargetArea, &[V::Area(A::CentralUrban)]),
                ),
                (
                    Why("why.not_a_town"),
                    OneOf(Field::TargetArea, &[V::Area(A::NotATown)]),
                ),
            ],
            label: own!(
                "condition.in_other_town",
                "要落户的地方是县级市市区、县人民政府驻地镇或其他建制镇"
            ),
            test: OneOf(
                Field::TargetArea,
                &[
                    V::Area(A::CountyCityUrban),
                    V::Area(A::CountySeatTown),
                    V::Area(A::OtherTown),
                ],
            ),
        },
        Condition {
            id: "legal_stable_home",
            clauses: &["3.2"],
            because: &[],
            label: own!(
                "condition.legal_stable_home",
                "在那里有合法稳定住所（含租赁）"
            ),
            test: HOME,
        },
    ],
};

/// 4.1: a newborn.
pub(crate) const NEWBORN: PathRule = PathRule {
    id: PathId::NewbornRegistration,
    clause: "4.1",
    title: own!("path.newborn_registration", "新生儿户口登记"),
    conditions: &[Condition {
        id: "newborn_unregistered",
        clauses: &["4.1"],
        because: &[(NotApplying("not_applying.no_baby"), ALWAYS)],
        label: own!(
            "condition.newborn_unregistered",
            "家里有尚未登记户口的新生儿（不受附加条件限制）"
        ),
        test: Flag(Field::NewbornUnregistered, true),
    }],
};

/// 4.1: a person with no hukou.
pub(crate) const UNREGISTERED_PERSON: PathRule = PathRule {
    id: PathId::UnregisteredPersonRegistration,
    clause: "4.1",
    title: own!(
        "path.unregistered_person_registration",
        "无户口人员登记户口"
    ),
    conditions: &[Condition {
        id: "has_no_hukou",
        clauses: &["4.1"],
        because: &[(NotApplying("not_applying.has_hukou"), ALWAYS)],
        label: own!("condition.has_no_hukou", "本人没有户口"),
        test: OneOf(Field::CurrentHukou, &[V::Hukou(H::None)]),
    }],
};

/// 4.2: the residence permit.
pub(crate) const RESIDENCE_PERMIT: PathRule = PathRule {
    id: PathId::ResidencePermit,
    clause: "4.2",
    title: own!("path.residence_permit", "申领居住证"),
    conditions: &[
        Condition {
            id: "hukou_elsewhere",
            // 663号 第二条 says it (离开常住户口所在地); 4.2 does not.
            clauses: &["ord663.2"],
            // With no hukou there is no place of hukou to have left: 4.1's registration is the
            // way, not a permit.
            because: &[
                (
                    NotApplying("not_applying.registered_permit"),
                    REGISTERED_HERE,
                ),
                (NotApplying("not_applying.no_hukou_permit"), NO_HUKOU),
                // 663号 speaks of living in "其他城市": whether a move between the city's own
                // counties and districts counts, the text does not say.
                (
                    Silent("permit.within_city"),
                    OneOf(Field::CurrentHukou, &[V::Hukou(H::ElsewhereInChenzhou)]),
                ),
            ],
            label: own!(
                "condition.hukou_elsewhere",
                "户口在别的地方（离开常住户口所在地）"
            ),
            test: OneOf(
                Field::CurrentHukou,
                &[
                    V::Hukou(H::ElsewhereInChenzhou),
                    V::Hukou(H::OutsideChenzhou),
                ],
            ),
        },
        Condition {
            id: "resident_six_months",
            clauses: &["ord663.2"],
            because: &[],
            label: own!(
                "condition.resident_six_months",
                "在现在的城市居住{resident_months}以上"
            ),
            test: AtLeast(Field::MonthsResident, &RESIDENT_MONTHS),
        },
        Condition {
            id: "job_home_or_school",
            clauses: &["ord663.2"],
            because: &[],
            label: own!(
                "condition.job_home_or_school",
                "有合法稳定就业、合法稳定住所、连续就读三者之一"
            ),
            test: Any(&[JOB, HOME, Flag(Field::Studying, true)]),
        },
    ],
};

pub(crate) const PATHS: [PathRule; PathId::COUNT] = [
    CENTRAL_URBAN,
    TOWN,
    NEWBORN,
    UNREGISTERED_PERSON,
    RESIDENCE_PERMIT,
];
