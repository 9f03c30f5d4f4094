//! What the desktop app works on: the store plus, for each plan opened in this run, the plan
//! as last read and the history of its edits, so any edit can be undone and redone.
//!
//! An edit writes only the rows it changes, and the store returns those rows as they were
//! (a journal); undo writes them back. So an edit costs what it changes, not what the plan
//! holds, and the history holds the rows edits touched rather than copies of the plan. The
//! plan kept in memory is patched from the same journal instead of being read again.

mod figures;

use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::figures::{
    measure_standing, measure_standings, MaturityHeadline, MeasureStanding, StatusCount,
};
use crate::model::{Entity, Goal, Id, Kind, Plan, PlanSettings};
use crate::progress::{Step, StepChecks, StepProgress};
use crate::smart::{goal_findings, Finding};
use crate::store::{Journal, Store};
use chrono::{DateTime, Utc};
use figures::{Figures, Touched};
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
    /// The checks behind `steps`, for the screens that tick their parts (governance's
    /// sections, each audience's key messages) with the navigator's own figures.
    pub checks: Vec<StepChecks>,
    /// The maturity headline, in the words the PDF and the XLSX use.
    pub maturity: Option<Box<MaturityHeadline>>,
    /// The measures counted by status, in the reports' order.
    pub measure_tally: Vec<StatusCount>,
    /// What keeps each goal from being SMART, by goal id.
    pub goal_findings: HashMap<Id, Vec<Finding>>,
    /// Where each success measure stands today (status, staleness), by measure id.
    pub measure_status: HashMap<Id, MeasureStanding>,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// What an edit changed, for screens that hold the plan already.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PlanChanges {
    /// The plan's name and settings, when the edit changed them.
    pub name: Option<String>,
    pub settings: Option<PlanSettings>,
    pub updated_at: DateTime<Utc>,
    /// Records added or changed; one not yet in its list goes at the end.
    pub put: Vec<Entity>,
    pub removed: Vec<RecordRef>,
    /// Lists whose order changed, as the ids in their new order.
    pub order: Vec<ListOrder>,
    /// The progress and checks of the steps whose checks the edit changed; the others stand.
    pub steps: Vec<StepProgress>,
    pub checks: Vec<StepChecks>,
    pub maturity: Option<Box<MaturityHeadline>>,
    pub measure_tally: Vec<StatusCount>,
    /// Findings of the goals the edit touched.
    pub goal_findings: HashMap<Id, Vec<Finding>>,
    /// Standing of the measures the edit touched (or whose check-ins it touched).
    pub measure_status: HashMap<Id, MeasureStanding>,
    pub can_undo: bool,
    pub can_redo: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RecordRef {
    pub kind: Kind,
    pub id: Id,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ListOrder {
    pub kind: Kind,
    pub ids: Vec<Id>,
}

/// The answer to a change: what changed, or the whole state where that is simpler or safer.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum PlanUpdate {
    Whole(Box<PlanState>),
    Changes(Box<PlanChanges>),
}

/// What a patch of the plan in memory touched.
struct Patched {
    records: Vec<(Kind, String)>,
    reordered: Vec<Kind>,
    plan_row: bool,
    /// The steps whose checks changed; all of them when the figures were counted afresh.
    steps: Vec<Step>,
}

/// A plan opened in this run: as last read or patched, and its figures once counted.
struct Open {
    plan: Plan,
    figures: Option<Figures>,
}

impl Open {
    /// The figures as of `today`, counted whole the first time.
    fn figures(&mut self, today: chrono::NaiveDate) -> &Figures {
        let plan = &self.plan;
        let figures = self.figures.get_or_insert_with(|| Figures::of(plan, today));
        figures.refresh(plan, today, &Touched::default());
        figures
    }
}

/// One step of the history: the rows an edit changed. Every write, intents included, is
/// edits, so every step is rows.
enum Entry {
    Rows(Journal),
}

impl Entry {
    fn bytes(&self) -> usize {
        match self {
            Entry::Rows(j) => j.bytes(),
        }
    }
}

#[derive(Default)]
struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
}

pub struct Workspace {
    store: Store,
    history: HashMap<Id, History>,
    /// Plans as last read or patched, with the store's data version they were read at.
    plans: HashMap<Id, Open>,
    data_version: i64,
}

