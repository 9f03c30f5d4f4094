//! Gaps: how far each sub-facet has to climb to reach its target in each phase, largest first,
//! with what each stage on the way looks like — and a SMART goal drafted from any of them.

use super::aggregate::Results;
use super::lookup::{find_assessment, find_phase, find_subfacet, ordered_phases, stage_name};
use super::view::results;
use crate::catalog::catalog;
use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::model::{Entity, Goal, Plan};
use chrono::NaiveDate;
use serde::Serialize;

/// One stage a sub-facet climbs through on its way to the target.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(rename = "GapStage")] // the UI's `Step` is a step of the journey
pub struct Step {
    pub stage: u8,
    pub stage_name: String,
    /// The model's cell for this sub-facet at this stage.
    pub descriptor: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Gap {
    pub phase_id: String,
    pub phase_name: String,
    pub facet_id: String,
    pub subfacet_id: String,
    pub subfacet_name: String,
    pub current: u8,
    pub target: u8,
    /// `target - current`, at least 1 (a target already met is no gap).
    pub gap: u8,
    /// The stages above the current one up to the target; the first is the next stage.
    pub steps: Vec<Step>,
}

/// The gaps of a revealed assessment, for one phase or all of them: largest first, then in
/// the model's order, then in phase order. Sub-facets not applicable or not yet scored have
/// no current stage and so no gap.
pub fn gaps(plan: &Plan, assessment_id: &str, phase_id: Option<&str>) -> Result<Vec<Gap>> {
    let results = results(plan, assessment_id)?;
    let only = phase_id.map(|p| find_phase(plan, p)).transpose()?;
    Ok(gaps_from(plan, &results, only.map(|p| p.id.as_str())))
}

/// The same from results already computed (the benchmark and exports reuse them).
pub fn gaps_from(plan: &Plan, results: &Results, phase_id: Option<&str>) -> Vec<Gap> {
    let phases = ordered_phases(plan);
    let mut out: Vec<(usize, usize, Gap)> = Vec::new();
    for (model_order, sf) in catalog().subfacets().enumerate() {
        let Some(current) = results.subfacet(&sf.id).and_then(|r| r.current_stage()) else {
            continue;
        };
        for (phase_order, phase) in phases.iter().enumerate() {
            if phase_id.is_some_and(|p| p != phase.id) {
                continue;
            }
            let target = plan.targets.iter().find(|t| {
                t.assessment_id == results.assessment_id
                    && t.phase_id == phase.id
                    && t.subfacet_id == sf.id
            });
            let Some(target) = target.filter(|t| t.stage > current) else {
                continue;
            };
            let steps = (current + 1..=target.stage)
                .map(|stage| Step {
                    stage,
                    stage_name: stage_name(stage),
                    descriptor: sf
                        .descriptors
                        .get(usize::from(stage) - 1)
                        .cloned()
                        .unwrap_or_default(),
                })
                .collect();
            let gap = Gap {
                phase_id: phase.id.clone(),
                phase_name: phase.name.clone(),
                facet_id: sf.facet_id.clone(),
                subfacet_id: sf.id.clone(),
                subfacet_name: sf.name.clone(),
                current,
                target: target.stage,
                gap: target.stage - current,
                steps,
            };
            out.push((model_order, phase_order, gap));
        }
    }
    out.sort_by(|a, b| {
        b.2.gap
            .cmp(&a.2.gap)
            .then(a.0.cmp(&b.0))
            .then(a.1.cmp(&b.1))
    });
    out.into_iter().map(|(_, _, g)| g).collect()
}

/// A SMART goal drafted from a gap: what the next stage looks like, the target stage to
/// measure against, the phase's date to meet it by. Not saved; the owner and what makes it
/// achievable are left for the team to write.
pub fn draft_goal(
    plan: &Plan,
    assessment_id: &str,
    phase_id: &str,
    subfacet_id: &str,
) -> Result<Goal> {
    let assessment = find_assessment(plan, assessment_id)?;
    let phase = find_phase(plan, phase_id)?;
    let subfacet = find_subfacet(subfacet_id)?;
    let gap = gaps(plan, &assessment.id, Some(&phase.id))?
        .into_iter()
        .find(|g| g.subfacet_id == subfacet.id)
        .ok_or_else(|| {
            Error::invalid(
                "subfacet",
                format!(
                    "{} has no gap to close in {}: it needs a current stage and a higher target for that phase",
                    subfacet.name, phase.name
                ),
            )
        })?;
    let facet = catalog()
        .facet(&gap.facet_id)
        .map(|f| f.name.clone())
        .unwrap_or_default();
    let next = &gap.steps[0];
    let top = gap.steps.last().expect("a gap climbs at least one stage");
    let mut goal = Goal::new(&format!(
        "Bring {} from {} to {} by {}",
        subfacet.name,
        stage_name(gap.current),
        top.stage_name,
        phase.name
    ));
    let current_cell = subfacet
        .descriptors
        .get(usize::from(gap.current) - 1)
        .cloned()
        .unwrap_or_default();
    goal.specific = format!(
        "Move {} ({}) from stage {} {} (\u{201c}{}\u{201d}) to stage {} {} (\u{201c}{}\u{201d}). Next step: stage {} {} \u{2014} \u{201c}{}\u{201d}.",
        subfacet.name,
        facet,
        gap.current,
        stage_name(gap.current),
        current_cell,
        top.stage,
        top.stage_name,
        top.descriptor,
        next.stage,
        next.stage_name,
        next.descriptor
    );
    goal.measurable = format!(
        "The next maturity self-assessment agrees {} at stage {} ({}) or higher, up from stage {}.",
        subfacet.name, top.stage, top.stage_name, gap.current
    );
    goal.relevant = format!(
        "Closes a {}-stage gap found by the self-assessment \u{201c}{}\u{201d} ({} \u{203a} {}), the target set for {}.",
        gap.gap, assessment.name, facet, subfacet.name, phase.name
    );
    let (due, when) = match (phase.ends_on, phase.starts_on) {
        (Some(end), _) => (Some(end), format!("by the end of {} ({})", phase.name, end)),
        (None, Some(start)) => (
            Some(start),
            format!("by the start of {} ({})", phase.name, start),
        ),
        (None, None) => (
            None,
            format!("during {} (the phase has no dates yet)", phase.name),
        ),
    };
    goal.time_bound = capitalised(&when);
    goal.due = due;
    Ok(goal)
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Drafts the goal from a gap and adds it to the plan as an ordinary goal.
pub fn add_goal_from_gap(
    plan: &Plan,
    assessment: &str,
    phase: &str,
    subfacet: &str,
) -> Result<Vec<Edit>> {
    let goal = draft_goal(plan, assessment, phase, subfacet)?;
    Ok(vec![Edit::Put {
        entity: Entity::Goal(goal),
    }])
}

/// The date a phase should be done by, for showing next to its gaps.
pub fn phase_deadline(plan: &Plan, phase_id: &str) -> Option<NaiveDate> {
    let phase = plan.phases.iter().find(|p| p.id == phase_id)?;
    phase.ends_on.or(phase.starts_on)
}
