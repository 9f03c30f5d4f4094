//! Plans as wholes: create, list, load, rename, duplicate, delete, write an imported plan,
//! and apply one edit. Each call is one transaction, on disk when it returns.

use super::journal::Journal;
use super::records::{self, StoreLoader, Unlink};
use super::Store;
use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::model::{Kind, Plan, PlanSettings};
use crate::progress::{progress, StepProgress};
use crate::record::{ListVisitor, Record, RecordVisitor};
use crate::validate;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use std::collections::HashSet;

/// A plan as the list of plans shows it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PlanSummary {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub steps: Vec<StepProgress>,
}

/// The plan's own row, without its records.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    pub id: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub settings: PlanSettings,
}

/// Longest plan name; it heads every page of the PDF, so it must stay a name.
pub const MAX_NAME: usize = 200;

fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("name", "a plan needs a name"));
    }
    if name.chars().count() > MAX_NAME {
        return Err(Error::invalid(
            "name",
            format!("is longer than {MAX_NAME} characters"),
        ));
    }
    if let Some(reason) = crate::record::not_one_line(name) {
        return Err(Error::invalid("name", reason));
    }
    Ok(name.to_string())
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plan parts always serialize")
}

fn parse<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("stored {what} cannot be read: {e}").into(),
        )
    })
}

fn plan_row(conn: &Connection, id: &str) -> Result<PlanRow> {
    conn.query_row(
        "SELECT id, name, created_at, updated_at, settings FROM plans WHERE id = ?1",
        [id],
        |r| {
            Ok(PlanRow {
                id: r.get(0)?,
                name: r.get(1)?,
                created_at: r.get(2)?,
                updated_at: r.get(3)?,
                settings: parse(&r.get::<_, String>(4)?, "plan settings")?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::not_found(format!("plan \"{id}\"")))
}

fn load_plan(conn: &Connection, id: &str) -> Result<Plan> {
    let row = plan_row(conn, id)?;
    let mut plan = Plan::new(&row.name, row.created_at);
    plan.id = row.id;
    plan.name = row.name;
    plan.updated_at = row.updated_at;
    plan.settings = row.settings;
    plan.load_lists(&mut StoreLoader { conn, plan_id: id })?;
    Ok(plan)
}

/// Stamps the plan as changed now. Its cached progress is marked stale rather than recounted:
/// counting needs the whole plan, which an edit of one field should not have to load; the
/// list of plans recounts it when it is next shown.
fn touch(tx: &Connection, plan_id: &str, now: DateTime<Utc>) -> Result<()> {
    tx.prepare_cached("UPDATE plans SET updated_at = ?1, progress = 'null' WHERE id = ?2")?
        .execute(params![now, plan_id])?;
    Ok(())
}

/// Recounts the cached progress of every plan, after an upgrade changed how it is counted.
pub(super) fn refresh_progress(tx: &Transaction) -> Result<()> {
    let ids: Vec<String> = tx
        .prepare("SELECT id FROM plans")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        let plan = load_plan(tx, &id)?;
        tx.execute(
            "UPDATE plans SET progress = ?1 WHERE id = ?2",
            params![json(&progress(&plan)), id],
        )?;
    }
    Ok(())
}

struct WriteAll<'a> {
    conn: &'a Connection,
    plan_id: &'a str,
}

impl ListVisitor for WriteAll<'_> {
    fn visit<T: Record>(&mut self, list: &[T]) -> Result<()> {
        for (i, r) in list.iter().enumerate() {
            records::write(self.conn, self.plan_id, r, Some(i as i64))?;
        }
        Ok(())
    }
}

fn insert(tx: &Transaction, plan: &Plan) -> Result<()> {
    tx.execute(
        "INSERT INTO plans (id, name, created_at, updated_at, settings, progress)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            plan.id,
            plan.name,
            plan.created_at,
            plan.updated_at,
            json(&plan.settings),
            json(&progress(plan))
        ],
    )?;
    plan.visit_lists(&mut WriteAll {
        conn: tx,
        plan_id: &plan.id,
    })
}

