//! Targets: the stage each sub-facet should reach by the end of each future phase. A target
//! may equal the current stage (not every facet should aim for Immersive) but never falls
//! below it, and a later phase never aims lower than an earlier one.

use super::aggregate::compute;
use super::answers::parse_optional_day;
use super::lookup::{
    find_assessment, find_phase, find_subfacet, ordered_phases, require_revealed, stage_name,
};
use crate::edit::Edit;
use crate::error::{Error, Problem, Result};
use crate::model::{new_id, Entity, Kind, Phase, Plan, Score, Target};
use crate::record::{Checker, Record};

/// A new phase of the roadmap, with start and end days typed as `YYYY-MM-DD` (either may be
/// left out).
pub fn add_phase(name: &str, starts_on: Option<&str>, ends_on: Option<&str>) -> Result<Vec<Edit>> {
    let phase = Phase {
        id: new_id(),
        name: name.trim().to_string(),
        description: String::new(),
        starts_on: parse_optional_day("starts_on", starts_on)?,
        ends_on: parse_optional_day("ends_on", ends_on)?,
    };
    Ok(vec![Edit::Put {
        entity: Entity::Phase(phase),
    }])
}

fn stage_label(stage: u8) -> String {
    format!("stage {stage} ({})", stage_name(stage))
}

/// Everything that keeps `target` from being set in this plan, each naming the field and
/// the stage the target must at least (or at most) be.
pub fn target_problems(plan: &Plan, target: &Target) -> Result<Vec<Problem>> {
    let mut problems = Vec::new();
    let assessment = find_assessment(plan, &target.assessment_id)?;
    let phase = find_phase(plan, &target.phase_id)?;
    let subfacet = find_subfacet(&target.subfacet_id)?;
    let mut c = Checker::new("target", &mut problems);
    target.check(&mut c);
    let stage = target.stage;
    if !(1..=5).contains(&stage) {
        return Ok(problems);
    }
    let results = compute(plan, &assessment.id)?;
    let current = results.subfacet(&subfacet.id).and_then(|r| {
        let how = if r.agreement.is_some() {
            "agreed current stage"
        } else {
            "current stage (the raters' median; none agreed yet)"
        };
        match &r.current {
            Some(Score::Stage(s)) => Some((*s, how)),
            _ => None,
        }
    });
    if let Some((now_at, how)) = current {
        if stage < now_at {
            c.problem(
                "stage",
                format!(
                    "{} is below the {how} of {}, {}; the target for {} must be at least stage {now_at}",
                    stage_label(stage),
                    subfacet.name,
                    stage_label(now_at),
                    phase.name
                ),
            );
        }
    }
    let phases = ordered_phases(plan);
    let at = phases
        .iter()
        .position(|p| p.id == phase.id)
        .expect("the phase was found in the plan");
    let target_in = |p: &Phase| {
        plan.targets
            .iter()
            .find(|t| {
                t.assessment_id == assessment.id
                    && t.phase_id == p.id
                    && t.subfacet_id == subfacet.id
            })
            .map(|t| t.stage)
    };
    let earlier = phases[..at]
        .iter()
        .rev()
        .find_map(|p| target_in(p).map(|s| (p, s)));
    if let Some((prev, prev_stage)) = earlier.filter(|(_, s)| stage < *s) {
        c.problem(
            "stage",
            format!(
                "{} is below {}'s target of {} for {}; the target for {} must be at least stage {prev_stage}",
                stage_label(stage),
                prev.name,
                stage_label(prev_stage),
                subfacet.name,
                phase.name
            ),
        );
    }
    let later = phases[at + 1..]
        .iter()
        .find_map(|p| target_in(p).map(|s| (p, s)));
    if let Some((next, next_stage)) = later.filter(|(_, s)| stage > *s) {
        c.problem(
            "stage",
            format!(
                "{} is above {}'s target of {} for {}, and a later phase cannot aim lower; the target for {} must be at most stage {next_stage}, or raise {}'s target first",
                stage_label(stage),
                next.name,
                stage_label(next_stage),
                subfacet.name,
                phase.name,
                next.name
            ),
        );
    }
    Ok(problems)
}

