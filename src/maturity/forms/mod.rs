//! Scoring forms: one XLSX workbook per rater, filled in away from the app and read back. The
//! layout lives here, shared by the writer and the reader, so that what one writes the other
//! can check cell by cell.
//!
//! A form has a visible, protected sheet `Scores` (the twenty sub-facets, their five
//! descriptors, and the answer columns, which alone are unlocked) and a very hidden sheet
//! `Stepwise` holding the ids that tie the form to its plan, assessment and rater, each signed
//! with this database's key, and the sub-facet id of each row.

mod cells;
mod export;
mod guard;
mod import;
mod key;

pub use cells::{LAST_COL, LAST_ROW};
pub use export::{export_form, export_forms, form_file_name, FORM_FILE_PREFIX};
pub use guard::{MAX_INFLATED, MAX_PARTS, MAX_SHARED_STRINGS};
pub use import::{import_form, import_forms, read_form, FilledForm};
pub use key::FormKey;

/// A scoring form found in a folder.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct FoundForm {
    pub path: String,
    pub name: String,
}

/// The scoring forms in `dir` (`.xlsx` files named the way forms are exported), by name, so a
/// filled form saved there can be imported without a file dialog. A folder that does not
/// exist holds none.
pub fn forms_in(dir: &std::path::Path) -> Vec<FoundForm> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return vec![];
    };
    let mut found: Vec<FoundForm> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "xlsx"))
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            name.starts_with(FORM_FILE_PREFIX).then(|| FoundForm {
                path: p.display().to_string(),
                name,
            })
        })
        .collect();
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

use crate::catalog::catalog;

pub const SCORES_SHEET: &str = "Scores";
pub const IDS_SHEET: &str = "Stepwise";
/// Written in `Stepwise!A1`; a workbook without it is not a scoring form.
pub const MARKER: &str = "Stepwise scoring form";
/// Written in `Stepwise!B1`; bumped when the layout changes, so an old form is recognised.
/// Version 2 added the signatures; version 1 forms (Stepwise 0.1.0) are refused. Version 3
/// added the evidence column; a version 2 form is still read, and leaves evidence as it was.
pub const FORM_VERSION: u32 = 3;
/// The oldest form version still read.
pub const OLDEST_FORM_VERSION: u32 = 2;

/// 0-based row of the column headers on the `Scores` sheet (row 6 as people count).
pub const HEADER_ROW: u32 = 5;
/// 0-based row of the first sub-facet (row 7).
pub const FIRST_ROW: u32 = 6;
/// 0-based row in `Stepwise` of the first sub-facet id (row 6 as people count).
pub const FIRST_ID_ROW: u32 = 5;

pub const COL_FACET: u16 = 0;
pub const COL_SUBFACET: u16 = 1;
/// Stage 1's descriptor; stages 2–5 follow.
pub const COL_FIRST_STAGE: u16 = 2;
pub const COL_STAGE: u16 = 7;
pub const COL_REASON: u16 = 8;
pub const COL_CONFIDENCE: u16 = 9;
pub const COL_NOTE: u16 = 10;
/// From form version 3.
pub const COL_EVIDENCE: u16 = 11;

/// The `Stepwise` rows holding (label, value) pairs, 0-based.
pub const ROW_PLAN: u32 = 1;
pub const ROW_ASSESSMENT: u32 = 2;
pub const ROW_RATER: u32 = 3;
/// The column beside each id holding its signature (see `key`).
pub const COL_SIGNATURE: u16 = 2;

/// The column headers of the `Scores` sheet, left to right.
pub fn headers() -> Vec<String> {
    headers_of(FORM_VERSION)
}

/// The headers a form of `version` has: before version 3, no evidence column.
pub fn headers_of(version: u32) -> Vec<String> {
    let mut h = vec!["Facet".to_string(), "Sub-facet".to_string()];
    h.extend((1..=5).map(super::answers::stage_label));
    h.extend(["Your stage", "N/A reason", "Confidence", "Note"].map(String::from));
    if version >= 3 {
        h.push("Evidence".to_string());
    }
    h
}

/// The sub-facets in the order the form lists them (the model's).
pub fn rows() -> Vec<&'static crate::catalog::SubFacet> {
    catalog().subfacets().collect()
}

/// A cell as people write it, e.g. `Scores!H7` (row and column 0-based).
pub fn cell_ref(sheet: &str, row: u32, col: u16) -> String {
    let mut letters = String::new();
    let mut n = u32::from(col) + 1;
    while n > 0 {
        let r = (n - 1) % 26;
        letters.insert(0, char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    format!("{sheet}!{letters}{}", row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_count_rows_from_one_and_columns_in_letters() {
        assert_eq!(
            cell_ref("Scores", 6, 7),
            "Scores!H7",
            "0-based (6, 7) is H7"
        );
        assert_eq!(cell_ref("S", 0, 0), "S!A1");
        assert_eq!(cell_ref("S", 0, 26), "S!AA1", "the 27th column is AA");
    }
}
