//! Opening a database: a damaged file, a file another application claims, a database in WAL
//! mode that is refused, and a folder Stepwise may not write to are each refused with what is
//! really wrong, and left exactly as they were, with nothing created beside them.

use crate::{ls, now, TempDb};
use rusqlite::Connection;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use stepwise::store::SCHEMA_VERSION;
use stepwise::{ErrorCode, Store};

/// A closed database in rollback-journal mode, so the whole of it is in the one file.
fn one_file_database(db: &TempDb, plans: usize) {
    let mut store = db.open();
    for i in 0..plans {
        store.create_plan(&format!("Plan {i}"), now()).unwrap();
    }
    drop(store);
    let conn = Connection::open(&db.path).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
}

/// Takes two rows out of the `plans` table by lowering the cell count of its leaf pages, as an
/// editor, a torn copy or a bad sector could; SQLite itself reads on without complaint.
fn drop_two_rows(path: &Path) {
    let (root, page_size): (usize, usize) = {
        let conn = Connection::open(path).unwrap();
        let root: i64 = conn
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'plans'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let size: i64 = conn
            .pragma_query_value(None, "page_size", |r| r.get(0))
            .unwrap();
        (root as usize, size as usize)
    };
    let mut bytes = std::fs::read(path).unwrap();
    let at = |page: usize| (page - 1) * page_size;
    let u16_at = |b: &[u8], i: usize| u16::from_be_bytes([b[i], b[i + 1]]) as usize;
    let u32_at = |b: &[u8], i: usize| u32::from_be_bytes(b[i..i + 4].try_into().unwrap()) as usize;
    // The table's leaves (type 13), found through its interior pages (type 5).
    let mut leaves = Vec::new();
    let mut pending = vec![root];
    while let Some(page) = pending.pop() {
        let p = at(page);
        match bytes[p] {
            13 => leaves.push(p),
            5 => {
                let cells = u16_at(&bytes, p + 3);
                for c in 0..cells {
                    let cell = u16_at(&bytes, p + 12 + 2 * c);
                    pending.push(u32_at(&bytes, p + cell));
                }
                pending.push(u32_at(&bytes, p + 8));
            }
            other => panic!("page {page} of the plans table has type {other}"),
        }
    }
    let mut to_drop = 2;
    for p in leaves {
        let cells = u16_at(&bytes, p + 3);
        let n = cells.min(to_drop);
        bytes[p + 3..p + 5].copy_from_slice(&((cells - n) as u16).to_be_bytes());
        to_drop -= n;
        if to_drop == 0 {
            break;
        }
    }
    assert_eq!(to_drop, 0, "two rows were dropped");
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_database_is_refused_with_what_is_wrong_and_left_untouched() {
    let db = TempDb::new();
    one_file_database(&db, 5);
    drop_two_rows(&db.path);
    let before = std::fs::read(&db.path).unwrap();
    let err = Store::open(&db.path)
        .err()
        .expect("a damaged database must be refused");
    let text = err.to_string();
    assert_eq!(err.code(), ErrorCode::NotADatabase);
    assert!(text.contains("is damaged"), "{text}");
    assert!(text.contains("left untouched"), "{text}");
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
    assert_eq!(ls(db.dir.path()), vec!["stepwise.db"], "nothing beside it");

    let cli = crate::stepwise(&db.path, &["list"]);
    assert!(!cli.status.success());
    assert!(String::from_utf8_lossy(&cli.stderr).contains("is damaged"));
}

/// A database of another application, left in WAL mode as its owner closed it.
fn foreign_wal_database(path: &Path, schema: &str) {
    let conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.execute_batch(schema).unwrap();
}

/// Makes a database that will be refused, at the path given.
type MakeDatabase = fn(&Path);

fn foreign_in_wal_mode(p: &Path) {
    foreign_wal_database(
        p,
        "CREATE TABLE invoices (id INTEGER PRIMARY KEY); INSERT INTO invoices VALUES (1);",
    );
}

fn newer_in_wal_mode(p: &Path) {
    drop(Store::open(p).unwrap());
    let conn = Connection::open(p).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
}

fn damaged_in_wal_mode(p: &Path) {
    let mut store = Store::open(p).unwrap();
    for i in 0..5 {
        store.create_plan(&format!("Plan {i}"), now()).unwrap();
    }
    drop(store);
    drop_two_rows(p);
}

#[test]
fn a_refused_database_in_wal_mode_gets_nothing_created_beside_it() {
    let cases: [(&str, MakeDatabase); 3] = [
        ("another application", foreign_in_wal_mode),
        ("newer version", newer_in_wal_mode),
        ("is damaged", damaged_in_wal_mode),
    ];
    for (why, make) in cases {
        let db = TempDb::new();
        make(&db.path);
        let before = std::fs::read(&db.path).unwrap();
        assert_eq!(before[18], 2, "{why}: the file is in WAL mode");
        assert_eq!(ls(db.dir.path()), vec!["stepwise.db"], "{why}");
        let err = Store::open(&db.path).err().expect("refused");
        assert!(err.to_string().contains(why), "{why}: {err}");
        assert_eq!(
            ls(db.dir.path()),
            vec!["stepwise.db"],
            "{why}: no -wal or -shm was created"
        );
        assert_eq!(std::fs::read(&db.path).unwrap(), before, "{why}");
    }
}

#[test]
fn an_empty_database_claimed_by_another_application_is_not_taken_over() {
    let db = TempDb::new();
    {
        let conn = Connection::open(&db.path).unwrap();
        conn.pragma_update(None, "application_id", 0x4750_4B47)
            .unwrap();
    }
    let before = std::fs::read(&db.path).unwrap();
    assert!(!before.is_empty());
    let err = Store::open(&db.path).err().expect("refused");
    assert!(err.to_string().contains("another application"), "{err}");
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
}

#[test]
fn an_empty_sqlite_database_without_an_owner_becomes_ours() {
    let db = TempDb::new();
    drop(
        Connection::open(&db.path)
            .unwrap()
            .pragma_update(None, "user_version", 0),
    );
    let store = db.open();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

struct Mode<'a>(&'a Path, u32);

/// Sets a mode for the life of the guard, so a failed assertion does not leave a folder the
/// test runner cannot clean up.
impl<'a> Mode<'a> {
    fn set(path: &'a Path, mode: u32) -> Mode<'a> {
        let old = std::fs::metadata(path).unwrap().permissions().mode();
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
        Mode(path, old)
    }
}

impl Drop for Mode<'_> {
    fn drop(&mut self) {
        let _ = std::fs::set_permissions(self.0, std::fs::Permissions::from_mode(self.1));
    }
}

#[test]
fn a_read_only_folder_or_file_is_reported_as_such() {
    // An existing database in a read-only folder: SQLite needs its journal beside it.
    let db = TempDb::new();
    drop(db.open());
    let before = std::fs::read(&db.path).unwrap();
    {
        let _ro = Mode::set(db.dir.path(), 0o555);
        let err = Store::open(&db.path).err().expect("refused");
        let text = err.to_string();
        assert_eq!(err.code(), ErrorCode::Io, "{text}");
        assert!(text.contains("is read-only"), "{text}");
        assert!(!text.contains("not a Stepwise database"), "{text}");
        let new = db.dir.path().join("new.db");
        let err = Store::open(&new).err().expect("refused");
        assert!(err.to_string().contains("folder"), "{err}");
        assert!(err.to_string().contains("is read-only"), "{err}");
    }
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
    assert_eq!(ls(db.dir.path()), vec!["stepwise.db"]);

    let _ro = Mode::set(&db.path, 0o444);
    let err = Store::open(&db.path).err().expect("refused");
    assert!(err.to_string().contains("the file is read-only"), "{err}");
}
