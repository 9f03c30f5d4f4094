//! What the commands run: the workspace (store + undo history), the database path and the
//! files this run exported, with no Tauri types, so it is tested directly. A database that
//! cannot be opened does not stop the window from opening: every command then answers with the
//! reason, which the UI shows.

use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use stepwise::api::{self, Applied};
use stepwise::catalog::Catalog;
use stepwise::export::Format;
use stepwise::model::Goal;
use stepwise::smart::Finding;
use stepwise::workspace::{PlanState, PlanUpdate, Workspace};
use stepwise::{Edit, ErrorCode, Intent, PlanSummary, Problem, Store};
use ts_rs::TS;

/// An error as the UI receives it: a code from the core's closed set, a message a person can
/// act on, and (for refused input) each field with its reason so a form can point at it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub problems: Vec<Problem>,
}

impl From<stepwise::Error> for ApiError {
    fn from(e: stepwise::Error) -> Self {
        let problems = match &e {
            stepwise::Error::Invalid { problems } | stepwise::Error::PlanFile { problems } => {
                problems.clone()
            }
            _ => vec![],
        };
        ApiError {
            code: e.code(),
            message: e.to_string(),
            problems,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    /// The database in use, or `None` when no path could be worked out.
    pub db_path: Option<String>,
    /// Where exports go unless the person picks another place.
    pub export_dir: Option<String>,
    /// The system's paper, which the PDF uses unless the person picks the other.
    pub paper: stepwise::export::Paper,
}

/// A file an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Exported {
    pub path: String,
    pub bytes: u32,
    /// For a PDF: the characters it shows as empty boxes, said in a sentence, as the CLI says it.
    pub warning: Option<String>,
}

pub struct Backend {
    db_path: Option<PathBuf>,
    export_dir: Option<PathBuf>,
    /// Shared with the room's server, whose phones' answers go through the same workspace.
    workspace: Result<Arc<Mutex<Workspace>>, ApiError>,
    /// Only files this run wrote may be opened or shown from the UI.
    exported: Mutex<HashSet<PathBuf>>,
    /// The paths the person chose in a native dialog; the only ones outside the exports
    /// folder the UI may name.
    chosen: paths::Chosen,
    listed: std::sync::atomic::AtomicBool,
    /// What the audience window shows: only ever a payload the core built for the room.
    audience: Mutex<Option<stepwise::maturity::AudienceView>>,
    last_request: Mutex<Option<room::LastRequest>>,
    /// The room's server, while it is open.
    room: Mutex<Option<room::Hosted>>,
}

impl Backend {
    /// Opens the database at `db_path` and creates the demo plan if this database is new.
    pub fn start(db_path: Result<PathBuf, stepwise::Error>, now: DateTime<Utc>) -> Backend {
        let (db_path, store) = match db_path {
            Ok(path) => {
                let store = open(&path, now);
                (Some(path), store)
            }
            Err(e) => (None, Err(e.into())),
        };
        if let Err(e) = &store {
            tracing::error!(code = ?e.code, message = %e.message, "the database could not be opened");
        }
        Backend {
            db_path,
            export_dir: stepwise::paths::exports_dir().ok(),
            workspace: store.map(|s| Arc::new(Mutex::new(Workspace::new(s)))),
            exported: Mutex::new(HashSet::new()),
            chosen: paths::Chosen::default(),
            listed: std::sync::atomic::AtomicBool::new(false),
            audience: Mutex::new(None),
            last_request: Mutex::new(None),
            room: Mutex::new(None),
        }
    }

    /// Sends default exports to `dir` instead of the person's documents folder.
    pub fn with_export_dir(mut self, dir: PathBuf) -> Backend {
        self.export_dir = Some(dir);
        self
    }

    pub fn info(&self) -> AppInfo {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            db_path: self.db_path.as_ref().map(|p| p.display().to_string()),
            export_dir: self.export_dir.as_ref().map(|p| p.display().to_string()),
            paper: stepwise::export::Paper::of_system(),
        }
    }

