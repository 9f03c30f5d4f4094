//! The success measures counted by status, in the one order every report lists them: the
//! good news first, then what needs attention, then what nobody has measured yet.

use crate::model::{CheckIn, Plan};
use crate::status::{measure_status, MeasureStatus};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct StatusCount {
    pub status: MeasureStatus,
    pub count: u32,
}

/// How many measures are in each status as of `today`, every status listed (zeros included)
/// in `MeasureStatus::REPORT_ORDER` order.
pub fn measure_tally(plan: &Plan, today: NaiveDate) -> Vec<StatusCount> {
    // Grouped first, so the count costs the plan's size once, however many measures it holds.
    let mut check_ins: HashMap<&str, Vec<&CheckIn>> = HashMap::new();
    for c in &plan.check_ins {
        check_ins.entry(c.measure_id.as_str()).or_default().push(c);
    }
    let mut counts = [0u32; MeasureStatus::REPORT_ORDER.len()];
    for m in &plan.measures {
        let mine = check_ins.get(m.id.as_str()).map_or(&[][..], Vec::as_slice);
        let status = measure_status(m, mine.iter().copied(), today);
        counts[status.index()] += 1;
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
