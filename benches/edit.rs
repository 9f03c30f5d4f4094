//! What one edit costs as a plan grows: `cargo bench --bench edit`. A field edit goes through
//! the workspace as the app sends it (durable on disk, the plan in memory patched, the answer
//! of what changed built) on the demo plan copied 1× to 167× (6 to 1,002 goals, and one size
//! with 1,020 measures for 204 goals), beside the cost of a bare durable SQLite commit measured
//! in the same run. Also the memory the undo history holds.

mod support;

use chrono::Utc;
use rusqlite::Connection;
use std::collections::HashMap;
use std::time::Duration;
use stepwise::model::{new_id, Plan};
use stepwise::workspace::Workspace;
use stepwise::{Edit, Entity, Store};
use support::{ms, percentile, samples};

const RUNS: usize = 300;
/// Copies of the demo's goals, and of their measures per copied goal: the demo as it is, 10×
/// and 100×, the 200 goals with 1,000 measures, and 1,000 goals.
const SCALES: [(usize, usize); 5] = [(1, 1), (10, 1), (34, 3), (100, 1), (167, 1)];

/// The demo with its goals copied `n` times over, each copy with its measures (and their
/// check-ins) copied `m` times.
fn scaled(n: usize, m: usize) -> Plan {
    let mut plan = stepwise::demo::demo_plan(Utc::now());
    let (goals, measures, check_ins) = (
        plan.goals.clone(),
        plan.measures.clone(),
        plan.check_ins.clone(),
    );
    for copy in 1..n {
        let mut ids: HashMap<String, String> = HashMap::new();
        for g in &goals {
            let mut g = g.clone();
            let id = new_id();
            ids.insert(g.id.clone(), id.clone());
            g.id = id;
            g.title = format!("{} ({copy})", g.title);
            plan.goals.push(g);
        }
        copy_measures(&mut plan, &measures, &check_ins, &ids, m);
    }
    // The demo's own goals get their extra measures too.
    let own: HashMap<String, String> = goals.iter().map(|g| (g.id.clone(), g.id.clone())).collect();
    copy_measures(&mut plan, &measures, &check_ins, &own, m - 1);
    plan
}

/// Adds `times` copies of `measures` (with their check-ins), each under the goal `goals` maps
/// its original goal to.
fn copy_measures(
    plan: &mut Plan,
    measures: &[stepwise::model::Measure],
    check_ins: &[stepwise::model::CheckIn],
    goals: &HashMap<String, String>,
    times: usize,
) {
    for _ in 0..times {
        let mut ids: HashMap<String, String> = HashMap::new();
        for m in measures {
            let mut m = m.clone();
            let id = new_id();
            ids.insert(m.id.clone(), id.clone());
            m.id = id;
            m.goal_id = goals[&m.goal_id].clone();
            plan.measures.push(m);
        }
        for c in check_ins {
            let mut c = c.clone();
            c.id = new_id();
            c.measure_id = ids[&c.measure_id].clone();
            plan.check_ins.push(c);
        }
    }
}

struct Row {
    label: String,
    edit: Vec<Duration>,
    durable: Vec<Duration>,
    undo_per_edit: usize,
    plan_bytes: usize,
}

fn main() {
    let now = Utc::now();
    let dir = tempfile::tempdir().unwrap();

    // The floor: one durable commit of one small row, on the same disk, in the same run.
    let bare = dir.path().join("bare.db");
    let conn = Connection::open(&bare).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
         CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO t VALUES (1, '');",
    )
    .unwrap();
    let commit = samples(RUNS, |i| {
        conn.execute(
            "UPDATE t SET body = ?1 WHERE id = 1",
            [format!("value {i}")],
        )
        .unwrap()
    });

    let mut rows = Vec::new();
    for &(n, m) in &SCALES {
        let plan = scaled(n, m);
        let path = dir.path().join(format!("plan-{n}.db"));
        let mut store = Store::open(&path).unwrap();
        store.insert_plan(&plan).unwrap();
        let id = plan.id.clone();
        let mut goal = plan.goals[plan.goals.len() / 2].clone();

        let mut ws = Workspace::new(store);
        ws.state(&id, now).unwrap();
        let edit = samples(RUNS, |i| {
            goal.title = format!("Award {i} badges by June");
            ws.apply_changes(
                &id,
                &[Edit::Put {
                    entity: Entity::Goal(goal.clone()),
                }],
                now,
            )
            .unwrap()
        });
        let undo_per_edit = ws.history_bytes(&id) / RUNS.min(stepwise::workspace::UNDO_DEPTH);

        let mut store = Store::open(&path).unwrap();
        let durable = samples(RUNS, |i| {
            goal.owner = format!("Owner {i}");
            store
                .apply_journaled(
                    &id,
                    &[Edit::Put {
                        entity: Entity::Goal(goal.clone()),
                    }],
                    now,
                )
                .unwrap()
        });
        rows.push(Row {
            label: format!(
                "{n}× demo{} ({} goals, {} measures)",
                if m > 1 {
                    format!(", {m}× measures")
                } else {
                    String::new()
                },
                plan.goals.len(),
                plan.measures.len()
            ),
            edit,
            durable,
            undo_per_edit,
            plan_bytes: stepwise::planfile::to_json(&plan, now).len(),
        });
    }

    println!("\nOne field edit, {RUNS} runs each (release build)\n");
    println!(
        "Baseline: a bare durable SQLite commit: median {}, p99 {}\n",
        ms(percentile(&commit, 0.5), 3),
        ms(percentile(&commit, 0.99), 3)
    );
    println!("| plan | durable write median | p99 | × bare commit | app edit (write + what changed) median | p99 | undo per edit | whole plan (old undo per edit) |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    let base = percentile(&commit, 0.5).as_secs_f64();
    for r in &rows {
        println!(
            "| {} | {} | {} | {:.1}× | {} | {} | {:.1} KB | {:.0} KB |",
            r.label,
            ms(percentile(&r.durable, 0.5), 3),
            ms(percentile(&r.durable, 0.99), 3),
            percentile(&r.durable, 0.5).as_secs_f64() / base,
            ms(percentile(&r.edit, 0.5), 3),
            ms(percentile(&r.edit, 0.99), 3),
            r.undo_per_edit as f64 / 1024.0,
            r.plan_bytes as f64 / 1024.0,
        );
    }
}
