//! The maturity headline: where the program stands and where the next phase takes it.
//!
//! - **Which assessment**: the latest revealed one (`maturity::latest_revealed`); one still
//!   being scored stays blind and is never reported.
//! - **The mean**: the mean over the model's sub-facets of their current stage, every
//!   sub-facet with a stage weighing the same; not-applicable and unscored sub-facets are left
//!   out. Not the mean of the facet means: facets hold different numbers of sub-facets, and a
//!   facet left with one applicable sub-facet would count as much as a facet of five, so the
//!   headline would move when a sub-facet is marked not applicable even though no stage changed.
//! - **A phase's aim**: the same sub-facets, each at its target for that phase, or at its
//!   current stage where the phase sets no target (no target means no change planned), so the
//!   two means are over the same sub-facets and their difference is the planned climb.
//! - **The next phase**: the first phase, in time order, that has targets for this assessment
//!   and has not ended by the day of the report; when every such phase has ended, the last of
//!   them (the most recent aim). No targets at all: no next phase.
//! - **Wording**: a mean is shown to one decimal rounded *down*, and named after a stage only
//!   once it has reached it: 2.0 is "Focused Launch", 1.9 is "between Exploratory and Focused
//!   Launch". A figure never claims a stage the program has not reached.

use super::numbers::long_date;
use crate::error::Result;
use crate::maturity::{self, Gap, Results};
use crate::model::{Assessment, Phase, Plan};
use chrono::NaiveDate;
use serde::Serialize;

/// A mean stage as every report shows it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct StageMean {
    /// The mean to one decimal, rounded down.
    pub value: f64,
    /// The stage reached: the whole part of `value` (1 to 5).
    pub reached: u8,
    /// "2.0 — Focused Launch", "1.9 — between Exploratory and Focused Launch".
    pub label: String,
}

impl StageMean {
    pub fn of(mean: f64) -> StageMean {
        // The small allowance keeps 2.0 computed as 1.99999… at 2.0.
        let value = ((mean * 10.0 + 1e-9).floor() / 10.0).clamp(1.0, 5.0);
        let reached = value.floor() as u8;
        let label = if value == f64::from(reached) || reached == 5 {
            format!("{value:.1} — {}", maturity::stage_name(reached))
        } else {
            format!(
                "{value:.1} — between {} and {}",
                maturity::stage_name(reached),
                maturity::stage_name(reached + 1)
            )
        };
        StageMean {
            value,
            reached,
            label,
        }
    }

    /// The figure alone, "1.9", for charts and tables that name no stage.
    pub fn figure(mean: f64) -> String {
        format!("{:.1}", StageMean::of(mean).value)
    }

    /// The label of a mean that may be missing: "not scored" when no sub-facet has a stage.
    pub fn label_of(mean: Option<f64>) -> String {
        mean.map_or_else(|| "not scored".to_string(), |m| StageMean::of(m).label)
    }
}

/// What a phase aims for.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PhaseAim {
    pub phase_id: String,
    pub phase_name: String,
    pub ends_on: Option<NaiveDate>,
    /// The mean stage the phase's targets lead to; `None` when no sub-facet has a stage.
    pub mean: Option<StageMean>,
}

/// The headline every report opens its maturity part with, in the same words everywhere.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct MaturityHeadline {
    pub assessment_id: String,
    pub assessment_name: String,
    pub assessed_on: NaiveDate,
    /// The mean stage today; `None` when no sub-facet has a stage.
    pub now: Option<StageMean>,
    pub next: Option<PhaseAim>,
    /// The headline as one or two sentences.
    pub sentence: String,
}

/// The reported assessment and everything the reports derive from it, worked out once.
pub struct MaturityFigures<'a> {
    pub assessment: &'a Assessment,
    pub results: Results,
    /// Phases with targets for this assessment, in time order.
    pub phases: Vec<&'a Phase>,
    pub next: Option<&'a Phase>,
    /// Every gap, largest first.
    pub gaps: Vec<Gap>,
    pub headline: MaturityHeadline,
}

