//! One `tracing` subscriber for the app, writing to `stepwise-app.log` in the per-user data
//! folder (a file a user can send along with a bug report). Level: `STEPWISE_LOG`, default info.

use std::fs::{self, OpenOptions};
use std::path::PathBuf;
use std::sync::Mutex;
use tracing_subscriber::EnvFilter;

const FILE_NAME: &str = "stepwise-app.log";
/// Past this size the log is moved to `stepwise-app.log.1` at start, so it never grows unbounded.
const MAX_BYTES: u64 = 5 * 1024 * 1024;

/// Installs the subscriber and returns the log file, or logs to stderr when no file can be
/// opened (the app still runs).
pub fn init() -> Option<PathBuf> {
    let filter = EnvFilter::try_from_env("STEPWISE_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false);
    match open_log() {
        Some((path, file)) => {
            builder.with_writer(Mutex::new(file)).init();
            Some(path)
        }
        None => {
            builder.with_writer(std::io::stderr).init();
            None
        }
    }
}

fn open_log() -> Option<(PathBuf, fs::File)> {
    let dir = stepwise::paths::data_dir().ok()?;
    fs::create_dir_all(&dir).ok()?;
    let path = dir.join(FILE_NAME);
    if fs::metadata(&path).is_ok_and(|m| m.len() > MAX_BYTES) {
        let _ = fs::rename(&path, dir.join(format!("{FILE_NAME}.1")));
    }
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .ok()?;
    Some((path, file))
}
