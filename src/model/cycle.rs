//! Step 9, the evaluation cycle: the reviews a program holds of itself (the annual review, a
//! checkpoint halfway through the year), what each found about the goals and measures, and
//! what it changed. A plan is the plan of one cycle ("2026–27"); the next cycle starts from it
//! (see `crate::cycle`), and this part is what the team reads when it does.

use super::{Id, Kind};
use crate::record::{clear_if, link, Checker, Link, Record, Unlinked};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which review of the cycle this is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// The full review that closes a cycle and opens the next.
    #[default]
    Annual,
    /// A lighter look partway through, to correct course before the year is out.
    Checkpoint,
    /// A review called for a reason of its own (an audit, a new platform).
    Other,
}

impl ReviewKind {
    pub const ALL: [ReviewKind; 3] = [
        ReviewKind::Annual,
        ReviewKind::Checkpoint,
        ReviewKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ReviewKind::Annual => "Annual review",
            ReviewKind::Checkpoint => "Mid-cycle checkpoint",
            ReviewKind::Other => "Other review",
        }
    }
}

/// Whether the review has taken place: one still ahead has a date but no findings yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    #[default]
    Planned,
    Held,
}

impl ReviewStatus {
    pub const ALL: [ReviewStatus; 2] = [ReviewStatus::Planned, ReviewStatus::Held];

    pub fn label(self) -> &'static str {
        match self {
            ReviewStatus::Planned => "Planned",
            ReviewStatus::Held => "Held",
        }
    }
}

/// What a review found about one goal or one measure (or about the program as a whole, when
/// it names neither).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewFinding {
    pub goal_id: Option<Id>,
    pub measure_id: Option<Id>,
    pub text: String,
}

/// What part of the plan a review's decision changes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeArea {
    #[default]
    Goal,
    Measure,
    Governance,
    Target,
}

impl ChangeArea {
    pub const ALL: [ChangeArea; 4] = [
        ChangeArea::Goal,
        ChangeArea::Measure,
        ChangeArea::Governance,
        ChangeArea::Target,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ChangeArea::Goal => "Goal",
            ChangeArea::Measure => "Measure",
            ChangeArea::Governance => "Governance",
            ChangeArea::Target => "Target",
        }
    }
}

/// A change the review decided, with the goal or measure it changed.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewChange {
    pub area: ChangeArea,
    pub goal_id: Option<Id>,
    pub measure_id: Option<Id>,
    pub text: String,
}

/// One review of the program in its evaluation cycle.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub id: Id,
    pub kind: ReviewKind,
    /// E.g. "April 2027 annual review".
    pub name: String,
    /// The day it was held, or is to be.
    pub held_on: NaiveDate,
    pub status: ReviewStatus,
    /// The maturity assessment taken for this review, if one was.
    pub assessment_id: Option<Id>,
    pub findings: Vec<ReviewFinding>,
    pub changes: Vec<ReviewChange>,
}

/// Where in the plan a cycle's record came from: the plan and cycle rolled forward into it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RolledFrom {
    pub plan_id: Id,
    pub plan_name: String,
    pub cycle: String,
    pub rolled_on: NaiveDate,
}

fn goal_and_measure<'a>(
    prefix: &str,
    goal: &'a Option<Id>,
    measure: &'a Option<Id>,
) -> Vec<Link<'a>> {
    let g = goal
        .iter()
        .map(|g| link(format!("{prefix}.goal_id"), Kind::Goal, g));
    let m = measure
        .iter()
        .map(|m| link(format!("{prefix}.measure_id"), Kind::Measure, m));
    g.chain(m).collect()
}

fn either(a: Unlinked, b: Unlinked) -> Unlinked {
    if a == Unlinked::Changed || b == Unlinked::Changed {
        Unlinked::Changed
    } else {
        Unlinked::Unchanged
    }
}

impl Review {
    /// The findings that say something: one started and left empty records nothing.
    pub fn written_findings(&self) -> impl Iterator<Item = &ReviewFinding> {
        self.findings.iter().filter(|f| !f.text.trim().is_empty())
    }

    pub fn written_changes(&self) -> impl Iterator<Item = &ReviewChange> {
        self.changes.iter().filter(|c| !c.text.trim().is_empty())
    }
}

impl Record for Review {
    const KIND: Kind = Kind::Review;
    fn id(&self) -> &str {
        &self.id
    }
    fn links(&self) -> Vec<Link<'_>> {
        let mut links: Vec<Link<'_>> = self
            .assessment_id
            .iter()
            .map(|a| link("assessment_id", Kind::Assessment, a))
            .collect();
        for (i, f) in self.findings.iter().enumerate() {
            links.extend(goal_and_measure(
                &format!("findings[{i}]"),
                &f.goal_id,
                &f.measure_id,
            ));
        }
        for (i, c) in self.changes.iter().enumerate() {
            links.extend(goal_and_measure(
                &format!("changes[{i}]"),
                &c.goal_id,
                &c.measure_id,
            ));
        }
        links
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        // A finding or a change outlives what it was about: the words still say what happened.
        let slot = |g: &mut Option<Id>, m: &mut Option<Id>| match kind {
            Kind::Goal => clear_if(g, id),
            Kind::Measure => clear_if(m, id),
            _ => Unlinked::Unchanged,
        };
        let mut out = match kind {
            Kind::Assessment => clear_if(&mut self.assessment_id, id),
            _ => Unlinked::Unchanged,
        };
        for f in &mut self.findings {
            out = either(out, slot(&mut f.goal_id, &mut f.measure_id));
        }
        for c in &mut self.changes {
            out = either(out, slot(&mut c.goal_id, &mut c.measure_id));
        }
        out
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
        // A finding or a change is started empty and written in place; once a change says
        // what was decided, it must also say what it changed.
        for (i, f) in self.findings.iter().enumerate() {
            c.text(&format!("findings[{i}].text"), &f.text);
        }
        for (i, ch) in self.changes.iter().enumerate() {
            c.text(&format!("changes[{i}].text"), &ch.text);
            if ch.text.trim().is_empty() {
                continue;
            }
            let missing = match ch.area {
                ChangeArea::Goal => ch.goal_id.is_none().then_some("goal"),
                ChangeArea::Measure => ch.measure_id.is_none().then_some("measure"),
                ChangeArea::Governance | ChangeArea::Target => None,
            };
            if let Some(what) = missing {
                c.problem(
                    &format!("changes[{i}].{what}_id"),
                    format!("a change to a {what} must say which {what} it changed"),
                );
            }
        }
    }
}
