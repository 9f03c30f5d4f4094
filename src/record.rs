//! The records a plan is made of, seen generically: every kind of record is stored the same way
//! (one table per kind, keyed by plan and id, the record itself as JSON), points at other
//! records the same way, and is checked the same way. The store, the plan file and validation
//! are written once against this trait instead of once per kind.

use crate::error::Problem;
use crate::model::Kind;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Longest text a single field may hold; far beyond any real answer, short of an accident.
pub const MAX_TEXT: usize = 20_000;
/// Longest list of short strings (people, values) a field may hold.
pub const MAX_LIST: usize = 1_000;
const MAX_ID: usize = 64;

/// Why `value` cannot be a name, if it cannot: names are printed in terminals, file names,
/// headings and lists, where a control character (an escape sequence, a bell, a line break) or
/// a bidirectional override would do something instead of being seen.
pub fn not_one_line(value: &str) -> Option<String> {
    value.chars().find(|&c| is_control(c)).map(|c| {
        format!(
            "contains the control character U+{:04X}; a name is one line of plain text",
            c as u32
        )
    })
}

/// C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional
/// embeddings, overrides and isolates, which reorder the text around them unseen.
pub fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A pointer from one record to another, with the field that holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link<'a> {
    pub field: String,
    pub kind: Kind,
    pub id: &'a str,
}

/// What removing a record means for one that pointed at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unlinked {
    Unchanged,
    /// The pointer was dropped; the record stays.
    Changed,
    /// The record makes no sense without the other one (a RACI cell without its role).
    Remove,
}

pub trait Record: Serialize + DeserializeOwned + Clone + 'static {
    const KIND: Kind;
    fn id(&self) -> &str;
    /// The record this one belongs to; deleting the parent deletes it.
    fn parent_id(&self) -> Option<&str> {
        None
    }
    /// A key that may appear only once in a plan, and what it means when it repeats.
    fn unique_key(&self) -> Option<(String, &'static str)> {
        None
    }
    /// Every pointer to another record, the parent included.
    fn links(&self) -> Vec<Link<'_>> {
        Vec::new()
    }
    /// Drops pointers to a record that is being deleted (never the parent: that cascades).
    fn unlink(&mut self, _kind: Kind, _id: &str) -> Unlinked {
        Unlinked::Unchanged
    }
    /// Checks the record's own values and its references to built-in content.
    fn check(&self, _c: &mut Checker) {}
    /// Checks the record against its parent as stored (its JSON body), for a rule that needs
    /// both: a check-in off track by its measure needs a note. Run only when the record itself
    /// is written, so a plan whose records met the rules of their day still opens and imports.
    fn check_with_parent(&self, _parent: &str, _c: &mut Checker) {}
}

/// Drops `id` from a list of pointers; says whether anything changed.
pub fn drop_from(ids: &mut Vec<String>, id: &str) -> Unlinked {
    let before = ids.len();
    ids.retain(|x| x != id);
    if ids.len() == before {
        Unlinked::Unchanged
    } else {
        Unlinked::Changed
    }
}

/// Clears an optional pointer if it points at `id`.
pub fn clear_if(slot: &mut Option<String>, id: &str) -> Unlinked {
    if slot.as_deref() == Some(id) {
        *slot = None;
        Unlinked::Changed
    } else {
        Unlinked::Unchanged
    }
}

pub fn link(field: impl Into<String>, kind: Kind, id: &str) -> Link<'_> {
    Link {
        field: field.into(),
        kind,
        id,
    }
}

pub fn links_in<'a>(field: &str, kind: Kind, ids: &'a [String]) -> impl Iterator<Item = Link<'a>> {
    let field = field.to_string();
    ids.iter()
        .enumerate()
        .map(move |(i, id)| link(format!("{field}[{i}]"), kind, id))
}

/// Collects problems with a record's values, each under its path.
pub struct Checker<'a> {
    prefix: String,
    problems: &'a mut Vec<Problem>,
}

impl<'a> Checker<'a> {
    pub fn new(prefix: impl Into<String>, problems: &'a mut Vec<Problem>) -> Self {
        Checker {
            prefix: prefix.into(),
            problems,
        }
    }

    fn path(&self, field: &str) -> String {
        match (self.prefix.is_empty(), field.is_empty()) {
            (true, _) => field.to_string(),
            (false, true) => self.prefix.clone(),
            (false, false) => format!("{}.{}", self.prefix, field),
        }
    }

    pub fn problem(&mut self, field: &str, reason: impl Into<String>) {
        let path = self.path(field);
        self.problems.push(Problem {
            path,
            reason: reason.into(),
        });
    }

