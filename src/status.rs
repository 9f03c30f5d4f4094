//! Where a success measure stands, from its baseline, target and latest check-in.

use crate::model::{CheckIn, Measure};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum MeasureStatus {
    /// No check-in yet, or no baseline and target to judge one against.
    NotMeasured,
    OnTrack,
    AtRisk,
    OffTrack,
    Achieved,
}

impl MeasureStatus {
    pub const ALL: [MeasureStatus; 5] = [
        MeasureStatus::NotMeasured,
        MeasureStatus::OnTrack,
        MeasureStatus::AtRisk,
        MeasureStatus::OffTrack,
        MeasureStatus::Achieved,
    ];

    /// Every status, in the order the reports list them: the good news first.
    pub const REPORT_ORDER: [MeasureStatus; 5] = [
        MeasureStatus::Achieved,
        MeasureStatus::OnTrack,
        MeasureStatus::AtRisk,
        MeasureStatus::OffTrack,
        MeasureStatus::NotMeasured,
    ];

    /// Where the status stands in `REPORT_ORDER`.
    pub fn index(self) -> usize {
        match self {
            MeasureStatus::Achieved => 0,
            MeasureStatus::OnTrack => 1,
            MeasureStatus::AtRisk => 2,
            MeasureStatus::OffTrack => 3,
            MeasureStatus::NotMeasured => 4,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MeasureStatus::NotMeasured => "Not measured",
            MeasureStatus::OnTrack => "On track",
            MeasureStatus::AtRisk => "At risk",
            MeasureStatus::OffTrack => "Off track",
            MeasureStatus::Achieved => "Achieved",
        }
    }
}

/// How far behind the straight line from baseline to target a measure may fall before it is
/// at risk, and before it is off track (as shares of the whole distance).
const AT_RISK_BEHIND: f64 = 0.10;
const OFF_TRACK_BEHIND: f64 = 0.25;

/// The latest of a measure's check-ins.
pub fn latest<'a>(check_ins: impl IntoIterator<Item = &'a CheckIn>) -> Option<&'a CheckIn> {
    check_ins.into_iter().max_by_key(|c| c.date)
}

/// The status of `measure` given its check-ins, as of `today`.
pub fn measure_status<'a>(
    measure: &Measure,
    check_ins: impl IntoIterator<Item = &'a CheckIn>,
    today: NaiveDate,
) -> MeasureStatus {
    let (Some(last), Some(baseline), Some(target)) =
        (latest(check_ins), measure.baseline, measure.target)
    else {
        return MeasureStatus::NotMeasured;
    };
    let distance = target - baseline;
    let done = if distance == 0.0 {
        if last.value == target {
            1.0
        } else {
            0.0
        }
    } else {
        (last.value - baseline) / distance
    };
    if done >= 1.0 {
        return MeasureStatus::Achieved;
    }
    let expected = match (measure.baseline_date, measure.target_date) {
        (_, Some(end)) if today > end => return MeasureStatus::OffTrack,
        (Some(start), Some(end)) if end > start => {
            let span = (end - start).num_days() as f64;
            ((last.date - start).num_days() as f64 / span).clamp(0.0, 1.0)
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
