//! One question per answer field, derived from its declaration in the engine: the text key, how
//! it is answered, and its choices.

use hukou_engine::field::{Ask, Given, Value, KINSHIP, PLACE};
use hukou_engine::{Answers, Field};

use crate::i18n::{has, joined_by, tr, tr_of, tr_policy, trf, Lang};
use crate::state::{member_of, Purpose, Session, JOINER};

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One of these contract words; the label key is `choice.<group>.<word>`.
    Choice {
        group: &'static str,
        words: &'static [&'static str],
    },
    /// A place from the city's list, or one of these kinds of area (labelled as a choice).
    Place {
        group: &'static str,
        words: &'static [&'static str],
    },
    YesNo,
    /// A whole number of months.
    Months,
    Date,
    /// Any of these words, or none.
    Several {
        group: &'static str,
        words: &'static [&'static str],
    },
    /// The family editor.
    Family,
}

/// A question shown on its own screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub field: Field,
    /// The text key (`q.<field>`, `q.member.<field>`); help is `<key>.help`.
    pub key: String,
    pub kind: Kind,
    /// The person may not know: offer "not sure" (the field stays unanswered, or takes the
    /// field's own word for it).
    pub not_sure: bool,
    /// Offer "not yet" instead (a date of something that has not happened yet).
    pub not_yet: bool,
}

/// The contract's name of a field without its relative's index: `residence`, `married`.
pub fn field_name(field: Field) -> &'static str {
    match field {
        Field::Member(_, m) => m.name(),
        f => f.name(),
    }
}

/// A relative by number, with who they are to the applicant where answered: "亲属2（子女）".
pub fn relative_label(lang: Lang, answers: &Answers, index: usize) -> String {
    let who = trf(lang, "relatives.member", &[("n", &(index + 1).to_string())]);
    match answers
        .value(Field::Member(index as u16, KINSHIP))
        .and_then(Value::word)
    {
        Some(word) => format!(
            "{who}{}{}{}",
            tr(lang, "punct.open"),
            tr_of(lang, &["choice.", KINSHIP.name(), ".", word]),
            tr(lang, "punct.close")
        ),
        None => who,
    }
}

/// The kind of place as the place question's choice says it ("县城（县政府所在的镇或街道）"), to
/// be read inside a sentence.
pub fn place_label(lang: Lang, kind: &str) -> String {
    lang.inside_sentence(tr_of(lang, &["choice.", field_name(PLACE), ".", kind]))
}

/// The kind of area the place named counts as (its contract word), once one is named.
pub fn place_kind(answers: &Answers) -> Option<String> {
    answers
        .value(PLACE)
        .and_then(Value::word)
        .map(str::to_owned)
}

pub fn question(field: Field) -> Question {
    let group = field_name(field);
    let kind = match field.ask() {
        Ask::Choice(words) => Kind::Choice { group, words },
        Ask::Place(words) => Kind::Place { group, words },
        Ask::YesNo => Kind::YesNo,
        Ask::Months => Kind::Months,
        Ask::Date => Kind::Date,
        Ask::Several(words) => Kind::Several { group, words },
        Ask::Relatives => Kind::Family,
    };
    let key = match field {
        Field::Member(..) => format!("q.member.{group}"),
        _ => format!("q.{group}"),
    };
    let not_yet = field.not_yet();
    Question {
        field,
        key,
        kind,
        not_sure: kind != Kind::Family && !not_yet,
        not_yet,
    }
}

/// How this person is asked: someone who only wants a residence permit about the city they live
/// in, someone already registered about the place their hukou is, not about a place to settle
/// (`q.<field>.permit…`, `q.<field>.registered…`, where the question has such a text).
fn variant(session: &Session) -> Option<&'static str> {
    // Registered: the answers hold what choosing "already registered" on the start screen gives.
    let registered = Purpose::Registered
        .rule(session.policy())
        .is_some_and(|rule| {
            (rule.implies.iter()).all(|&(f, v)| session.answers.value(f) == Some(v))
        });
    match session.purpose {
        Some(Purpose::Permit) => Some("permit"),
        Some(Purpose::Join) => Some("join"),
        _ if registered => Some("registered"),
        _ => None,
    }
}

/// The key of a text about a question (`suffix` "" for the question, ".help" for its help), in
/// this person's variant where there is one.
fn key_for(session: &Session, field: Field, suffix: &str) -> String {
    let key = question(field).key;
    match variant(session).map(|v| format!("{key}.{v}{suffix}")) {
        Some(own) if has(session.lang, &own) => own,
        _ => format!("{key}{suffix}"),
    }
}

/// The key of a question's help, as this person is asked it.
pub fn help_key(session: &Session, field: Field) -> String {
    key_for(session, field, ".help")
}

/// The relative the person comes to live with, as the questions name them ("你的儿子或女儿"):
/// the first relative's relation, turned around (the person is that relative's parent: the
/// relative is their child).
pub fn joined(session: &Session) -> String {
    let lang = session.lang;
    let relation = session.answers.value(Field::Member(JOINER, KINSHIP));
    match relation.and_then(Value::word) {
        Some(word) => tr_of(lang, &["join.who.", word]).to_owned(),
        None => tr(lang, "join.who.unknown").to_owned(),
    }
}

