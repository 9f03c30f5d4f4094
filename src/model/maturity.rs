//! Step 7, the maturity self-assessment: dated assessments of the twenty sub-facets, scored
//! by several raters, the stage the committee agreed, the target stage for each future phase,
//! and the critical-success-factor checklist.

use super::{Id, Kind};
use crate::catalog::catalog;
use crate::record::{link, Checker, Link, Record, Unlinked};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A stage of the model (1 Exploratory … 5 Immersive), or not applicable with the reason, or
/// (a rater's answer only) "don't know" with what would help them know. Not knowing is not
/// "not applicable": the sub-facet applies, this rater cannot judge it, so the answer is left
/// out of the median and the spread but counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Score {
    Stage(u8),
    NotApplicable(String),
    Abstained(String),
}

impl Score {
    pub fn stage(&self) -> Option<u8> {
        match self {
            Score::Stage(s) => Some(*s),
            Score::NotApplicable(_) | Score::Abstained(_) => None,
        }
    }

    pub fn is_abstained(&self) -> bool {
        matches!(self, Score::Abstained(_))
    }

    fn check(&self, c: &mut Checker, field: &str) {
        match self {
            Score::Stage(s) => c.stage(field, *s),
            Score::NotApplicable(reason) => {
                if reason.trim().is_empty() {
                    c.problem(field, "\"not applicable\" needs a reason");
                } else {
                    c.text(field, reason);
                }
            }
            Score::Abstained(remark) => c.text(field, remark),
        }
    }
}

/// How a rater knows what they scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    EvidenceSeen,
    Observed,
    Opinion,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub id: Id,
    /// E.g. "Baseline — March 2027".
    pub name: String,
    pub assessed_on: NaiveDate,
    /// Until the facilitator reveals it, raters see only their own scores.
    pub revealed: bool,
}

impl Record for Assessment {
    const KIND: Kind = Kind::Assessment;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
    }
}

/// A committee member who scores an assessment.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rater {
    pub id: Id,
    pub assessment_id: Id,
    pub name: String,
    /// Role or unit, e.g. "Registrar's office".
    pub role: String,
}

impl Record for Rater {
    const KIND: Kind = Kind::Rater;
    fn id(&self) -> &str {
        &self.id
    }
    fn parent_id(&self) -> Option<&str> {
        Some(&self.assessment_id)
    }
    fn links(&self) -> Vec<Link<'_>> {
        vec![link("assessment_id", Kind::Assessment, &self.assessment_id)]
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
        c.text("role", &self.role);
    }
}

fn check_subfacet(c: &mut Checker, id: &str) {
    let known = catalog().subfacet(id).is_some();
    c.known("subfacet_id", id, known, "sub-facet of the maturity model");
}

/// One rater's score for one sub-facet in one round of scoring.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub id: Id,
    pub rater_id: Id,
    pub subfacet_id: String,
    /// 1 unless the facilitator re-opened scoring on this sub-facet after a discussion
    /// (see `ScoringRound`); earlier rounds stay in the record.
    pub round: u32,
    pub score: Score,
    pub confidence: Option<Confidence>,
    pub note: String,
    /// What the rater's stage rests on: a sentence, a link or a file's name.
    pub evidence: String,
}

impl Record for Rating {
    const KIND: Kind = Kind::Rating;
    fn id(&self) -> &str {
        &self.id
    }
    fn unique_key(&self) -> Option<(String, &'static str)> {
        Some((
            format!("{}|{}|{}", self.rater_id, self.subfacet_id, self.round),
            "this rater has already scored this sub-facet in this round",
        ))
    }
    fn parent_id(&self) -> Option<&str> {
        Some(&self.rater_id)
    }
    fn links(&self) -> Vec<Link<'_>> {
        vec![link("rater_id", Kind::Rater, &self.rater_id)]
    }
    fn check(&self, c: &mut Checker) {
        check_subfacet(c, &self.subfacet_id);
        if self.round == 0 {
            c.problem("round", "rounds are numbered from 1");
        }
        self.score.check(c, "score");
        c.text("note", &self.note);
        c.text("evidence", &self.evidence);
    }
}

/// One round of scoring a sub-facet in focus mode: opened by the facilitator, scored by the
/// raters one after another, then revealed. A second round re-opens the sub-facet after the
/// discussion; the first stays in the record. A sub-facet never scored in focus mode has no
/// rounds and follows its assessment's reveal.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringRound {
    pub id: Id,
    pub assessment_id: Id,
    pub subfacet_id: String,
    pub number: u32,
    pub revealed: bool,
}

