//! The macros that turn the declaration in `field.rs` into types: the answers' structs, the
//! field enums, and their decoding, reading, clearing and asking.

/// Generates a struct of optional answers (with any `extra` fields before them) and, for its
/// field enum, the contract names, how each is asked, decoding, reading and clearing.
macro_rules! answer_struct {
    (
        $(#[$meta:meta])* struct $Struct:ident { $($extra:ident: $extra_ty:ty,)* }
        enum $Enum:ident;
        $($(#[$doc:meta])* $Variant:ident $name:ident: $ty:ty,)*
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
        pub struct $Struct {
            $(
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $extra: Option<$extra_ty>,
            )*
            $(
                $(#[$doc])*
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $name: Option<$ty>,
            )*
        }

        // The applicant's enum also has `Member`, which these never see.
        #[allow(unreachable_patterns)]
        impl $Struct {
            /// Decodes the field named `key` from `json`; `path` names it in errors. `None` for
            /// a name that is not one of these fields.
            pub(crate) fn decode_field(&mut self, key: &str, path: &str, json: &Json)
                -> Option<Result<(), InputError>>
            {
                match key {
                    $(stringify!($name) => Some(
                        <$ty as Answer>::decode(path, json).map(|v| self.$name = Some(v))
                    ),)*
                    _ => None,
                }
            }

            /// Takes an answer back.
            pub(crate) fn clear_field(&mut self, field: $Enum) {
                match field {
                    $($Enum::$Variant => self.$name = None,)*
                    _ => {}
                }
            }

            /// What the rules read of one field, `None` while unanswered.
            pub fn read_field(&self, field: $Enum) -> Option<Value> {
                match field {
                    $($Enum::$Variant => self.$name.as_ref().and_then(Answer::read),)*
                    _ => None,
                }
            }

            /// One field's answer as the app gives it, `None` while unanswered.
            pub fn given_field(&self, field: $Enum) -> Option<Given> {
                match field {
                    $($Enum::$Variant => self.$name.as_ref().and_then(Answer::given),)*
                    _ => None,
                }
            }

            /// Whether a field holds an answer (one that decides nothing included).
            pub fn is_answered(&self, field: $Enum) -> bool {
                match field {
                    $($Enum::$Variant => self.$name.is_some(),)*
                    _ => false,
                }
            }

            /// Sets a field to the answer that reads as `value`; false if none does.
            pub fn put(&mut self, field: $Enum, value: Value) -> bool {
                match field {
                    $($Enum::$Variant => match Answer::from_value(value) {
                        Some(v) => {
                            self.$name = Some(v);
                            true
                        }
                        None => false,
                    },)*
                    _ => false,
                }
            }

            /// Answers that decide nothing (`unsure`) stored as unanswered.
            pub fn forget_undecided(&mut self) {
                $(if self.$name.as_ref().is_some_and(|v| v.read().is_none()) {
                    self.$name = None;
                })*
            }
        }

        #[allow(unreachable_patterns)]
        impl $Enum {
            const fn own_ask(self) -> Ask {
                match self {
                    $($Enum::$Variant => <$ty as Answer>::ASK,)*
                    _ => Ask::Relatives,
                }
            }

            const fn own_unsure(self) -> Option<&'static str> {
                match self {
                    $($Enum::$Variant => <$ty as Answer>::UNSURE,)*
                    _ => None,
                }
            }

            fn own_values(self) -> Vec<Value> {
                match self {
                    $($Enum::$Variant => <$ty as Answer>::every_value(),)*
                    _ => Vec::new(),
                }
            }

            fn own_value_of(self, word: &str) -> Option<Value> {
                match self {
                    $($Enum::$Variant => <$ty as Answer>::value_of(word),)*
                    _ => None,
                }
            }
        }
    };
}

/// Generates the applicant's fields: `Answers`, and `Field` with `Member` after the list of
/// relatives.
macro_rules! applicant_fields {
    (
        $($(#[$doc1:meta])* $V1:ident $n1:ident: $t1:ty,)*
        [relatives]
        $($(#[$doc2:meta])* $V2:ident $n2:ident: $t2:ty,)*
    ) => {
        /// One answer field. The declaration order is the order questions are asked in when two
        /// fields are equally decisive.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field {
            $($V1,)*
            Member(u16, MemberField),
            $($V2,)*
        }

        impl Field {
            /// Every top-level field (relatives' fields are `Member`).
            pub const TOP_LEVEL: &'static [Field] = &[$(Field::$V1,)* $(Field::$V2,)*];

            /// The contract's name of a top-level field (a relative's field is in the list of
            /// relatives, named by the first variant after them).
            pub const fn name(self) -> &'static str {
                match self {
                    $(Field::$V1 => stringify!($n1),)*
                    $(Field::$V2 => stringify!($n2),)*
                    Field::Member(..) => RELATIVES.name(),
                }
            }
        }

        answer_struct! {
            /// Every answer the contract knows; `None` means "not answered yet".
            struct Answers { today: NaiveDate, }
            enum Field;
            $($(#[$doc1])* $V1 $n1: $t1,)*
            $($(#[$doc2])* $V2 $n2: $t2,)*
        }
    };
}

macro_rules! relative_fields {
    ($($(#[$doc:meta])* $V:ident $n:ident: $t:ty,)*) => {
        /// A field of one relative in the list of relatives.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum MemberField { $($V,)* }

        impl MemberField {
            pub const ALL: &'static [MemberField] = &[$(MemberField::$V,)*];

            /// The contract's name.
            pub const fn name(self) -> &'static str {
                match self { $(MemberField::$V => stringify!($n),)* }
            }
        }

        answer_struct! {
            /// One relative who might come along or need a service.
            struct Member {}
            enum MemberField;
            $($(#[$doc])* $V $n: $t,)*
        }
    };
}
