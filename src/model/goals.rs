//! Steps 3 and 4: SMART goals (the milestones) and their success measures (the proof of
//! arrival), with dated check-ins and a list of measures kept for later iterations.

use super::{Id, Kind};
use crate::record::{clear_if, drop_from, link, links_in, Checker, Link, Record, Unlinked};
use crate::status::MeasureStatus;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: Id,
    pub title: String,
    pub specific: String,
    pub measurable: String,
    pub achievable: String,
    pub relevant: String,
    pub time_bound: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    /// The vision statements this goal moves towards.
    pub statement_ids: Vec<Id>,
    pub priority_ids: Vec<Id>,
}

impl Goal {
    pub fn new(title: &str) -> Goal {
        Goal {
            id: super::new_id(),
            title: title.to_string(),
            specific: String::new(),
            measurable: String::new(),
            achievable: String::new(),
            relevant: String::new(),
            time_bound: String::new(),
            owner: String::new(),
            due: None,
            statement_ids: vec![],
            priority_ids: vec![],
        }
    }
}

impl Record for Goal {
    const KIND: Kind = Kind::Goal;
    fn id(&self) -> &str {
        &self.id
    }
    fn links(&self) -> Vec<Link<'_>> {
        links_in("statement_ids", Kind::VisionStatement, &self.statement_ids)
            .chain(links_in("priority_ids", Kind::Priority, &self.priority_ids))
            .collect()
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        match kind {
            Kind::VisionStatement => drop_from(&mut self.statement_ids, id),
            Kind::Priority => drop_from(&mut self.priority_ids, id),
            _ => Unlinked::Unchanged,
        }
    }
    fn check(&self, c: &mut Checker) {
        c.name("title", &self.title);
        for (field, value) in [
            ("specific", &self.specific),
            ("measurable", &self.measurable),
            ("achievable", &self.achievable),
            ("relevant", &self.relevant),
            ("time_bound", &self.time_bound),
            ("owner", &self.owner),
        ] {
            c.text(field, value);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Weekly,
    Monthly,
    EachTerm,
    Quarterly,
    Yearly,
}

impl Frequency {
    pub const ALL: [Frequency; 5] = [
        Frequency::Weekly,
        Frequency::Monthly,
        Frequency::EachTerm,
        Frequency::Quarterly,
        Frequency::Yearly,
    ];

    /// How the app, the PDF and the workbook all say it.
    pub fn label(self) -> &'static str {
        match self {
            Frequency::Weekly => "Every week",
            Frequency::Monthly => "Every month",
            Frequency::EachTerm => "Each term",
            Frequency::Quarterly => "Every quarter",
            Frequency::Yearly => "Once a year",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: Id,
    pub goal_id: Id,
    pub indicator: String,
    /// What the numbers count, e.g. "%" or "learners".
    pub unit: String,
    pub baseline: Option<f64>,
    pub baseline_date: Option<NaiveDate>,
    pub target: Option<f64>,
    pub target_date: Option<NaiveDate>,
    pub data_source: String,
    pub owner: String,
    pub frequency: Option<Frequency>,
    /// Which way is better, so the thresholds read the right way round.
    pub better: Better,
    /// On track at this value or better; between it and the red line a measure is at risk.
    pub on_track_at: Option<f64>,
    /// Off track once a check-in is worse than this. Either threshold may stand alone; with
    /// neither, the status follows the straight line from baseline to target.
    pub red_line: Option<f64>,
}

/// Which way a measure improves: more learners is better, fewer days to award is better.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    #[default]
    Higher,
    Lower,
}

impl Better {
    pub const ALL: [Better; 2] = [Better::Higher, Better::Lower];

    pub fn label(self) -> &'static str {
        match self {
            Better::Higher => "Higher is better",
            Better::Lower => "Lower is better",
        }
    }

    /// Whether `a` is at least as good as `b`.
    pub fn at_least(self, a: f64, b: f64) -> bool {
        match self {
            Better::Higher => a >= b,
            Better::Lower => a <= b,
        }
    }

    /// "at or above" / "at or below", for sentences about a threshold.
    pub fn at_or(self) -> &'static str {
        match self {
            Better::Higher => "at or above",
            Better::Lower => "at or below",
        }
    }

    /// "below" / "above": the side of the red line that is off track.
    pub fn worse_side(self) -> &'static str {
        match self {
            Better::Higher => "below",
            Better::Lower => "above",
        }
    }
}

