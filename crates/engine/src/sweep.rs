//! The discrete answer space, for the exhaustive test and the benchmarks.
//!
//! Every combination of the answers to the fields asked by choice or yes / no, each also
//! unanswered (and "not sure" where the field has the word): 24,800,580 answer sets for
//! 郴政发〔2016〕1号. Counts, dates, lists and relatives are not enumerated but drawn, in rotation
//! by a hash of the index, from one value on each side of every threshold the rules test.

use chrono::NaiveDate;

use crate::answers::{Answers, Member};
use crate::field::{Ask, Field, MemberField, Value};

/// The answer sets of the sweep, judged on `today`.
#[derive(Clone, Debug)]
pub struct AnswerSpace {
    pub today: NaiveDate,
    /// The fields whose every answer is enumerated (words and yes / no), with their answers.
    enumerated: Vec<(Field, Vec<Pick>)>,
    /// The other applicant's fields, with the few answers drawn for them.
    drawn: Vec<(Field, Vec<Pick>)>,
    /// Lists of relatives drawn for the list of relatives (the first: not answered).
    relatives: Vec<Option<Vec<Member>>>,
}

/// One answer the sweep gives a field.
#[derive(Clone, Copy, Debug)]
enum Pick {
    Unanswered,
    Unsure(&'static str),
    Value(Value),
}

/// Unanswered, "not sure" where the field has it, then one value per class the rules tell apart.
fn picks(field: Field, today: NaiveDate) -> Vec<Pick> {
    let policy = crate::policies::in_force(today).unwrap_or(crate::policies::POLICIES[0]);
    std::iter::once(Pick::Unanswered)
        .chain(field.unsure().map(Pick::Unsure))
        .chain(
            crate::missing::witnesses(policy, field, today)
                .into_iter()
                .map(Pick::Value),
        )
        .collect()
}

impl AnswerSpace {
    pub fn new(today: NaiveDate) -> AnswerSpace {
        let (enumerated, drawn) = Field::TOP_LEVEL
            .iter()
            .filter(|&&f| f != crate::field::RELATIVES)
            .map(|&f| (f, picks(f, today)))
            .partition(|(f, _)| matches!(f.ask(), Ask::Choice(_) | Ask::Place(_) | Ask::YesNo));
        let mut space = AnswerSpace {
            today,
            enumerated,
            drawn,
            relatives: vec![None, Some(Vec::new())],
        };
        let mut random = XorShift(0x5eed_f00d);
        for size in [1, 1, 2, 2, 3, 4] {
            let list = (0..size).map(|_| space.relative(&mut random)).collect();
            space.relatives.push(Some(list));
        }
        space
    }

    /// One relative, each field drawn from its answers; of two fields that answer the same
    /// thing, only the first is kept.
    fn relative(&self, random: &mut XorShift) -> Member {
        let mut member = Member::default();
        for &m in MemberField::ALL {
            let field = Field::Member(0, m);
            if m.same_as().is_some_and(|s| member.is_answered(s)) {
                continue;
            }
            if let Pick::Value(value) = *random.pick(&picks(field, self.today)) {
                member.put(m, value);
            }
        }
        member
    }

    /// How many answer sets the sweep holds.
    pub fn len(&self) -> u64 {
        self.enumerated
            .iter()
            .map(|(_, p)| p.len() as u64)
            .product()
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// The answer set at `index` (0 ≤ index < len).
    pub fn get(&self, index: u64) -> Answers {
        let mut answers = Answers {
            today: Some(self.today),
            ..Answers::default()
        };
        let mut rest = index;
        for (field, picks) in &self.enumerated {
            let radix = picks.len() as u64;
            set(&mut answers, *field, picks[(rest % radix) as usize]);
            rest /= radix;
        }
        // A fixed mix of the index picks the drawn fields, so each meets every combination.
        let mut mix = index.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
        for (field, picks) in &self.drawn {
            let radix = picks.len() as u64;
            set(&mut answers, *field, picks[(mix % radix) as usize]);
            mix /= radix;
        }
        answers.set_relatives(self.relatives[(mix % self.relatives.len() as u64) as usize].clone());
        answers
    }
}

fn set(answers: &mut Answers, field: Field, pick: Pick) {
    match pick {
        Pick::Unanswered => {}
        Pick::Value(value) => {
            answers.put(field, value);
        }
        Pick::Unsure(word) => {
            if let Ok(with) = answers.with(field, Some(&word.into())) {
                *answers = with;
            }
        }
    }
}

/// A small deterministic generator (xorshift64) for the generated tests: a failure can be
/// replayed from its seed.
#[derive(Clone, Debug)]
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}
