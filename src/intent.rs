//! What a person asks the maturity workshop or the room's log to do, as data: the app sends
//! these, the CLI and the tests build them. Each is turned into edits by a pure function of
//! the plan (in `crate::maturity` and `crate::roomlog`), run on the plan as read inside the
//! write transaction, so two people scoring at once can never both think they gave the first
//! score.

use crate::edit::Edit;
use crate::error::Result;
use crate::maturity::{self as m, AgreedStage, ScoreEntry};
use crate::model::{FactorStatus, Id, Kind, Plan};
use crate::record::{Record, RecordVisitor};
use crate::roomlog::{promote_action, PromoteTo};
use serde::{Deserialize, Serialize};

/// Records are named by id, or (where the core's lookups allow) by name as people type it.
/// Days are text as typed (`YYYY-MM-DD`), read by the core so a bad one names its field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "intent", rename_all = "snake_case", deny_unknown_fields)]
pub enum Intent {
    CreateAssessment {
        name: String,
        assessed_on: String,
    },
    AddRater {
        assessment_id: String,
        name: String,
        role: String,
    },
    RenameRater {
        rater_id: Id,
        name: String,
        role: String,
    },
    /// Removes the rater with every score they gave.
    RemoveRater {
        rater_id: Id,
    },
    /// Each answer replaces the rater's earlier answer to the same sub-facet.
    RecordScores {
        scores: Vec<ScoreEntry>,
    },
    ClearScore {
        rater_id: Id,
        subfacet_id: String,
    },
    RevealAssessment {
        assessment_id: String,
    },
    AgreeStage {
        assessment_id: String,
        agreed: AgreedStage,
    },
    /// Focus mode: opens the next round of scoring on one sub-facet (the first, or another
    /// after the discussion of a revealed one).
    OpenRound {
        assessment_id: String,
        subfacet_id: String,
    },
    /// Focus mode: reveals the open round of one sub-facet.
    RevealRound {
        assessment_id: String,
        subfacet_id: String,
    },
    AddPhase {
        name: String,
        starts_on: Option<String>,
        ends_on: Option<String>,
    },
    SetTarget {
        assessment_id: String,
        phase_id: String,
        subfacet_id: String,
        stage: u8,
    },
    ClearTarget {
        assessment_id: String,
        phase_id: String,
        subfacet_id: String,
    },
    SetSuccessFactor {
        factor_id: String,
        status: FactorStatus,
        note: String,
    },
    /// Drafts a SMART goal from a gap and adds it to the plan's goals.
    DraftGoalFromGap {
        assessment_id: String,
        phase_id: String,
        subfacet_id: String,
    },
    /// Turns an action of the room's log into a goal or a milestone, which the action then
    /// points at.
    PromoteAction {
        action_id: Id,
        to: PromoteTo,
    },
}

impl Intent {
    /// The edits that carry out this intent on `plan`. Pure: the same plan and intent give
    /// the same edits (but for the ids of new records).
    pub fn edits(&self, plan: &Plan) -> Result<Vec<Edit>> {
        use Intent as I;
        match self {
            I::CreateAssessment { name, assessed_on } => m::create_assessment(name, assessed_on),
            I::AddRater {
                assessment_id,
                name,
                role,
            } => m::add_rater(plan, assessment_id, name, role),
            I::RenameRater {
                rater_id,
                name,
                role,
            } => m::rename_rater(plan, rater_id, name, role),
            I::RemoveRater { rater_id } => m::remove_rater(plan, rater_id),
            I::RecordScores { scores } => m::score_edits(plan, scores),
            I::ClearScore {
                rater_id,
                subfacet_id,
            } => m::clear_score(plan, rater_id, subfacet_id),
            I::RevealAssessment { assessment_id } => m::reveal(plan, assessment_id),
            I::AgreeStage {
                assessment_id,
                agreed,
            } => m::agree(plan, assessment_id, agreed),
            I::OpenRound {
                assessment_id,
                subfacet_id,
            } => m::open_round(plan, assessment_id, subfacet_id),
            I::RevealRound {
                assessment_id,
                subfacet_id,
            } => m::reveal_round(plan, assessment_id, subfacet_id),
            I::AddPhase {
                name,
                starts_on,
                ends_on,
            } => m::add_phase(name, starts_on.as_deref(), ends_on.as_deref()),
            I::SetTarget {
                assessment_id,
                phase_id,
                subfacet_id,
                stage,
            } => m::set_target(plan, assessment_id, phase_id, subfacet_id, *stage),
            I::ClearTarget {
                assessment_id,
                phase_id,
                subfacet_id,
            } => m::clear_target(plan, assessment_id, phase_id, subfacet_id),
            I::SetSuccessFactor {
                factor_id,
                status,
                note,
            } => m::set_factor(plan, factor_id, *status, note),
            I::DraftGoalFromGap {
                assessment_id,
                phase_id,
                subfacet_id,
            } => m::add_goal_from_gap(plan, assessment_id, phase_id, subfacet_id),
            I::PromoteAction { action_id, to } => promote_action(plan, action_id, *to),
        }
    }