/// Sets (or changes) the target stage of a sub-facet for a phase; a refused target names the
/// stage that would be allowed.
pub fn set_target(
    plan: &Plan,
    assessment: &str,
    phase: &str,
    subfacet: &str,
    stage: u8,
) -> Result<Vec<Edit>> {
    let target = target_for(plan, assessment, phase, subfacet, stage)?;
    Ok(vec![Edit::Put {
        entity: Entity::Target(target),
    }])
}

/// The target record to write, checked; reuses the id of the target it replaces.
pub fn target_for(
    plan: &Plan,
    assessment_id: &str,
    phase_id: &str,
    subfacet_id: &str,
    stage: u8,
) -> Result<Target> {
    let assessment = find_assessment(plan, assessment_id)?;
    // The check against the current stage would otherwise disclose the hidden median.
    require_revealed(assessment, "targets can be set")?;
    let phase = find_phase(plan, phase_id)?;
    let subfacet = find_subfacet(subfacet_id)?;
    let existing = plan.targets.iter().find(|t| {
        t.assessment_id == assessment.id && t.phase_id == phase.id && t.subfacet_id == subfacet.id
    });
    let target = Target {
        id: existing.map_or_else(new_id, |t| t.id.clone()),
        assessment_id: assessment.id.clone(),
        phase_id: phase.id.clone(),
        subfacet_id: subfacet.id.clone(),
        stage,
    };
    let problems = target_problems(plan, &target)?;
    if problems.is_empty() {
        Ok(target)
    } else {
        Err(Error::Invalid { problems })
    }
}

/// Removes the target of a sub-facet for a phase; no edit when it has none.
pub fn clear_target(
    plan: &Plan,
    assessment: &str,
    phase: &str,
    subfacet: &str,
) -> Result<Vec<Edit>> {
    let assessment = find_assessment(plan, assessment)?;
    let phase = find_phase(plan, phase)?;
    let subfacet = find_subfacet(subfacet)?;
    Ok(plan
        .targets
        .iter()
        .filter(|t| {
            t.assessment_id == assessment.id
                && t.phase_id == phase.id
                && t.subfacet_id == subfacet.id
        })
        .map(|t| Edit::Delete {
            kind: Kind::Target,
            id: t.id.clone(),
        })
        .collect())
}

/// Per facet of `results`, the mean target stage of a phase over the sub-facets that have a
/// current stage; a sub-facet without a target counts at its current stage (it stays put). The
/// radar of the app, the PDF and the workbook all draw this.
pub fn facet_target_means(
    plan: &Plan,
    results: &crate::maturity::Results,
    phase_id: &str,
) -> Vec<Option<f64>> {
    results
        .facets
        .iter()
        .map(|f| {
            let stages: Vec<f64> = f
                .profile
                .iter()
                .filter_map(|(sf, current)| {
                    let current = (*current)?;
                    let target = plan
                        .targets
                        .iter()
                        .find(|t| {
                            t.assessment_id == results.assessment_id
                                && t.phase_id == phase_id
                                && &t.subfacet_id == sf
                        })
                        .map_or(current, |t| t.stage);
                    Some(f64::from(target))
                })
                .collect();
            (!stages.is_empty()).then(|| stages.iter().sum::<f64>() / stages.len() as f64)
        })
        .collect()
}

/// One phase's targets seen per facet, for the radar: the mean target stage of each facet's
/// sub-facets that have a current stage (a sub-facet without a target stays where it is).
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct PhaseMeans {
    pub phase_id: String,
    pub phase_name: String,
    /// In the order of `Results::facets`.
    pub means: Vec<Option<f64>>,
}

/// The facet means of every phase the assessment of `results` has targets for, in time order.
pub fn phase_means(plan: &Plan, results: &crate::maturity::Results) -> Vec<PhaseMeans> {
    super::lookup::target_phases(plan, &results.assessment_id)
        .into_iter()
        .map(|p| PhaseMeans {
            phase_id: p.id.clone(),
            phase_name: p.name.clone(),
            means: facet_target_means(plan, results, &p.id),
        })
        .collect()
}
