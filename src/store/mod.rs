//! The SQLite store: one file holds every plan. Opening refuses anything that is not a
//! Stepwise database, or was written by a newer Stepwise, before writing a single byte to it.

mod journal;
mod plans;
mod records;

pub use journal::Journal;
pub(crate) use journal::ListPatch;
pub use plans::{PlanRow, PlanSummary, MAX_NAME};

use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Marks a SQLite file as ours (`PRAGMA application_id`), so a foreign database is told apart
/// from an empty one. "STPW" in ASCII.
pub const APPLICATION_ID: i64 = 0x5354_5057;

/// The schema version this build writes: the data version, which plan files share.
pub const SCHEMA_VERSION: i64 = crate::upgrade::DATA_VERSION;

pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// No export may be written over this database while it is open.
    _open: crate::files::OpenDatabase,
}

impl Store {
    /// Opens (creating if need be) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let shown = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::io(format!("cannot create the folder {}", dir.display()), e))?;
        }
        let found = if path.exists() { probe(path)? } else { 0 };
        // Before the backup: it is written beside the database.
        check_writable(path)?;
        if (1..SCHEMA_VERSION).contains(&found) {
            backup(path, found)?;
        }
        let conn = Connection::open(path).map_err(|e| Error::NotADatabase {
            path: shown.clone(),
            why: e.to_string(),
        })?;
        configure(&conn)?;
        let open = crate::files::OpenDatabase::new(&path.canonicalize().unwrap_or(path.into()));
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            _open: open,
        };
        store.migrate()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    fn migrate(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        // Checked again inside the write lock: another process may have upgraded meanwhile.
        if version > SCHEMA_VERSION {
            return Err(Error::NewerDatabase {
                path: self.path.display().to_string(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        if version < SCHEMA_VERSION {
            crate::upgrade::upgrade_database(
                &tx,
                crate::upgrade::steps_after(crate::upgrade::STEPS, version),
            )?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
            // The cached progress of each plan was counted by the older version's rules.
            plans::refresh_progress(&tx)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Changes whenever another connection commits to the database, so what was read from it
    /// can be kept until then.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }

    /// One record row as stored now.
    pub(crate) fn row(
        &self,
        plan_id: &str,
        kind: crate::model::Kind,
        id: &str,
    ) -> Result<Option<journal::RowImage>> {
        journal::read_row(&self.conn, plan_id, kind, id)
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}

/// Every connection gets the same settings: WAL so readers never block the writer, full sync
/// so an edit is on disk when the call returns, foreign keys so a plan cannot half-exist.
/// Writers take turns (each write holds the lock for one transaction), so a writer behind
/// several others waits its turn rather than losing its edit to "database is locked".
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(30))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Copies a database written by an earlier version to `<file>.bak-<version>` before it is
/// upgraded, so a person can always go back to the version they had. An earlier backup of the
/// same version is kept, and the new one takes the next free name.
fn backup(path: &Path, version: i64) -> Result<PathBuf> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let target = (1..)
        .map(|n| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!(".{n}")
            };
            path.with_file_name(format!("{name}.bak-{version}{suffix}"))
        })
        .find(|p| p.symlink_metadata().is_err())
        .expect("some name is free");
    let fail = |why: String| Error::Upgrade {
        path: path.display().to_string(),
        why: format!(
            "it could not be backed up to {} first ({why})",
            target.display()
        ),
    };
    // Read-write, though it only reads: a read-only connection to a WAL database leaves its
    // -wal and -shm files behind when it closes.
    let conn = Connection::open(path).map_err(|e| fail(e.to_string()))?;
    // VACUUM INTO copies what the database holds, committed WAL content included, as one
    // consistent file, where a file copy could catch a half-checkpointed state.
    if let Err(e) = conn.execute("VACUUM INTO ?1", [target.to_string_lossy()]) {
        // A copy cut short (a full disk) is no backup; it must not pass for one later.
        let _ = std::fs::remove_file(&target);
        return Err(fail(e.to_string()));
    }
    Ok(target)
}

/// Looks at an existing file without changing it, or creating anything beside it, and refuses
/// it unless it is a sound Stepwise database this version can open (or an empty file, which
/// becomes one). Returns its data version.
fn probe(path: &Path) -> Result<i64> {
    let shown = path.display().to_string();
    let refuse = |why: &str| Error::NotADatabase {
        path: shown.clone(),
        why: why.to_string(),
    };
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(refuse("it is not a regular file"));
    }
    let header = read_header(path)?;
    if header.is_empty() {
        return Ok(0);
    }
    if !header.starts_with(b"SQLite format 3\0") {
        return Err(refuse("it is not an SQLite file"));
    }
    let conn = open_untouched(path).map_err(|e| refuse(&e.to_string()))?;
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| refuse(&e.to_string()))?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| refuse(&e.to_string()))?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| refuse(&e.to_string()))?;
    // An application id is a claim, even on an empty database: only ours or none is ours.
    if app_id != APPLICATION_ID && (app_id != 0 || tables > 0 || version != 0) {
        return Err(refuse("it is an SQLite database of another application"));
    }
    if version > SCHEMA_VERSION {
        return Err(Error::NewerDatabase {
            path: shown,
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    check_integrity(&conn).map_err(|why| Error::Damaged { path: shown, why })?;
    Ok(version)
}

/// A read-only connection that leaves no trace: with no write-ahead log beside the file, it is
/// opened immutable, so SQLite creates no `-wal` or `-shm` file for a database it may refuse.
/// A log that is there holds committed changes (or a live writer's), so it is read with it.
fn open_untouched(path: &Path) -> rusqlite::Result<Connection> {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    if Path::new(&wal).exists() {
        return Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY);
    }
    match uri(path) {
        Some(uri) => Connection::open_with_flags(
            format!("{uri}?immutable=1"),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
        ),
        None => Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY),
    }
}

