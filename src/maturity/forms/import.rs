//! Reads filled scoring forms back. A form is checked whole before anything is written: that
//! it belongs to this plan and assessment, that its layout is the one exported, and that
//! every answer is one the dropdowns offer. Every offending cell is named in one message.
//!
//! The workbook is measured before it is parsed (see `guard`) and read cell by cell within
//! the form's reach (see `cells`), so a hostile file is refused without exhausting memory.
//! The hidden ids must carry this database's signature (see `key`): a form relabelled as
//! another rater's, or signed by no one (as Stepwise 0.1.0 exported them), is refused.

use super::cells::{read_sheet, Cells};
use super::guard::check_workbook;
use super::key::{FormKey, Level};
use super::*;
use crate::error::{Error, Problem, Result};
use crate::maturity::answers::{
    confidence_label, stage_choices, CONFIDENCES, NOT_APPLICABLE_LABEL,
};
use crate::maturity::assessments::{score_edits, ScoreEntry};
use crate::maturity::lookup::find_assessment;
use crate::model::{Confidence, Plan, Score};
use crate::Edit;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use std::io::Cursor;

/// A form that passed every check: whose answers, and the answers.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledForm {
    pub rater_id: String,
    pub rater_name: String,
    pub entries: Vec<ScoreEntry>,
}

