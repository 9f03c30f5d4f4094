//! Step 4: the success measures (baseline → target, the latest check-in, how far along and the
//! status), every check-in as its own row for charts and pivots, and the measures kept for
//! later iterations.

use super::formats::{BAD, GOOD, NONE, WATCH};
use super::sheet::{Col, Kind, Sheet, V};
use super::summary::STATUSES;
use super::Ctx;
use crate::figures::check_in_status;
use crate::model::{Better, CheckInConfidence, Frequency, Measure};
use crate::status::MeasureStatus;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// What the Stale column says of a measure without a recent check-in.
const STALE: &str = "Stale";

fn fill(status: MeasureStatus) -> (u32, u32) {
    match status {
        MeasureStatus::OnTrack | MeasureStatus::Achieved => GOOD,
        MeasureStatus::AtRisk => WATCH,
        MeasureStatus::OffTrack => BAD,
        MeasureStatus::NotMeasured => NONE,
    }
}

/// Colours a column of status labels, green to red.
pub(super) fn status_colours(
    sh: &mut Sheet,
    first: u32,
    last: u32,
    col: u16,
) -> Result<(), XlsxError> {
    let rules: Vec<(&str, (u32, u32))> = STATUSES.iter().map(|s| (s.label(), fill(*s))).collect();
    sh.colour_text((first, last), (col, col), &rules)
}

/// The measures grouped under their goals, in the plan's order.
fn ordered<'a>(ctx: &Ctx<'a>) -> Vec<&'a Measure> {
    let plan = ctx.plan;
    let goal_at = |id: &str| {
        plan.goals
            .iter()
            .position(|g| g.id == id)
            .unwrap_or(usize::MAX)
    };
    let mut measures: Vec<(usize, usize, &Measure)> = plan
        .measures
        .iter()
        .enumerate()
        .map(|(i, m)| (goal_at(&m.goal_id), i, m))
        .collect();
    measures.sort_by_key(|(g, i, _)| (*g, *i));
    measures.into_iter().map(|(_, _, m)| m).collect()
}

/// The share of the way from baseline to target the latest check-in has come.
fn progress(m: &Measure, latest: Option<f64>) -> Option<f64> {
    let (b, t, v) = (m.baseline?, m.target?, latest?);
    (t != b).then(|| (v - b) / (t - b))
}

pub(super) fn measures(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let mut sh = ctx.sheet(
        "Measures",
        &[
            26.0, 32.0, 9.0, 9.0, 11.0, 9.0, 11.0, 9.0, 11.0, 9.0, 12.0, 22.0, 18.0, 11.0, 9.0,
            15.0, 10.0, 10.0, 11.0, 11.0,
        ],
    )?;
    sh.title(
        "Success measures",
        "Step 4: the proof of arrival. Each measure's baseline and target, its latest check-in, how far along \
         the way from baseline to target it has come, and its status as of the export date: by its thresholds \
         where it has them (on track at or better than \"On track at\", off track once worse than the red \
         line, at risk in between), else by the straight line from baseline to target. \"Stale\" marks a \
         measure whose next check-in is more than a week overdue for its frequency. Status and frequency \
         offer the plan's choices; the Check-ins sheet has every value recorded.",
    )?;
    if ctx.plan.measures.is_empty() {
        sh.freeze_title()?;
        sh.not_yet_written("no success measures yet (step 4).")?;
        return Ok(sh.finish());
    }
    let rows: Vec<Vec<V>> = ordered(ctx)
        .into_iter()
        .map(|m| {
            let latest = ctx.latest(m);
            let standing = ctx.standing(m);
            vec![
                V::s(ctx.goal_title(&m.goal_id)),
                V::s(&m.indicator),
                V::s(&m.unit),
                V::n(m.baseline),
                V::d(m.baseline_date),
                V::n(m.target),
                V::d(m.target_date),
                V::n(latest.map(|c| c.value)),
                V::d(latest.map(|c| c.date)),
                V::n(progress(m, latest.map(|c| c.value))),
                V::s(standing.status.label()),
                V::s(&m.data_source),
                V::s(&m.owner),
                V::s(m.frequency.map_or("", Frequency::label)),
                V::count(ctx.check_ins(&m.id).len()),
                V::s(m.better.label()),
                V::n(m.on_track_at),
                V::n(m.red_line),
                V::d(standing.next_due),
                V::s(if standing.stale { STALE } else { "" }),
            ]
        })
        .collect();
    let cols = [
        Col::text("Goal"),
        Col::bold("Indicator"),
        Col::center("Unit"),
        Col::number("Baseline"),
        Col::date("Baseline date"),
        Col::number("Target"),
        Col::date("Target date"),
        Col::number("Latest value"),
        Col::date("Latest check-in"),
        Col::new("Progress", Kind::Percent),
        Col::center("Status").choices(STATUSES.map(MeasureStatus::label)),
        Col::text("Data source"),
        Col::text("Owner"),
        Col::center("Frequency").choices(Frequency::ALL.map(Frequency::label)),
        Col::number("Check-ins"),
        Col::center("Better").choices(Better::ALL.map(Better::label)),
        Col::number("On track at"),
        Col::number("Red line"),
        Col::date("Next check-in due"),
        Col::center("Stale"),
    ];
    if let Some(t) = sh.table("Measures", &cols, &rows, "")? {
        sh.freeze_header(&t, 2)?;
        sh.bars((t.first, t.last), 9, 0.0, 1.0)?;
        status_colours(&mut sh, t.first, t.last, 10)?;
        sh.colour_text((t.first, t.last), (19, 19), &[(STALE, BAD)])?;
    }
    Ok(sh.finish())
}

