//! Step 9, what the board is asked for: the decisions the plan requests of leadership, each with
//! what it costs and what it enables, and the risk register with the owner of each risk. Both
//! live on the roadmap step because they are how the roadmap gets funded and kept on course.

use super::{Id, Kind};
use crate::catalog::catalog;
use crate::record::{clear_if, drop_from, link, links_in, Checker, Link, Record, Unlinked};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Longest currency a cost names ("CAD", "EUR", "$"): a code or a sign, not a sentence.
pub const MAX_CURRENCY: usize = 8;

/// A decision the plan asks leadership to take.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ask {
    pub id: Id,
    /// The decision, as the board would minute it: "Fund the gradebook connector".
    pub title: String,
    /// Why it is needed and what happens without it.
    pub rationale: String,
    /// Money, in `currency`.
    pub cost_amount: Option<f64>,
    pub currency: String,
    /// People, in full-time equivalents.
    pub cost_fte: Option<f64>,
    /// Time, in months (how long the commitment runs).
    pub cost_months: Option<f64>,
    /// Anything the figures do not say: "one-time", "from the IT capital budget".
    pub cost_note: String,
    /// The day the decision is needed by.
    pub decide_by: Option<NaiveDate>,
    /// Who takes the decision: "Board of Governors", "Provost".
    pub decider: String,
    /// The goals and phases this decision makes possible.
    pub goal_ids: Vec<Id>,
    pub phase_ids: Vec<Id>,
}

impl Record for Ask {
    const KIND: Kind = Kind::Ask;
    fn id(&self) -> &str {
        &self.id
    }
    fn links(&self) -> Vec<Link<'_>> {
        links_in("goal_ids", Kind::Goal, &self.goal_ids)
            .chain(links_in("phase_ids", Kind::Phase, &self.phase_ids))
            .collect()
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        match kind {
            Kind::Goal => drop_from(&mut self.goal_ids, id),
            Kind::Phase => drop_from(&mut self.phase_ids, id),
            _ => Unlinked::Unchanged,
        }
    }
    fn check(&self, c: &mut Checker) {
        c.name("title", &self.title);
        c.text("rationale", &self.rationale);
        c.text("cost_note", &self.cost_note);
        c.text("decider", &self.decider);
        for (field, value) in [
            ("cost_amount", self.cost_amount),
            ("cost_fte", self.cost_fte),
            ("cost_months", self.cost_months),
        ] {
            c.number(field, value);
            if value.is_some_and(|v| v < 0.0) {
                c.problem(
                    field,
                    "must not be negative; a saving is written in the note",
                );
            }
        }
        let currency = self.currency.trim();
        if currency.chars().count() > MAX_CURRENCY {
            c.problem(
                "currency",
                format!(
                    "is longer than {MAX_CURRENCY} characters; write a code such as CAD or EUR"
                ),
            );
        } else if let Some(reason) = crate::record::not_one_line(currency) {
            c.problem("currency", reason);
        }
    }
}

impl Ask {
    /// Whether any part of the cost is written down.
    pub fn has_cost(&self) -> bool {
        self.cost_amount.is_some()
            || self.cost_fte.is_some()
            || self.cost_months.is_some()
            || !self.cost_note.trim().is_empty()
    }
}

/// Where a risk stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    /// Named, nothing done about it yet.
    #[default]
    Open,
    /// The mitigation is under way.
    Mitigating,
    /// Past, or reduced to nothing worth watching.
    Closed,
}

impl RiskStatus {
    pub const ALL: [RiskStatus; 3] = [RiskStatus::Open, RiskStatus::Mitigating, RiskStatus::Closed];

    pub fn label(self) -> &'static str {
        match self {
            RiskStatus::Open => "Open",
            RiskStatus::Mitigating => "Mitigating",
            RiskStatus::Closed => "Closed",
        }
    }
}

/// One entry of the risk register.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: Id,
    /// The risk, as what could happen: "Employers do not sign endorsements in time".
    pub title: String,
    /// How likely it is, 1 (rare) to 5 (almost certain).
    pub likelihood: u8,
    /// How much it would hurt the plan, 1 (minor) to 5 (severe).
    pub impact: u8,
    pub owner: String,
    pub mitigation: String,
    pub status: RiskStatus,
    /// What it threatens: a goal, a phase, or a maturity gap (a sub-facet of the model).
    pub goal_id: Option<Id>,
    pub phase_id: Option<Id>,
    pub subfacet_id: Option<String>,
}

impl Risk {
    /// Likelihood × impact, 1 to 25: the order the register is read in.
    pub fn score(&self) -> u8 {
        self.likelihood.saturating_mul(self.impact)
    }
}

impl Record for Risk {
    const KIND: Kind = Kind::Risk;
    fn id(&self) -> &str {
        &self.id
    }
    fn links(&self) -> Vec<Link<'_>> {
        let goal = self.goal_id.iter().map(|g| link("goal_id", Kind::Goal, g));
        let phase = self
            .phase_id
            .iter()
            .map(|p| link("phase_id", Kind::Phase, p));
        goal.chain(phase).collect()
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        match kind {
            Kind::Goal => clear_if(&mut self.goal_id, id),
            Kind::Phase => clear_if(&mut self.phase_id, id),
            _ => Unlinked::Unchanged,
        }
    }
    fn check(&self, c: &mut Checker) {
        c.name("title", &self.title);
        c.text("owner", &self.owner);
        c.text("mitigation", &self.mitigation);
        for (field, value, scale) in [
            (
                "likelihood",
                self.likelihood,
                "1 (rare) to 5 (almost certain)",
            ),
            ("impact", self.impact, "1 (minor) to 5 (severe)"),
        ] {
            if !(1..=5).contains(&value) {
                c.problem(field, format!("is {value}; it runs from {scale}"));
            }
        }
        if let Some(id) = &self.subfacet_id {
            let known = catalog().subfacet(id).is_some();
            c.known("subfacet_id", id, known, "sub-facet of the maturity model");
        }
    }
}