impl Store {
    fn write_tx(&mut self) -> Result<Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
    }

    pub fn create_plan(&mut self, name: &str, now: DateTime<Utc>) -> Result<Plan> {
        let plan = Plan::new(&check_name(name)?, now);
        self.insert_plan(&plan)?;
        Ok(plan)
    }

    /// Writes a whole plan (an import, the demo, a copy) after checking all of it.
    pub fn insert_plan(&mut self, plan: &Plan) -> Result<()> {
        let problems = validate::plan_problems(plan);
        if !problems.is_empty() {
            return Err(Error::Invalid { problems });
        }
        let tx = self.write_tx()?;
        if plan_exists(&tx, &plan.id)? {
            return Err(Error::invalid(
                "id",
                format!("a plan with id \"{}\" already exists", plan.id),
            ));
        }
        insert(&tx, plan)?;
        tx.commit()?;
        Ok(())
    }

    pub fn plan(&self, id: &str) -> Result<Plan> {
        load_plan(&self.conn, id)
    }

    pub fn plan_row(&self, id: &str) -> Result<PlanRow> {
        plan_row(&self.conn, id)
    }

    /// Every plan, most recently edited first.
    pub fn list_plans(&self) -> Result<Vec<PlanSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, created_at, updated_at, settings, progress FROM plans
             ORDER BY updated_at DESC, name",
        )?;
        let rows = stmt.query_map([], |r| {
            let settings: PlanSettings = parse(&r.get::<_, String>(4)?, "plan settings")?;
            Ok(PlanSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                organisation: settings.organisation,
                created_at: r.get(2)?,
                updated_at: r.get(3)?,
                steps: parse::<Option<Vec<StepProgress>>>(
                    &r.get::<_, String>(5)?,
                    "plan progress",
                )?
                .unwrap_or_default(),
            })
        })?;
        let mut plans = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        for p in plans.iter_mut().filter(|p| p.steps.is_empty()) {
            p.steps = self.recount_progress(&p.id)?;
        }
        Ok(plans)
    }

    /// Counts a plan's progress again after edits marked it stale, and keeps the count.
    fn recount_progress(&self, plan_id: &str) -> Result<Vec<StepProgress>> {
        let steps = progress(&load_plan(&self.conn, plan_id)?);
        self.conn.execute(
            "UPDATE plans SET progress = ?1 WHERE id = ?2",
            params![json(&steps), plan_id],
        )?;
        Ok(steps)
    }

    /// The id of the one plan whose id starts with `prefix` (people type the first few
    /// characters of a uuid), or an error saying why there is not exactly one.
    pub fn resolve_plan_id(&self, prefix: &str) -> Result<String> {
        // A literal comparison: no character of an id means "any" (as `_` and `%` would in LIKE).
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM plans WHERE substr(id, 1, length(?1)) = ?1 LIMIT 2")?;
        let ids = stmt
            .query_map([prefix], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        match ids.as_slice() {
            [one] if !prefix.is_empty() => Ok(one.clone()),
            [] | [_] => Err(Error::not_found(format!("plan \"{prefix}\""))),
            _ => Err(Error::invalid(
                "plan id",
                format!("\"{prefix}\" matches more than one plan; type more of its id"),
            )),
        }
    }

    pub fn rename_plan(&mut self, id: &str, name: &str, now: DateTime<Utc>) -> Result<()> {
        self.apply(
            id,
            &Edit::RenamePlan {
                name: name.to_string(),
            },
            now,
        )
    }

    /// A full copy under a new id; the records keep their ids, which are unique per plan.
    pub fn duplicate_plan(
        &mut self,
        id: &str,
        name: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Plan> {
        let mut plan = self.plan(id)?;
        plan.name = match name {
            Some(n) => check_name(n)?,
            None => copy_name(&plan.name),
        };
        plan.id = crate::model::new_id();
        plan.created_at = now;
        plan.updated_at = now;
        self.insert_plan(&plan)?;
        Ok(plan)
    }

    pub fn delete_plan(&mut self, id: &str) -> Result<()> {
        let n = self.conn.execute("DELETE FROM plans WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(Error::not_found(format!("plan \"{id}\"")));
        }
        Ok(())
    }

    /// Applies one edit to a plan as one transaction; nothing is written if it is refused.
    pub fn apply(&mut self, plan_id: &str, edit: &Edit, now: DateTime<Utc>) -> Result<()> {
        self.apply_all(plan_id, std::slice::from_ref(edit), now)
    }

    /// Applies several edits as one transaction: all of them, or (if any is refused) none.
    pub fn apply_all(&mut self, plan_id: &str, edits: &[Edit], now: DateTime<Utc>) -> Result<()> {
        self.apply_journaled(plan_id, edits, now).map(drop)
    }

    /// `apply_all`, returning what the edits changed as it was before, for undo.
    pub fn apply_journaled(
        &mut self,
        plan_id: &str,
        edits: &[Edit],
        now: DateTime<Utc>,
    ) -> Result<Journal> {
        let tx = self.write_tx()?;
        plan_exists(&tx, plan_id)?
            .then_some(())
            .ok_or_else(|| Error::not_found(format!("plan \"{plan_id}\"")))?;
        let mut journal = Journal::new(plan_id);
        for edit in edits {
            apply_one(&tx, &mut journal, edit)?;
        }
        touch(&tx, plan_id, now)?;
        tx.commit()?;
        Ok(journal)
    }

    /// Puts back what `journal` recorded, as one transaction, and returns the journal of that
    /// (what putting it back again would need).
    pub fn restore(&mut self, journal: &Journal, now: DateTime<Utc>) -> Result<Journal> {
        let tx = self.write_tx()?;
        plan_row(&tx, &journal.plan_id)?;
        let back = super::journal::restore(&tx, journal)?;
        touch(&tx, &journal.plan_id, now)?;
        tx.commit()?;
        Ok(back)
    }

    /// Works out a change from the plan as it stands inside the write transaction and applies
    /// it there: another writer (a second window, the CLI) cannot slip in between reading the
    /// plan and writing what was worked out from it. `known` is a copy of the plan with the
    /// data version it was read at; it is used when no other connection has written since,
    /// else the plan is read inside the transaction. Returns the journal and the edits.
    pub fn apply_intent(
        &mut self,
        plan_id: &str,
        now: DateTime<Utc>,
        known: Option<(i64, &Plan)>,
        intent: impl FnOnce(&Plan) -> Result<Vec<Edit>>,
    ) -> Result<(Journal, Vec<Edit>)> {
        let tx = self.write_tx()?;
        let version: i64 = tx.pragma_query_value(None, "data_version", |r| r.get(0))?;
        let loaded;
        let plan = match known {
            Some((at, plan)) if at == version && plan.id == plan_id => plan,
            _ => {
                loaded = load_plan(&tx, plan_id)?;
                &loaded
            }
        };
        let edits = intent(plan)?;
        let mut journal = Journal::new(plan_id);
        if !edits.is_empty() {
            for edit in &edits {
                apply_one(&tx, &mut journal, edit)?;
            }
            touch(&tx, plan_id, now)?;
            tx.commit()?;
        }
        Ok((journal, edits))
    }
}