/// What a cell holds, as text: whole numbers without ".0", blanks as "".
fn text(cells: &Cells, row: u32, col: u16) -> String {
    match cells.get(row, col) {
        None | Some(Data::Empty) => String::new(),
        Some(Data::String(s)) => s.trim().to_string(),
        Some(Data::Float(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Some(other) => other.to_string().trim().to_string(),
    }
}

struct Problems(Vec<Problem>);

impl Problems {
    fn at(&mut self, sheet: &str, row: u32, col: u16, reason: impl Into<String>) {
        self.0.push(Problem {
            path: cell_ref(sheet, row, col),
            reason: reason.into(),
        });
    }
}

fn not_a_form(reason: impl Into<String>) -> Error {
    Error::invalid("form", reason)
}

/// Checks a filled form against the plan and the assessment it is imported into, and its
/// ids against their signatures under `key`.
pub fn read_form(
    plan: &Plan,
    assessment_id: &str,
    bytes: &[u8],
    key: &FormKey,
) -> Result<FilledForm> {
    let assessment = find_assessment(plan, assessment_id)?;
    check_workbook(bytes)?;
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| not_a_form(format!("is not a readable XLSX workbook ({e})")))?;
    let names = wb.sheet_names();
    if !names.iter().any(|n| n == IDS_SHEET) {
        return Err(not_a_form(format!(
            "is not a Stepwise scoring form: its hidden sheet \"{IDS_SHEET}\" is missing (sheets: {})",
            names.join(", ")
        )));
    }
    let ids = read_sheet(&mut wb, IDS_SHEET)?.unwrap_or_default();
    let mut p = Problems(Vec::new());
    if text(&ids, 0, 0) != MARKER {
        return Err(not_a_form(format!(
            "is not a Stepwise scoring form ({} does not say \"{MARKER}\")",
            cell_ref(IDS_SHEET, 0, 0)
        )));
    }
    let version = text(&ids, 0, 1);
    if version == "1" {
        p.at(IDS_SHEET, 0, 1, "the form was exported by Stepwise 0.1.0, which did not sign its forms, so whose answers it holds cannot be trusted: export the form again and fill that one in");
        return Err(Error::Invalid { problems: p.0 });
    }
    let Some(version) = version
        .parse::<u32>()
        .ok()
        .filter(|v| (OLDEST_FORM_VERSION..=FORM_VERSION).contains(v))
    else {
        p.at(IDS_SHEET, 0, 1, format!("form version \"{version}\"; this Stepwise reads versions {OLDEST_FORM_VERSION} to {FORM_VERSION}: export the form again"));
        return Err(Error::Invalid { problems: p.0 });
    };
    let form_plan = text(&ids, ROW_PLAN, 1);
    let signed = |row: u32, level: Level, ids_signed: &[&str]| {
        key.verify(level, ids_signed, &text(&ids, row, COL_SIGNATURE))
    };
    let mut trusted = form_plan == plan.id && signed(ROW_PLAN, Level::Plan, &[&plan.id]);
    if form_plan == plan.id && !trusted {
        p.at(
            IDS_SHEET,
            ROW_PLAN,
            COL_SIGNATURE,
            format!(
                "the form's signature does not match: it was not exported from this copy of \"{}\" (or its hidden cells were edited); export the form again here",
                plan.name
            ),
        );
    }
    if form_plan != plan.id {
        p.at(
            IDS_SHEET,
            ROW_PLAN,
            1,
            format!(
                "the form belongs to another plan (\"{form_plan}\"), not to \"{}\"",
                plan.name
            ),
        );
    }
    let form_assessment = text(&ids, ROW_ASSESSMENT, 1);
    if form_assessment != assessment.id {
        let other = plan.assessments.iter().find(|a| a.id == form_assessment);
        let whose = other.map_or_else(
            || format!("another assessment (\"{form_assessment}\")"),
            |a| format!("the assessment \"{}\"", a.name),
        );
        p.at(
            IDS_SHEET,
            ROW_ASSESSMENT,
            1,
            format!(
                "the form belongs to {whose}, not to \"{}\"",
                assessment.name
            ),
        );
    }
    trusted = trusted
        && form_assessment == assessment.id
        && signed(
            ROW_ASSESSMENT,
            Level::Assessment,
            &[&plan.id, &assessment.id],
        );
    if form_plan == plan.id && form_assessment == assessment.id && p.0.is_empty() && !trusted {
        p.at(
            IDS_SHEET,
            ROW_ASSESSMENT,
            1,
            format!(
                "the assessment id was changed after the form was exported (its signature does not match): export the form again from \"{}\"",
                assessment.name
            ),
        );
    }
    let rater_id = text(&ids, ROW_RATER, 1);
    let rater = plan
        .raters
        .iter()
        .find(|r| r.id == rater_id && r.assessment_id == assessment.id);
    if let (true, Some(named)) = (trusted, rater) {
        let signature = text(&ids, ROW_RATER, COL_SIGNATURE);
        let verifies = |id: &str| {
            key.verify(
                Level::Rater,
                &[plan.id.as_str(), assessment.id.as_str(), id],
                &signature,
            )
        };
        if !verifies(&named.id) {
            let owner = plan
                .raters
                .iter()
                .filter(|r| r.assessment_id == assessment.id)
                .find(|r| verifies(&r.id));
            let reason = match owner {
                Some(owner) => format!(
                    "this is {}'s form with its hidden rater id changed to {}'s: it is refused so it cannot overwrite {}'s scores; send {} their own form",
                    owner.name, named.name, named.name, named.name
                ),
                None => format!(
                    "the rater id was changed after the form was exported (its signature does not match {}): export {}'s form again",
                    named.name, named.name
                ),
            };
            p.at(IDS_SHEET, ROW_RATER, 1, reason);
        }
    }
    if rater.is_none() && form_assessment == assessment.id {
        p.at(
            IDS_SHEET,
            ROW_RATER,
            1,
            format!(
                "\"{rater_id}\" is not a rater of \"{}\" (removed since the form was sent?)",
                assessment.name
            ),
        );
    }
    let Some(scores) = read_sheet(&mut wb, SCORES_SHEET)? else {
        p.0.push(Problem {
            path: SCORES_SHEET.into(),
            reason: format!(
                "the sheet is missing (renamed or deleted?); sheets: {}",
                names.join(", ")
            ),
        });
        return Err(Error::Invalid { problems: p.0 });
    };
    check_layout(&ids, &scores, version, &mut p);
    let entries = read_answers(&scores, &rater_id, version >= 3, &mut p);
    if !p.0.is_empty() {
        return Err(Error::Invalid { problems: p.0 });
    }
    let rater = rater.expect("a missing rater is a problem reported above");
    Ok(FilledForm {
        rater_id: rater.id.clone(),
        rater_name: rater.name.clone(),
        entries,
    })
}

/// The headers, the sub-facet ids in the hidden sheet and the names beside them must be the
/// ones exported: rows moved, inserted or deleted would put answers on the wrong sub-facet.
fn check_layout(ids: &Cells, scores: &Cells, version: u32, p: &mut Problems) {
    for (col, want) in headers_of(version).iter().enumerate() {
        let got = text(scores, HEADER_ROW, col as u16);
        if &got != want {
            p.at(SCORES_SHEET, HEADER_ROW, col as u16, format!("the header reads \"{got}\" where the form has \"{want}\": the layout was changed"));
        }
    }
    let rows = rows();
    for (i, sf) in rows.iter().enumerate() {
        let i = i as u32;
        let id = text(ids, FIRST_ID_ROW + i, 1);
        if id != sf.id {
            p.at(
                IDS_SHEET,
                FIRST_ID_ROW + i,
                1,
                format!(
                    "holds sub-facet \"{id}\" where the form has \"{}\": the layout was changed",
                    sf.id
                ),
            );
        }
        let name = text(scores, FIRST_ROW + i, COL_SUBFACET);
        if name != sf.name {
            p.at(
                SCORES_SHEET,
                FIRST_ROW + i,
                COL_SUBFACET,
                format!(
                    "reads \"{name}\" where the form has \"{}\": rows were moved, added or deleted",
                    sf.name
                ),
            );
        }
    }
    let after = FIRST_ROW + rows.len() as u32;
    if (0..=COL_EVIDENCE).any(|c| !text(scores, after, c).is_empty()) {
        p.at(
            SCORES_SHEET,
            after,
            COL_SUBFACET,
            "the form ends with the last sub-facet; this row was added",
        );
    }
}

fn parse_dropdown_stage(value: &str) -> Option<Option<u8>> {
    if value.eq_ignore_ascii_case(NOT_APPLICABLE_LABEL) {
        return Some(None);
    }
    let choices = stage_choices();
    (1..=5u8)
        .find(|s| {
            value.eq_ignore_ascii_case(&choices[usize::from(*s) - 1]) || *value == s.to_string()
        })
        .map(Some)
}

/// A form without the evidence column (version 2) says nothing of evidence, so what the
/// ratings cite is kept.
fn read_answers(
    scores: &Cells,
    rater_id: &str,
    with_evidence: bool,
    p: &mut Problems,
) -> Vec<ScoreEntry> {
    let mut entries = Vec::new();
    let labels: Vec<&str> = CONFIDENCES.into_iter().map(confidence_label).collect();
    for (i, sf) in rows().into_iter().enumerate() {
        let row = FIRST_ROW + i as u32;
        let stage = text(scores, row, COL_STAGE);
        let reason = text(scores, row, COL_REASON);
        let confidence_text = text(scores, row, COL_CONFIDENCE);
        let score = match parse_dropdown_stage(&stage) {
            _ if stage.is_empty() => {
                p.at(
                    SCORES_SHEET,
                    row,
                    COL_STAGE,
                    format!(
                        "no answer for {}: pick a stage from the list, or N/A with a reason",
                        sf.name
                    ),
                );
                None
            }
            None => {
                p.at(
                    SCORES_SHEET,
                    row,
                    COL_STAGE,
                    format!(
                        "\"{stage}\" is not one of the list's values ({})",
                        stage_choices().join(", ")
                    ),
                );
                None
            }
            Some(None) if reason.is_empty() => {
                p.at(
                    SCORES_SHEET,
                    row,
                    COL_REASON,
                    format!("N/A needs a reason ({})", sf.name),
                );
                None
            }
            Some(None) => Some(Score::NotApplicable(reason)),
            Some(Some(s)) => Some(Score::Stage(s)),
        };
        let confidence: Option<Option<Confidence>> = if confidence_text.is_empty() {
            Some(None)
        } else {
            CONFIDENCES
                .into_iter()
                .find(|c| confidence_label(*c).eq_ignore_ascii_case(&confidence_text))
                .map(Some)
        };
        if confidence.is_none() {
            p.at(
                SCORES_SHEET,
                row,
                COL_CONFIDENCE,
                format!(
                    "\"{confidence_text}\" is not one of the list's values ({})",
                    labels.join(", ")
                ),
            );
        }
        if let (Some(score), Some(confidence)) = (score, confidence) {
            entries.push(ScoreEntry {
                rater_id: rater_id.to_string(),
                subfacet_id: sf.id.clone(),
                score,
                confidence,
                note: text(scores, row, COL_NOTE),
                evidence: with_evidence.then(|| text(scores, row, COL_EVIDENCE)),
            });
        }
    }
    entries
}

/// Importing one form: the edits that replace the rater's scores by the form's.
pub fn import_form(
    plan: &Plan,
    assessment_id: &str,
    bytes: &[u8],
    key: &FormKey,
) -> Result<(FilledForm, Vec<Edit>)> {
    let form = read_form(plan, assessment_id, bytes, key)?;
    let edits = score_edits(plan, &form.entries)?;
    Ok((form, edits))
}

/// Importing several forms as one: every form is checked first, and if any is refused there
/// are no edits. Problems are listed per file, under `file: Sheet!C7`.
pub fn import_forms(
    plan: &Plan,
    assessment_id: &str,
    files: &[(String, Vec<u8>)],
    key: &FormKey,
) -> Result<(Vec<FilledForm>, Vec<Edit>)> {
    let mut problems = Vec::new();
    let mut forms: Vec<(&str, FilledForm)> = Vec::new();
    for (name, bytes) in files {
        match read_form(plan, assessment_id, bytes, key) {
            Ok(form) => {
                if let Some((first, _)) = forms.iter().find(|(_, f)| f.rater_id == form.rater_id) {
                    problems.push(Problem {
                        path: name.clone(),
                        reason: format!(
                            "is {}'s form again (already given as {first})",
                            form.rater_name
                        ),
                    });
                }
                forms.push((name, form));
            }
            Err(Error::Invalid { problems: found }) => {
                problems.extend(found.into_iter().map(|p| Problem {
                    path: if p.path.is_empty() {
                        name.clone()
                    } else {
                        format!("{name}: {}", p.path)
                    },
                    reason: p.reason,
                }))
            }
            Err(other) => return Err(other),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid { problems });
    }
    let entries: Vec<ScoreEntry> = forms.iter().flat_map(|(_, f)| f.entries.clone()).collect();
    let edits = score_edits(plan, &entries)?;
    Ok((forms.into_iter().map(|(_, f)| f).collect(), edits))
}
