//! Step 7, the maturity workshop: a line or two each over `Backend`'s maturity methods.

use super::Result;
use crate::backend::maturity::{Created, FoundForm, ImportedForm, MaturityResults};
use crate::backend::{Backend, Exported};
use chrono::Utc;
use std::path::PathBuf;
use stepwise::maturity::{
    AgreedStage, AssessmentView, Comparison, FactorRow, HeatmapView, ScoreEntry, Viewer,
};
use stepwise::model::FactorStatus;
use stepwise::workspace::PlanState;
use tauri::State;

#[tauri::command]
pub fn assessment_view(
    backend: State<'_, Backend>,
    plan_id: String,
    assessment_id: String,
    viewer: Viewer,
) -> Result<AssessmentView> {
    backend.assessment_view(&plan_id, &assessment_id, &viewer)
}

#[tauri::command]
pub fn create_assessment(
    backend: State<'_, Backend>,
    plan_id: String,
    name: String,
    assessed_on: String,
) -> Result<Created> {
    backend.create_assessment(&plan_id, &name, &assessed_on, Utc::now())
}

#[tauri::command]
pub fn add_rater(
    backend: State<'_, Backend>,
    plan_id: String,
    assessment_id: String,
    name: String,
    role: String,
) -> Result<Created> {
    backend.add_rater(&plan_id, &assessment_id, &name, &role, Utc::now())
}

#[tauri::command]
pub fn rename_rater(
    backend: State<'_, Backend>,
    plan_id: String,
    rater_id: String,
    name: String,
    role: String,
) -> Result<PlanState> {
    backend.rename_rater(&plan_id, &rater_id, &name, &role, Utc::now())
}

#[tauri::command]
pub fn remove_rater(
    backend: State<'_, Backend>,
    plan_id: String,
    rater_id: String,
) -> Result<PlanState> {
    backend.remove_rater(&plan_id, &rater_id, Utc::now())
}

#[tauri::command]
pub fn record_score(
    backend: State<'_, Backend>,
    plan_id: String,
    entry: ScoreEntry,
) -> Result<PlanState> {
    backend.record_score(&plan_id, &entry, Utc::now())
}

#[tauri::command]
pub fn clear_score(
    backend: State<'_, Backend>,
    plan_id: String,
    rater_id: String,
    subfacet_id: String,
) -> Result<PlanState> {
    backend.clear_score(&plan_id, &rater_id, &subfacet_id, Utc::now())
}

#[tauri::command]
pub fn reveal_assessment(
    backend: State<'_, Backend>,
    plan_id: String,
    assessment_id: String,
) -> Result<PlanState> {
    backend.reveal(&plan_id, &assessment_id, Utc::now())
}

#[tauri::command]
pub fn agree_stage(
    backend: State<'_, Backend>,
    plan_id: String,
    assessment_id: String,
    agreed: AgreedStage,
) -> Result<PlanState> {
    backend.agree(&plan_id, &assessment_id, &agreed, Utc::now())
}

#[tauri::command]
pub fn add_phase(
    backend: State<'_, Backend>,
    plan_id: String,
    name: String,
    starts_on: Option<String>,
    ends_on: Option<String>,
) -> Result<Created> {
    backend.add_phase(
        &plan_id,
        &name,
        starts_on.as_deref(),
        ends_on.as_deref(),
        Utc::now(),
    )
}

#[tauri::command]
pub fn set_target(
    backend: State<'_, Backend>,
    plan_id: String,
    assessment_id: String,
    phase_id: String,
    subfacet_id: String,
    stage: u8,
) -> Result<PlanState> {
    let now = Utc::now();
    backend.set_target(
        &plan_id,
        &assessment_id,
        &phase_id,
        &subfacet_id,
        stage,
        now,
    )
}

#[tauri::command]
pub fn clear_target(
    backend: State<'_, Backend>,
    plan_id: String,
    assessment_id: String,
    phase_id: String,
    subfacet_id: String,
) -> Result<PlanState> {
    let now = Utc::now();
    backend.clear_target(&plan_id, &assessment_id, &phase_id, &subfacet_id, now)
}

#[tauri::command]
pub fn maturity_results(
    backend: State<'_, Backend>,
    plan_id: String,
    assessment_id: String,
    view: HeatmapView,
    phase_id: Option<String>,
) -> Result<MaturityResults> {
    backend.maturity_results(&plan_id, &assessment_id, view, phase_id.as_deref())
}

#[tauri::command]
pub fn draft_goal_from_gap(
    backend: State<'_, Backend>,
    plan_id: String,
    assessment_id: String,
    phase_id: String,
    subfacet_id: String,
) -> Result<Created> {
    let now = Utc::now();
    backend.draft_goal_from_gap(&plan_id, &assessment_id, &phase_id, &subfacet_id, now)
}

#[tauri::command]
pub fn compare_assessments(
    backend: State<'_, Backend>,
    plan_id: String,
    from_id: String,
    to_id: String,
) -> Result<Comparison> {
    backend.compare_assessments(&plan_id, &from_id, &to_id)
}

#[tauri::command]
pub fn success_factors(backend: State<'_, Backend>, plan_id: String) -> Result<Vec<FactorRow>> {
    backend.success_factors(&plan_id)
}

#[tauri::command]
pub fn set_success_factor(
    backend: State<'_, Backend>,
    plan_id: String,
    factor_id: String,
    status: FactorStatus,
    note: String,
) -> Result<PlanState> {
    backend.set_success_factor(&plan_id, &factor_id, status, &note, Utc::now())
}

#[tauri::command]
pub async fn export_scoring_forms(
    backend: State<'_, Backend>,
    plan_id: String,
    assessment_id: String,
    dir: Option<PathBuf>,
) -> Result<Vec<Exported>> {
    backend.export_scoring_forms(&plan_id, &assessment_id, dir)
}

#[tauri::command]
pub fn scoring_forms_found(backend: State<'_, Backend>) -> Result<Vec<FoundForm>> {
    backend.scoring_forms_found()
}

#[tauri::command]
pub async fn import_scoring_form(
    backend: State<'_, Backend>,
    plan_id: String,
    assessment_id: String,
    path: PathBuf,
) -> Result<ImportedForm> {
    backend.import_scoring_form(&plan_id, &assessment_id, &path, Utc::now())
}