    pub fn catalog(&self) -> &'static Catalog {
        stepwise::catalog::catalog()
    }

    pub fn list_plans(&self) -> Result<Vec<PlanSummary>, ApiError> {
        let plans = api::list_plans(&*self.workspace()?)?;
        // The first listing is what the first screen waits for: the log line marks the moment
        // the app became usable (the launch benchmark reads it).
        if !self.listed.swap(true, std::sync::atomic::Ordering::Relaxed) {
            tracing::info!(plans = plans.len(), "first screen ready");
        }
        Ok(plans)
    }

    /// Creates an empty plan and returns its id.
    pub fn create_plan(&self, name: &str, now: DateTime<Utc>) -> Result<String, ApiError> {
        let id = api::create_plan(&mut *self.workspace()?, name, now)?;
        tracing::info!(plan = %id, "plan created");
        Ok(id)
    }

    pub fn duplicate_plan(&self, id: &str, now: DateTime<Utc>) -> Result<String, ApiError> {
        Ok(api::duplicate_plan(&mut *self.workspace()?, id, None, now)?)
    }

    pub fn roll_forward(&self, id: &str, now: DateTime<Utc>) -> Result<String, ApiError> {
        let next = api::roll_forward(&mut *self.workspace()?, id, now)?;
        tracing::info!(plan = %id, next = %next, "plan rolled forward");
        Ok(next)
    }

    pub fn delete_plan(&self, id: &str) -> Result<(), ApiError> {
        api::delete_plan(&mut *self.workspace()?, id)?;
        tracing::info!(plan = %id, "plan deleted");
        Ok(())
    }

    /// Imports a plan file as a new plan and returns its id.
    pub fn import_plan(&self, path: &Path, now: DateTime<Utc>) -> Result<String, ApiError> {
        let path = self.open_path(path)?;
        let bytes = stepwise::files::read_input(&path, stepwise::files::Input::PlanFile)?;
        let id = api::import_plan(&mut *self.workspace()?, &bytes, now)?;
        tracing::info!(plan = %id, file = %path.display(), "plan imported");
        Ok(id)
    }

    pub fn plan_state(&self, id: &str, now: DateTime<Utc>) -> Result<PlanState, ApiError> {
        let state = api::plan_state(&mut *self.workspace()?, id, now)?;
        // The screen asks for the whole state when a plan opens; the launch benchmark waits
        // for this line before it measures the app with a plan open.
        tracing::info!(plan = %id, "plan opened");
        Ok(state)
    }

    pub fn apply(
        &self,
        id: &str,
        edits: &[Edit],
        now: DateTime<Utc>,
    ) -> Result<PlanUpdate, ApiError> {
        let update = api::apply_edits(&mut *self.workspace()?, id, edits, now)?;
        self.touched(id);
        Ok(update)
    }

    pub fn apply_intent(
        &self,
        id: &str,
        intent: &Intent,
        now: DateTime<Utc>,
    ) -> Result<Applied, ApiError> {
        let applied = api::apply_intent(&mut *self.workspace()?, id, intent, now)?;
        self.touched(id);
        Ok(applied)
    }

    pub fn undo(&self, id: &str, now: DateTime<Utc>) -> Result<PlanState, ApiError> {
        let state = api::undo(&mut *self.workspace()?, id, now)?;
        self.touched(id);
        Ok(state)
    }

    pub fn redo(&self, id: &str, now: DateTime<Utc>) -> Result<PlanState, ApiError> {
        let state = api::redo(&mut *self.workspace()?, id, now)?;
        self.touched(id);
        Ok(state)
    }

    pub fn goal_findings(&self, goal: &Goal, now: DateTime<Utc>) -> Vec<Finding> {
        stepwise::workspace::findings_for(goal, now)
    }

    /// Writes the plan to `path`, or to the exports folder under a dated name when no path is
    /// given, creating the folder if needed.
    pub fn export(
        &self,
        id: &str,
        format: Format,
        path: Option<PathBuf>,
        options: stepwise::export::ExportOptions,
        now: DateTime<Utc>,
    ) -> Result<Exported, ApiError> {
        let ws = self.workspace()?;
        let path = match path {
            Some(p) => self.save_path(&p)?,
            None => {
                let dir = match &self.export_dir {
                    Some(dir) => dir.clone(),
                    None => stepwise::paths::exports_dir()?,
                };
                std::fs::create_dir_all(&dir).map_err(|e| {
                    stepwise::Error::io(format!("cannot create {}", dir.display()), e)
                })?;
                let name = ws.store().plan_row(id)?.name;
                dir.join(stepwise::export::file_name(&name, format, now))
            }
        };
        let stepwise::export::Rendered { bytes, warning } =
            stepwise::export::render_with(ws.store(), id, format, now, options)?;
        drop(ws);
        stepwise::files::write_atomic(&path, &bytes)?;
        tracing::info!(plan = %id, file = %path.display(), "exported");
        self.exported_files().insert(path.clone());
        Ok(Exported {
            path: path.display().to_string(),
            bytes: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
            warning,
        })
    }

    /// The path, if this run exported it; anything else is refused so the UI cannot be made
    /// to open arbitrary files.
    pub fn exported_file(&self, path: &str) -> Result<PathBuf, ApiError> {
        let path = PathBuf::from(path);
        if self.exported_files().contains(&path) {
            Ok(path)
        } else {
            Err(stepwise::Error::not_found(format!("exported file {}", path.display())).into())
        }
    }

    fn exported_files(&self) -> MutexGuard<'_, HashSet<PathBuf>> {
        self.exported.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn workspace_shared(&self) -> Result<Arc<Mutex<Workspace>>, ApiError> {
        self.workspace
            .as_ref()
            .map(Arc::clone)
            .map_err(Clone::clone)
    }

    fn workspace(&self) -> Result<MutexGuard<'_, Workspace>, ApiError> {
        let ws = self.workspace.as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock cannot leave the store half-written (each edit is
        // its own transaction), so a poisoned lock is safe to keep using.
        Ok(ws.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}

fn open(path: &Path, now: DateTime<Utc>) -> Result<Store, ApiError> {
    let mut store = Store::open(path)?;
    if let Some(id) = stepwise::demo::ensure_demo(&mut store, now)? {
        tracing::info!(plan = %id, "created the demo plan in a new database");
    }
    tracing::info!(path = %path.display(), "database open");
    Ok(store)
}

mod audience;
pub mod maturity;
mod paths;
mod room;

#[cfg(test)]
mod tests;
