//! The plan as documents for people: a PDF for leadership, an XLSX workbook for analysts, and
//! the portable plan file. Every export is built in memory and written atomically, so a
//! failed export never leaves a broken file behind.

pub mod pdf;
pub mod xlsx;

use crate::error::Result;
use crate::store::Store;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Pdf,
    Xlsx,
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
        }
    }
}

/// The most bytes of a plan's name an export's file name keeps: with the date and the
/// extensions it stays within the 255 bytes file systems allow.
const MAX_STEM_BYTES: usize = 200;

/// A file name for an export that says what it is and when it was made, e.g.
/// `Digital credentials strategy 2026-11-23.pdf`; characters no file system accepts are dropped,
/// and a long name is cut (in bytes, on a character boundary) so the file can be created.
pub fn file_name(plan_name: &str, format: Format, now: DateTime<Utc>) -> String {
    let stem: String = plan_name
        .chars()
        .filter(|&c| {
            !crate::record::is_control(c)
                && !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        })
        .take(80)
        .collect();
    let stem = crate::files::truncate_bytes(stem.trim(), MAX_STEM_BYTES);
    let mut stem = stem.trim().trim_start_matches('.').trim().to_string();
    if stem.is_empty() {
        stem = "Stepwise plan".to_string();
    }
    let suffix = if format == Format::Json {
        ".stepwise"
    } else {
        ""
    };
    format!(
        "{stem} {}{suffix}.{}",
        now.format("%Y-%m-%d"),
        format.extension()
    )
}

/// The bytes of a plan in the given format, as of `now` (the date printed on the cover, the
/// statuses judged against).
pub fn render(store: &Store, plan_id: &str, format: Format, now: DateTime<Utc>) -> Result<Vec<u8>> {
    let plan = store.plan(plan_id)?;
    match format {
        Format::Json => Ok(crate::planfile::to_json(&plan, now).into_bytes()),
        Format::Pdf => pdf::render(&plan, now),
        Format::Xlsx => xlsx::render(&plan, now),
    }
}

/// Renders a plan and writes it to `path` atomically.
pub fn export_to(
    store: &Store,
    plan_id: &str,
    format: Format,
    path: &Path,
    now: DateTime<Utc>,
) -> Result<()> {
    let bytes = render(store, plan_id, format, now)?;
    crate::files::write_atomic(path, &bytes)
}
