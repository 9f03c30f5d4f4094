//! Where Stepwise keeps its data. Every path the app writes by default comes from here, and
//! each can be overridden, so tests and scripts never touch a person's real plans.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Names the database file to use instead of the default.
pub const DB_ENV: &str = "STEPWISE_DB";

/// Names the folder the app offers for exports instead of the default.
pub const EXPORT_DIR_ENV: &str = "STEPWISE_EXPORT_DIR";

/// Where the app saves exports unless the person picks another place: `STEPWISE_EXPORT_DIR`,
/// else a `Stepwise` folder in the person's documents (or home) folder.
pub fn exports_dir() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os(EXPORT_DIR_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    dirs::document_dir()
        .or_else(dirs::home_dir)
        .map(|d| d.join("Stepwise"))
        .ok_or_else(|| {
            Error::io(
                "cannot find the documents folder for exports",
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    format!("set {EXPORT_DIR_ENV} to the folder to use"),
                ),
            )
        })
}

/// The per-user data folder, e.g. `~/.local/share/stepwise` on Linux.
pub fn data_dir() -> Result<PathBuf> {
    dirs::data_dir().map(|d| d.join("stepwise")).ok_or_else(|| {
        Error::io(
            "cannot find the per-user data folder",
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("set {DB_ENV} to the database file to use"),
            ),
        )
    })
}

/// The database to open: the `--db` flag, else `STEPWISE_DB`, else the per-user default.
pub fn resolve_db_path(flag: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    match std::env::var_os(DB_ENV) {
        Some(p) if !p.is_empty() => Ok(PathBuf::from(p)),
        _ => Ok(data_dir()?.join("stepwise.db")),
    }
}