/// A text about a question, with the relative the person comes to named where it says `{who}`.
pub fn about(session: &Session, key: &str) -> String {
    let text = tr_policy(session.lang, session.policy(), session.day(), key);
    match text.contains("{who}") {
        true => text.replace("{who}", &joined(session)),
        false => text,
    }
}

/// The label of a choice: on the joining route, the relation is said from the person's side
/// ("my child" for the relative whose parent the person is).
pub fn choice_label(session: &Session, field: Field, word: &str) -> &'static str {
    let lang = session.lang;
    let group = field_name(field);
    let own = format!("choice.{group}.join.{word}");
    // On the permit's route no place to settle was asked: "there" is where the person lives.
    let permit = format!("choice.{group}.permit.{word}");
    if field == Field::Member(JOINER, KINSHIP) && session.joining() && has(lang, &own) {
        tr(lang, &own)
    } else if session.purpose == Some(Purpose::Permit) && !session.everything && has(lang, &permit)
    {
        tr(lang, &permit)
    } else {
        tr_of(lang, &["choice.", group, ".", word])
    }
}

/// The question's text, with the relative it is about (on the joining route, the person is the
/// first relative: their own questions name nobody).
pub fn question_text(session: &Session, field: Field) -> String {
    let lang = session.lang;
    let text = about(session, &key_for(session, field, ""));
    let colon = tr(lang, "punct.colon");
    match member_of(field) {
        Some((index, _)) if session.joining() && index == JOINER as usize => text,
        Some((index, _)) => format!(
            "{}{colon}{text}",
            relative_label(lang, &session.answers, index)
        ),
        None => text.to_owned(),
    }
}

/// The relations of the relatives listed, in the person's words ("没有" for none).
fn family_label(session: &Session) -> String {
    let lang = session.lang;
    let listed = session.answers.relatives().len() as u16;
    let relations = (0..listed)
        .filter_map(|i| session.answers.value(Field::Member(i, KINSHIP)))
        .filter_map(Value::word);
    // Each relation once, with how many where more than one: "父母（2位）", not "父母、父母".
    let mut each: Vec<(&str, usize)> = Vec::new();
    for word in relations {
        match each.iter_mut().find(|(w, _)| *w == word) {
            Some((_, n)) => *n += 1,
            None => each.push((word, 1)),
        }
    }
    if each.is_empty() {
        return tr(lang, "relatives.none").to_owned();
    }
    let group = KINSHIP.name();
    let labels: Vec<String> = (each.into_iter())
        .map(|(word, n)| {
            let label = tr_of(lang, &["choice.", group, ".", word]);
            match n {
                1 => label.to_owned(),
                n => trf(
                    lang,
                    "relatives.count",
                    &[("label", label), ("n", &n.to_string())],
                ),
            }
        })
        .collect();
    joined_by(
        tr(lang, "punct.list"),
        &mut labels.iter().map(String::as_str),
    )
}

/// The label of the current answer to a field, as this person was asked it (the change list).
pub fn answer_label(session: &Session, field: Field) -> String {
    let kind = question(field).kind;
    if kind == Kind::Family {
        return family_label(session);
    }
    let given = session.answers.given(field);
    match given.as_ref().and_then(Given::word) {
        Some(word) if matches!(kind, Kind::Choice { .. }) => {
            choice_label(session, field, word).to_owned()
        }
        _ => value_label(session.lang, field, given.as_ref()),
    }
}

/// The label of an answer, for read-aloud and the change list.
pub fn value_label(lang: Lang, field: Field, given: Option<&Given>) -> String {
    let value = match given {
        Some(Given::One(value)) => *value,
        Some(Given::Groups(groups)) => {
            let Kind::Several { group, .. } = question(field).kind else {
                return "—".to_owned();
            };
            if groups.is_empty() {
                return tr_of(lang, &["choice.", group, ".none"]).to_owned();
            }
            return joined_by(
                "、",
                &mut groups
                    .iter()
                    .map(|g| tr_of(lang, &["choice.", group, ".", g.word()])),
            );
        }
        None => return "—".to_owned(),
    };
    match (question(field).kind, value) {
        (Kind::Choice { group, .. } | Kind::Place { group, .. }, value) => match value.word() {
            Some(word) => tr_of(lang, &["choice.", group, ".", word]).to_owned(),
            None => "—".to_owned(),
        },
        (_, Value::Bool(true)) => tr(lang, "choice.yes").to_owned(),
        (_, Value::Bool(false)) => tr(lang, "choice.no").to_owned(),
        (_, Value::Count(n)) => format!("{n} {}", tr(lang, "unit.months")),
        (_, Value::Date(day)) => day.to_string(),
        _ => "—".to_owned(),
    }
}

#[cfg(test)]
mod tests;
