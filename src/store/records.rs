//! The SQL every kind of record shares. Table names come from `Kind::table`, a closed set of
//! literals, never from input.

use super::journal::Journal;
use crate::error::{Error, Problem, Result};
use crate::model::Kind;
use crate::record::{Checker, KindVisitor, ListLoader, Record};
use rusqlite::{params, Connection, OptionalExtension};

pub(crate) fn load_all<T: Record>(conn: &Connection, plan_id: &str) -> Result<Vec<T>> {
    let sql = format!(
        "SELECT body FROM {} WHERE plan_id = ?1 ORDER BY position, id",
        T::KIND.table()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([plan_id], |r| r.get::<_, String>(0))?;
    rows.map(|body| parse_body(&body?)).collect()
}

pub(crate) fn parse_body<T: Record>(body: &str) -> Result<T> {
    serde_json::from_str(body).map_err(|e| corrupt(T::KIND, &e))
}

fn corrupt(kind: Kind, e: &serde_json::Error) -> Error {
    Error::Storage(rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("a stored {} cannot be read: {e}", kind.label()).into(),
    ))
}

/// Loads every list of a plan from the store.
pub(crate) struct StoreLoader<'a> {
    pub conn: &'a Connection,
    pub plan_id: &'a str,
}

impl ListLoader for StoreLoader<'_> {
    fn load<T: Record>(&mut self) -> Result<Vec<T>> {
        load_all(self.conn, self.plan_id)
    }
}

