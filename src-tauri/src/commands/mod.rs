//! The commands the UI may call. Each is a line or two over `Backend`; errors cross as
//! `{code, message, problems}`. Time is read here, once per call, so the core stays testable.

use crate::backend::{ApiError, AppInfo, Backend, Exported};
use chrono::Utc;
use std::path::PathBuf;
use stepwise::catalog::Catalog;
use stepwise::export::Format;
use stepwise::model::Goal;
use stepwise::smart::Finding;
use stepwise::workspace::{PlanState, PlanUpdate};
use stepwise::{Edit, PlanSummary};
use tauri::State;

pub mod dialogs;
pub mod maturity;

type Result<T> = std::result::Result<T, ApiError>;

#[tauri::command]
pub fn app_info(backend: State<'_, Backend>) -> AppInfo {
    backend.info()
}

#[tauri::command]
pub fn catalog(backend: State<'_, Backend>) -> &'static Catalog {
    backend.catalog()
}

#[tauri::command]
pub fn list_plans(backend: State<'_, Backend>) -> Result<Vec<PlanSummary>> {
    backend.list_plans()
}

#[tauri::command]
pub fn create_plan(backend: State<'_, Backend>, name: String) -> Result<String> {
    backend.create_plan(&name, Utc::now())
}

#[tauri::command]
pub fn duplicate_plan(backend: State<'_, Backend>, id: String) -> Result<String> {
    backend.duplicate_plan(&id, Utc::now())
}

#[tauri::command]
pub fn delete_plan(backend: State<'_, Backend>, id: String) -> Result<()> {
    backend.delete_plan(&id)
}

#[tauri::command]
pub fn import_plan(backend: State<'_, Backend>, path: PathBuf) -> Result<String> {
    backend.import_plan(&path, Utc::now())
}

#[tauri::command]
pub fn plan_state(backend: State<'_, Backend>, id: String) -> Result<PlanState> {
    backend.plan_state(&id, Utc::now())
}

#[tauri::command]
pub fn apply_edits(
    backend: State<'_, Backend>,
    id: String,
    edits: Vec<Edit>,
) -> Result<PlanUpdate> {
    backend.apply(&id, &edits, Utc::now())
}

#[tauri::command]
pub fn undo(backend: State<'_, Backend>, id: String) -> Result<PlanState> {
    backend.undo(&id, Utc::now())
}

#[tauri::command]
pub fn redo(backend: State<'_, Backend>, id: String) -> Result<PlanState> {
    backend.redo(&id, Utc::now())
}

#[tauri::command]
pub fn goal_findings(backend: State<'_, Backend>, goal: Goal) -> Vec<Finding> {
    backend.goal_findings(&goal, Utc::now())
}

/// Runs off the main thread so the window stays responsive (and shows progress) meanwhile.
#[tauri::command]
pub async fn export_plan(
    backend: State<'_, Backend>,
    id: String,
    format: Format,
    path: Option<PathBuf>,
) -> Result<Exported> {
    backend.export(&id, format, path, Utc::now())
}

#[tauri::command]
pub fn open_exported(backend: State<'_, Backend>, path: String) -> Result<()> {
    let path = backend.exported_file(&path)?;
    tauri_plugin_opener::open_path(&path, None::<&str>).map_err(|e| opener_error(&path, e))
}

#[tauri::command]
pub fn show_exported(backend: State<'_, Backend>, path: String) -> Result<()> {
    let path = backend.exported_file(&path)?;
    tauri_plugin_opener::reveal_item_in_dir(&path).map_err(|e| opener_error(&path, e))
}

fn opener_error(path: &std::path::Path, e: tauri_plugin_opener::Error) -> ApiError {
    ApiError {
        code: stepwise::ErrorCode::Io,
        message: format!("cannot open {}: {e}", path.display()),
        problems: vec![],
    }
}
