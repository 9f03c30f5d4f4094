//! What the commands run: the opened store and the database path, with no Tauri types, so it
//! is tested directly. A database that cannot be opened does not stop the window from
//! opening: every command then answers with the reason, which the UI shows.

use chrono::{DateTime, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use stepwise::{ErrorCode, PlanSummary, Store};

/// An error as the UI receives it: a code from the core's closed set and a message a person
/// can act on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl From<stepwise::Error> for ApiError {
    fn from(e: stepwise::Error) -> Self {
        ApiError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppInfo {
    pub version: String,
    /// The database in use, or `None` when no path could be worked out.
    pub db_path: Option<String>,
}

pub struct Backend {
    db_path: Option<PathBuf>,
    store: Result<Mutex<Store>, ApiError>,
}

impl Backend {
    /// Opens the database at `db_path` and creates the demo plan if this database is new.
    pub fn start(db_path: Result<PathBuf, stepwise::Error>, now: DateTime<Utc>) -> Backend {
        let store = match &db_path {
            Ok(path) => open(path, now),
            Err(e) => Err(ApiError {
                code: e.code(),
                message: e.to_string(),
            }),
        };
        if let Err(e) = &store {
            tracing::error!(code = ?e.code, message = %e.message, "the database could not be opened");
        }
        Backend {
            db_path: db_path.ok(),
            store: store.map(Mutex::new),
        }
    }

    pub fn list_plans(&self) -> Result<Vec<PlanSummary>, ApiError> {
        Ok(self.store()?.list_plans()?)
    }

    pub fn info(&self) -> AppInfo {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            db_path: self.db_path.as_ref().map(|p| p.display().to_string()),
        }
    }

    fn store(&self) -> Result<MutexGuard<'_, Store>, ApiError> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock cannot leave the store half-written (each edit is
        // its own transaction), so a poisoned lock is safe to keep using.
        Ok(store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2025-03-01T09:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_new_database_starts_with_the_demo_plan_listed() {
        let dir = tempfile::tempdir().unwrap();
        let backend = Backend::start(Ok(dir.path().join("new.db")), now());
        let plans = backend
            .list_plans()
            .expect("a fresh database lists its plans");
        assert_eq!(
            plans.len(),
            1,
            "the demo plan is created on first use: {plans:?}"
        );
        assert!(
            !plans[0].organisation.is_empty(),
            "the demo plan names its organisation"
        );
        assert_eq!(
            plans[0].steps.len(),
            10,
            "progress is reported for all ten steps"
        );
    }

    #[test]
    fn the_demo_plan_is_not_created_twice() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("twice.db");
        drop(Backend::start(Ok(path.clone()), now()));
        let plans = Backend::start(Ok(path), now()).list_plans().unwrap();
        assert_eq!(
            plans.len(),
            1,
            "a second start must not add another demo plan"
        );
    }

    #[test]
    fn a_foreign_file_is_reported_as_code_and_message_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(&path, b"just some notes, not a database").unwrap();
        let backend = Backend::start(Ok(path.clone()), now());
        let err = backend
            .list_plans()
            .expect_err("a foreign file must not be listed as plans");
        assert_eq!(err.code, ErrorCode::NotADatabase);
        assert!(
            err.message.contains("notes.db"),
            "the message names the file: {}",
            err.message
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"just some notes, not a database"
        );
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "not_a_database", "message": err.message})
        );
    }

    #[test]
    fn app_info_reports_the_database_in_use() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("info.db");
        let info = Backend::start(Ok(path.clone()), now()).info();
        assert_eq!(
            info.db_path.as_deref(),
            Some(path.display().to_string().as_str())
        );
        assert_eq!(info.version, env!("CARGO_PKG_VERSION"));
    }
}
