//! Every file Stepwise reads or writes on a person's behalf goes through here: exports (PDF,
//! XLSX, plan file, scoring forms) are written by [`write_atomic`], imports (plan files,
//! scoring forms, score tables) are read by [`read_input`].
//!
//! A write never leaves half a file, never lands on the database in use, and replaces only a
//! regular file the person may change, keeping its permissions. A read looks at what the path
//! is and how big it is before reading a byte, so a device, a pipe or a huge file is refused at
//! once instead of hanging or filling memory.

use crate::error::{Error, Result};
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Our temporary files start with this, so a later write can tell ours from anyone else's and
/// clear away those a killed process left behind.
pub const TEMP_PREFIX: &str = ".stepwise-partial-";
const TEMP_SUFFIX: &str = ".tmp";

/// The longest file name most file systems accept, in bytes.
pub const MAX_FILE_NAME: usize = 255;

fn refuse(path: &Path, kind: ErrorKind, why: impl Into<String>) -> Error {
    Error::io(
        format!("cannot write {}", path.display()),
        std::io::Error::new(kind, why.into()),
    )
}

/// Writes `bytes` to `path`: into a temporary file beside it, synced, then renamed into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let shown = path.display();
    let existing_mode = check_target(path)?;
    let dir = folder_of(path);
    remove_stale_temporaries(dir);
    let mut tmp = claim_temporary(dir)
        .map_err(|e| Error::io(format!("cannot write to the folder {}", dir.display()), e))?;
    tmp.write_all(bytes)
        .and_then(|_| set_mode(tmp.as_file(), existing_mode))
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| Error::io(format!("cannot write {shown}"), e))?;
    tmp.persist(path)
        .map_err(|e| Error::io(format!("cannot write {shown}"), e.error))?;
    sync_folder(dir);
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Refuses what must not be replaced; for a regular file that may be, answers its mode so the
/// new file keeps it.
fn check_target(path: &Path) -> Result<Option<u32>> {
    if path.file_name().is_none() {
        return Err(refuse(path, ErrorKind::InvalidInput, "it names no file"));
    }
    if let Some(db) = database_at(path) {
        return Err(refuse(
            path,
            ErrorKind::AlreadyExists,
            format!(
                "it is {}, part of the Stepwise database in use; writing there would destroy \
                 every plan — choose another name",
                db.display()
            ),
        ));
    }
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            let dir = folder_of(path);
            return match std::fs::metadata(dir) {
                Ok(d) if d.is_dir() => Ok(None),
                Ok(_) => Err(refuse(
                    path,
                    ErrorKind::NotADirectory,
                    format!("{} is not a folder", dir.display()),
                )),
                Err(e) => Err(Error::io(
                    format!("cannot write to the folder {}", dir.display()),
                    e,
                )),
            };
        }
        Err(e) => return Err(Error::io(format!("cannot write {}", path.display()), e)),
    };
    let kind = meta.file_type();
    if kind.is_symlink() {
        return Err(refuse(
            path,
            ErrorKind::InvalidInput,
            "it is a symbolic link; Stepwise replaces only regular files — save to the file it \
             points to, or under another name",
        ));
    }
    if kind.is_dir() {
        return Err(refuse(path, ErrorKind::IsADirectory, "it is a folder"));
    }
    if !kind.is_file() {
        return Err(refuse(
            path,
            ErrorKind::InvalidInput,
            "it is not a regular file (a device, pipe or socket); choose a file name",
        ));
    }
    if meta.permissions().readonly() {
        return Err(refuse(
            path,
            ErrorKind::PermissionDenied,
            "the file is read-only; make it writable or choose another name",
        ));
    }
    // Replacing goes through a rename, which the folder allows even when the file itself is
    // someone else's: ask the file.
    if let Err(e) = std::fs::OpenOptions::new().write(true).open(path) {
        return Err(refuse(
            path,
            e.kind(),
            format!("you may not change this file ({e}); choose another name"),
        ));
    }
    Ok(Some(mode_of(&meta)))
}

#[cfg(unix)]
fn mode_of(meta: &std::fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
fn mode_of(_meta: &std::fs::Metadata) -> u32 {
    0
}

/// A temporary file is private (0600). A new export is a document people pass around, so it
/// gets the permissions any saved document would have; a replaced file keeps its own.
#[cfg(unix)]
fn set_mode(file: &std::fs::File, existing: Option<u32>) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(existing.unwrap_or(0o644)))
}

#[cfg(not(unix))]
fn set_mode(_file: &std::fs::File, _existing: Option<u32>) -> std::io::Result<()> {
    Ok(())
}

/// Makes the rename itself survive a power cut; a folder that cannot be synced is no reason
/// to fail an export that is already complete.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

// ---------------------------------------------------------------------------------------------
// Temporary files. Each is locked (flock) for as long as its writer lives; the kernel drops the
// lock when the process dies, however it dies. A temporary of ours that nobody holds locked is
// therefore left over, and the next write to the folder removes it.

