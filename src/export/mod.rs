//! The plan as documents for people: a PDF for leadership, the same board pack as a Word
//! document to edit (both from one document model, `doc`), an XLSX workbook for analysts, and
//! the portable plan file. Every export is built in memory and written atomically, so a
//! failed export never leaves a broken file behind.

mod doc;
pub mod docx;
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
    Docx,
    Xlsx,
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
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

/// The paper the PDF and the Word file are laid out for. North American clients print on Letter, most others
/// on A4; by default the system's locale decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// The paper of a locale name such as `en_US.UTF-8`, `fr-CA` or `de_DE`: Letter in the
    /// countries that print on it, A4 everywhere else (and when the country is not said).
    pub fn of_locale(locale: &str) -> Paper {
        const LETTER: [&str; 14] = [
            "US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR", "PA", "DO", "SV", "NI",
        ];
        let country = locale
            .split(['.', '@'])
            .next()
            .unwrap_or_default()
            .split(['_', '-'])
            .nth(1)
            .unwrap_or_default()
            .to_ascii_uppercase();
        if LETTER.contains(&country.as_str()) {
            Paper::Letter
        } else {
            Paper::A4
        }
    }

    /// The system's paper, from the locale variables in the order the C library reads them.
    pub fn of_system() -> Paper {
        ["LC_ALL", "LC_PAPER", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .map_or(Paper::A4, |l| Paper::of_locale(&l))
    }
}

/// What a person chooses when exporting, beyond the format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
pub struct ExportOptions {
    /// In the PDF and the workbook, raters are "Rater 1"…"Rater N" and their roles are left
    /// out, so a board pack reports how the committee scored without saying who gave which
    /// score. The plan file always keeps the names: it is the plan itself, not a report of it.
    pub anonymise_raters: bool,
    /// The PDF's paper; the system's when not said.
    pub paper: Option<Paper>,
    /// Which appendices the PDF carries; all of them when not said.
    #[serde(default)]
    pub appendices: Appendices,
}

/// The PDF's appendices, each of which a person may leave out: the board reads the body, the
/// detail behind it is there for whoever wants it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
pub struct Appendices {
    /// Every SMART goal in full; without it, section 3 prints them in full itself.
    #[serde(default = "yes")]
    pub goals: bool,
    /// Every rater's score for every sub-facet of the assessment reported.
    pub ratings: bool,
    /// The room's log: decisions taken, actions, open questions.
    pub room_log: bool,
}

fn yes() -> bool {
    true
}

impl Default for Appendices {
    fn default() -> Appendices {
        Appendices {
            goals: true,
            ratings: true,
            room_log: true,
        }
    }
}

impl Appendices {
    pub const NAMES: [&'static str; 3] = ["goals", "ratings", "room-log"];

    /// From the CLI's list ("ratings,room-log", or "none"), naming what it does not know.
    pub fn parse(list: &str) -> Result<Appendices> {
        let mut out = Appendices {
            goals: false,
            ratings: false,
            room_log: false,
        };
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "goals" => out.goals = true,
                "ratings" => out.ratings = true,
                "room-log" => out.room_log = true,
                "none" => {}
                other => {
                    return Err(crate::error::Error::invalid(
                        "appendices",
                        format!(
                            "'{other}' is not an appendix; choose from {}, or none",
                            Appendices::NAMES.join(", ")
                        ),
                    ))
                }
            }
        }
        Ok(out)
    }
}

/// The bytes of a plan in the given format, as of `now` (the date printed on the cover, the
/// statuses judged against).
pub fn render(store: &Store, plan_id: &str, format: Format, now: DateTime<Utc>) -> Result<Vec<u8>> {
    Ok(render_with(store, plan_id, format, now, ExportOptions::default())?.bytes)
}

/// An export's bytes and, for a PDF, the characters it shows as empty boxes, said in a
/// sentence for the person (the CLI prints it, the app shows it beside the file).
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub warning: Option<String>,
}

/// `render`, with the person's choices.
pub fn render_with(
    store: &Store,
    plan_id: &str,
    format: Format,
    now: DateTime<Utc>,
    options: ExportOptions,
) -> Result<Rendered> {
    let mut plan = store.plan(plan_id)?;
    if options.anonymise_raters && format != Format::Json {
        anonymise_raters(&mut plan);
    }
    let (bytes, warning) = match format {
        Format::Json => (crate::planfile::to_json(&plan, now).into_bytes(), None),
        Format::Pdf => (
            pdf::render_pack(
                &plan,
                now,
                options.paper.unwrap_or_else(Paper::of_system),
                options.appendices,
            )?,
            pdf::report(&plan)?.warning(),
        ),
        Format::Docx => (
            docx::render(&plan, now, options.paper.unwrap_or_else(Paper::of_system))?,
            None,
        ),
        Format::Xlsx => (xlsx::render(&plan, now)?, None),
    };
    Ok(Rendered { bytes, warning })
}

/// Renders a plan and writes it to `path` atomically; answers what the person should be told
/// (see `Rendered`).
pub fn export_to(
    store: &Store,
    plan_id: &str,
    format: Format,
    path: &Path,
    now: DateTime<Utc>,
    options: ExportOptions,
) -> Result<Option<String>> {
    let rendered = render_with(store, plan_id, format, now, options)?;
    crate::files::write_atomic(path, &rendered.bytes)?;
    Ok(rendered.warning)
}

/// Names every rater "Rater N" and drops their roles. A person who rated in several
/// assessments (the same name) keeps one number throughout, so a reader can still follow one
/// voice from the baseline to the review; numbers follow the order raters were added.
pub fn anonymise_raters(plan: &mut crate::model::Plan) {
    let mut numbers: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for rater in &mut plan.raters {
        let next = numbers.len() + 1;
        let n = *numbers
            .entry(rater.name.trim().to_lowercase())
            .or_insert(next);
        rater.name = format!("Rater {n}");
        rater.role = String::new();
    }
}