impl Workspace {
    pub fn new(store: Store) -> Workspace {
        Workspace {
            store,
            history: HashMap::new(),
            plans: HashMap::new(),
            data_version: 0,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store, to write to directly; the plans kept in memory are read again afterwards.
    pub fn store_mut(&mut self) -> &mut Store {
        self.plans.clear();
        &mut self.store
    }

    /// The plan as stored, from memory when no other connection has written since.
    fn plan(&mut self, plan_id: &str) -> Result<&mut Open> {
        let version = self.store.data_version()?;
        if version != self.data_version {
            self.plans.clear();
            self.data_version = version;
        }
        if !self.plans.contains_key(plan_id) {
            let plan = self.store.plan(plan_id)?;
            self.plans.insert(
                plan_id.to_string(),
                Open {
                    plan,
                    figures: None,
                },
            );
        }
        Ok(self.plans.get_mut(plan_id).expect("inserted above"))
    }

    /// The plan as stored, from memory when no other connection has written since.
    pub fn current(&mut self, plan_id: &str) -> Result<&Plan> {
        Ok(&self.plan(plan_id)?.plan)
    }

    /// The plan as the screens show it, as of `now`.
    pub fn state(&mut self, plan_id: &str, now: DateTime<Utc>) -> Result<PlanState> {
        let (can_undo, can_redo) = self.can_step(plan_id);
        let open = self.plan(plan_id)?;
        Ok(plan_state(open, now, can_undo, can_redo))
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
        self.plan(plan_id)?;
        let journal = self.store.apply_journaled(plan_id, edits, now)?;
        self.patch(&journal, false, now)?;
        self.record(plan_id, Entry::Rows(journal));
        self.state(plan_id, now)
    }

    /// `apply`, answering with what changed rather than the whole plan: the screens lay it
    /// over the plan they hold, so an edit's answer stays small however large the plan.
    pub fn apply_changes(
        &mut self,
        plan_id: &str,
        edits: &[Edit],
        now: DateTime<Utc>,
    ) -> Result<PlanUpdate> {
        if edits.is_empty() {
            return Ok(PlanUpdate::Whole(Box::new(self.state(plan_id, now)?)));
        }
        self.plan(plan_id)?;
        let journal = self.store.apply_journaled(plan_id, edits, now)?;
        let patched = self.patch(&journal, false, now)?;
        self.record(plan_id, Entry::Rows(journal));
        self.update(plan_id, &patched, now)
    }

    /// What the screens need to catch up with a patch of the plan in memory.
    fn update(
        &mut self,
        plan_id: &str,
        patched: &Patched,
        now: DateTime<Utc>,
    ) -> Result<PlanUpdate> {
        let (can_undo, can_redo) = self.can_step(plan_id);
        let open = self.plan(plan_id)?;
        // A change to an assessment can reveal scores the screens have not seen, and a blind
        // score must never be sent: such an edit is answered with the whole (filtered) state.
        if patched
            .records
            .iter()
            .any(|(k, _)| matches!(k, Kind::Assessment | Kind::Rating | Kind::Rater))
        {
            return Ok(PlanUpdate::Whole(Box::new(plan_state(
                open, now, can_undo, can_redo,
            ))));
        }
        let today = now.date_naive();
        let figures = open.figures(today);
        let (steps, checks) = figures.of_steps(&patched.steps);
        let (maturity, measure_tally) = (figures.maturity.clone(), figures.measure_tally.clone());
        let plan = &open.plan;
        let mut changes = PlanChanges {
            name: patched.plan_row.then(|| plan.name.clone()),
            settings: patched.plan_row.then(|| plan.settings.clone()),
            updated_at: plan.updated_at,
            put: Vec::new(),
            removed: Vec::new(),
            order: patched
                .reordered
                .iter()
                .map(|k| ListOrder {
                    kind: *k,
                    ids: plan.ids(*k),
                })
                .collect(),
            steps,
            checks,
            maturity,
            measure_tally,
            goal_findings: HashMap::new(),
            measure_status: HashMap::new(),
            can_undo,
            can_redo,
        };
        let mut measures: std::collections::HashSet<String> = std::collections::HashSet::new();
        for (kind, id) in &patched.records {
            match plan.entity(*kind, id) {
                Some(e) => {
                    match &e {
                        Entity::Goal(g) => {
                            changes
                                .goal_findings
                                .insert(g.id.clone(), findings_for(g, now));
                        }
                        Entity::Measure(m) => {
                            measures.insert(m.id.clone());
                        }
                        Entity::CheckIn(c) => {
                            measures.insert(c.measure_id.clone());
                        }
                        _ => {}
                    }
                    changes.put.push(e);
                }
                None => changes.removed.push(RecordRef {
                    kind: *kind,
                    id: id.clone(),
                }),
            }
        }
        // A check-in removed with its measure still standing changes the measure's status.
        if changes.removed.iter().any(|r| r.kind == Kind::CheckIn) {
            measures.extend(plan.measures.iter().map(|m| m.id.clone()));
        }
        for id in measures {
            if let Some(m) = plan.measures.iter().find(|m| m.id == id) {
                changes
                    .measure_status
                    .insert(id, measure_standing(m, &plan.check_ins, today));
            }
        }
        Ok(PlanUpdate::Changes(Box::new(changes)))
    }

    /// Works out edits from the plan as it stands inside the write transaction (see
    /// `Store::apply_intent`) and applies them as one step of the history. The plan kept in
    /// memory is used when no other connection has written since it was read, so an intent
    /// costs no reading of the plan. Returns the edits applied, so a caller can tell what was
    /// created.
    pub fn apply_intent(
        &mut self,
        plan_id: &str,
        now: DateTime<Utc>,
        intent: impl FnOnce(&Plan) -> Result<Vec<Edit>>,
    ) -> Result<Vec<Edit>> {
        self.intent_step(plan_id, now, intent, true)
    }

    /// As `apply_intent`, but not a step of the history: an answer a rater gave on their own
    /// device is theirs, not something the facilitator's Undo should take back.
    pub fn apply_intent_outside_history(
        &mut self,
        plan_id: &str,
        now: DateTime<Utc>,
        intent: impl FnOnce(&Plan) -> Result<Vec<Edit>>,
    ) -> Result<Vec<Edit>> {
        self.intent_step(plan_id, now, intent, false)
    }

    fn intent_step(
        &mut self,
        plan_id: &str,
        now: DateTime<Utc>,
        intent: impl FnOnce(&Plan) -> Result<Vec<Edit>>,
        in_history: bool,
    ) -> Result<Vec<Edit>> {
        self.plan(plan_id)?;
        let known = self
            .plans
            .get(plan_id)
            .map(|o| (self.data_version, &o.plan));
        let (journal, edits) = self.store.apply_intent(plan_id, now, known, intent)?;
        if !edits.is_empty() {
            self.patch(&journal, false, now)?;
            if in_history {
                self.record(plan_id, Entry::Rows(journal));
            }
        }
        Ok(edits)
    }

    /// Whether undo and redo have anything to take back for this plan.
    fn can_step(&self, plan_id: &str) -> (bool, bool) {
        let history = self.history.get(plan_id);
        (
            history.is_some_and(|h| !h.undo.is_empty()),
            history.is_some_and(|h| !h.redo.is_empty()),
        )
    }

    fn record(&mut self, plan_id: &str, entry: Entry) {
        let history = self.history.entry(plan_id.to_string()).or_default();
        history.undo.push(entry);
        if history.undo.len() > UNDO_DEPTH {
            history.undo.remove(0);
        }
        history.redo.clear();
    }

    /// Brings the plan in memory up to date with the rows a journal names, reading just those
    /// rows back. A kind whose order may have changed (a move, rows put back by undo) is read
    /// whole.
    fn patch(&mut self, journal: &Journal, restored: bool, now: DateTime<Utc>) -> Result<Patched> {
        let mut patched = Patched {
            records: journal
                .rows()
                .map(|(k, id, _)| (k, id.to_string()))
                .collect(),
            reordered: Vec::new(),
            plan_row: journal.touched_plan(),
            steps: Vec::new(),
        };
        let Some(open) = self.plans.get_mut(&journal.plan_id) else {
            return Ok(patched);
        };
        let plan = &mut open.plan;
        let store = &self.store;
        let plan_id = journal.plan_id.as_str();
        let mut rows: HashMap<Kind, Vec<(String, Option<String>)>> = HashMap::new();
        let mut reload: std::collections::HashSet<Kind> = std::collections::HashSet::new();
        for (kind, id, before) in journal.rows() {
            let now_row = store.row(plan_id, kind, id)?;
            // Rows put back by undo return to their old places, wherever the list has them now.
            let moved = restored
                || matches!((&before, &now_row), (Some(b), Some(n)) if b.position != n.position);
            if moved {
                reload.insert(kind);
            }
            rows.entry(kind)
                .or_default()
                .push((id.to_string(), now_row.map(|r| r.body)));
        }
        for (kind, changed) in rows {
            let list = if reload.contains(&kind) {
                crate::store::ListPatch::Reload { store, plan_id }
            } else {
                crate::store::ListPatch::Rows(&changed)
            };
            plan.patch_list(kind, list)?;
        }
        if journal.touched_plan() {
            let row = store.plan_row(plan_id)?;
            plan.name = row.name;
            plan.settings = row.settings;
        }
        plan.updated_at = now;
        patched.reordered = reload.into_iter().collect();
        let touched = Touched {
            kinds: patched.records.iter().map(|(k, _)| *k).collect(),
            goals: patched
                .records
                .iter()
                .filter(|(k, _)| *k == Kind::Goal)
                .map(|(_, id)| id.clone())
                .collect(),
            settings: patched.plan_row,
            reordered: !patched.reordered.is_empty(),
        };
        patched.steps = match &mut open.figures {
            Some(figures) => figures.refresh(plan, now.date_naive(), &touched),
            // Counted whole when next asked for, so every step is news to the screens.
            None => Step::ALL.to_vec(),
        };
        Ok(patched)
    }

    /// Puts the plan back as it was before its latest edit in this run.
    pub fn undo(&mut self, plan_id: &str, now: DateTime<Utc>) -> Result<PlanState> {
        self.step_back(plan_id, now, true)
    }

    /// Applies again the edit undo took away.
    pub fn redo(&mut self, plan_id: &str, now: DateTime<Utc>) -> Result<PlanState> {
        self.step_back(plan_id, now, false)
    }

    fn step_back(&mut self, plan_id: &str, now: DateTime<Utc>, undo: bool) -> Result<PlanState> {
        let what = if undo { "undo" } else { "redo" };
        self.plan(plan_id)?;
        let history = self.history.entry(plan_id.to_string()).or_default();
        let from = if undo {
            &mut history.undo
        } else {
            &mut history.redo
        };
        let Some(entry) = from.pop() else {
            return Err(Error::invalid(what, format!("there is nothing to {what}")));
        };
        let back = match &entry {
            Entry::Rows(journal) => self
                .store
                .restore(journal, now)
                .and_then(|back| self.patch(journal, true, now).map(|_| Entry::Rows(back))),
        };
        let history = self.history.get_mut(plan_id).expect("entry made above");
        let (from, to) = if undo {
            (&mut history.undo, &mut history.redo)
        } else {
            (&mut history.redo, &mut history.undo)
        };
        match back {
            Ok(back) => to.push(back),
            Err(e) => {
                // Keep the history as it was, so the person can try again.
                from.push(entry);
                self.plans.remove(plan_id);
                return Err(e);
            }
        }
        self.state(plan_id, now)
    }

    /// How much memory the undo and redo history of a plan holds, in bytes (for benchmarks).
    pub fn history_bytes(&self, plan_id: &str) -> usize {
        self.history
            .get(plan_id)
            .map_or(0, |h| h.undo.iter().chain(&h.redo).map(Entry::bytes).sum())
    }

    /// Forgets the history of a plan that no longer exists.
    pub fn forget(&mut self, plan_id: &str) {
        self.history.remove(plan_id);
        self.plans.remove(plan_id);
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
    let assessment_of: std::collections::HashMap<&str, &crate::model::Assessment> = plan
        .raters
        .iter()
        .filter_map(|r| {
            let a = plan.assessments.iter().find(|a| a.id == r.assessment_id)?;
            Some((r.id.as_str(), a))
        })
        .collect();
    let shown: std::collections::HashSet<String> = plan
        .ratings
        .iter()
        .filter(|r| {
            assessment_of
                .get(r.rater_id.as_str())
                .is_some_and(|a| crate::maturity::rating_revealed(&plan, a, r))
        })
        .map(|r| r.id.clone())
        .collect();
    plan.ratings.retain(|r| shown.contains(&r.id));
    plan
}

fn plan_state(open: &mut Open, now: DateTime<Utc>, can_undo: bool, can_redo: bool) -> PlanState {
    let today = now.date_naive();
    let figures = open.figures(today);
    let (steps, checks) = figures.of_steps(&Step::ALL);
    let (maturity, measure_tally) = (figures.maturity.clone(), figures.measure_tally.clone());
    let plan = &open.plan;
    let goal_findings = plan
        .goals
        .iter()
        .map(|g| (g.id.clone(), findings_for(g, now)))
        .collect();
    let measure_status = measure_standings(plan, today);
    PlanState {
        steps,
        checks,
        maturity,
        measure_tally,
        plan: without_blind_scores(plan.clone()),
        goal_findings,
        measure_status,
        can_undo,
        can_redo,
    }
}
