//! What the integrity check costs on open: `cargo bench --bench open`. Fills a database to
//! about 100 MB with demo plans, then times opening it (which runs `PRAGMA quick_check`), the
//! check alone, and the full `integrity_check` it stands in for.

mod support;

use chrono::Utc;
use rusqlite::{Connection, OpenFlags};
use stepwise::Store;
use support::{ms, time};

const TARGET_BYTES: u64 = 100 * 1024 * 1024;
const RUNS: usize = 5;

fn main() {
    let now = Utc::now();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    let mut store = Store::open(&path).unwrap();
    let mut plans = 0;
    while std::fs::metadata(&path).unwrap().len() < TARGET_BYTES {
        for _ in 0..20 {
            store.insert_plan(&stepwise::demo::demo_plan(now)).unwrap();
            plans += 1;
        }
    }
    drop(store);
    let size = std::fs::metadata(&path).unwrap().len();
    println!(
        "database: {plans} demo plans, {:.0} MB",
        size as f64 / (1024.0 * 1024.0)
    );

    let check = |pragma: &str| {
        let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let found: String = conn.query_row(pragma, [], |r| r.get(0)).unwrap();
        assert_eq!(found, "ok");
    };
    let rows = [
        (
            "open the store (quick_check included)",
            time(RUNS, |_| Store::open(&path).unwrap()),
        ),
        (
            "PRAGMA quick_check alone",
            time(RUNS, |_| check("PRAGMA quick_check")),
        ),
        (
            "PRAGMA integrity_check, for comparison",
            time(RUNS, |_| check("PRAGMA integrity_check")),
        ),
    ];
    for (name, d) in rows {
        println!("{name:<42} {:>12}", ms(d, 1));
    }
}
