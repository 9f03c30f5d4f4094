//! How data written by an earlier Stepwise becomes data this one reads. Databases and plan
//! files carry one version number, the data version; each step below takes data from the
//! version before it to its own, by changing the database's tables (SQL) and rewriting stored
//! JSON (a record's body, the plan's settings, or the plan object of a plan file). A database
//! is upgraded inside one transaction after a backup copy is made; a plan file is upgraded in
//! memory before it is checked. Both travel the same steps, so an old plan file and an old
//! database always become the same plan.
//!
//! To change what is stored: add a step (and, for a new table, its SQL under
//! `store/migrations/`), never edit an earlier one. Steps are frozen once released.

mod v2_milestone_status;
mod v3_room_log;
mod v4_measure_thresholds;
mod v5_asks_risks;
mod v6_standards;
mod v7_badges;
mod v8_cycle;
mod v9_scoring_rounds;

use crate::error::Result;
use rusqlite::{params, Transaction};
use serde_json::{Map, Value};

/// One stored JSON document as a step sees it, named by where it lives, not by a Rust type:
/// a step must keep working after the types it once upgraded have moved on.
pub enum Doc<'a> {
    /// The plan object of a plan file, before its settings and lists are visited (a step that
    /// adds a kind of record adds its empty list here).
    PlanFile(&'a mut Map<String, Value>),
    /// The plan's single-valued settings.
    Settings(&'a mut Value),
    /// One record, by the name of its list (the same as its table).
    Record { list: &'a str, body: &'a mut Value },
}

pub struct Step {
    /// The data version this step produces.
    pub to: i64,
    /// Changes to the database's tables; empty when only stored JSON changes.
    pub sql: &'static str,
    /// Rewrites each stored document from the version before.
    pub rewrite: Option<fn(Doc<'_>)>,
}

/// Every step, oldest first; step `i` produces version `i + 1`.
pub static STEPS: &[Step] = &[
    Step {
        to: 1,
        sql: include_str!("../store/migrations/001-initial.sql"),
        rewrite: None,
    },
    Step {
        to: 2,
        sql: "",
        rewrite: Some(v2_milestone_status::rewrite),
    },
    Step {
        to: 3,
        sql: include_str!("../store/migrations/003-room-log.sql"),
        rewrite: Some(v3_room_log::rewrite),
    },
    Step {
        to: 4,
        sql: "",
        rewrite: Some(v4_measure_thresholds::rewrite),
    },
    Step {
        to: 5,
        sql: include_str!("../store/migrations/005-asks-risks.sql"),
        rewrite: Some(v5_asks_risks::rewrite),
    },
    Step {
        to: 6,
        sql: include_str!("../store/migrations/006-standards.sql"),
        rewrite: Some(v6_standards::rewrite),
    },
    Step {
        to: 7,
        sql: include_str!("../store/migrations/007-badges.sql"),
        rewrite: Some(v7_badges::rewrite),
    },
    Step {
        to: 8,
        sql: include_str!("../store/migrations/008-reviews.sql"),
        rewrite: Some(v8_cycle::rewrite),
    },
    Step {
        to: 9,
        sql: include_str!("../store/migrations/009-scoring-rounds.sql"),
        rewrite: Some(v9_scoring_rounds::rewrite),
    },
];

/// The data version this build writes: `PRAGMA user_version` of a database and `version` of
/// a plan file.
pub const DATA_VERSION: i64 = 9;

const _: () = assert!(STEPS.len() as i64 == DATA_VERSION);

/// The steps that take data at version `from` to `DATA_VERSION`.
pub fn steps_after(steps: &'static [Step], from: i64) -> &'static [Step] {
    let from = from.clamp(0, steps.len() as i64) as usize;
    &steps[from..]
}

/// Upgrades the plan object of a plan file written at version `from`.
pub fn upgrade_plan_file(steps: &[Step], plan: &mut Value) {
    for step in steps {
        let Some(rewrite) = step.rewrite else {
            continue;
        };
        let Some(obj) = plan.as_object_mut() else {
            return;
        };
        rewrite(Doc::PlanFile(obj));
        if let Some(settings) = obj.get_mut("settings") {
            rewrite(Doc::Settings(settings));
        }
        for (list, records) in obj.iter_mut() {
            if let Value::Array(records) = records {
                for body in records {
                    rewrite(Doc::Record { list, body });
                }
            }
        }
    }
}

/// Upgrades a database's tables and stored JSON, inside the caller's transaction.
pub(crate) fn upgrade_database(tx: &Transaction, steps: &[Step]) -> Result<()> {
    for step in steps {
        if !step.sql.is_empty() {
            tx.execute_batch(step.sql)?;
        }
        if let Some(rewrite) = step.rewrite {
            rewrite_database(tx, rewrite)?;
        }
    }
    Ok(())
}

fn rewrite_database(tx: &Transaction, rewrite: fn(Doc<'_>)) -> Result<()> {
    let plans: Vec<(String, String)> = tx
        .prepare("SELECT id, settings FROM plans")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, text) in plans {
        if let Some(new) = rewritten(&text, |v| rewrite(Doc::Settings(v))) {
            tx.execute(
                "UPDATE plans SET settings = ?1 WHERE id = ?2",
                params![new, id],
            )?;
        }
    }
    // The record tables as the database has them, whatever kinds this build knows.
    let lists: Vec<String> = tx
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table'
             AND name NOT IN ('meta', 'plans') AND name NOT LIKE 'sqlite_%'",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for list in lists {
        // Table names come from sqlite_schema of our own database, quoted all the same.
        let quoted = format!("\"{}\"", list.replace('"', "\"\""));
        let rows: Vec<(String, String, String)> = tx
            .prepare(&format!("SELECT plan_id, id, body FROM {quoted}"))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut update = tx.prepare(&format!(
            "UPDATE {quoted} SET body = ?1 WHERE plan_id = ?2 AND id = ?3"
        ))?;
        for (plan_id, id, body) in rows {
            if let Some(new) = rewritten(&body, |body| rewrite(Doc::Record { list: &list, body })) {
                update.execute(params![new, plan_id, id])?;
            }
        }
    }
    Ok(())
}

/// The document after `f`, or `None` when it is unchanged (or not JSON, which the reader will
/// report with its place when the plan is loaded).
fn rewritten(text: &str, f: impl FnOnce(&mut Value)) -> Option<String> {
    let mut value: Value = serde_json::from_str(text).ok()?;
    let before = value.clone();
    f(&mut value);
    (value != before).then(|| value.to_string())
}

#[cfg(test)]
mod tests;