impl Record for ScoringRound {
    const KIND: Kind = Kind::ScoringRound;
    fn id(&self) -> &str {
        &self.id
    }
    fn unique_key(&self) -> Option<(String, &'static str)> {
        Some((
            format!(
                "{}|{}|{}",
                self.assessment_id, self.subfacet_id, self.number
            ),
            "this sub-facet already has a round with this number",
        ))
    }
    fn parent_id(&self) -> Option<&str> {
        Some(&self.assessment_id)
    }
    fn links(&self) -> Vec<Link<'_>> {
        vec![link("assessment_id", Kind::Assessment, &self.assessment_id)]
    }
    fn check(&self, c: &mut Checker) {
        check_subfacet(c, &self.subfacet_id);
        if self.number == 0 {
            c.problem("number", "rounds are numbered from 1");
        }
    }
}

/// The stage the committee agreed for a sub-facet, and why.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    pub id: Id,
    pub assessment_id: Id,
    pub subfacet_id: String,
    pub score: Score,
    pub rationale: String,
    pub evidence: String,
}

impl Record for Agreement {
    const KIND: Kind = Kind::Agreement;
    fn id(&self) -> &str {
        &self.id
    }
    fn unique_key(&self) -> Option<(String, &'static str)> {
        Some((
            format!("{}|{}", self.assessment_id, self.subfacet_id),
            "this sub-facet already has an agreed stage in this assessment",
        ))
    }
    fn parent_id(&self) -> Option<&str> {
        Some(&self.assessment_id)
    }
    fn links(&self) -> Vec<Link<'_>> {
        vec![link("assessment_id", Kind::Assessment, &self.assessment_id)]
    }
    fn check(&self, c: &mut Checker) {
        check_subfacet(c, &self.subfacet_id);
        if self.score.is_abstained() {
            c.problem(
                "score",
                "\"don't know\" is a rater's answer; the committee agrees a stage or \"not applicable\"",
            );
        } else {
            self.score.check(c, "score");
        }
        c.text("rationale", &self.rationale);
        c.text("evidence", &self.evidence);
    }
}

/// The stage a sub-facet should reach by the end of a future phase.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub id: Id,
    pub assessment_id: Id,
    pub phase_id: Id,
    pub subfacet_id: String,
    pub stage: u8,
}

impl Record for Target {
    const KIND: Kind = Kind::Target;
    fn id(&self) -> &str {
        &self.id
    }
    fn unique_key(&self) -> Option<(String, &'static str)> {
        Some((
            format!(
                "{}|{}|{}",
                self.assessment_id, self.phase_id, self.subfacet_id
            ),
            "this sub-facet already has a target for this phase",
        ))
    }
    fn parent_id(&self) -> Option<&str> {
        Some(&self.assessment_id)
    }
    fn links(&self) -> Vec<Link<'_>> {
        vec![
            link("assessment_id", Kind::Assessment, &self.assessment_id),
            link("phase_id", Kind::Phase, &self.phase_id),
        ]
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        if kind == Kind::Phase && self.phase_id == id {
            Unlinked::Remove
        } else {
            Unlinked::Unchanged
        }
    }
    fn check(&self, c: &mut Checker) {
        check_subfacet(c, &self.subfacet_id);
        c.stage("stage", self.stage);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactorStatus {
    NotStarted,
    InProgress,
    InPlace,
}

impl FactorStatus {
    pub const ALL: [FactorStatus; 3] = [
        FactorStatus::NotStarted,
        FactorStatus::InProgress,
        FactorStatus::InPlace,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FactorStatus::NotStarted => "Not started",
            FactorStatus::InProgress => "In progress",
            FactorStatus::InPlace => "In place",
        }
    }
}

/// Where the plan stands on one of the model's ten critical success factors.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuccessFactorCheck {
    pub id: Id,
    pub factor_id: String,
    pub status: FactorStatus,
    pub note: String,
}

impl Record for SuccessFactorCheck {
    const KIND: Kind = Kind::SuccessFactor;
    fn id(&self) -> &str {
        &self.id
    }
    fn unique_key(&self) -> Option<(String, &'static str)> {
        Some((
            self.factor_id.clone(),
            "this success factor is already on the checklist",
        ))
    }
    fn check(&self, c: &mut Checker) {
        let known = catalog().success_factor(&self.factor_id).is_some();
        c.known(
            "factor_id",
            &self.factor_id,
            known,
            "critical success factor",
        );
        c.text("note", &self.note);
    }
}
