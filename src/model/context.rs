//! Step 1, context: the programs in scope, the stakeholder groups, the organisation's own
//! strategic priorities and core values.

use super::{Id, Kind};
use crate::catalog::catalog;
use crate::record::{Checker, Record};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub id: Id,
    pub name: String,
    pub description: String,
}

impl Record for Program {
    const KIND: Kind = Kind::Program;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
        c.text("description", &self.description);
    }
}

/// A stakeholder group; `group` ties it to one of the catalog's groups when it is one of them.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stakeholder {
    pub id: Id,
    pub group: Option<String>,
    pub name: String,
    pub notes: String,
}

impl Record for Stakeholder {
    const KIND: Kind = Kind::Stakeholder;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
        c.text("notes", &self.notes);
        if let Some(g) = &self.group {
            let known = catalog().stakeholder_groups.iter().any(|s| &s.id == g);
            c.known("group", g, known, "stakeholder group");
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    pub id: Id,
    pub title: String,
    pub description: String,
}

impl Record for Priority {
    const KIND: Kind = Kind::Priority;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.name("title", &self.title);
        c.text("description", &self.description);
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoreValue {
    pub id: Id,
    pub name: String,
    pub description: String,
}

impl Record for CoreValue {
    const KIND: Kind = Kind::CoreValue;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
        c.text("description", &self.description);
    }
}
