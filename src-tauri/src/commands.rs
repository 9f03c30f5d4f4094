//! The commands the UI may call. Each is a line over `Backend`; errors cross as `{code, message}`.

use crate::backend::{ApiError, AppInfo, Backend};
use stepwise::PlanSummary;
use tauri::State;

#[tauri::command]
pub fn list_plans(backend: State<'_, Backend>) -> Result<Vec<PlanSummary>, ApiError> {
    backend.list_plans()
}

#[tauri::command]
pub fn app_info(backend: State<'_, Backend>) -> AppInfo {
    backend.info()
}
