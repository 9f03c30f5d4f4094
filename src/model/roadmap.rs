//! Step 9, roadmap: the phases of the program (pilot → launch → scale), which the maturity
//! targets also refer to, and the milestones placed on them.

use super::{Id, Kind};
use crate::record::{clear_if, link, Checker, Link, Record, Unlinked};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
}

impl Record for Phase {
    const KIND: Kind = Kind::Phase;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.required("name", &self.name);
        c.text("description", &self.description);
        if let (Some(s), Some(e)) = (self.starts_on, self.ends_on) {
            if e < s {
                c.problem("ends_on", "is before the phase starts");
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub id: Id,
    pub title: String,
    pub due: Option<NaiveDate>,
    pub phase_id: Option<Id>,
    /// The goal this milestone marks progress on, if any.
    pub goal_id: Option<Id>,
}

impl Record for Milestone {
    const KIND: Kind = Kind::Milestone;
    fn id(&self) -> &str {
        &self.id
    }
    fn links(&self) -> Vec<Link<'_>> {
        let phase = self
            .phase_id
            .iter()
            .map(|p| link("phase_id", Kind::Phase, p));
        let goal = self.goal_id.iter().map(|g| link("goal_id", Kind::Goal, g));
        phase.chain(goal).collect()
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        match kind {
            Kind::Phase => clear_if(&mut self.phase_id, id),
            Kind::Goal => clear_if(&mut self.goal_id, id),
            _ => Unlinked::Unchanged,
        }
    }
    fn check(&self, c: &mut Checker) {
        c.required("title", &self.title);
    }
}