pub(crate) fn exists(conn: &Connection, plan_id: &str, kind: Kind, id: &str) -> Result<bool> {
    let sql = format!(
        "SELECT 1 FROM {} WHERE plan_id = ?1 AND id = ?2",
        kind.table()
    );
    Ok(conn
        .query_row(&sql, [plan_id, id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Writes a record, new or changed. A new record goes to the end of its list unless a
/// position is given; a changed one keeps its place.
pub(crate) fn write<T: Record>(
    conn: &Connection,
    plan_id: &str,
    record: &T,
    position: Option<i64>,
) -> Result<()> {
    let table = T::KIND.table();
    let body = serde_json::to_string(record).expect("records always serialize");
    let key = record.unique_key().map(|(k, _)| k);
    let sql = format!(
        "INSERT INTO {table} (plan_id, id, parent_id, position, unique_key, body)
         VALUES (?1, ?2, ?3, COALESCE(?4, (SELECT COALESCE(MAX(position) + 1, 0) FROM {table} WHERE plan_id = ?1)), ?5, ?6)
         ON CONFLICT (plan_id, id) DO UPDATE SET
             parent_id = excluded.parent_id, unique_key = excluded.unique_key, body = excluded.body"
    );
    conn.prepare_cached(&sql)?.execute(params![
        plan_id,
        record.id(),
        record.parent_id(),
        position,
        key,
        body
    ])?;
    Ok(())
}

/// Everything wrong with a record about to be written into a stored plan: its own values, the
/// records it points at, and a key it may not repeat.
pub(crate) fn problems<T: Record>(
    conn: &Connection,
    plan_id: &str,
    record: &T,
) -> Result<Vec<Problem>> {
    let mut problems = Vec::new();
    let prefix = T::KIND.label().replace(' ', "_");
    let mut c = Checker::new(prefix.as_str(), &mut problems);
    c.id("id", record.id());
    record.check(&mut c);
    if let (Some(kind), Some(parent_id)) = (T::KIND.parent(), record.parent_id()) {
        let sql = format!(
            "SELECT body FROM {} WHERE plan_id = ?1 AND id = ?2",
            kind.table()
        );
        let parent: Option<String> = conn
            .query_row(&sql, params![plan_id, parent_id], |r| r.get(0))
            .optional()?;
        if let Some(body) = parent {
            record.check_with_parent(&body, &mut c);
        }
    }
    for l in record.links() {
        if !exists(conn, plan_id, l.kind, l.id)? {
            c.problem(
                &l.field,
                format!("there is no {} \"{}\" in this plan", l.kind.label(), l.id),
            );
        }
    }
    if let Some((key, reason)) = record.unique_key() {
        let sql = format!(
            "SELECT id FROM {} WHERE plan_id = ?1 AND unique_key = ?2 AND id <> ?3",
            T::KIND.table()
        );
        let clash: Option<String> = conn
            .query_row(&sql, params![plan_id, key, record.id()], |r| r.get(0))
            .optional()?;
        if clash.is_some() {
            c.problem("", reason);
        }
    }
    Ok(problems)
}

/// The ids of the records of one kind that belong to a given parent.
pub(crate) fn children(
    conn: &Connection,
    plan_id: &str,
    kind: Kind,
    parent_id: &str,
) -> Result<Vec<String>> {
    let sql = format!(
        "SELECT id FROM {} WHERE plan_id = ?1 AND parent_id = ?2",
        kind.table()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let ids = stmt
        .query_map([plan_id, parent_id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

pub(crate) fn delete(conn: &Connection, plan_id: &str, kind: Kind, id: &str) -> Result<()> {
    let sql = format!(
        "DELETE FROM {} WHERE plan_id = ?1 AND id = ?2",
        kind.table()
    );
    conn.execute(&sql, [plan_id, id])?;
    Ok(())
}

/// Rewrites the positions of a kind's records to follow `ids`, touching only the records whose
/// position changes.
pub(crate) fn reorder(
    conn: &Connection,
    journal: &mut Journal,
    kind: Kind,
    ids: &[String],
) -> Result<()> {
    let plan_id = journal.plan_id.clone();
    let positions: std::collections::HashMap<String, i64> = conn
        .prepare_cached(&format!(
            "SELECT id, position FROM {} WHERE plan_id = ?1",
            kind.table()
        ))?
        .query_map([&plan_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let sql = format!(
        "UPDATE {} SET position = ?1 WHERE plan_id = ?2 AND id = ?3",
        kind.table()
    );
    for (i, id) in ids.iter().enumerate() {
        if positions.get(id) != Some(&(i as i64)) {
            journal.row(conn, kind, id)?;
            conn.prepare_cached(&sql)?
                .execute(params![i as i64, plan_id, id])?;
        }
    }
    Ok(())
}

pub(crate) fn ids_in_order(conn: &Connection, plan_id: &str, kind: Kind) -> Result<Vec<String>> {
    let sql = format!(
        "SELECT id FROM {} WHERE plan_id = ?1 ORDER BY position, id",
        kind.table()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let ids = stmt
        .query_map([plan_id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

/// Drops, across one kind of record, every pointer to the records in `gone`; a record that
/// cannot stand without one of them is deleted too (and reported, so its own dependants go).
pub(crate) struct Unlink<'a> {
    pub conn: &'a Connection,
    pub journal: &'a mut Journal,
    pub gone: &'a std::collections::HashSet<(Kind, String)>,
}

impl KindVisitor for Unlink<'_> {
    type Out = Result<Vec<(Kind, String)>>;
    fn visit<T: Record>(self) -> Self::Out {
        let mut removed = Vec::new();
        let plan_id = self.journal.plan_id.clone();
        for mut r in load_all::<T>(self.conn, &plan_id)? {
            if self.gone.contains(&(T::KIND, r.id().to_string())) {
                continue;
            }
            let targets: Vec<(Kind, String)> = r
                .links()
                .iter()
                .filter(|l| Some(l.id) != r.parent_id())
                .filter(|l| self.gone.contains(&(l.kind, l.id.to_string())))
                .map(|l| (l.kind, l.id.to_string()))
                .collect();
            let mut changed = false;
            let mut remove = false;
            for (kind, id) in targets {
                match r.unlink(kind, &id) {
                    crate::record::Unlinked::Unchanged => {}
                    crate::record::Unlinked::Changed => changed = true,
                    crate::record::Unlinked::Remove => remove = true,
                }
            }
            if remove {
                removed.push((T::KIND, r.id().to_string()));
            } else if changed {
                self.journal.row(self.conn, T::KIND, r.id())?;
                write(self.conn, &plan_id, &r, None)?;
            }
        }
        Ok(removed)
    }
}