pub(super) fn check_ins(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let mut sh = ctx.sheet(
        "Check-ins",
        &[30.0, 38.0, 12.0, 10.0, 12.0, 70.0, 12.0, 12.0],
    )?;
    sh.title(
        "Check-ins",
        "Every value recorded against a success measure, oldest first under each measure: one row per \
         check-in, ready for a chart or a pivot table, with the team's confidence in the figure and the \
         status the measure had on the day it came in.",
    )?;
    if ctx.plan.check_ins.is_empty() {
        sh.freeze_title()?;
        sh.not_yet_written("no check-ins recorded yet (step 4).")?;
        return Ok(sh.finish());
    }
    let mut rows = Vec::new();
    for m in ordered(ctx) {
        let goal = ctx.goal_title(&m.goal_id);
        for c in ctx.check_ins(&m.id) {
            rows.push(vec![
                V::s(&goal),
                V::s(&m.indicator),
                V::D(c.date),
                V::N(c.value),
                V::s(&m.unit),
                V::s(&c.note),
                V::s(c.confidence.map_or("", CheckInConfidence::label)),
                V::s(check_in_status(m, c).label()),
            ]);
        }
    }
    let cols = [
        Col::text("Goal"),
        Col::bold("Measure"),
        Col::date("Date"),
        Col::number("Value"),
        Col::center("Unit"),
        Col::text("Note"),
        Col::center("Confidence").choices(CheckInConfidence::ALL.map(CheckInConfidence::label)),
        Col::center("Status then").choices(STATUSES.map(MeasureStatus::label)),
    ];
    if let Some(t) = sh.table(
        "CheckIns",
        &cols,
        &rows,
        "No check-in is tied to a measure of the plan.",
    )? {
        sh.freeze_header(&t, 2)?;
        status_colours(&mut sh, t.first, t.last, 7)?;
    }
    Ok(sh.finish())
}

pub(super) fn future(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let mut sh = ctx.sheet("Future measures", &[44.0, 70.0, 40.0])?;
    sh.title(
        "Future measures",
        "Ideas for measures the team will take up in a later iteration, with the goal each would prove where \
         the team already knows.",
    )?;
    if ctx.plan.future_measures.is_empty() {
        sh.freeze_title()?;
        sh.not_yet_written("no ideas kept for later iterations yet (step 4).")?;
        return Ok(sh.finish());
    }
    let rows: Vec<Vec<V>> = ctx
        .plan
        .future_measures
        .iter()
        .map(|f| {
            let goal = f
                .goal_id
                .as_deref()
                .map(|g| ctx.goal_title(g))
                .unwrap_or_default();
            vec![V::s(&f.idea), V::s(&f.notes), V::s(goal)]
        })
        .collect();
    let cols = [Col::bold("Idea"), Col::text("Notes"), Col::text("For goal")];
    if let Some(t) = sh.table("FutureMeasures", &cols, &rows, "")? {
        sh.freeze_header(&t, 1)?;
    }
    Ok(sh.finish())
}
