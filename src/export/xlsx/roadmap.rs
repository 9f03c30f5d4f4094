//! Step 9: the phases, the milestones placed on them and the goals falling due in each, in
//! date order, with the evaluation cycle that closes every phase.

use super::formats::{BAD, CURRENT, GOOD, NONE, WATCH};
use super::sheet::{Col, V};
use super::Ctx;
use crate::maturity::ordered_phases;
use crate::model::{MilestoneStatus, Phase};
use chrono::NaiveDate;
use rust_xlsxwriter::{Worksheet, XlsxError};

const PASSED: &str = "Passed";
const UPCOMING: &str = "Upcoming";
/// A milestone still planned after its date.
const OVERDUE: &str = "Overdue";

fn phase_of<'a>(phases: &[&'a Phase], due: Option<NaiveDate>) -> Option<&'a Phase> {
    let due = due?;
    phases
        .iter()
        .find(|p| p.starts_on.is_some_and(|s| s <= due) && p.ends_on.is_none_or(|e| due <= e))
        .copied()
}

pub(super) fn sheet(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut sh = ctx.sheet("Roadmap", &[44.0, 13.0, 13.0, 13.0, 34.0, 60.0])?;
    sh.title(
        "Roadmap",
        "Step 9: the phases of the program (pilot → launch → scale), the milestones on them, and every goal in \
         the order it falls due, each placed in the phase its date falls in.",
    )?;
    sh.freeze_title()?;
    let s = &plan.settings;
    if plan.phases.is_empty() && plan.milestones.is_empty() && s.evaluation_cycle.trim().is_empty()
    {
        sh.not_yet_written("no phases, milestones or evaluation cycle yet (step 9).")?;
        return Ok(sh.finish());
    }
    sh.pairs(&[("Evaluation cycle", V::s(&s.evaluation_cycle))])?;
    let phases = ordered_phases(plan);
    let timing = |d: Option<NaiveDate>| match d {
        Some(d) if d < ctx.today => V::s(PASSED),
        Some(_) => V::s(UPCOMING),
        None => V::Blank,
    };

    sh.section("Phases")?;
    let rows: Vec<Vec<V>> = phases
        .iter()
        .map(|p| {
            let due = plan
                .goals
                .iter()
                .filter(|g| phase_of(&phases, g.due).is_some_and(|x| x.id == p.id))
                .count();
            vec![
                V::s(&p.name),
                V::d(p.starts_on),
                V::d(p.ends_on),
                V::count(due),
                V::s(&p.description),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Phase"),
        Col::date("Starts"),
        Col::date("Ends"),
        Col::number("Goals due in it"),
        Col::text("What happens"),
    ];
    sh.table("Phases", &cols, &rows, "No phases yet.")?;

    let phase_name = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| plan.phases.iter().find(|p| p.id == id))
            .map_or(String::new(), |p| p.name.clone())
    };
    sh.section("Milestones")?;
    let mut milestones: Vec<_> = plan.milestones.iter().collect();
    milestones.sort_by_key(|m| (m.due.is_none(), m.due));
    let rows: Vec<Vec<V>> = milestones
        .iter()
        .map(|m| {
            let goal = m
                .goal_id
                .as_deref()
                .map(|g| ctx.goal_title(g))
                .unwrap_or_default();
            let status = if m.overdue(ctx.today) {
                OVERDUE
            } else {
                m.status.label()
            };
            vec![
                V::s(&m.title),
                V::d(m.due),
                V::s(status),
                V::d(m.done_on),
                V::s(phase_name(&m.phase_id)),
                V::s(goal),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Milestone"),
        Col::date("Due"),
        Col::center("Status"),
        Col::date("Done on"),
        Col::text("Phase"),
        Col::text("Goal"),
    ];
    let status_rules = [
        (MilestoneStatus::Done.label(), GOOD),
        (MilestoneStatus::Missed.label(), BAD),
        (OVERDUE, WATCH),
    ];
    if let Some(t) = sh.table("Milestones", &cols, &rows, "No milestones yet.")? {
        sh.colour_text((t.first, t.last), (2, 2), &status_rules)?;
    }

    sh.section("Goals on the timeline")?;
    let mut goals: Vec<_> = plan.goals.iter().collect();
    goals.sort_by_key(|g| (g.due.is_none(), g.due));
    let rows: Vec<Vec<V>> = goals
        .iter()
        .map(|g| {
            let phase = phase_of(&phases, g.due).map_or("", |p| p.name.as_str());
            vec![
                V::s(&g.title),
                V::d(g.due),
                timing(g.due),
                V::s(phase),
                V::s(&g.owner),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Goal"),
        Col::date("Due"),
        Col::center("Timing"),
        Col::text("Phase"),
        Col::text("Owner"),
    ];
    if let Some(t) = sh.table("GoalTimeline", &cols, &rows, "No goals yet.")? {
        sh.colour_text(
            (t.first, t.last),
            (2, 2),
            &[(PASSED, NONE), (UPCOMING, CURRENT)],
        )?;
    }
    Ok(sh.finish())
}
