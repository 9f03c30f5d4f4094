//! Kills a process in the middle of its edits, again and again, and checks after each kill
//! that the database is intact and holds every edit the process said was saved.

use crate::TempDb;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use stepwise::model::Goal;
use stepwise::{Edit, Entity, Store};

const CHILD_ENV: &str = "STEPWISE_CRASH_CHILD_DB";
const SLOTS: usize = 40;
const KILLS: usize = 100;

fn slot_id(n: usize) -> String {
    format!("slot-{}", n % SLOTS)
}

/// The child's side: only does anything when the parent starts it with the database path.
/// It edits goals in a loop, printing `saved N` after each edit returns.
#[test]
fn crash_child() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut store = Store::open(path.as_ref()).unwrap();
    let plan = store.list_plans().unwrap()[0].id.clone();
    let start: usize = std::env::var("STEPWISE_CRASH_START")
        .unwrap()
        .parse()
        .unwrap();
    for n in start.. {
        let mut goal = Goal::new(&format!("edit {n}"));
        goal.id = slot_id(n);
        goal.owner = format!("owner {n}");
        store
            .apply(
                &plan,
                &Edit::Put {
                    entity: Entity::Goal(goal),
                },
                crate::now(),
            )
            .unwrap();
        println!("saved {n}");
    }
}

/// A tiny deterministic generator for the kill moments, so a failure can be replayed.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn edits_reported_saved_survive_sigkill() {
    let db = TempDb::new();
    db.open().create_plan("Crash test", crate::now()).unwrap();
    let mut rng = XorShift(0x5eed_1234_abcd_0001);
    let mut last_saved: HashMap<String, usize> = HashMap::new();
    let mut next = 0usize;
    let mut total_saved = 0usize;
    for round in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "crash::crash_child",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env(CHILD_ENV, &db.path)
            .env("STEPWISE_CRASH_START", next.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        // Kill after a random number of reported edits (0 to 7) plus a random few
        // milliseconds, so the kill lands at every point of an edit's transaction.
        let wait_edits = (rng.next() % 8) as usize;
        let extra = Duration::from_micros(rng.next() % 4_000);
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(n) = line.strip_prefix("saved ") {
                    if tx.send(n.parse::<usize>().unwrap()).is_err() {
                        break;
                    }
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut saved = Vec::new();
        while saved.len() < wait_edits && Instant::now() < deadline {
            if let Ok(n) = rx.recv_timeout(Duration::from_millis(50)) {
                saved.push(n);
            }
        }
        std::thread::sleep(extra);
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        reader.join().unwrap();
        saved.extend(std::iter::from_fn(|| rx.try_recv().ok()));
        for n in &saved {
            last_saved.insert(slot_id(*n), *n);
        }
        total_saved += saved.len();

        let store = Store::open(&db.path).expect("the database opens after a kill");
        let ok: String = rusqlite::Connection::open(&db.path)
            .unwrap()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok", "round {round}: integrity check");
        let plan = store.plan(&store.list_plans().unwrap()[0].id).unwrap();
        let stored: HashMap<&str, usize> = plan
            .goals
            .iter()
            .map(|g| (g.id.as_str(), g.title["edit ".len()..].parse().unwrap()))
            .collect();
        for (slot, n) in &last_saved {
            let found = stored.get(slot.as_str()).copied();
            assert!(
                found.is_some_and(|f| f >= *n),
                "round {round}: {slot} was reported saved at edit {n} but holds {found:?}"
            );
        }
        next = stored
            .values()
            .copied()
            .max()
            .map_or(next, |m| m + 1)
            .max(next);
    }
    assert!(
        total_saved > KILLS,
        "the child made real progress between kills ({total_saved} edits)"
    );
}