#[cfg(unix)]
fn claim_temporary(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    use std::os::unix::fs::MetadataExt;
    use std::os::unix::io::AsRawFd;
    loop {
        let tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(dir)?;
        // Blocking: a cleaner that got to it first holds the lock only to delete it.
        if unsafe { libc::flock(tmp.as_file().as_raw_fd(), libc::LOCK_EX) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        if tmp.as_file().metadata()?.nlink() > 0 {
            return Ok(tmp);
        }
        // Another write's cleaner took it for a leftover between creation and locking.
    }
}

#[cfg(not(unix))]
fn claim_temporary(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
}

/// Removes the temporaries of ours in `dir` that no live writer holds. Best effort: a folder
/// that cannot be listed still takes the export.
#[cfg(unix)]
pub fn remove_stale_temporaries(dir: &Path) {
    use std::os::unix::io::AsRawFd;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = std::fs::File::open(&path) else {
            continue;
        };
        let free = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0;
        if free {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(not(unix))]
pub fn remove_stale_temporaries(_dir: &Path) {}

// ---------------------------------------------------------------------------------------------
// The databases open in this process, so no export can be written over one of them.

static OPEN_DATABASES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Keeps exports off a database while it is open; dropping it lifts the protection.
#[derive(Debug)]
pub struct OpenDatabase(PathBuf);

impl OpenDatabase {
    pub fn new(path: &Path) -> OpenDatabase {
        let path = path.to_path_buf();
        open_databases().push(path.clone());
        OpenDatabase(path)
    }
}

impl Drop for OpenDatabase {
    fn drop(&mut self) {
        let mut open = open_databases();
        if let Some(i) = open.iter().position(|p| *p == self.0) {
            open.remove(i);
        }
    }
}

fn open_databases() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    OPEN_DATABASES.lock().unwrap_or_else(|p| p.into_inner())
}

/// The file of an open database (the database itself or one of SQLite's files beside it)
/// that `target` is, judged by identity: any spelling, symbolic link or hard link of it counts.
fn database_at(target: &Path) -> Option<PathBuf> {
    let open = open_databases().clone();
    open.iter()
        .flat_map(|db| {
            ["", "-wal", "-shm", "-journal"].map(|suffix| {
                let mut p = db.clone().into_os_string();
                p.push(suffix);
                PathBuf::from(p)
            })
        })
        .find(|file| same_file(target, file))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => same_identity(&x, &y, a, b),
        (Err(_), Err(_)) => match (resolved(a), resolved(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
        // One exists and the other does not: two different files.
        _ => false,
    }
}

#[cfg(unix)]
fn same_identity(x: &std::fs::Metadata, y: &std::fs::Metadata, _a: &Path, _b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    x.dev() == y.dev() && x.ino() == y.ino()
}

#[cfg(not(unix))]
fn same_identity(_x: &std::fs::Metadata, _y: &std::fs::Metadata, a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// A path that does not exist (yet), spelled from its real folder: `..`, `.` and links in the
/// folder resolved.
fn resolved(path: &Path) -> Option<PathBuf> {
    let dir = folder_of(path).canonicalize().ok()?;
    Some(dir.join(path.file_name()?))
}

// ---------------------------------------------------------------------------------------------
// Reading.

/// What a person may hand Stepwise to read, and the most of each it will read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    PlanFile,
    ScoringForm,
    ScoresCsv,
}

impl Input {
    pub fn limit(self) -> u64 {
        match self {
            Input::PlanFile => crate::planfile::MAX_BYTES as u64,
            // A form for the whole model is tens of kilobytes.
            Input::ScoringForm => 16 * 1024 * 1024,
            // One line per rater and sub-facet.
            Input::ScoresCsv => 16 * 1024 * 1024,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Input::PlanFile => "a plan file",
            Input::ScoringForm => "a scoring form",
            Input::ScoresCsv => "a table of scores",
        }
    }
}

/// Reads a file a person chose: only a regular file, only up to the input's limit. The type
/// and size are looked at on the opened file before anything is read, and at most one byte
/// past the limit is ever read, so a file that grows meanwhile is refused too.
pub fn read_input(path: &Path, input: Input) -> Result<Vec<u8>> {
    let context = || format!("cannot read {}", path.display());
    let refused =
        |why: String| Error::io(context(), std::io::Error::new(ErrorKind::InvalidInput, why));
    let file = open_for_reading(path).map_err(|e| Error::io(context(), e))?;
    let meta = file.metadata().map_err(|e| Error::io(context(), e))?;
    if meta.is_dir() {
        return Err(refused(format!("it is a folder, not {}", input.label())));
    }
    if !meta.is_file() {
        return Err(refused(format!(
            "it is not a regular file (a device, pipe or socket), so it cannot be {}",
            input.label()
        )));
    }
    let limit = input.limit();
    let too_big = |size: u64| {
        refused(format!(
            "it is {}; {} is at most {}",
            size_text(size),
            input.label(),
            size_text(limit)
        ))
    };
    if meta.len() > limit {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(context(), e))?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Opening a FIFO for reading waits for a writer; non-blocking, it returns at once and the
/// type check refuses it. Regular files ignore the flag.
#[cfg(unix)]
fn open_for_reading(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_for_reading(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

fn size_text(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= 1024 * MB {
        format!("{:.1} GB", bytes as f64 / (1024 * MB) as f64)
    } else if bytes >= MB {
        format!("{} MB", bytes / MB)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

// ---------------------------------------------------------------------------------------------
// Names.

/// `name` cut to at most `max` bytes on a character boundary, so a long plan or assessment
/// name (or one in a script of three bytes a character) still makes a valid file name.
pub fn truncate_bytes(name: &str, max: usize) -> &str {
    if name.len() <= max {
        return name;
    }
    let mut end = max;
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}