impl Measure {
    pub fn has_thresholds(&self) -> bool {
        self.on_track_at.is_some() || self.red_line.is_some()
    }
}

impl Record for Measure {
    const KIND: Kind = Kind::Measure;
    fn id(&self) -> &str {
        &self.id
    }
    fn parent_id(&self) -> Option<&str> {
        Some(&self.goal_id)
    }
    fn links(&self) -> Vec<Link<'_>> {
        vec![link("goal_id", Kind::Goal, &self.goal_id)]
    }
    fn check(&self, c: &mut Checker) {
        c.required("indicator", &self.indicator);
        for (field, value) in [
            ("unit", &self.unit),
            ("data_source", &self.data_source),
            ("owner", &self.owner),
        ] {
            c.text(field, value);
        }
        c.number("baseline", self.baseline);
        c.number("target", self.target);
        c.number("on_track_at", self.on_track_at);
        c.number("red_line", self.red_line);
        if let (Some(on), Some(red)) = (self.on_track_at, self.red_line) {
            if !self.better.at_least(on, red) {
                c.problem(
                    "on_track_at",
                    format!(
                        "on track at ({on}) must be {} the red line ({red}) when {}",
                        self.better.at_or(),
                        self.better.label().to_lowercase()
                    ),
                );
            }
        }
        if let (Some(from), Some(to)) = (self.baseline_date, self.target_date) {
            if to < from {
                c.problem("target_date", "is before the baseline date");
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    pub id: Id,
    pub measure_id: Id,
    pub date: NaiveDate,
    pub value: f64,
    /// Required when the check-in is off track: why, and what is being done.
    pub note: String,
    /// How far the team trusts the figure; unset for check-ins recorded before it was asked.
    pub confidence: Option<CheckInConfidence>,
}

/// How sure the team is of a check-in's figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckInConfidence {
    Low,
    Medium,
    High,
}

impl CheckInConfidence {
    pub const ALL: [CheckInConfidence; 3] = [
        CheckInConfidence::Low,
        CheckInConfidence::Medium,
        CheckInConfidence::High,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CheckInConfidence::Low => "Low",
            CheckInConfidence::Medium => "Medium",
            CheckInConfidence::High => "High",
        }
    }
}

impl Record for CheckIn {
    const KIND: Kind = Kind::CheckIn;
    fn id(&self) -> &str {
        &self.id
    }
    fn parent_id(&self) -> Option<&str> {
        Some(&self.measure_id)
    }
    fn links(&self) -> Vec<Link<'_>> {
        vec![link("measure_id", Kind::Measure, &self.measure_id)]
    }
    fn check(&self, c: &mut Checker) {
        c.number("value", Some(self.value));
        c.text("note", &self.note);
    }
    fn check_with_parent(&self, parent: &str, c: &mut Checker) {
        // A measure that cannot be read is reported where it is loaded, not here.
        let Ok(measure) = serde_json::from_str::<Measure>(parent) else {
            return;
        };
        if self.note.trim().is_empty()
            && crate::figures::check_in_status(&measure, self) == MeasureStatus::OffTrack
        {
            c.problem("note", off_track_note_reason(&measure));
        }
    }
}

/// Why an off-track check-in without a note is refused, naming the line it fell past.
fn off_track_note_reason(m: &Measure) -> String {
    let why = match m.red_line {
        Some(red) => format!("it is {} the red line of {red}", m.better.worse_side()),
        None if m.has_thresholds() => "it is off track".to_string(),
        None => "it is well behind the line from baseline to target".to_string(),
    };
    format!("is required: {why}, so say why and what is being done")
}

/// An idea for a measure that the team will take up in a later iteration.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FutureMeasure {
    pub id: Id,
    pub idea: String,
    pub notes: String,
    /// The goal it would prove, if the team already knows.
    pub goal_id: Option<Id>,
}

impl Record for FutureMeasure {
    const KIND: Kind = Kind::FutureMeasure;
    fn id(&self) -> &str {
        &self.id
    }
    fn links(&self) -> Vec<Link<'_>> {
        self.goal_id
            .iter()
            .map(|g| link("goal_id", Kind::Goal, g))
            .collect()
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        match kind {
            Kind::Goal => clear_if(&mut self.goal_id, id),
            _ => Unlinked::Unchanged,
        }
    }
    fn check(&self, c: &mut Checker) {
        c.required("idea", &self.idea);
        c.text("notes", &self.notes);
    }
}
