//! Which files the window may name. The webview runs script; should any ever get in, it must
//! not be able to read or overwrite a file of its choosing. So a path from the UI is taken
//! only if a native file dialog, opened by this process, returned it in this run (the
//! `choose_*` commands record it here), or if it lies in the exports folder, where Stepwise
//! itself writes. A path chosen to save to may be written; one chosen to open may be read.

use super::{ApiError, Backend};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The paths the person picked in a native dialog during this run.
#[derive(Default)]
pub struct Chosen {
    to_save: Mutex<HashSet<PathBuf>>,
    to_open: Mutex<HashSet<PathBuf>>,
}

fn lock(set: &Mutex<HashSet<PathBuf>>) -> MutexGuard<'_, HashSet<PathBuf>> {
    set.lock().unwrap_or_else(|p| p.into_inner())
}

fn refused(path: &Path, how: &str) -> ApiError {
    stepwise::Error::invalid(
        "path",
        format!("{} was not chosen in a file dialog; {how}", path.display()),
    )
    .into()
}

impl Backend {
    /// Records a path the person chose in a save dialog.
    pub fn chosen_to_save(&self, path: PathBuf) {
        lock(&self.chosen.to_save).insert(path);
    }

    /// Records a file the person chose in an open dialog.
    pub fn chosen_to_open(&self, path: PathBuf) {
        lock(&self.chosen.to_open).insert(path);
    }

    /// `path` if an export may be written there.
    pub(crate) fn save_path(&self, path: &Path) -> Result<PathBuf, ApiError> {
        if lock(&self.chosen.to_save).contains(path) || self.in_exports_folder(path) {
            Ok(path.to_path_buf())
        } else {
            Err(refused(path, "choose where to save with Save as…"))
        }
    }

    /// `dir` if scoring forms may be written into it.
    pub(crate) fn save_folder(&self, dir: &Path) -> Result<PathBuf, ApiError> {
        let is_exports = self.exports_dir().is_some_and(|e| same_folder(&e, dir));
        if is_exports || lock(&self.chosen.to_save).contains(dir) {
            Ok(dir.to_path_buf())
        } else {
            Err(refused(dir, "forms go to the exports folder"))
        }
    }

    /// `path` if a file may be read from there.
    pub(crate) fn open_path(&self, path: &Path) -> Result<PathBuf, ApiError> {
        if lock(&self.chosen.to_open).contains(path) || self.in_exports_folder(path) {
            Ok(path.to_path_buf())
        } else {
            Err(refused(path, "choose the file with Import…"))
        }
    }

    fn exports_dir(&self) -> Option<PathBuf> {
        self.export_dir
            .clone()
            .or_else(|| stepwise::paths::exports_dir().ok())
    }

    /// Directly in the exports folder, however spelled (`..`, links in the folder's path).
    fn in_exports_folder(&self, path: &Path) -> bool {
        let (Some(exports), Some(dir), Some(_)) =
            (self.exports_dir(), path.parent(), path.file_name())
        else {
            return false;
        };
        same_folder(&exports, dir)
    }
}

fn same_folder(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

#[cfg(test)]
#[path = "paths_tests.rs"]
mod tests;