fn apply_one(tx: &Connection, journal: &mut Journal, edit: &Edit) -> Result<()> {
    let plan_id = journal.plan_id.clone();
    let plan_id = plan_id.as_str();
    match edit {
        Edit::RenamePlan { name } => {
            let name = check_name(name)?;
            journal.plan(tx)?;
            tx.execute(
                "UPDATE plans SET name = ?1 WHERE id = ?2",
                params![name, plan_id],
            )?;
        }
        Edit::SetSettings { settings } => {
            let mut problems = Vec::new();
            settings.check(&mut crate::record::Checker::new("settings", &mut problems));
            if !problems.is_empty() {
                return Err(Error::Invalid { problems });
            }
            journal.plan(tx)?;
            tx.execute(
                "UPDATE plans SET settings = ?1 WHERE id = ?2",
                params![json(settings), plan_id],
            )?;
        }
        Edit::Put { entity } => entity.visit(Put {
            conn: tx,
            plan_id,
            journal,
        })?,
        Edit::Delete { kind, id } => delete_with_dependants(tx, journal, *kind, id)?,
        Edit::Move { kind, id, position } => {
            let mut ids = records::ids_in_order(tx, plan_id, *kind)?;
            let from = ids
                .iter()
                .position(|x| x == id)
                .ok_or_else(|| Error::not_found(format!("{} \"{id}\"", kind.label())))?;
            let moved = ids.remove(from);
            ids.insert((*position as usize).min(ids.len()), moved);
            records::reorder(tx, journal, *kind, &ids)?;
        }
    }
    Ok(())
}

fn plan_exists(conn: &Connection, plan_id: &str) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM plans WHERE id = ?1", [plan_id], |_| Ok(()))
        .optional()?
        .is_some())
}

fn copy_name(name: &str) -> String {
    let copy = format!("{name} (copy)");
    copy.chars().take(MAX_NAME).collect()
}

struct Put<'a> {
    conn: &'a Connection,
    plan_id: &'a str,
    journal: &'a mut Journal,
}

impl RecordVisitor for Put<'_> {
    type Out = Result<()>;
    fn visit<T: Record>(self, record: &T) -> Result<()> {
        let problems = records::problems(self.conn, self.plan_id, record)?;
        if !problems.is_empty() {
            return Err(Error::Invalid { problems });
        }
        self.journal.row(self.conn, T::KIND, record.id())?;
        records::write(self.conn, self.plan_id, record, None)
    }
}

/// Deletes a record with everything that belongs to it, and drops every pointer to any of
/// them from the rest of the plan.
fn delete_with_dependants(
    conn: &Connection,
    journal: &mut Journal,
    kind: Kind,
    id: &str,
) -> Result<()> {
    let plan_id = journal.plan_id.clone();
    let plan_id = plan_id.as_str();
    if !records::exists(conn, plan_id, kind, id)? {
        return Err(Error::not_found(format!("{} \"{id}\"", kind.label())));
    }
    let mut gone: HashSet<(Kind, String)> = HashSet::new();
    let mut queue = vec![(kind, id.to_string())];
    while !queue.is_empty() {
        for (k, i) in std::mem::take(&mut queue) {
            for child in Kind::ALL.iter().filter(|c| c.parent() == Some(k)) {
                for c in records::children(conn, plan_id, *child, &i)? {
                    queue.push((*child, c));
                }
            }
            gone.insert((k, i));
        }
        // Records that cannot stand without a deleted one go too, with their own children.
        for k in Kind::ALL {
            let removed = k.dispatch(Unlink {
                conn,
                journal: &mut *journal,
                gone: &gone,
            })?;
            queue.extend(removed.into_iter().filter(|r| !gone.contains(r)));
        }
    }
    // Every row is noted before any goes: deleting a parent cascades to its children in SQL.
    for (k, i) in &gone {
        journal.row(conn, *k, i)?;
    }
    for (k, i) in &gone {
        records::delete(conn, plan_id, *k, i)?;
    }
    Ok(())
}