    pub fn id(&mut self, field: &str, id: &str) {
        if id.is_empty() {
            self.problem(field, "must not be empty");
        } else if id.len() > MAX_ID {
            self.problem(field, format!("is longer than {MAX_ID} characters"));
        } else if !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            self.problem(field, "may hold only letters, digits, '-' and '_'");
        }
    }

    pub fn text(&mut self, field: &str, value: &str) {
        let n = value.chars().count();
        if n > MAX_TEXT {
            self.problem(
                field,
                format!("is {n} characters long; the most a field holds is {MAX_TEXT}"),
            );
        }
    }

    pub fn required(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.problem(field, "must not be empty");
        } else {
            self.text(field, value);
        }
    }

    /// A name or title: required, and one line of plain text.
    pub fn name(&mut self, field: &str, value: &str) {
        self.required(field, value);
        if let Some(reason) = not_one_line(value) {
            self.problem(field, reason);
        }
    }

    pub fn texts(&mut self, field: &str, values: &[String]) {
        if values.len() > MAX_LIST {
            self.problem(
                field,
                format!("holds {} entries; the most is {MAX_LIST}", values.len()),
            );
        }
        for (i, v) in values.iter().enumerate() {
            self.text(&format!("{field}[{i}]"), v);
        }
    }

    pub fn number(&mut self, field: &str, value: Option<f64>) {
        if let Some(v) = value {
            if !v.is_finite() {
                self.problem(field, "must be a finite number");
            }
        }
    }

    pub fn stage(&mut self, field: &str, stage: u8) {
        if !(1..=5).contains(&stage) {
            self.problem(
                field,
                format!("stage {stage} does not exist; stages run from 1 (Exploratory) to 5 (Immersive)"),
            );
        }
    }

    /// A reference to built-in content (a sub-facet, a catalog requirement…).
    pub fn known(&mut self, field: &str, id: &str, exists: bool, what: &str) {
        if !exists {
            self.problem(field, format!("\"{id}\" is not a known {what}"));
        }
    }
}

/// Something done once per kind of record, with the typed list of that kind.
pub trait ListVisitor {
    fn visit<T: Record>(&mut self, list: &[T]) -> crate::Result<()>;
}

/// Produces the typed list of each kind, e.g. from the store.
pub trait ListLoader {
    fn load<T: Record>(&mut self) -> crate::Result<Vec<T>>;
}

/// Something done with the record type behind a runtime kind.
pub trait KindVisitor {
    type Out;
    fn visit<T: Record>(self) -> Self::Out;
}

/// Something done with the typed record inside an entity.
pub trait RecordVisitor {
    type Out;
    fn visit<T: Record>(self, record: &T) -> Self::Out;
}

/// Declares every kind of record once: its variant, its type, the table that stores it, the
/// plan's list that holds it, how a person names it and its parent kind. Parents come before
/// children, which is the order records are written in.
macro_rules! kinds {
    ($($variant:ident($ty:ty) => $table:literal, $field:ident, $label:literal, parent: $parent:expr;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, ts_rs::TS, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Kind { $($variant),* }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),*];
            pub fn table(self) -> &'static str { match self { $(Kind::$variant => $table),* } }
            /// The name of this kind's list in the plan file, e.g. `goals`.
            pub fn field(self) -> &'static str { match self { $(Kind::$variant => stringify!($field)),* } }
            /// How a person calls one record of this kind.
            pub fn label(self) -> &'static str { match self { $(Kind::$variant => $label),* } }
            pub fn parent(self) -> Option<Kind> { match self { $(Kind::$variant => $parent),* } }
            pub fn dispatch<V: $crate::record::KindVisitor>(self, v: V) -> V::Out {
                match self { $(Kind::$variant => v.visit::<$ty>()),* }
            }
        }

        /// Any one record, tagged with its kind: what an edit puts into a plan.
        #[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Entity { $($variant($ty)),* }

        impl Entity {
            pub fn kind(&self) -> Kind { match self { $(Entity::$variant(_) => Kind::$variant),* } }
            pub fn visit<V: $crate::record::RecordVisitor>(&self, v: V) -> V::Out {
                match self { $(Entity::$variant(r) => v.visit(r)),* }
            }
        }

        impl Plan {
            pub fn visit_lists(&self, v: &mut impl $crate::record::ListVisitor) -> $crate::Result<()> {
                $( v.visit(&self.$field)?; )*
                Ok(())
            }
            pub fn load_lists(&mut self, l: &mut impl $crate::record::ListLoader) -> $crate::Result<()> {
                $( self.$field = l.load()?; )*
                Ok(())
            }
            /// The record of a kind with this id, as an entity.
            pub fn entity(&self, kind: Kind, id: &str) -> Option<Entity> {
                match kind { $(Kind::$variant => self.$field.iter().find(|r| $crate::record::Record::id(*r) == id).cloned().map(Entity::$variant)),* }
            }
            /// The ids of a kind's records, in the list's order.
            pub fn ids(&self, kind: Kind) -> Vec<String> {
                match kind { $(Kind::$variant => self.$field.iter().map(|r| $crate::record::Record::id(r).to_string()).collect()),* }
            }
            /// Brings one kind's list up to date with the store.
            pub(crate) fn patch_list(&mut self, kind: Kind, patch: $crate::store::ListPatch<'_>) -> $crate::Result<()> {
                match kind { $(Kind::$variant => patch.apply(&mut self.$field)),* }
            }
        }
    };
}

pub(crate) use kinds;
