//! What an edit changed, row by row, as it was before: the store records it while it writes,
//! and undo writes it back. A journal holds only the rows an edit touched, so the history of a
//! session grows with the edits made, not with the size of the plan.

use crate::error::Result;
use crate::model::Kind;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashSet;

/// A stored record row, whole: what puts it back exactly where it was.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RowImage {
    pub parent_id: Option<String>,
    pub position: i64,
    pub unique_key: Option<String>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Before {
    /// A record as it was, or `None` when the edit created it.
    Row {
        kind: Kind,
        id: String,
        image: Option<RowImage>,
    },
    /// The plan's own name and settings.
    Plan { name: String, settings: String },
}

/// The rows one step of the history touched, each as it was before the step (the first time
/// it was touched: later writes in the same step do not matter to undo).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Journal {
    pub(crate) plan_id: String,
    pub(crate) entries: Vec<Before>,
    seen: HashSet<(Kind, String)>,
    plan_seen: bool,
}

impl Journal {
    pub(crate) fn new(plan_id: &str) -> Journal {
        Journal {
            plan_id: plan_id.to_string(),
            ..Journal::default()
        }
    }

    /// Roughly how much memory the journal holds, for the undo benchmark.
    pub fn bytes(&self) -> usize {
        let row = |i: &RowImage| {
            i.body.len()
                + i.parent_id.as_ref().map_or(0, String::len)
                + i.unique_key.as_ref().map_or(0, String::len)
                + std::mem::size_of::<RowImage>()
        };
        self.entries
            .iter()
            .map(|e| match e {
                Before::Row { id, image, .. } => {
                    id.len() + image.as_ref().map_or(0, row) + std::mem::size_of::<Before>()
                }
                Before::Plan { name, settings } => {
                    name.len() + settings.len() + std::mem::size_of::<Before>()
                }
            })
            .sum::<usize>()
            + self.seen.iter().map(|(_, id)| id.len() + 32).sum::<usize>()
    }

    /// Each record row the step touched, with how it was before.
    pub(crate) fn rows(&self) -> impl Iterator<Item = (Kind, &str, Option<&RowImage>)> {
        self.entries.iter().filter_map(|e| match e {
            Before::Row { kind, id, image } => Some((*kind, id.as_str(), image.as_ref())),
            Before::Plan { .. } => None,
        })
    }

    pub(crate) fn touched_plan(&self) -> bool {
        self.plan_seen
    }

    /// Notes a record row before it is written or deleted.
    pub(crate) fn row(&mut self, conn: &Connection, kind: Kind, id: &str) -> Result<()> {
        if self.seen.contains(&(kind, id.to_string())) {
            return Ok(());
        }
        let image = read_row(conn, &self.plan_id, kind, id)?;
        self.seen.insert((kind, id.to_string()));
        self.entries.push(Before::Row {
            kind,
            id: id.to_string(),
            image,
        });
        Ok(())
    }

    /// Notes the plan's name and settings before either changes.
    pub(crate) fn plan(&mut self, conn: &Connection) -> Result<()> {
        if self.plan_seen {
            return Ok(());
        }
        let (name, settings) = conn.query_row(
            "SELECT name, settings FROM plans WHERE id = ?1",
            [&self.plan_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        self.plan_seen = true;
        self.entries.push(Before::Plan { name, settings });
        Ok(())
    }
}

pub(crate) fn read_row(
    conn: &Connection,
    plan_id: &str,
    kind: Kind,
    id: &str,
) -> Result<Option<RowImage>> {
    let sql = format!(
        "SELECT parent_id, position, unique_key, body FROM {} WHERE plan_id = ?1 AND id = ?2",
        kind.table()
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([plan_id, id], |r| {
            Ok(RowImage {
                parent_id: r.get(0)?,
                position: r.get(1)?,
                unique_key: r.get(2)?,
                body: r.get(3)?,
            })
        })
        .optional()?)
}

/// Puts back every row `journal` noted, as it was, and returns the journal of doing so (what
/// redo puts back). Foreign keys are checked when the transaction commits, so the order the
/// rows come back in does not matter.
pub(crate) fn restore(conn: &Connection, journal: &Journal) -> Result<Journal> {
    conn.pragma_update(None, "defer_foreign_keys", true)?;
    let mut undo = Journal::new(&journal.plan_id);
    let plan_id = journal.plan_id.as_str();
    // Deletions first, so a unique key freed by one row can be taken by another coming back.
    for e in journal.entries.iter().rev() {
        if let Before::Row {
            kind,
            id,
            image: None,
        } = e
        {
            undo.row(conn, *kind, id)?;
            let sql = format!(
                "DELETE FROM {} WHERE plan_id = ?1 AND id = ?2",
                kind.table()
            );
            conn.prepare_cached(&sql)?.execute([plan_id, id.as_str()])?;
        }
    }
    for e in &journal.entries {
        match e {
            Before::Row {
                kind,
                id,
                image: Some(img),
            } => {
                undo.row(conn, *kind, id)?;
                // An upsert, never INSERT OR REPLACE: replacing deletes the row first, and
                // the delete would cascade to its children.
                let sql = format!(
                    "INSERT INTO {} (plan_id, id, parent_id, position, unique_key, body)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (plan_id, id) DO UPDATE SET parent_id = excluded.parent_id,
                         position = excluded.position, unique_key = excluded.unique_key,
                         body = excluded.body",
                    kind.table()
                );
                conn.prepare_cached(&sql)?.execute(params![
                    plan_id,
                    id,
                    img.parent_id,
                    img.position,
                    img.unique_key,
                    img.body
                ])?;
            }
            Before::Plan { name, settings } => {
                undo.plan(conn)?;
                conn.execute(
                    "UPDATE plans SET name = ?1, settings = ?2 WHERE id = ?3",
                    params![name, settings, plan_id],
                )?;
            }
            Before::Row { image: None, .. } => {}
        }
    }
    Ok(undo)
}

/// How to bring one kind's list in memory up to date after a write.
pub(crate) enum ListPatch<'a> {
    /// Each changed record's body as stored now, or `None` when it is gone. A record not yet
    /// in the list was added at its end.
    Rows(&'a [(String, Option<String>)]),
    /// Read the whole list again (its order changed).
    Reload {
        store: &'a super::Store,
        plan_id: &'a str,
    },
}

impl ListPatch<'_> {
    pub(crate) fn apply<T: crate::record::Record>(self, list: &mut Vec<T>) -> Result<()> {
        match self {
            ListPatch::Reload { store, plan_id } => {
                *list = super::records::load_all(&store.conn, plan_id)?;
            }
            ListPatch::Rows(rows) => {
                for (id, body) in rows {
                    let at = list.iter().position(|r| r.id() == id);
                    match (body, at) {
                        (None, Some(i)) => {
                            list.remove(i);
                        }
                        (None, None) => {}
                        (Some(body), at) => {
                            let record: T = super::records::parse_body(body)?;
                            match at {
                                Some(i) => list[i] = record,
                                None => list.push(record),
                            }
                        }
                    }
                }
            }
        }
        Ok(())
    }
}
