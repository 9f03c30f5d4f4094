//! Writes a rater's scoring form. The form carries that rater's own answers so far (and no
//! one else's), so a half-filled form can be sent out again.

use super::key::{FormKey, Level};
use super::*;
use crate::error::{Error, Result};
use crate::maturity::answers::{
    confidence_label, stage_choices, stage_label, CONFIDENCES, NOT_APPLICABLE_LABEL,
};
use crate::maturity::lookup::{find_assessment, find_rater};
use crate::model::{Plan, Rater, Score};
use chrono::Datelike;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

fn xlsx_error(e: XlsxError) -> Error {
    Error::io(
        "cannot build the scoring form",
        std::io::Error::other(e.to_string()),
    )
}

/// How every form's file name starts, so forms can be told from other workbooks in a folder.
pub const FORM_FILE_PREFIX: &str = "scoring-form-";

/// A file name for a rater's form: the assessment and the rater, in characters every file
/// system accepts, each cut to 100 bytes so the whole stays within the 255 bytes allowed.
pub fn form_file_name(assessment_name: &str, rater_name: &str) -> String {
    let slug = |s: &str| {
        let words: Vec<String> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let joined = words.join("-");
        crate::files::truncate_bytes(&joined, 100)
            .trim_end_matches('-')
            .to_string()
    };
    format!(
        "{FORM_FILE_PREFIX}{}-{}.xlsx",
        slug(assessment_name),
        slug(rater_name)
    )
}

/// Every rater's form for an assessment, with its file name, in the order the raters were added.
pub fn export_forms(
    plan: &Plan,
    assessment_id: &str,
    key: &FormKey,
) -> Result<Vec<(String, Vec<u8>)>> {
    let assessment = find_assessment(plan, assessment_id)?;
    let raters: Vec<&Rater> = plan
        .raters
        .iter()
        .filter(|r| r.assessment_id == assessment.id)
        .collect();
    if raters.is_empty() {
        return Err(Error::invalid(
            "raters",
            format!("\"{}\" has no raters yet; add them first", assessment.name),
        ));
    }
    let mut names = std::collections::HashSet::new();
    raters
        .into_iter()
        .map(|r| {
            let mut name = form_file_name(&assessment.name, &r.name);
            if !names.insert(name.clone()) {
                // Two raters with the same name still get a file each.
                name = name.replace(".xlsx", &format!("-{}.xlsx", &r.id[..r.id.len().min(8)]));
            }
            Ok((name, export_form(plan, &assessment.id, &r.id, key)?))
        })
        .collect()
}

/// One rater's form as XLSX bytes, its ids signed with `key` (`FormKey::of` the store).
pub fn export_form(
    plan: &Plan,
    assessment_id: &str,
    rater_id: &str,
    key: &FormKey,
) -> Result<Vec<u8>> {
    let assessment = find_assessment(plan, assessment_id)?;
    let rater = find_rater(plan, &assessment.id, rater_id)?;
    let mut wb = Workbook::new();
    let d = assessment.assessed_on;
    // The creation date is the assessment's, so the same form is the same bytes.
    let created = ExcelDateTime::from_ymd(
        d.year().clamp(1900, 9999) as u16,
        d.month() as u8,
        d.day() as u8,
    )
    .map_err(xlsx_error)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("Scoring form — {}", assessment.name))
            .set_author(&rater.name)
            .set_subject(&plan.name)
            .set_creation_datetime(&created),
    );
    let scores = scores_sheet(plan, assessment, rater).map_err(xlsx_error)?;
    let ids = ids_sheet(plan, assessment, rater, key).map_err(xlsx_error)?;
    wb.push_worksheet(scores);
    wb.push_worksheet(ids);
    wb.save_to_buffer().map_err(xlsx_error)
}

