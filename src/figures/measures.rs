//! Where each success measure stands, defined once. The app, the PDF, the XLSX and the CLI all
//! read a measure's status and staleness from here.
//!
//! - **Judged at its last check-in**: the status is what the latest check-in (by date) says.
//! - **Thresholds first**: a measure with an "on track at" value or a red line is judged by
//!   them, read the way the measure improves (`Better`): at or better than "on track at" is on
//!   track; worse than the red line is off track; in between is at risk. A red line alone
//!   makes anything not worse than it on track; "on track at" alone makes anything short of it
//!   at risk, never off track. A value exactly on the red line is not yet off track.
//! - **Without thresholds**: the straight line from baseline to target by the target date, as
//!   before thresholds existed: more than 10% of the way behind the line is at risk, more than
//!   25% (or the target date passed) off track.
//! - **Achieved** wins either way once the latest value reaches the target.
//! - **Stale** at today's date: a new check-in is due one collection period (the measure's
//!   frequency) after the last one, or after the baseline date before the first; a measure is
//!   stale once that is more than `GRACE_DAYS` overdue. A measure with no frequency, or with
//!   neither a check-in nor a baseline date, has no due date and is never stale.

use super::numbers::short_date;
use crate::model::{Better, CheckIn, Frequency, Measure, Plan};
use crate::status::MeasureStatus;
use chrono::{Days, Months, NaiveDate};
use serde::Serialize;
use std::collections::HashMap;

/// How far behind the straight line from baseline to target a measure may fall before it is
/// at risk, and before it is off track (as shares of the whole distance).
const AT_RISK_BEHIND: f64 = 0.10;
const OFF_TRACK_BEHIND: f64 = 0.25;

/// How many days past its due date a check-in may be before the measure is stale: data comes
/// in a few days late as a matter of course.
pub const GRACE_DAYS: u64 = 7;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct StatusCount {
    pub status: MeasureStatus,
    pub count: u32,
}

/// Where one measure stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MeasureStanding {
    /// The status at the latest check-in.
    pub status: MeasureStatus,
    /// The date of the latest check-in.
    pub judged_on: Option<NaiveDate>,
    /// When the next check-in is due; `None` when the measure has no frequency or nothing to
    /// count from.
    pub next_due: Option<NaiveDate>,
    /// No recent check-in: more than `GRACE_DAYS` past `next_due` today.
    pub stale: bool,
}

impl MeasureStanding {
    /// The one-line reason a measure is stale, e.g. "no check-in since 3 Mar 2026; due
    /// monthly" — `None` when it is not.
    pub fn stale_reason(&self, measure: &Measure) -> Option<String> {
        if !self.stale {
            return None;
        }
        let how = measure
            .frequency
            .map(|f| f.label().to_lowercase())
            .unwrap_or_default();
        let since = match self.judged_on {
            Some(d) => format!("no check-in since {}", short_date(d)),
            None => "no check-in yet".to_string(),
        };
        let due = self
            .next_due
            .map(|d| format!(", one was due by {}", short_date(d)))
            .unwrap_or_default();
        Some(format!("Stale: {since}{due} (collected {how})"))
    }
}

/// The latest of a measure's check-ins; on the same date, the one listed last.
pub fn latest<'a>(check_ins: impl IntoIterator<Item = &'a CheckIn>) -> Option<&'a CheckIn> {
    check_ins.into_iter().max_by_key(|c| c.date)
}

/// The status of `measure` given its check-ins, as of `today`.
pub fn measure_status<'a>(
    measure: &Measure,
    check_ins: impl IntoIterator<Item = &'a CheckIn>,
    today: NaiveDate,
) -> MeasureStatus {
    match latest(check_ins) {
        Some(last) => status_at(measure, last, today),
        None => MeasureStatus::NotMeasured,
    }
}

/// The status a measure has when `check_in` is its latest, as of `today`.
pub fn status_at(measure: &Measure, check_in: &CheckIn, today: NaiveDate) -> MeasureStatus {
    let value = check_in.value;
    if let (Some(baseline), Some(target)) = (measure.baseline, measure.target) {
        if share_done(baseline, target, value) >= 1.0 {
            return MeasureStatus::Achieved;
        }
    }
    if measure.has_thresholds() {
        return by_thresholds(measure.better, measure.on_track_at, measure.red_line, value);
    }
    let (Some(baseline), Some(target)) = (measure.baseline, measure.target) else {
        return MeasureStatus::NotMeasured;
    };
    let done = share_done(baseline, target, value);
    let expected = match (measure.baseline_date, measure.target_date) {
        (_, Some(end)) if today > end => return MeasureStatus::OffTrack,
        (Some(start), Some(end)) if end > start => {
            let span = (end - start).num_days() as f64;
            ((check_in.date - start).num_days() as f64 / span).clamp(0.0, 1.0)
        }
        // Without dates to draw the line, any movement the right way counts as on track.
        _ => 0.0,
    };
    let behind = expected - done;
    if behind <= AT_RISK_BEHIND {
        MeasureStatus::OnTrack
    } else if behind <= OFF_TRACK_BEHIND {
        MeasureStatus::AtRisk
    } else {
        MeasureStatus::OffTrack
    }
}

