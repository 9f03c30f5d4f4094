//! Step 6, governance: who decides (roles, committee), how a badge comes to be (the request
//! workflow, what a proposal holds, the RACI matrix) and what badges look like (levels,
//! pathways, metadata). A one-person shop fills one role, one stage and one level.

use super::{Id, Kind};
use crate::record::{clear_if, drop_from, link, links_in, Checker, Link, Record, Unlinked};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: Id,
    pub name: String,
    pub description: String,
    /// Who holds the role, by name.
    pub people: Vec<String>,
}

impl Record for Role {
    const KIND: Kind = Kind::Role;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
        c.text("description", &self.description);
        c.texts("people", &self.people);
    }
}

/// A seat on the approval committee and the part of the organisation it speaks for.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitteeMember {
    pub id: Id,
    pub name: String,
    /// E.g. "Faculty senate" or "Registrar".
    pub represents: String,
}

impl Record for CommitteeMember {
    const KIND: Kind = Kind::CommitteeMember;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.required("represents", &self.represents);
        c.text("name", &self.name);
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkflowStage {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub responsible_role_id: Option<Id>,
    pub inputs: String,
    pub outputs: String,
    /// E.g. "2–4 weeks".
    pub expected_time: String,
}

impl Record for WorkflowStage {
    const KIND: Kind = Kind::WorkflowStage;
    fn id(&self) -> &str {
        &self.id
    }
    fn links(&self) -> Vec<Link<'_>> {
        self.responsible_role_id
            .iter()
            .map(|r| link("responsible_role_id", Kind::Role, r))
            .collect()
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        match kind {
            Kind::Role => clear_if(&mut self.responsible_role_id, id),
            _ => Unlinked::Unchanged,
        }
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
        for (field, value) in [
            ("description", &self.description),
            ("inputs", &self.inputs),
            ("outputs", &self.outputs),
            ("expected_time", &self.expected_time),
        ] {
            c.text(field, value);
        }
    }
}

/// Something a badge proposal must (or may) contain.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalItem {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub required: bool,
}

impl Record for ProposalItem {
    const KIND: Kind = Kind::ProposalItem;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
        c.text("description", &self.description);
    }
}

/// A row of the RACI matrix.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RaciActivity {
    pub id: Id,
    pub name: String,
}

impl Record for RaciActivity {
    const KIND: Kind = Kind::RaciActivity;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS, Deserialize)]
pub enum Raci {
    #[serde(rename = "R")]
    Responsible,
    #[serde(rename = "A")]
    Accountable,
    #[serde(rename = "C")]
    Consulted,
    #[serde(rename = "I")]
    Informed,
}

impl Raci {
    pub fn letter(self) -> &'static str {
        match self {
            Raci::Responsible => "R",
            Raci::Accountable => "A",
            Raci::Consulted => "C",
            Raci::Informed => "I",
        }
    }
}

/// One filled cell of the RACI matrix: a role's part in an activity.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RaciAssignment {
    pub id: Id,
    pub activity_id: Id,
    pub role_id: Id,
    pub code: Raci,
}

impl Record for RaciAssignment {
    const KIND: Kind = Kind::RaciAssignment;
    fn id(&self) -> &str {
        &self.id
    }
    fn unique_key(&self) -> Option<(String, &'static str)> {
        Some((
            format!("{}|{}", self.activity_id, self.role_id),
            "this role already has a letter for this activity",
        ))
    }
    fn parent_id(&self) -> Option<&str> {
        Some(&self.activity_id)
    }
    fn links(&self) -> Vec<Link<'_>> {
        vec![
            link("activity_id", Kind::RaciActivity, &self.activity_id),
            link("role_id", Kind::Role, &self.role_id),
        ]
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        if kind == Kind::Role && self.role_id == id {
            Unlinked::Remove
        } else {
            Unlinked::Unchanged
        }
    }
}

/// A level of the badge taxonomy and what sets it apart from the others.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BadgeLevel {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub assessment: String,
    pub evidence: String,
    pub visual_cue: String,
}

impl Record for BadgeLevel {
    const KIND: Kind = Kind::BadgeLevel;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
        for (field, value) in [
            ("description", &self.description),
            ("assessment", &self.assessment),
            ("evidence", &self.evidence),
            ("visual_cue", &self.visual_cue),
        ] {
            c.text(field, value);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PathwayKind {
    /// Badges that build on each other towards a larger credential.
    Vertical,
    /// Badges across areas at the same depth.
    Horizontal,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pathway {
    pub id: Id,
    pub name: String,
    pub kind: PathwayKind,
    pub description: String,
    /// The badge levels the pathway climbs through, in order.
    pub level_ids: Vec<Id>,
}

impl Record for Pathway {
    const KIND: Kind = Kind::Pathway;
    fn id(&self) -> &str {
        &self.id
    }
    fn links(&self) -> Vec<Link<'_>> {
        links_in("level_ids", Kind::BadgeLevel, &self.level_ids).collect()
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        match kind {
            Kind::BadgeLevel => drop_from(&mut self.level_ids, id),
            _ => Unlinked::Unchanged,
        }
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
        c.text("description", &self.description);
    }
}

/// A field every badge carries (criteria, skills, alignments, custom fields…).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetadataField {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub required: bool,
}

impl Record for MetadataField {
    const KIND: Kind = Kind::MetadataField;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
        c.text("description", &self.description);
    }
}
