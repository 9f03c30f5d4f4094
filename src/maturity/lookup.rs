//! Finding the records of an assessment the way people name them: by id, by the first few
//! characters of an id, or by name. The CLI, the CSV import and the scoring forms all go
//! through here, so a name that matches two records is refused the same way everywhere.

use crate::catalog::{catalog, SubFacet};
use crate::error::{Error, Result};
use crate::model::{Assessment, Phase, Plan, Rater};

/// The one item whose id equals `key`, else whose id starts with it, else whose name equals it
/// (ignoring case and surrounding spaces), else whose name starts with it ("Baseline" for
/// "Baseline — March 2027").
fn find<'a, T>(
    items: impl Iterator<Item = &'a T> + Clone,
    key: &str,
    id: impl Fn(&T) -> &str,
    name: impl Fn(&T) -> &str,
    what: &str,
) -> Result<&'a T> {
    let key = key.trim();
    if key.is_empty() {
        return Err(Error::invalid(what, format!("name the {what}")));
    }
    if let Some(exact) = items.clone().find(|t| id(t) == key) {
        return Ok(exact);
    }
    let lower = key.to_lowercase();
    let candidates: [&dyn Fn(&T) -> bool; 3] = [
        &|t| id(t).starts_with(key),
        &|t| name(t).trim().to_lowercase() == lower,
        &|t| name(t).trim().to_lowercase().starts_with(&lower),
    ];
    let matches: Vec<&T> = candidates
        .iter()
        .map(|matching| items.clone().filter(|t| matching(t)).collect::<Vec<_>>())
        .find(|found| !found.is_empty())
        .unwrap_or_default();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(Error::not_found(format!("{what} \"{key}\""))),
        _ => Err(Error::invalid(
            what,
            format!("\"{key}\" matches more than one {what}; use its id"),
        )),
    }
}

pub fn find_assessment<'a>(plan: &'a Plan, key: &str) -> Result<&'a Assessment> {
    find(
        plan.assessments.iter(),
        key,
        |a| &a.id,
        |a| &a.name,
        "assessment",
    )
}

/// A rater of the given assessment (raters of other assessments are not candidates).
pub fn find_rater<'a>(plan: &'a Plan, assessment_id: &str, key: &str) -> Result<&'a Rater> {
    let raters = plan
        .raters
        .iter()
        .filter(move |r| r.assessment_id == assessment_id);
    find(raters, key, |r| &r.id, |r| &r.name, "rater")
}

pub fn find_phase<'a>(plan: &'a Plan, key: &str) -> Result<&'a Phase> {
    find(plan.phases.iter(), key, |p| &p.id, |p| &p.name, "phase")
}

/// A sub-facet of the model by its id or its name ("Analytics", "analytics").
pub fn find_subfacet(key: &str) -> Result<&'static SubFacet> {
    let key = key.trim();
    catalog()
        .subfacet(key)
        .or_else(|| {
            catalog()
                .subfacets()
                .find(|s| s.name.eq_ignore_ascii_case(key))
        })
        .ok_or_else(|| {
            Error::invalid(
                "subfacet",
                format!("\"{key}\" is not a sub-facet of the maturity model"),
            )
        })
}

/// The plan's phases in time order: by start date, undated phases after dated ones, and
/// phases starting the same day in the order the plan lists them.
pub fn ordered_phases(plan: &Plan) -> Vec<&Phase> {
    let mut phases: Vec<&Phase> = plan.phases.iter().collect();
    phases.sort_by_key(|p| (p.starts_on.is_none(), p.starts_on));
    phases
}

/// The latest assessment whose scores are revealed: the one a plan's reports speak of.
pub fn latest_revealed(plan: &Plan) -> Option<&crate::model::Assessment> {
    plan.assessments
        .iter()
        .filter(|a| a.revealed)
        .max_by_key(|a| a.assessed_on)
}

/// The phases an assessment has targets for, in time order.
pub fn target_phases<'a>(plan: &'a Plan, assessment_id: &str) -> Vec<&'a Phase> {
    ordered_phases(plan)
        .into_iter()
        .filter(|p| {
            plan.targets
                .iter()
                .any(|t| t.assessment_id == assessment_id && t.phase_id == p.id)
        })
        .collect()
}

/// The model's name for a stage, e.g. "Expansion".
pub fn stage_name(stage: u8) -> String {
    catalog()
        .stage(stage)
        .map(|s| s.name.clone())
        .unwrap_or_else(|| format!("Stage {stage}"))
}

/// Refuses work on an assessment whose scores are still hidden, naming why.
pub fn require_revealed(assessment: &Assessment, doing: &str) -> Result<()> {
    if assessment.revealed {
        Ok(())
    } else {
        Err(Error::invalid(
            "assessment",
            format!(
                "\"{}\" has not been revealed yet; {doing} once the facilitator has revealed the scores",
                assessment.name
            ),
        ))
    }
}
