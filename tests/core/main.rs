//! Integration tests of the core, against real SQLite files in temporary folders. One test
//! binary with shared fixtures.

mod cli;
mod crash;
mod export_pdf;
mod export_xlsx;
mod forms;
mod maturity;
mod planfile;
mod store;

use chrono::{DateTime, TimeZone, Utc};
use std::path::PathBuf;
use stepwise::Store;

/// A fixed moment, so plans built in tests do not depend on the day they run.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
}

pub struct TempDb {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl Default for TempDb {
    fn default() -> Self {
        Self::new()
    }
}

impl TempDb {
    pub fn new() -> TempDb {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("stepwise.db");
        TempDb { dir, path }
    }

    pub fn open(&self) -> Store {
        Store::open(&self.path).expect("the test database opens")
    }
}
