//! The one API every front end calls: the desktop shell's commands, the `stepwise` CLI and the
//! tests. Each function is a few lines over the core, takes the workspace and the time, and
//! returns what a front end shows; front ends only parse their input and print or send the
//! answer. Every write goes through `Workspace::apply` (edits) or `apply_intent` (an intent
//! worked out inside the write transaction), one undo step each.

mod maturity;

pub use maturity::*;

use crate::edit::Edit;
use crate::error::Result;
use crate::intent::{created, Intent};
use crate::model::{Id, Plan};
use crate::store::PlanSummary;
use crate::workspace::{PlanState, PlanUpdate, Workspace};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// What a write answers with: the plan state after it and, when it created a record (an
/// assessment, a rater, a phase, a goal), that record's id.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Applied {
    pub created: Option<Id>,
    pub state: PlanState,
}

/// Every plan, most recently edited first.
pub fn list_plans(ws: &Workspace) -> Result<Vec<PlanSummary>> {
    ws.store().list_plans()
}

/// The id of the one plan whose id starts with `prefix`.
pub fn resolve_plan(ws: &Workspace, prefix: &str) -> Result<Id> {
    ws.store().resolve_plan_id(prefix)
}

pub fn plan(ws: &Workspace, plan_id: &str) -> Result<Plan> {
    ws.store().plan(plan_id)
}

pub fn create_plan(ws: &mut Workspace, name: &str, now: DateTime<Utc>) -> Result<Id> {
    Ok(ws.store_mut().create_plan(name, now)?.id)
}

/// A copy of the plan under a new id, named `name` or "… (copy)".
pub fn duplicate_plan(
    ws: &mut Workspace,
    plan_id: &str,
    name: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Id> {
    Ok(ws.store_mut().duplicate_plan(plan_id, name, now)?.id)
}

/// Starts next cycle's plan from this one (see `crate::cycle`); answers the new plan's id.
/// The plan rolled forward stays as it is, the record of its cycle.
pub fn roll_forward(ws: &mut Workspace, plan_id: &str, now: DateTime<Utc>) -> Result<Id> {
    let plan = ws.store().plan(plan_id)?;
    let next = crate::cycle::roll_forward(&plan, now.date_naive(), now)?;
    ws.store_mut().insert_plan(&next)?;
    Ok(next.id)
}

/// Deletes the plan and forgets its undo history.
pub fn delete_plan(ws: &mut Workspace, plan_id: &str) -> Result<()> {
    ws.store_mut().delete_plan(plan_id)?;
    ws.forget(plan_id);
    Ok(())
}

/// Imports a plan file's bytes as a new plan.
pub fn import_plan(ws: &mut Workspace, bytes: &[u8], now: DateTime<Utc>) -> Result<Id> {
    Ok(crate::planfile::import(ws.store_mut(), bytes, now)?.id)
}

pub fn plan_state(ws: &mut Workspace, plan_id: &str, now: DateTime<Utc>) -> Result<PlanState> {
    ws.state(plan_id, now)
}

/// Applies edits as one undo step: all of them or none. Answers with what they changed.
pub fn apply_edits(
    ws: &mut Workspace,
    plan_id: &str,
    edits: &[Edit],
    now: DateTime<Utc>,
) -> Result<PlanUpdate> {
    ws.apply_changes(plan_id, edits, now)
}

/// Carries out an intent as one undo step, worked out from the plan inside the write
/// transaction.
pub fn apply_intent(
    ws: &mut Workspace,
    plan_id: &str,
    intent: &Intent,
    now: DateTime<Utc>,
) -> Result<Applied> {
    let edits = ws.apply_intent(plan_id, now, |plan| intent.edits(plan))?;
    Ok(Applied {
        created: intent.creates().and_then(|kind| created(kind, &edits)),
        state: ws.state(plan_id, now)?,
    })
}

pub fn undo(ws: &mut Workspace, plan_id: &str, now: DateTime<Utc>) -> Result<PlanState> {
    ws.undo(plan_id, now)
}

pub fn redo(ws: &mut Workspace, plan_id: &str, now: DateTime<Utc>) -> Result<PlanState> {
    ws.redo(plan_id, now)
}
