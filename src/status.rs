//! The statuses a success measure can have and how each is named. Which one a measure has is
//! worked out in one place, `crate::figures` (thresholds, the line to the target, staleness).

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum MeasureStatus {
    /// No check-in yet, or neither thresholds nor a baseline and target to judge one against.
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