/// `path` as an SQLite `file:` URI, every byte that could be read as URI syntax escaped.
fn uri(path: &Path) -> Option<String> {
    let text = path.to_str()?;
    let mut out = String::from("file:");
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Some(out)
}

/// `PRAGMA quick_check`: every page and every record is well-formed, so a file edited or torn
/// behind SQLite's back is refused instead of being read without part of it. (About a second
/// per gigabyte; the full `integrity_check` also compares indexes and costs several times that.)
fn check_integrity(conn: &Connection) -> std::result::Result<(), String> {
    let mut stmt = conn
        .prepare("PRAGMA quick_check(5)")
        .map_err(|e| e.to_string())?;
    let found = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(|e| e.to_string())?;
    match found.as_slice() {
        [ok] if ok == "ok" => Ok(()),
        problems => Err(problems.join("; ").replace('\n', " ")),
    }
}

/// Says what is really wrong when the database cannot be written, before SQLite would turn it
/// into a vaguer error: SQLite keeps its journal beside the database, so both the file and
/// its folder must be writable.
fn check_writable(path: &Path) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let read_only = |what: String| {
        Error::io(
            format!("cannot use {} as the database", path.display()),
            std::io::Error::new(std::io::ErrorKind::PermissionDenied, what),
        )
    };
    if let Ok(meta) = std::fs::metadata(path) {
        if !writable(path, &meta) {
            return Err(read_only("the file is read-only".into()));
        }
    }
    match std::fs::metadata(dir) {
        Ok(meta) if !writable(dir, &meta) => Err(read_only(format!(
            "the folder {} is read-only, and Stepwise keeps its journal beside the database",
            dir.display()
        ))),
        _ => Ok(()),
    }
}

/// Writable by its mode bits (which a read-only marking sets even for an administrator) and
/// for this user.
#[cfg(unix)]
fn writable(path: &Path, meta: &std::fs::Metadata) -> bool {
    use std::os::unix::ffi::OsStrExt;
    if meta.permissions().readonly() {
        return false;
    }
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return true;
    };
    unsafe { libc::access(c_path.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn writable(_path: &Path, meta: &std::fs::Metadata) -> bool {
    !meta.permissions().readonly()
}

fn read_header(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    let mut buf = Vec::with_capacity(16);
    (&mut f)
        .take(16)
        .read_to_end(&mut buf)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    Ok(buf)
}
