//! The demo plan: Saint-Aurèle University, a fictional mid-sized university part-way through
//! the pilot phase of its micro-credential program. It is what a consultant shows a client on
//! first launch, and what the tests, benchmarks and exports use, so it fills every step of the
//! journey with content that reads like a real strategy — and leaves a few things unfinished
//! (a measure off track, raters who disagree, ideas not yet measured) so that every check and
//! chart in the app has something to show.
//!
//! The plan is a plan file, `assets/demo/saint-aurele.stepwise.json`, read by the importer
//! users use. Its dates are expressions (see `dates`) resolved on the day the demo is created,
//! so the pilot is always under way, its check-ins always behind it, and the calendar's events
//! always on their own days.

mod dates;
mod stress;

pub use stress::stress_plan;

use crate::model::{new_id, Plan};
use crate::store::Store;
use chrono::{DateTime, Utc};

/// Set once a database has been offered the demo, so a deleted demo does not come back.
pub const DEMO_META_KEY: &str = "demo_offered";

/// The demo's plan file, dates unresolved.
pub const ASSET: &str = include_str!("../../assets/demo/saint-aurele.stepwise.json");

/// The demo's plan file with its dates resolved as of `now`: a plan file any copy of
/// Stepwise imports.
pub fn demo_file(now: DateTime<Utc>) -> Result<String, String> {
    let mut doc: serde_json::Value =
        serde_json::from_str(ASSET).map_err(|e| format!("the demo asset is not JSON: {e}"))?;
    dates::resolve_json(&mut doc, now.date_naive())?;
    Ok(doc.to_string())
}

/// The demo plan as of `now`, with a fresh id.
pub fn demo_plan(now: DateTime<Utc>) -> Plan {
    // The asset is built in and its tests read it on every creation day of a year, so a
    // failure here is a bug in this build, never in anyone's data.
    let file = demo_file(now).unwrap_or_else(|e| panic!("the built-in demo is broken: {e}"));
    let mut plan = crate::planfile::parse(file.as_bytes())
        .unwrap_or_else(|e| panic!("the built-in demo does not import: {e}"));
    plan.id = new_id();
    plan.created_at = now;
    plan.updated_at = now;
    plan
}

/// Creates the demo plan (used by `stepwise demo`).
pub fn create_demo(store: &mut Store, now: DateTime<Utc>) -> crate::Result<Plan> {
    let plan = demo_plan(now);
    store.insert_plan(&plan)?;
    Ok(plan)
}

/// On the first launch of a database that holds no plans, creates the demo plan and returns
/// its id. Either way the database is marked as offered, so a demo the user deleted — or a
/// database that already had plans of its own — never gets one later.
pub fn ensure_demo(store: &mut Store, now: DateTime<Utc>) -> crate::Result<Option<String>> {
    if store.meta(DEMO_META_KEY)?.is_some() {
        return Ok(None);
    }
    let created = if store.list_plans()?.is_empty() {
        Some(create_demo(store, now)?.id)
    } else {
        None
    };
    // Marked after the insert: if marking fails, the plan now present keeps the demo from
    // being offered twice anyway.
    store.set_meta(DEMO_META_KEY, &now.to_rfc3339())?;
    Ok(created)
}

#[cfg(test)]
mod tests;
