//! Reads a goal the way a good facilitator would and says what keeps it from being SMART:
//! the part that is empty, the missing number, the missing or past date, the missing owner,
//! the vague verb.

use crate::model::Goal;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The goal is not SMART until this is fixed.
    Missing,
    /// Worth a second look.
    Advice,
}

impl Severity {
    pub const ALL: [Severity; 2] = [Severity::Missing, Severity::Advice];

    /// What the screens call it.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Missing => "Must fix",
            Severity::Advice => "Worth a look",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Finding {
    /// The goal field the finding is about (`specific`, `due`, `owner`…).
    pub field: &'static str,
    pub severity: Severity,
    pub message: String,
}

/// Verbs that promise movement without saying how much; fine with a number, vague without.
const VAGUE_VERBS: &[&str] = &[
    "improve",
    "enhance",
    "support",
    "promote",
    "explore",
    "understand",
    "strengthen",
    "leverage",
    "optimise",
    "optimize",
    "facilitate",
    "increase",
    "grow",
    "boost",
    "develop",
];

fn has_number(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
}

fn missing(field: &'static str, message: impl Into<String>) -> Finding {
    Finding {
        field,
        severity: Severity::Missing,
        message: message.into(),
    }
}

fn advice(field: &'static str, message: impl Into<String>) -> Finding {
    Finding {
        field,
        severity: Severity::Advice,
        message: message.into(),
    }
}

/// The findings on a goal. With `today`, a due date in the past is a finding too; without it
/// the result does not depend on when it is asked.
pub fn goal_findings(goal: &Goal, today: Option<NaiveDate>) -> Vec<Finding> {
    let mut out = Vec::new();
    let blank = |s: &str| s.trim().is_empty();

    if blank(&goal.specific) {
        out.push(missing(
            "specific",
            "Specific: say exactly what will change, for whom.",
        ));
    } else if let Some(verb) = vague_verb(&goal.specific) {
        if !has_number(&goal.specific) {
            out.push(advice(
                "specific",
                format!("Specific: \u{201c}{verb}\u{201d} is vague on its own; say what will change and by how much."),
            ));
        }
    }
    if blank(&goal.measurable) {
        out.push(missing(
            "measurable",
            "Measurable: say how you will know the goal is met.",
        ));
    } else if !has_number(&goal.measurable) {
        out.push(missing(
            "measurable",
            "Measurable: there is no number to measure against (a count, a percentage, a target).",
        ));
    }
    if blank(&goal.achievable) {
        out.push(missing(
            "achievable",
            "Achievable: say what makes this realistic (people, budget, time).",
        ));
    }
    // Relevant means the goal serves this plan's strategy, and the links are what show it: a
    // reason in words with no link is still a goal outside the strategy, so it is not SMART yet.
    if goal.statement_ids.is_empty() && goal.priority_ids.is_empty() {
        out.push(missing(
            "relevant",
            if blank(&goal.relevant) {
                "Relevant: link the goal to the vision statement or strategic priority it serves, and say why it matters."
            } else {
                "Relevant: not linked to any vision statement or strategic priority yet; link the one it serves."
            },
        ));
    }
    match goal.due {
        None if blank(&goal.time_bound) => out.push(missing(
            "due",
            "Time-bound: there is no date; give the goal a due date.",
        )),
        None => out.push(missing(
            "due",
            "Time-bound: set the due date as a date so the roadmap can place it.",
        )),
        Some(due) if today.is_some_and(|t| due < t) => out.push(missing(
            "due",
            format!(
                "Time-bound: the due date {} has already passed.",
                crate::figures::short_date(due)
            ),
        )),
        Some(_) => {}
    }
    if blank(&goal.owner) {
        out.push(missing(
            "owner",
            "No owner: name the person who answers for this goal.",
        ));
    }
    out
}

fn vague_verb(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_alphabetic())
        .find_map(|w| {
            VAGUE_VERBS
                .iter()
                .find(|v| w == **v || w.strip_suffix('s') == Some(v))
        })
        .copied()
}

/// True when nothing keeps the goal from being SMART (advice aside).
pub fn is_smart(goal: &Goal, today: Option<NaiveDate>) -> bool {
    goal_findings(goal, today)
        .iter()
        .all(|f| f.severity != Severity::Missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal() -> Goal {
        let mut g = Goal::new("Open the Compass pathway");
        g.specific = "Open five badges to first-year students in residence.".into();
        g.measurable = "1,200 students enrolled.".into();
        g.achievable = "The modules already run.".into();
        g.relevant = "The first weeks are when students drift away.".into();
        g.owner = "Director of Student Success".into();
        g.due = NaiveDate::from_ymd_opt(2027, 7, 1);
        g
    }

    #[test]
    fn a_goal_is_relevant_only_once_it_is_linked_to_the_strategy() {
        let mut g = goal();
        let findings = goal_findings(&g, None);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(
            (findings[0].field, findings[0].severity),
            ("relevant", Severity::Missing),
            "a reason in words without a link leaves Relevant unmet"
        );
        assert!(!is_smart(&g, None));

        g.priority_ids = vec!["priority-success".into()];
        assert!(goal_findings(&g, None).is_empty(), "linked, it is SMART");
        g.priority_ids.clear();
        g.statement_ids = vec!["statement-record".into()];
        assert!(is_smart(&g, None), "a vision statement serves as well");

        g.statement_ids.clear();
        g.relevant.clear();
        let findings = goal_findings(&g, None);
        assert!(
            findings[0].message.contains("say why it matters"),
            "{findings:?}"
        );
    }
}
