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
        c.name("name", &self.name);
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
    pub status: MilestoneStatus,
    /// The day it was reached; only a milestone that is done has one.
    pub done_on: Option<NaiveDate>,
    /// The earlier cycle it belongs to, when it was carried into this one as history.
    pub cycle: Option<String>,
}

/// Where a milestone stands. A milestone past its date is not marked missed by itself: the
/// team says so, because a late milestone is often still reached.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneStatus {
    #[default]
    Planned,
    Done,
    Missed,
}

impl MilestoneStatus {
    pub const ALL: [MilestoneStatus; 3] = [
        MilestoneStatus::Planned,
        MilestoneStatus::Done,
        MilestoneStatus::Missed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MilestoneStatus::Planned => "Planned",
            MilestoneStatus::Done => "Done",
            MilestoneStatus::Missed => "Missed",
        }
    }
}

impl Milestone {
    /// Still planned although its date has passed: the roadmap flags it for the team to mark
    /// done or missed.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.status == MilestoneStatus::Planned && self.due.is_some_and(|d| d < today)
    }
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
        c.name("title", &self.title);
        if self.done_on.is_some() && self.status != MilestoneStatus::Done {
            c.problem(
                "done_on",
                "only a milestone that is done has a date it was done; clear the date or mark it done",
            );
        }
    }
}
