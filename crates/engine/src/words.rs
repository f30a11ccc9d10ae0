//! The closed vocabularies of the answers contract: each enum knows its JSON word.

/// The parts written one after another with `between` (a list's 、, a sentence's space, the
/// contract words' comma). One function for every kind of part, here and in the app: the
/// standard library's `join` costs the page's binary almost a kilobyte for each.
pub fn joined_by(between: &str, parts: &mut dyn Iterator<Item = &str>) -> String {
    let mut text = String::new();
    for (i, part) in parts.enumerate() {
        if i > 0 {
            text.push_str(between);
        }
        text.push_str(part);
    }
    text
}

macro_rules! word_enum {
    (@some) => { None };
    (@some $word:literal) => { Some($word) };
    (
        $(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal),+ $(,)? }
        $(unsure: $unsure:ident = $unsure_word:literal)?
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant,)+ $($unsure)? }

        impl $name {
            /// Every value, in contract order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+ $($name::$unsure)?];

            /// The words a person chooses from: every word but "not sure".
            pub const CHOICES: &'static [&'static str] = &[$($word),+];

            /// The word for "not sure", where the contract has one: it decides nothing.
            pub const UNSURE: Option<&'static str> = word_enum!(@some $($unsure_word)?);

            /// The word used for this value in the JSON contract.
            pub const fn word(self) -> &'static str {
                match self { $($name::$variant => $word,)+ $($name::$unsure => $unsure_word)? }
            }

            /// Whether the value decides anything (every one but "not sure").
            pub const fn decides(self) -> bool {
                match self { $($name::$unsure => false,)? _ => true }
            }

            /// The value for a contract word, if there is one.
            pub fn from_word(word: &str) -> Option<Self> {
                match word {
                    $($word => Some($name::$variant),)+
                    $($unsure_word => Some($name::$unsure),)?
                    _ => None,
                }
            }

            /// All contract words, comma-separated, for error messages.
            pub fn expected() -> String {
                joined_by(", ", &mut Self::ALL.iter().map(|v| v.word()))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.word())
            }
        }
    };
}

word_enum! {
    /// Where the person wants to register (3.1 / 3.2).
    TargetArea {
        CentralUrban = "central_urban",
        CountyCityUrban = "county_city_urban",
        CountySeatTown = "county_seat_town",
        OtherTown = "other_town",
        NotATown = "not_a_town",
    }
    unsure: Unsure = "unsure"
}

word_enum! {
    /// Where the person's hukou is now.
    CurrentHukou {
        None = "none",
        TargetArea = "target_area",
        ElsewhereInChenzhou = "elsewhere_in_chenzhou",
        OutsideChenzhou = "outside_chenzhou",
    }
}

word_enum! {
    /// The kind of home the person has in the target area.
    Residence {
        Owned = "owned",
        Rented = "rented",
        RentedUnregistered = "rented_unregistered",
        EmployerProvided = "employer_provided",
        None = "none",
    }
}

word_enum! {
    /// The kind of work the person has in the target area.
    Employment {
        Employed = "employed",
        SelfEmployed = "self_employed",
        EmployedWithoutContract = "employed_without_contract",
        Retired = "retired",
        None = "none",
    }
}

word_enum! {
    /// A relative's relation to the applicant.
    Relation {
        Spouse = "spouse",
        Child = "child",
        Parent = "parent",
        Sibling = "sibling",
        Grandparent = "grandparent",
        Grandchild = "grandchild",
        Other = "other",
    }
}

word_enum! {
    /// Why a person has no hukou, in the categories of 国办发〔2015〕96号.
    NoHukouReason {
        OutsideFamilyPlanning = "outside_family_planning",
        NoBirthCertificate = "no_birth_certificate",
        DeFactoAdoption = "de_facto_adoption",
        Reappeared = "reappeared",
        CancelledOnMarriage = "cancelled_on_marriage",
        LostMigrationCertificate = "lost_migration_certificate",
        ForeignParent = "foreign_parent",
        Other = "other",
    }
}

word_enum! {
    /// The groups 4.1 wants to see settle in town more often.
    PriorityGroup {
        LongUrbanStrongEmployability = "long_urban_strong_employability",
        Graduate = "graduate",
        ProfessionalQualification = "professional_qualification",
        SkilledWorker = "skilled_worker",
        ReturnedOverseasStudent = "returned_overseas_student",
        HonoraryTitle = "honorary_title",
        OutstandingMigrantWorker = "outstanding_migrant_worker",
    }
}
