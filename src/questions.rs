//! One question per answer field: its text key, how it is answered, and its choices.

use hukou_engine::words::{
    CurrentHukou, Employment, NoHukouReason, PriorityGroup, Relation, Residence, TargetArea,
};
use hukou_engine::{Field, MemberField};

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One of these contract words; the label key is `choice.<group>.<word>`.
    Choice {
        group: &'static str,
        words: &'static [&'static str],
    },
    YesNo,
    /// A whole number of months.
    Months,
    Date,
    /// Any of these words (priority groups), or none.
    Several {
        group: &'static str,
        words: &'static [&'static str],
    },
    /// The family editor.
    Family,
}

/// A question shown on its own screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub field: Field,
    /// The text key; help is `<key>.help`.
    pub key: &'static str,
    pub kind: Kind,
    /// The person may not know: offer "not sure" (the field stays unanswered).
    pub not_sure: bool,
    /// Offer "not yet" instead (settled_on: not moved yet).
    pub not_yet: bool,
}

macro_rules! words {
    ($ty:ty) => {{
        const WORDS: &[&str] = &{
            let all = <$ty>::ALL;
            let mut words = [""; <$ty>::ALL.len()];
            let mut i = 0;
            while i < all.len() {
                words[i] = all[i].word();
                i += 1;
            }
            words
        };
        WORDS
    }};
}

/// Target areas a person can pick directly (`unsure` is the "not sure" button).
const AREAS: &[&str] = &[
    TargetArea::CentralUrban.word(),
    TargetArea::CountyCityUrban.word(),
    TargetArea::CountySeatTown.word(),
    TargetArea::OtherTown.word(),
    TargetArea::NotATown.word(),
];

pub fn question(field: Field) -> Question {
    let ask = |key, kind| Question {
        field,
        key,
        kind,
        not_sure: true,
        not_yet: false,
    };
    match field {
        Field::TargetArea => ask(
            "q.target_area",
            Kind::Choice {
                group: "target_area",
                words: AREAS,
            },
        ),
        Field::CurrentHukou => ask(
            "q.current_hukou",
            Kind::Choice {
                group: "current_hukou",
                words: words!(CurrentHukou),
            },
        ),
        Field::Residence => ask(
            "q.residence",
            Kind::Choice {
                group: "residence",
                words: words!(Residence),
            },
        ),
        Field::Employment => ask(
            "q.employment",
            Kind::Choice {
                group: "employment",
                words: words!(Employment),
            },
        ),
        Field::UrbanSocialInsurance => ask("q.urban_social_insurance", Kind::YesNo),
        Field::MonthsResident => ask("q.months_resident", Kind::Months),
        Field::Studying => ask("q.studying", Kind::YesNo),
        Field::RuralCollectiveMember => ask("q.rural_collective_member", Kind::YesNo),
        Field::NewbornUnregistered => ask("q.newborn_unregistered", Kind::YesNo),
        Field::NoHukouReason => ask(
            "q.no_hukou_reason",
            Kind::Choice {
                group: "no_hukou_reason",
                words: words!(NoHukouReason),
            },
        ),
        Field::Family => Question {
            not_sure: false,
            ..ask("q.family", Kind::Family)
        },
        Field::SettledOn => Question {
            not_sure: false,
            not_yet: true,
            ..ask("q.settled_on", Kind::Date)
        },
        Field::SeekingWork => ask("q.seeking_work", Kind::YesNo),
        Field::ChildEnlistedBeforeTransfer => ask("q.child_enlisted_before_transfer", Kind::YesNo),
        Field::BereavedMilitaryFamily => ask("q.bereaved_military_family", Kind::YesNo),
        Field::PriorityGroups => ask(
            "q.priority_groups",
            Kind::Several {
                group: "priority_groups",
                words: words!(PriorityGroup),
            },
        ),
        Field::Member(_, MemberField::Relation) => ask(
            "q.member.relation",
            Kind::Choice {
                group: "relation",
                words: words!(Relation),
            },
        ),
        Field::Member(_, MemberField::LivesWithApplicant) => {
            ask("q.member.lives_with_applicant", Kind::YesNo)
        }
        Field::Member(_, MemberField::Married) => ask("q.member.married", Kind::YesNo),
        // School age first: a yes or no decides it for most; the birth date only if unsure.
        Field::Member(_, MemberField::SchoolAge) => ask("q.member.school_age", Kind::YesNo),
        Field::Member(_, MemberField::BirthDate) => ask("q.member.birth_date", Kind::Date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn every_field() -> Vec<Field> {
        let members = MemberField::ALL.iter().map(|&f| Field::Member(0, f));
        Field::TOP_LEVEL.iter().copied().chain(members).collect()
    }

    fn has(lang: Lang, key: &str) -> bool {
        lang.texts().iter().any(|(k, _)| *k == key)
    }

    /// Keys built at run time (`q.<field>.help`, `choice.<group>.<word>`) exist in both languages.
    #[test]
    fn every_question_its_help_and_its_choices_have_texts_in_both_languages() {
        for field in every_field() {
            let q = question(field);
            let mut keys = vec![q.key.to_owned(), format!("{}.help", q.key)];
            match q.kind {
                Kind::Choice { group, words } => {
                    keys.extend(words.iter().map(|w| format!("choice.{group}.{w}")))
                }
                Kind::Several { group, words } => {
                    keys.extend(words.iter().map(|w| format!("choice.{group}.{w}")));
                    keys.push(format!("choice.{group}.none"));
                }
                _ => {}
            }
            for lang in [Lang::Zh, Lang::En] {
                for key in &keys {
                    assert!(has(lang, key), "{key} is missing in {lang:?}");
                }
            }
        }
    }

    #[test]
    fn every_relation_path_status_and_checklist_has_texts() {
        use hukou_engine::policy::PathId;
        let mut keys: Vec<String> = Relation::ALL
            .iter()
            .map(|r| format!("choice.relation.{}", r.word()))
            .collect();
        for id in PathId::ALL {
            keys.push(format!("checklist.{}", id.id()));
            keys.push(format!("checklist.{}.where", id.id()));
        }
        for status in ["eligible", "not_eligible", "undetermined"] {
            keys.push(format!("status.{status}"));
        }
        for join in ["yes", "no", "undetermined"] {
            keys.push(format!("join.{join}"));
        }
        for lang in [Lang::Zh, Lang::En] {
            for key in &keys {
                assert!(has(lang, key), "{key} is missing in {lang:?}");
            }
        }
    }
}
