//! What the desktop app works on: the store plus, for each plan opened in this run, the
//! history of its edits, so any edit can be undone and redone. Undo puts back the whole plan as
//! it was before the edit, which is always right however far a delete reached (children,
//! links from elsewhere) and costs a few milliseconds for a plan of workshop size.

use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::model::{Goal, Id, Plan};
use crate::progress::{progress, StepProgress};
use crate::smart::{goal_findings, Finding};
use crate::status::{measure_status, MeasureStatus};
use crate::store::Store;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::HashMap;

/// How many edits back undo can reach, per plan.
pub const UNDO_DEPTH: usize = 200;

/// A plan with what the screens show beside it, computed by the core so the app and the
/// exports never disagree.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PlanState {
    /// The plan, less the scores of assessments not yet revealed.
    pub plan: Plan,
    pub steps: Vec<StepProgress>,
    /// What keeps each goal from being SMART, by goal id.
    pub goal_findings: HashMap<Id, Vec<Finding>>,
    /// Where each success measure stands today, by measure id.
    pub measure_status: HashMap<Id, MeasureStatus>,
    pub can_undo: bool,
    pub can_redo: bool,
}

#[derive(Default)]
struct History {
    undo: Vec<Plan>,
    redo: Vec<Plan>,
}

pub struct Workspace {
    store: Store,
    history: HashMap<Id, History>,
}

impl Workspace {
    pub fn new(store: Store) -> Workspace {
        Workspace {
            store,
            history: HashMap::new(),
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// The plan as the screens show it, as of `now`.
    pub fn state(&self, plan_id: &str, now: DateTime<Utc>) -> Result<PlanState> {
        let plan = self.store.plan(plan_id)?;
        let history = self.history.get(plan_id);
        Ok(plan_state(
            plan,
            now,
            history.is_some_and(|h| !h.undo.is_empty()),
            history.is_some_and(|h| !h.redo.is_empty()),
        ))
    }

    /// Applies `edits` as one step of the history: all of them or none.
    pub fn apply(
        &mut self,
        plan_id: &str,
        edits: &[Edit],
        now: DateTime<Utc>,
    ) -> Result<PlanState> {
        if edits.is_empty() {
            return self.state(plan_id, now);
        }
        let before = self.store.plan(plan_id)?;
        self.store.apply_all(plan_id, edits, now)?;
        self.record(plan_id, before);
        self.state(plan_id, now)
    }

    /// Runs a core action that writes to the store itself (add a rater, import a scoring
    /// form…) as one step of the history, so undo reaches it like any edit. Nothing is recorded
    /// when the action fails, and each action is one transaction, so nothing is half-written.
    pub fn change<T>(
        &mut self,
        plan_id: &str,
        now: DateTime<Utc>,
        action: impl FnOnce(&mut Store) -> Result<T>,
    ) -> Result<(T, PlanState)> {
        let before = self.store.plan(plan_id)?;
        let out = action(&mut self.store)?;
        if self.store.plan(plan_id)? != before {
            self.record(plan_id, before);
        }
        Ok((out, self.state(plan_id, now)?))
    }

    fn record(&mut self, plan_id: &str, before: Plan) {
        let history = self.history.entry(plan_id.to_string()).or_default();
        history.undo.push(before);
        if history.undo.len() > UNDO_DEPTH {
            history.undo.remove(0);
        }
        history.redo.clear();
    }

    /// Puts the plan back as it was before its latest edit in this run.
    pub fn undo(&mut self, plan_id: &str, now: DateTime<Utc>) -> Result<PlanState> {
        self.step_back(plan_id, now, |h| (&mut h.undo, &mut h.redo), "undo")
    }

    /// Applies again the edit undo took away.
    pub fn redo(&mut self, plan_id: &str, now: DateTime<Utc>) -> Result<PlanState> {
        self.step_back(plan_id, now, |h| (&mut h.redo, &mut h.undo), "redo")
    }

    fn step_back(
        &mut self,
        plan_id: &str,
        now: DateTime<Utc>,
        stacks: impl Fn(&mut History) -> (&mut Vec<Plan>, &mut Vec<Plan>),
        what: &str,
    ) -> Result<PlanState> {
        let current = self.store.plan(plan_id)?;
        let history = self.history.entry(plan_id.to_string()).or_default();
        let (from, to) = stacks(history);
        let Some(previous) = from.pop() else {
            return Err(Error::invalid(what, format!("there is nothing to {what}")));
        };
        if let Err(e) = self.store.restore_plan(&previous, now) {
            // Keep the history as it was, so the person can try again.
            let (from, _) = stacks(self.history.get_mut(plan_id).expect("entry made above"));
            from.push(previous);
            return Err(e);
        }
        to.push(current);
        self.state(plan_id, now)
    }

    /// Forgets the history of a plan that no longer exists.
    pub fn forget(&mut self, plan_id: &str) {
        self.history.remove(plan_id);
    }
}

/// The SMART findings on a goal as it is being typed, as of `now`.
pub fn findings_for(goal: &Goal, now: DateTime<Utc>) -> Vec<Finding> {
    goal_findings(goal, Some(now.date_naive()))
}

/// Drops the scores of assessments not yet revealed. The screens show blind scores only
/// through the maturity engine's per-viewer view; keeping them out of the plan the UI holds
/// means a rater at the laptop cannot find the others' scores in it either.
fn without_blind_scores(mut plan: Plan) -> Plan {
    let revealed: std::collections::HashSet<&str> = plan
        .assessments
        .iter()
        .filter(|a| a.revealed)
        .map(|a| a.id.as_str())
        .collect();
    let shown: std::collections::HashSet<String> = plan
        .raters
        .iter()
        .filter(|r| revealed.contains(r.assessment_id.as_str()))
        .map(|r| r.id.clone())
        .collect();
    plan.ratings.retain(|r| shown.contains(&r.rater_id));
    plan
}

fn plan_state(plan: Plan, now: DateTime<Utc>, can_undo: bool, can_redo: bool) -> PlanState {
    let today = now.date_naive();
    let goal_findings = plan
        .goals
        .iter()
        .map(|g| (g.id.clone(), findings_for(g, now)))
        .collect();
    let measure_status = plan
        .measures
        .iter()
        .map(|m| {
            let check_ins = plan.check_ins.iter().filter(|c| c.measure_id == m.id);
            (m.id.clone(), measure_status(m, check_ins, today))
        })
        .collect();
    PlanState {
        steps: progress(&plan),
        plan: without_blind_scores(plan),
        goal_findings,
        measure_status,
        can_undo,
        can_redo,
    }
}