    /// The kind of record this intent creates, if it creates one.
    pub fn creates(&self) -> Option<Kind> {
        match self {
            Intent::CreateAssessment { .. } => Some(Kind::Assessment),
            Intent::AddRater { .. } => Some(Kind::Rater),
            Intent::AddPhase { .. } => Some(Kind::Phase),
            Intent::DraftGoalFromGap { .. } => Some(Kind::Goal),
            Intent::PromoteAction {
                to: PromoteTo::Goal,
                ..
            } => Some(Kind::Goal),
            Intent::PromoteAction {
                to: PromoteTo::Milestone,
                ..
            } => Some(Kind::Milestone),
            _ => None,
        }
    }
}

/// The id of the first record of `kind` that `edits` put: the record an intent created.
pub fn created(kind: Kind, edits: &[Edit]) -> Option<Id> {
    struct IdOf;
    impl RecordVisitor for IdOf {
        type Out = Id;
        fn visit<T: Record>(self, record: &T) -> Id {
            record.id().to_string()
        }
    }
    edits.iter().find_map(|e| match e {
        Edit::Put { entity } if entity.kind() == kind => Some(entity.visit(IdOf)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_intent_reads_as_the_ui_sends_it_and_refuses_a_field_it_does_not_know() {
        let sent =
            r#"{"intent":"add_phase","name":"Phase 2","starts_on":"2027-07-01","ends_on":null}"#;
        let intent: Intent = serde_json::from_str(sent).unwrap();
        assert_eq!(
            intent,
            Intent::AddPhase {
                name: "Phase 2".into(),
                starts_on: Some("2027-07-01".into()),
                ends_on: None,
            }
        );
        assert_eq!(intent.creates(), Some(Kind::Phase));
        let typo = r#"{"intent":"remove_rater","rater":"r1"}"#;
        assert!(serde_json::from_str::<Intent>(typo).is_err());
    }

    #[test]
    fn a_bad_day_is_refused_naming_its_field_before_anything_is_worked_out() {
        let plan = Plan::new("p", chrono::Utc::now());
        let bad = Intent::AddPhase {
            name: "Phase 2".into(),
            starts_on: Some("2027-07-01".into()),
            ends_on: Some("end of June".into()),
        };
        let err = bad.edits(&plan).unwrap_err();
        assert_eq!(err.problems()[0].path, "ends_on");
        assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn the_created_record_is_the_first_put_of_the_kind_created() {
        let plan = Plan::new("p", chrono::Utc::now());
        let intent = Intent::CreateAssessment {
            name: "Baseline".into(),
            assessed_on: "2027-03-01".into(),
        };
        let edits = intent.edits(&plan).unwrap();
        let id = created(Kind::Assessment, &edits).expect("an assessment is put");
        assert!(
            matches!(&edits[0], Edit::Put { entity: crate::model::Entity::Assessment(a) } if a.id == id)
        );
        assert_eq!(created(Kind::Rater, &edits), None);
    }
}