/// The status of a check-in judged at its own date: what the measure said the day it came in.
/// A check-in off track by this needs a note.
pub fn check_in_status(measure: &Measure, check_in: &CheckIn) -> MeasureStatus {
    status_at(measure, check_in, check_in.date)
}

/// How much of the way from baseline to target `value` has come (1.0 = there).
fn share_done(baseline: f64, target: f64, value: f64) -> f64 {
    let distance = target - baseline;
    if distance == 0.0 {
        if value == target {
            1.0
        } else {
            0.0
        }
    } else {
        (value - baseline) / distance
    }
}

/// A value against thresholds read the way the measure improves.
pub fn by_thresholds(
    better: Better,
    on_track_at: Option<f64>,
    red_line: Option<f64>,
    value: f64,
) -> MeasureStatus {
    if on_track_at.is_some_and(|on| better.at_least(value, on)) {
        return MeasureStatus::OnTrack;
    }
    if red_line.is_some_and(|red| !better.at_least(value, red)) {
        return MeasureStatus::OffTrack;
    }
    if on_track_at.is_some() {
        MeasureStatus::AtRisk
    } else {
        MeasureStatus::OnTrack
    }
}

/// How long one collection period is.
fn period(f: Frequency) -> Period {
    match f {
        Frequency::Weekly => Period::Days(7),
        Frequency::Monthly => Period::Months(1),
        Frequency::EachTerm => Period::Months(4),
        Frequency::Quarterly => Period::Months(3),
        Frequency::Yearly => Period::Months(12),
    }
}

enum Period {
    Days(u64),
    Months(u32),
}

/// The day a check-in is due after one on `from`.
pub fn due_after(from: NaiveDate, f: Frequency) -> Option<NaiveDate> {
    match period(f) {
        Period::Days(n) => from.checked_add_days(Days::new(n)),
        Period::Months(n) => from.checked_add_months(Months::new(n)),
    }
}

/// Where `measure` stands today, from its check-ins (any order; others' are ignored).
pub fn measure_standing<'a>(
    measure: &Measure,
    check_ins: impl IntoIterator<Item = &'a CheckIn>,
    today: NaiveDate,
) -> MeasureStanding {
    let last = latest(check_ins.into_iter().filter(|c| c.measure_id == measure.id));
    let status = last.map_or(MeasureStatus::NotMeasured, |c| status_at(measure, c, today));
    let judged_on = last.map(|c| c.date);
    let next_due = measure
        .frequency
        .zip(judged_on.or(measure.baseline_date))
        .and_then(|(f, from)| due_after(from, f));
    let stale = next_due
        .and_then(|d| d.checked_add_days(Days::new(GRACE_DAYS)))
        .is_some_and(|limit| today > limit);
    MeasureStanding {
        status,
        judged_on,
        next_due,
        stale,
    }
}

/// Every measure's standing today, by measure id; the check-ins are grouped first so the cost
/// is the plan's size once, however many measures it holds.
pub fn measure_standings(plan: &Plan, today: NaiveDate) -> HashMap<String, MeasureStanding> {
    let mut check_ins: HashMap<&str, Vec<&CheckIn>> = HashMap::new();
    for c in &plan.check_ins {
        check_ins.entry(c.measure_id.as_str()).or_default().push(c);
    }
    plan.measures
        .iter()
        .map(|m| {
            let mine = check_ins.get(m.id.as_str()).map_or(&[][..], Vec::as_slice);
            (
                m.id.clone(),
                measure_standing(m, mine.iter().copied(), today),
            )
        })
        .collect()
}

/// How many measures are in each status as of `today`, every status listed (zeros included)
/// in `MeasureStatus::REPORT_ORDER` order.
pub fn measure_tally(plan: &Plan, today: NaiveDate) -> Vec<StatusCount> {
    let standings = measure_standings(plan, today);
    let mut counts = [0u32; MeasureStatus::REPORT_ORDER.len()];
    for s in standings.values() {
        counts[s.status.index()] += 1;
    }
    MeasureStatus::REPORT_ORDER
        .iter()
        .zip(counts)
        .map(|(status, count)| StatusCount {
            status: *status,
            count,
        })
        .collect()
}

/// The measures that need attention today, in the plan's order: off track or stale, each with
/// what is wrong ("Off track", "Stale: no check-in since …"), for the CLI and the reports.
pub fn measures_needing_attention(plan: &Plan, today: NaiveDate) -> Vec<(&Measure, Vec<String>)> {
    let standings = measure_standings(plan, today);
    plan.measures
        .iter()
        .filter_map(|m| {
            let s = standings.get(&m.id)?;
            let mut why = Vec::new();
            if s.status == MeasureStatus::OffTrack {
                why.push(MeasureStatus::OffTrack.label().to_string());
            }
            why.extend(s.stale_reason(m));
            (!why.is_empty()).then_some((m, why))
        })
        .collect()
}