impl<'a> MaturityFigures<'a> {
    /// The figures as of `today`; `None` when no assessment has been revealed.
    pub fn of(plan: &'a Plan, today: NaiveDate) -> Result<Option<MaturityFigures<'a>>> {
        let Some(assessment) = maturity::latest_revealed(plan) else {
            return Ok(None);
        };
        let results = maturity::results(plan, &assessment.id)?;
        let phases = maturity::target_phases(plan, &assessment.id);
        let next = phases
            .iter()
            .find(|p| p.ends_on.is_none_or(|e| e >= today))
            .or(phases.last())
            .copied();
        let gaps = maturity::gaps_from(plan, &results, None);
        let now = overall(plan, &results, None);
        let aim = next.map(|p| PhaseAim {
            phase_id: p.id.clone(),
            phase_name: p.name.clone(),
            ends_on: p.ends_on,
            mean: overall(plan, &results, Some(&p.id)).map(StageMean::of),
        });
        let headline = MaturityHeadline {
            assessment_id: assessment.id.clone(),
            assessment_name: assessment.name.clone(),
            assessed_on: assessment.assessed_on,
            sentence: sentence(assessment, now, aim.as_ref()),
            now: now.map(StageMean::of),
            next: aim,
        };
        Ok(Some(MaturityFigures {
            assessment,
            results,
            phases,
            next,
            gaps,
            headline,
        }))
    }

    /// Per facet, the mean target stage for a phase (`maturity::facet_target_means`).
    pub fn target_means(&self, plan: &Plan, phase_id: &str) -> Vec<Option<f64>> {
        maturity::facet_target_means(plan, &self.results, phase_id)
    }

    /// The gaps to close in the next phase, largest first.
    pub fn next_gaps(&self) -> impl Iterator<Item = &Gap> {
        let next = self.next.map(|p| p.id.as_str());
        self.gaps
            .iter()
            .filter(move |g| Some(g.phase_id.as_str()) == next)
    }
}

impl MaturityHeadline {
    /// The headline as of `today`; `None` when no assessment has been revealed.
    pub fn of(plan: &Plan, today: NaiveDate) -> Option<MaturityHeadline> {
        MaturityFigures::of(plan, today)
            .ok()
            .flatten()
            .map(|m| m.headline)
    }
}

/// The mean stage over every sub-facet with a current stage; with a phase, each at its target
/// for that phase where one is set.
fn overall(plan: &Plan, results: &Results, phase_id: Option<&str>) -> Option<f64> {
    let stages: Vec<f64> = results
        .subfacets
        .iter()
        .filter_map(|r| {
            let current = r.current_stage()?;
            let target = phase_id.and_then(|p| {
                plan.targets
                    .iter()
                    .find(|t| {
                        t.assessment_id == results.assessment_id
                            && t.phase_id == p
                            && t.subfacet_id == r.subfacet_id
                    })
                    .map(|t| t.stage)
            });
            Some(f64::from(target.unwrap_or(current)))
        })
        .collect();
    (!stages.is_empty()).then(|| stages.iter().sum::<f64>() / stages.len() as f64)
}

fn sentence(assessment: &Assessment, now: Option<f64>, next: Option<&PhaseAim>) -> String {
    let opening = format!(
        "On the self-assessment \u{201c}{}\u{201d} ({})",
        assessment.name,
        long_date(assessment.assessed_on)
    );
    let Some(now) = now else {
        return format!("{opening} no sub-facet has a stage yet.");
    };
    let mut out = format!(
        "{opening} the program stands at a mean stage of {}.",
        StageMean::of(now).label
    );
    match next {
        None => out.push_str(" No targets are set for a future phase yet."),
        Some(aim) => {
            let by = aim
                .ends_on
                .map(|e| format!(" ({})", long_date(e)))
                .unwrap_or_default();
            out.push_str(&format!(
                " By the end of {}{by} it aims for {}.",
                aim.phase_name,
                StageMean::label_of(aim.mean.as_ref().map(|m| m.value))
            ));
        }
    }
    out
}
