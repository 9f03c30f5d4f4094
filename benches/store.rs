//! Store benchmarks: `cargo bench --bench store`. Prints the median time of each operation a
//! person triggers, with 1, 100 and 1,000 plans in the database.

use chrono::Utc;
mod support;

use std::time::{Duration, Instant};
use stepwise::{planfile, Edit, Entity, Store};
use support::{ms, time};

const SIZES: [usize; 3] = [1, 100, 1_000];
const RUNS: usize = 21;

fn main() {
    let now = Utc::now();
    let names = [
        "open the store",
        "load the demo plan",
        "save one field",
        "export the plan file",
        "import the plan file",
        "list plans",
    ];
    let mut table: Vec<Vec<Duration>> = vec![Vec::new(); names.len()];
    for &n in &SIZES {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bench.db");
        let mut store = Store::open(&path).unwrap();
        let fill = Instant::now();
        let mut demo_id = String::new();
        for _ in 0..n {
            let plan = stepwise::demo::demo_plan(now);
            demo_id = plan.id.clone();
            store.insert_plan(&plan).unwrap();
        }
        eprintln!("{n} plans written in {:.1} s", fill.elapsed().as_secs_f64());
        let plan = store.plan(&demo_id).unwrap();
        let file = planfile::to_json(&plan, now);

        table[0].push(time(RUNS, |_| Store::open(&path).unwrap()));
        table[1].push(time(RUNS, |_| store.plan(&demo_id).unwrap()));
        let mut goal = plan.goals[0].clone();
        table[2].push(time(RUNS, |i| {
            goal.title = format!("Launch {i} badges");
            store
                .apply(
                    &demo_id,
                    &Edit::Put {
                        entity: Entity::Goal(goal.clone()),
                    },
                    now,
                )
                .unwrap()
        }));
        table[3].push(time(RUNS, |_| {
            planfile::export(&store, &demo_id, now).unwrap()
        }));
        table[4].push(time(RUNS, |_| {
            planfile::import(&mut store, file.as_bytes(), now).unwrap()
        }));
        table[5].push(time(RUNS, |_| store.list_plans().unwrap()));
    }
    println!("\nStepwise store, median of {RUNS} runs (release build)\n");
    println!("| operation | 1 plan | 100 plans | 1,000 plans | 1,000 ÷ 1 |");
    println!("|---|---:|---:|---:|---:|");
    for (name, row) in names.iter().zip(&table) {
        let ratio = row[2].as_secs_f64() / row[0].as_secs_f64().max(1e-9);
        println!(
            "| {name} | {} | {} | {} | {ratio:.1}× |",
            ms(row[0], 2),
            ms(row[1], 2),
            ms(row[2], 2)
        );
    }
}
