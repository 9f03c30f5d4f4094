//! The workshop room's log, kept beside the journey rather than in one of its steps: questions
//! parked for later, decisions the room took, and actions someone owns. Each remembers where
//! in the journey it came up (a step, and on the maturity grid a sub-facet), so the team can
//! go back to the discussion it interrupted.

use super::{Id, Kind};
use crate::catalog::catalog;
use crate::progress::Step;
use crate::record::{clear_if, link, Checker, Link, Record, Unlinked};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A question the room set aside so the discussion could move on; resolved later with a note.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParkedItem {
    pub id: Id,
    pub text: String,
    /// Who raised it, as the room calls them.
    pub raised_by: String,
    /// The step it came up on, if captured from one.
    pub step: Option<Step>,
    /// The maturity sub-facet it came up on, if captured from the grid.
    pub subfacet_id: Option<String>,
    pub created_on: NaiveDate,
    /// The day it was settled; open while empty.
    pub resolved_on: Option<NaiveDate>,
    /// How it was settled.
    pub resolution: String,
}

/// A decision the room took (not one it asks leadership for).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub id: Id,
    pub text: String,
    /// Who proposed it.
    pub raised_by: String,
    pub step: Option<Step>,
    pub subfacet_id: Option<String>,
    /// The day it was taken.
    pub created_on: NaiveDate,
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, ts_rs::TS, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Open,
    Done,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 2] = [ActionStatus::Open, ActionStatus::Done];

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::Done => "Done",
        }
    }
}

/// Something one person agreed to do by a day. It may grow into a goal or a milestone of
/// the plan, which it then points at.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: Id,
    pub text: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub step: Option<Step>,
    pub subfacet_id: Option<String>,
    pub created_on: NaiveDate,
    pub status: ActionStatus,
    /// The goal this action became, if it did.
    pub goal_id: Option<Id>,
    /// The milestone this action became, if it did.
    pub milestone_id: Option<Id>,
}

/// Where a logged item came up: a step's title, and the sub-facet's name when there is one,
/// e.g. "Maturity — Issuing platform".
pub fn origin_label(step: Option<Step>, subfacet_id: Option<&str>) -> String {
    let sub = subfacet_id.map(|id| {
        catalog()
            .subfacet(id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    });
    match (step, sub) {
        (Some(s), Some(sub)) => format!("{} — {sub}", s.title()),
        (Some(s), None) => s.title().to_string(),
        (None, Some(sub)) => sub,
        (None, None) => String::new(),
    }
}

fn check_origin(c: &mut Checker, subfacet_id: Option<&str>) {
    if let Some(id) = subfacet_id {
        let known = catalog().subfacet(id).is_some();
        c.known("subfacet_id", id, known, "sub-facet of the maturity model");
    }
}

impl Record for ParkedItem {
    const KIND: Kind = Kind::ParkedItem;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.required("text", &self.text);
        c.text("raised_by", &self.raised_by);
        c.text("resolution", &self.resolution);
        check_origin(c, self.subfacet_id.as_deref());
        if let Some(day) = self.resolved_on {
            if day < self.created_on {
                c.problem("resolved_on", "is before the question was parked");
            }
        } else if !self.resolution.trim().is_empty() {
            c.problem(
                "resolved_on",
                "must be set when a resolution is written; an open question has no resolution yet",
            );
        }
    }
}

impl Record for Decision {
    const KIND: Kind = Kind::Decision;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.required("text", &self.text);
        c.text("raised_by", &self.raised_by);
        check_origin(c, self.subfacet_id.as_deref());
    }
}

impl Record for Action {
    const KIND: Kind = Kind::Action;
    fn id(&self) -> &str {
        &self.id
    }
    fn links(&self) -> Vec<Link<'_>> {
        let goal = self.goal_id.iter().map(|g| link("goal_id", Kind::Goal, g));
        let milestone = self
            .milestone_id
            .iter()
            .map(|m| link("milestone_id", Kind::Milestone, m));
        goal.chain(milestone).collect()
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        match kind {
            Kind::Goal => clear_if(&mut self.goal_id, id),
            Kind::Milestone => clear_if(&mut self.milestone_id, id),
            _ => Unlinked::Unchanged,
        }
    }
    fn check(&self, c: &mut Checker) {
        c.required("text", &self.text);
        c.text("owner", &self.owner);
        check_origin(c, self.subfacet_id.as_deref());
    }
}
