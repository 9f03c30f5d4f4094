//! The portable plan file: one plan as JSON, with a format name and a version, that another
//! copy of Stepwise imports as a new plan. A file is read in full and checked in full before
//! anything is written; every problem found is reported with its place in the document.

use crate::error::{Error, Problem, Result};
use crate::model::{new_id, Plan};
use crate::store::Store;
use crate::validate::plan_problems_at;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "stepwise-plan";
/// The version this build writes; files of any earlier version are upgraded on import.
pub const VERSION: u64 = crate::upgrade::DATA_VERSION as u64;
/// A real plan is a few hundred kilobytes; anything past this is not a plan.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    format: String,
    version: u64,
    exported_at: DateTime<Utc>,
    generator: String,
    plan: Plan,
}

/// The plan as a plan file.
pub fn to_json(plan: &Plan, now: DateTime<Utc>) -> String {
    let file = PlanFile {
        format: FORMAT.to_string(),
        version: VERSION,
        exported_at: now,
        generator: format!("Stepwise {}", env!("CARGO_PKG_VERSION")),
        plan: plan.clone(),
    };
    let mut text = serde_json::to_string_pretty(&file).expect("plans always serialize");
    text.push('\n');
    text
}

fn refuse(path: &str, reason: impl Into<String>) -> Error {
    Error::PlanFile {
        problems: vec![Problem {
            path: path.to_string(),
            reason: reason.into(),
        }],
    }
}

/// Reads and checks a plan file; the plan keeps the ids it had.
pub fn parse(bytes: &[u8]) -> Result<Plan> {
    if bytes.len() > MAX_BYTES {
        return Err(refuse(
            "",
            format!(
                "the file is {} MB; a plan file is at most {} MB",
                bytes.len() / (1024 * 1024),
                MAX_BYTES / (1024 * 1024)
            ),
        ));
    }
    // Editors on some systems start a UTF-8 file with a byte-order mark; JSON has no use for it.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        refuse(
            &format!("line {}, column {}", e.line(), e.column()),
            format!("not valid JSON ({e})"),
        )
    })?;
    let Some(top) = value.as_object() else {
        return Err(refuse(
            "$",
            "expected a JSON object with \"format\", \"version\" and \"plan\"",
        ));
    };
    match top.get("format") {
        Some(serde_json::Value::String(f)) if f == FORMAT => {}
        Some(serde_json::Value::String(f)) => {
            return Err(refuse(
                "$.format",
                format!("is \"{f}\", not \"{FORMAT}\": this is not a Stepwise plan file"),
            ))
        }
        Some(_) => return Err(refuse("$.format", format!("must be the text \"{FORMAT}\""))),
        None => {
            return Err(refuse(
                "$.format",
                "is missing: this is not a Stepwise plan file",
            ))
        }
    }
    let version = match top.get("version").map(|v| v.as_u64()) {
        Some(Some(v)) if (1..=VERSION).contains(&v) => v,
        Some(Some(v)) if v > VERSION => {
            return Err(refuse(
                "$.version",
                format!("the file is format version {v}, written by a newer Stepwise; this version reads version {VERSION} — update Stepwise to import it"),
            ))
        }
        Some(Some(v)) => return Err(refuse("$.version", format!("format version {v} is not one Stepwise has written"))),
        Some(None) => return Err(refuse("$.version", "must be a whole number")),
        None => return Err(refuse("$.version", "is missing")),
    };
    if let Some(plan) = value.get_mut("plan") {
        let steps = crate::upgrade::steps_after(crate::upgrade::STEPS, version as i64);
        crate::upgrade::upgrade_plan_file(steps, plan);
    }
    value["version"] = serde_json::Value::from(VERSION);
    let file: PlanFile = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        refuse(&format!("$.{path}"), e.into_inner().to_string())
    })?;
    let problems = plan_problems_at(&file.plan, "$.plan");
    if !problems.is_empty() {
        return Err(Error::PlanFile { problems });
    }
    Ok(file.plan)
}

/// Imports a plan file as a new plan; nothing is written if any of it is refused.
pub fn import(store: &mut Store, bytes: &[u8], now: DateTime<Utc>) -> Result<Plan> {
    let mut plan = parse(bytes)?;
    plan.id = new_id();
    plan.created_at = now;
    plan.updated_at = now;
    store.insert_plan(&plan)?;
    Ok(plan)
}

/// Exports a stored plan as a plan file.
pub fn export(store: &Store, plan_id: &str, now: DateTime<Utc>) -> Result<String> {
    Ok(to_json(&store.plan(plan_id)?, now))
}