fn scores_sheet(
    plan: &Plan,
    assessment: &crate::model::Assessment,
    rater: &Rater,
) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(SCORES_SHEET)?;
    let title = Format::new().set_bold().set_font_size(14);
    let header = Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(0x17335F))
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let text = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let facet = text.clone().set_bold();
    let answer = text
        .clone()
        .set_unlocked()
        .set_background_color(Color::RGB(0xFFF7D6));

    ws.write_with_format(
        0,
        0,
        format!("Maturity self-assessment — {}", assessment.name),
        &title,
    )?;
    let role = if rater.role.is_empty() {
        String::new()
    } else {
        format!(" ({})", rater.role)
    };
    ws.write(1, 0, format!("Rater: {}{role}", rater.name))?;
    ws.write(
        2,
        0,
        format!(
            "Plan: {} · assessed on {}",
            plan.name, assessment.assessed_on
        ),
    )?;
    ws.write(
        3,
        0,
        "For each sub-facet, read the five stages and pick the one that describes your organisation today under \
         \u{201c}Your stage\u{201d}. Choose N/A only with a reason. Confidence, note and evidence (what your stage rests on: a \
         sentence, a link or a file's name) are optional. Only the \
         shaded answer cells can be edited; your answers stay hidden from the other raters until the facilitator \
         reveals them.",
    )?;
    for (col, h) in headers().iter().enumerate() {
        ws.write_with_format(HEADER_ROW, col as u16, h, &header)?;
    }
    // Each sub-facet's current round: a re-opened sub-facet shows the form blank again.
    let own: Vec<&crate::model::Rating> = plan
        .ratings
        .iter()
        .filter(|r| {
            r.rater_id == rater.id
                && r.round
                    == crate::maturity::current_round(plan, &rater.assessment_id, &r.subfacet_id)
        })
        .collect();
    let facet_name = |id: &str| {
        catalog()
            .facet(id)
            .map(|f| f.name.clone())
            .unwrap_or_default()
    };
    for (i, sf) in rows().into_iter().enumerate() {
        let row = FIRST_ROW + i as u32;
        ws.write_with_format(row, COL_FACET, facet_name(&sf.facet_id), &facet)?;
        ws.write_with_format(row, COL_SUBFACET, &sf.name, &facet)?;
        for (s, descriptor) in sf.descriptors.iter().enumerate() {
            ws.write_with_format(row, COL_FIRST_STAGE + s as u16, descriptor, &text)?;
        }
        let mine = own.iter().find(|r| r.subfacet_id == sf.id);
        let (stage, reason) = match mine.map(|r| &r.score) {
            Some(Score::Stage(s)) => (stage_label(*s), String::new()),
            Some(Score::NotApplicable(why)) => (NOT_APPLICABLE_LABEL.to_string(), why.clone()),
            // The form has no "don't know" answer: left blank, the rater can still give one.
            Some(Score::Abstained(_)) => (String::new(), String::new()),
            None => (String::new(), String::new()),
        };
        let confidence = mine
            .and_then(|r| r.confidence)
            .map(confidence_label)
            .unwrap_or("");
        let note = mine.map(|r| r.note.as_str()).unwrap_or("");
        let evidence = mine.map(|r| r.evidence.as_str()).unwrap_or("");
        for (col, value) in [
            (COL_STAGE, stage.as_str()),
            (COL_REASON, &reason),
            (COL_CONFIDENCE, confidence),
            (COL_NOTE, note),
            (COL_EVIDENCE, evidence),
        ] {
            if value.is_empty() {
                ws.write_blank(row, col, &answer)?;
            } else {
                ws.write_with_format(row, col, value, &answer)?;
            }
        }
        ws.set_row_height(row, 75)?;
    }
    let last = FIRST_ROW + rows().len() as u32 - 1;
    ws.add_data_validation(
        FIRST_ROW,
        COL_STAGE,
        last,
        COL_STAGE,
        &DataValidation::new()
            .allow_list_strings(&stage_choices())?
            .set_input_title("Your stage")?
            .set_input_message(
                "Pick the stage that describes your organisation today, or N/A with a reason.",
            )?
            .set_error_title("Not a stage")?
            .set_error_message("Pick a stage from the list, or N/A.")?
            .set_error_style(DataValidationErrorStyle::Stop),
    )?;
    let confidences: Vec<&str> = CONFIDENCES.into_iter().map(confidence_label).collect();
    ws.add_data_validation(
        FIRST_ROW,
        COL_CONFIDENCE,
        last,
        COL_CONFIDENCE,
        &DataValidation::new()
            .allow_list_strings(&confidences)?
            .set_error_message("Pick how you know: evidence seen, observed, or opinion.")?,
    )?;
    ws.set_column_width(COL_FACET, 16)?;
    ws.set_column_width(COL_SUBFACET, 22)?;
    for s in 0..5 {
        ws.set_column_width(COL_FIRST_STAGE + s, 24)?;
    }
    ws.set_column_width(COL_STAGE, 18)?;
    ws.set_column_width(COL_REASON, 26)?;
    ws.set_column_width(COL_CONFIDENCE, 15)?;
    ws.set_column_width(COL_NOTE, 36)?;
    ws.set_column_width(COL_EVIDENCE, 36)?;
    ws.set_row_height(3, 48)?;
    ws.set_freeze_panes(FIRST_ROW, COL_FIRST_STAGE)?;
    ws.set_landscape();
    ws.protect();
    Ok(ws)
}

fn ids_sheet(
    plan: &Plan,
    assessment: &crate::model::Assessment,
    rater: &Rater,
    key: &FormKey,
) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(IDS_SHEET)?;
    ws.write(0, 0, MARKER)?;
    ws.write(0, 1, FORM_VERSION.to_string())?;
    let (p, a, r) = (plan.id.as_str(), assessment.id.as_str(), rater.id.as_str());
    for (row, label, value, signature) in [
        (ROW_PLAN, "plan_id", p, key.sign(Level::Plan, &[p])),
        (
            ROW_ASSESSMENT,
            "assessment_id",
            a,
            key.sign(Level::Assessment, &[p, a]),
        ),
        (ROW_RATER, "rater_id", r, key.sign(Level::Rater, &[p, a, r])),
    ] {
        ws.write(row, 0, label)?;
        ws.write(row, 1, value)?;
        ws.write(row, COL_SIGNATURE, signature)?;
    }
    for (i, sf) in rows().into_iter().enumerate() {
        ws.write(FIRST_ID_ROW + i as u32, 0, "subfacet")?;
        ws.write(FIRST_ID_ROW + i as u32, 1, &sf.id)?;
    }
    ws.set_very_hidden(true);
    ws.protect();
    Ok(ws)
}
