//! Integration tests of the core, against real SQLite files in temporary folders. One test
//! binary with shared fixtures.

mod anonymise;
mod badges;
mod board;
mod cli;
mod concurrency;
mod crash;
mod cycle;
mod export_docx;
mod export_pdf;
mod export_xlsx;
mod figures;
mod files;
mod firmness;
mod focus;
mod forms;
mod forms_trust;
mod generated;
mod maturity;
mod measures;
mod names;
mod open;
mod planfile;
mod room;
mod room_cli;
mod roomlog;
mod standards;
mod store;
mod upgrade;
mod workspace;

use chrono::{DateTime, TimeZone, Utc};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use stepwise::Store;

/// The names in a folder, sorted: what a test sees a command leave behind.
pub fn ls(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

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

/// Runs the `stepwise` binary on a test database, as a script would.
pub fn stepwise(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stepwise"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("STEPWISE_DB")
        .output()
        .expect("the CLI runs")
}

/// Creates the demo plan through the CLI and returns its id (the last line printed).
pub fn demo_via_cli(db: &Path) -> String {
    let out = stepwise(db, &["demo"]);
    assert!(
        out.status.success(),
        "`stepwise demo` failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines().last().unwrap_or_default().to_string()
}
