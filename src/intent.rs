//! What a person asks the maturity workshop to do, as data: the app sends these, the CLI and
//! the tests build them. Each is turned into edits by a pure function of the plan (in
//! `crate::maturity`), run on the plan as read inside the write transaction, so two people
//! scoring at once can never both think they gave the first score.

use crate::edit::Edit;
use crate::error::Result;
use crate::maturity::{self as m, AgreedStage, ScoreEntry};
use crate::model::{FactorStatus, Id, Kind, Plan};
use crate::record::{Record, RecordVisitor};
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
        }
    }

    /// The kind of record this intent creates, if it creates one.
    pub fn creates(&self) -> Option<Kind> {
        match self {
            Intent::CreateAssessment { .. } => Some(Kind::Assessment),
            Intent::AddRater { .. } => Some(Kind::Rater),
            Intent::AddPhase { .. } => Some(Kind::Phase),
            Intent::DraftGoalFromGap { .. } => Some(Kind::Goal),
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
