//! How a person writes an answer — in a CSV, a scoring form's dropdown, a command line — and
//! how it is read back. One place, so "3", "3 Expansion" and "n/a" mean the same everywhere.

use super::lookup::stage_name;
use crate::error::{Error, Result};
use crate::model::Confidence;
use chrono::NaiveDate;

/// What goes in the stage column: a stage, or not applicable (the reason is asked apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageAnswer {
    Stage(u8),
    NotApplicable,
}

/// The label a dropdown shows for a stage, e.g. "3 Expansion".
pub fn stage_label(stage: u8) -> String {
    format!("{stage} {}", stage_name(stage))
}

pub const NOT_APPLICABLE_LABEL: &str = "N/A";
/// A rater's "don't know", wherever answers are listed.
pub const ABSTAINED_LABEL: &str = "Don't know";

/// The stage dropdown: the five stages, then not applicable.
pub fn stage_choices() -> Vec<String> {
    (1..=5)
        .map(stage_label)
        .chain([NOT_APPLICABLE_LABEL.to_string()])
        .collect()
}

/// Reads "3", "3 Expansion", "Expansion" (any case) or "na", "n/a", "N/A", "not applicable".
pub fn parse_stage(text: &str) -> Option<StageAnswer> {
    let t = text.trim().to_lowercase();
    if ["na", "n/a", "not applicable"].contains(&t.as_str()) {
        return Some(StageAnswer::NotApplicable);
    }
    (1..=5u8)
        .find(|s| {
            t == s.to_string()
                || t == stage_label(*s).to_lowercase()
                || t == stage_name(*s).to_lowercase()
        })
        .map(StageAnswer::Stage)
}

pub fn confidence_label(c: Confidence) -> &'static str {
    match c {
        Confidence::EvidenceSeen => "Evidence seen",
        Confidence::Observed => "Observed",
        Confidence::Opinion => "Opinion",
    }
}

pub const CONFIDENCES: [Confidence; 3] = [
    Confidence::EvidenceSeen,
    Confidence::Observed,
    Confidence::Opinion,
];

/// Reads a confidence: blank is none given (`Some(None)`); anything unrecognised is `None`.
pub fn parse_confidence(text: &str) -> Option<Option<Confidence>> {
    let t = text.trim().to_lowercase().replace(['_', '-'], " ");
    if t.is_empty() {
        return Some(None);
    }
    CONFIDENCES
        .into_iter()
        .find(|c| {
            confidence_label(*c).to_lowercase() == t
                || (t == "evidence" && *c == Confidence::EvidenceSeen)
        })
        .map(Some)
}

/// Reads a day as people type it (`YYYY-MM-DD`), naming the field when it is not one.
pub fn parse_day(field: &str, text: &str) -> Result<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        Error::invalid(
            field,
            format!("\"{text}\" is not a date; write it as YYYY-MM-DD"),
        )
    })
}

/// The same for a day that may be left out: nothing, or only spaces, is no day.
pub fn parse_optional_day(field: &str, text: Option<&str>) -> Result<Option<NaiveDate>> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => parse_day(field, t).map(Some),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_are_read_by_number_label_or_name_and_not_applicable_in_its_usual_spellings() {
        assert_eq!(parse_stage(" 3 "), Some(StageAnswer::Stage(3)));
        for na in ["na", "N/A", "Not applicable"] {
            assert_eq!(
                parse_stage(na),
                Some(StageAnswer::NotApplicable),
                "{na} means not applicable"
            );
        }
        assert_eq!(parse_stage("0"), None, "there is no stage 0");
        assert_eq!(parse_stage("6"), None, "there is no stage 6");
        assert_eq!(parse_stage("3.5"), None, "half stages are not answers");
        assert_eq!(parse_stage(""), None, "blank is no answer");
    }

    #[test]
    fn confidence_accepts_the_labels_and_blank_and_refuses_anything_else() {
        assert_eq!(
            parse_confidence("evidence_seen"),
            Some(Some(Confidence::EvidenceSeen))
        );
        assert_eq!(
            parse_confidence("Observed"),
            Some(Some(Confidence::Observed))
        );
        assert_eq!(
            parse_confidence("  "),
            Some(None),
            "a blank confidence is allowed"
        );
        assert_eq!(parse_confidence("certain"), None, "not one of the three");
    }
}
