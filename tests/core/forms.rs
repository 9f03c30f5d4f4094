//! Scoring forms on real XLSX files: exported by the app, filled in the way a spreadsheet
//! program saves answers (the cells' XML inside the workbook's zip is rewritten, leaving
//! every other part — protection, dropdowns, hidden ids — as exported), and read back with
//! calamine alone.

use crate::maturity::{act, day, Fixture};
use crate::now;
use std::io::{Cursor, Read, Write};
use stepwise::catalog::catalog;
use stepwise::maturity::{self as m, forms};
use stepwise::model::{Confidence, Score};

pub const SCORES_XML: &str = "xl/worksheets/sheet1.xml";
pub const IDS_XML: &str = "xl/worksheets/sheet2.xml";

/// Named files, as `import_forms` takes them.
pub type Files = Vec<(String, Vec<u8>)>;

pub enum Fill {
    Text(String),
    Number(f64),
    Blank,
}

pub fn text(s: &str) -> Fill {
    Fill::Text(s.to_string())
}

pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("an XLSX is a zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().expect("a named part").to_string(), data)
        })
        .collect()
}

pub fn part(bytes: &[u8], name: &str) -> String {
    let (_, data) = unzip(bytes)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} in the workbook"));
    String::from_utf8(data).unwrap()
}

/// Replaces one existing cell of a sheet's XML, keeping its style (and so its lock state).
fn set_cell(xml: &str, cell: &str, value: &Fill) -> String {
    let start = xml
        .find(&format!("<c r=\"{cell}\" "))
        .unwrap_or_else(|| panic!("{cell} is written in the exported sheet"));
    let tag_end = start + xml[start..].find('>').unwrap();
    let end = if xml[..=tag_end].ends_with("/>") {
        tag_end + 1
    } else {
        start + xml[start..].find("</c>").unwrap() + 4
    };
    let tag = &xml[start..tag_end];
    let style = tag
        .find(" s=\"")
        .map(|i| {
            let rest = &tag[i + 4..];
            format!(" s=\"{}\"", &rest[..rest.find('"').unwrap()])
        })
        .unwrap_or_default();
    let escaped = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let new = match value {
        Fill::Text(t) => format!(
            "<c r=\"{cell}\"{style} t=\"inlineStr\"><is><t>{}</t></is></c>",
            escaped(t)
        ),
        Fill::Number(n) => format!("<c r=\"{cell}\"{style}><v>{n}</v></c>"),
        Fill::Blank => format!("<c r=\"{cell}\"{style}/>"),
    };
    format!("{}{new}{}", &xml[..start], &xml[end..])
}

/// The workbook with some cells of one sheet rewritten.
pub fn fill(bytes: &[u8], sheet_xml: &str, cells: &[(String, Fill)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in unzip(bytes) {
        let data = if name == sheet_xml {
            let mut xml = String::from_utf8(data).unwrap();
            for (cell, value) in cells {
                xml = set_cell(&xml, cell, value);
            }
            xml.into_bytes()
        } else {
            data
        };
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Answers every row: stage `stage_of(i)` on row i, with a confidence and a note.
pub fn answer_all(bytes: &[u8], stage_of: impl Fn(usize) -> u8) -> Vec<u8> {
    let mut cells = Vec::new();
    for i in 0..catalog().subfacets().count() {
        let row = 7 + i;
        cells.push((format!("H{row}"), Fill::Text(m::stage_label(stage_of(i)))));
        cells.push((format!("J{row}"), text("Observed")));
        cells.push((format!("K{row}"), text("seen in the Q1 report")));
    }
    fill(bytes, SCORES_XML, &cells)
}

pub fn bytes_again(f: &Fixture, rater: &str) -> Vec<u8> {
    forms::export_form(&f.plan(), &f.assessment_id, rater, &f.key()).unwrap()
}

pub fn problem_paths(err: &stepwise::Error) -> Vec<String> {
    err.problems().iter().map(|p| p.path.clone()).collect()
}

/// A revealed-or-not assessment with three raters and their exported forms.
pub fn three_forms() -> (Fixture, Vec<String>, Files) {
    let mut f = Fixture::new();
    let raters = vec![f.rater("Ana"), f.rater("Ben"), f.rater("Cleo")];
    let files = forms::export_forms(&f.plan(), &f.assessment_id, &f.key()).unwrap();
    (f, raters, files)
}

#[test]
fn three_raters_forms_round_trip_into_their_scores_and_reimporting_replaces_them() {
    let (mut f, raters, files) = three_forms();
    assert_eq!(files.len(), 3, "one form per rater");
    assert!(
        files[0]
            .0
            .starts_with("scoring-form-baseline-march-2027-ana"),
        "{}",
        files[0].0
    );
    let mut filled: Vec<(String, Vec<u8>)> = files
        .iter()
        .enumerate()
        .map(|(k, (name, bytes))| (name.clone(), answer_all(bytes, |i| (1 + (i + k) % 5) as u8)))
        .collect();
    // Ben says assessment does not apply, and one spreadsheet stored a stage as a number.
    filled[1].1 = fill(
        &filled[1].1,
        SCORES_XML,
        &[
            ("H18".into(), text("N/A")),
            ("I18".into(), text("No assessment in badges yet")),
        ],
    );
    filled[2].1 = fill(
        &filled[2].1,
        SCORES_XML,
        &[("H7".into(), Fill::Number(5.0)), ("J7".into(), Fill::Blank)],
    );
    let imported = stepwise::api::import_scoring_forms(
        &mut f.ws,
        &f.plan_id,
        &f.assessment_id,
        &filled,
        now(),
    )
    .unwrap();
    assert_eq!(
        imported
            .iter()
            .map(|x| x.rater_name.as_str())
            .collect::<Vec<_>>(),
        ["Ana", "Ben", "Cleo"]
    );

    let plan = f.plan();
    assert_eq!(
        plan.ratings.len(),
        60,
        "20 answers from each of three raters"
    );
    let rating = |rater: &str, sf: &str| {
        plan.ratings
            .iter()
            .find(|r| r.rater_id == rater && r.subfacet_id == sf)
            .unwrap()
            .clone()
    };
    let ids: Vec<&str> = catalog().subfacets().map(|s| s.id.as_str()).collect();
    assert_eq!(
        rating(&raters[0], ids[3]).score,
        Score::Stage(4),
        "Ana's row 4 says stage 4"
    );
    assert_eq!(
        rating(&raters[1], ids[3]).score,
        Score::Stage(5),
        "Ben's row 4 says stage 5"
    );
    assert_eq!(
        rating(&raters[1], "assessment").score,
        Score::NotApplicable("No assessment in badges yet".into())
    );
    let cleo = rating(&raters[2], ids[0]);
    assert_eq!(
        (cleo.score, cleo.confidence),
        (Score::Stage(5), None),
        "a numeric 5 reads as stage 5; a blank confidence is none"
    );
    let ana = rating(&raters[0], ids[0]);
    assert_eq!(
        (ana.confidence, ana.note.as_str()),
        (Some(Confidence::Observed), "seen in the Q1 report")
    );

    let again = fill(
        &filled[0].1,
        SCORES_XML,
        &[("H7".into(), text("3 Expansion"))],
    );
    stepwise::api::import_scoring_form(&mut f.ws, &f.plan_id, &f.assessment_id, &again, now())
        .unwrap();
    let plan = f.plan();
    assert_eq!(
        plan.ratings.len(),
        60,
        "re-importing a form replaces that rater's scores, it does not add"
    );
    let first = plan
        .ratings
        .iter()
        .find(|r| r.rater_id == raters[0] && r.subfacet_id == ids[0])
        .unwrap();
    assert_eq!(first.score, Score::Stage(3));
}

#[test]
fn an_exported_form_unlocks_only_the_answers_offers_dropdowns_and_hides_its_ids() {
    let (mut f, raters, _) = three_forms();
    f.score(&raters[0], "analytics", Score::Stage(2));
    f.score(&raters[1], "analytics", Score::Stage(4));
    let bytes = forms::export_form(&f.plan(), &f.assessment_id, &raters[0], &f.key()).unwrap();
    let sheet = part(&bytes, SCORES_XML);
    assert!(
        sheet.contains("<sheetProtection"),
        "the scores sheet is protected"
    );
    assert!(
        sheet.contains("<dataValidation type=\"list\""),
        "the answers have dropdowns"
    );
    assert!(
        sheet.contains(
            "\"1 Exploratory,2 Focused Launch,3 Expansion,4 Enterprise,5 Immersive,N/A\""
        ),
        "{sheet}"
    );
    assert!(
        sheet.contains("\"Evidence seen,Observed,Opinion\""),
        "the confidence dropdown"
    );
    let styles = part(&bytes, "xl/styles.xml");
    let xfs_at = styles.find("<cellXfs").unwrap();
    let xfs: Vec<&str> = styles[xfs_at..styles[xfs_at..].find("</cellXfs>").unwrap() + xfs_at]
        .split("<xf ")
        .skip(1)
        .collect();
    let style_of = |cell: &str| {
        let pattern = format!("<c r=\"{cell}\" s=\"");
        let at = sheet
            .find(&pattern)
            .unwrap_or_else(|| panic!("{cell} has a style"))
            + pattern.len();
        sheet[at..at + sheet[at..].find('"').unwrap()]
            .parse::<usize>()
            .unwrap()
    };
    for cell in ["H7", "I7", "J7", "K7", "H26", "K26"] {
        assert!(
            xfs[style_of(cell)].contains("locked=\"0\""),
            "{cell} is an answer cell and must be editable"
        );
    }
    for cell in ["A7", "B7", "C7", "G26"] {
        assert!(
            !xfs[style_of(cell)].contains("locked=\"0\""),
            "{cell} is model text and must stay locked"
        );
    }
    assert!(
        part(&bytes, "xl/workbook.xml").contains("state=\"veryHidden\""),
        "the ids sheet is hidden"
    );

    use calamine::{Data, Reader};
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let ids = wb.worksheet_range("Stepwise").unwrap();
    let plan = f.plan();
    assert_eq!(
        ids.get_value((1, 1)),
        Some(&Data::String(plan.id.clone())),
        "Stepwise!B2 ties the form to the plan"
    );
    assert_eq!(
        ids.get_value((2, 1)),
        Some(&Data::String(f.assessment_id.clone()))
    );
    assert_eq!(
        ids.get_value((3, 1)),
        Some(&Data::String(raters[0].clone()))
    );
    let scores = wb.worksheet_range("Scores").unwrap();
    let analytics_row = 6 + catalog()
        .subfacets()
        .position(|s| s.id == "analytics")
        .unwrap() as u32;
    assert_eq!(
        scores.get_value((analytics_row, 7)),
        Some(&Data::String("2 Focused Launch".into())),
        "Ana's form carries her own answer"
    );
    let sf = catalog().subfacet("analytics").unwrap();
    assert_eq!(
        scores.get_value((analytics_row, 6)),
        Some(&Data::String(sf.descriptors[4].clone())),
        "with the five descriptors"
    );
    for row in (6..26).filter(|r| *r != analytics_row) {
        let answer = scores.get_value((row, 7));
        assert!(
            answer.is_none_or(|d| d == &Data::Empty),
            "row {} holds {answer:?}; Ana answered only analytics",
            row + 1
        );
    }
    let ben = m::forms::read_form(
        &plan,
        &f.assessment_id,
        &bytes_again(&f, &raters[1]),
        &f.key(),
    )
    .expect_err("Ben's form is unfilled");
    assert!(
        ben.problems()
            .iter()
            .all(|p| p.path != format!("Scores!H{}", analytics_row + 1)),
        "Ben's form carries his own answer, not Ana's: {ben}"
    );
}

#[test]
fn a_form_from_another_assessment_or_plan_is_refused_and_nothing_is_written() {
    let (mut f, _, _) = three_forms();
    let other =
        act::create_assessment(&mut f.ws, &f.plan_id, "Follow-up", day(2028, 3, 1), now()).unwrap();
    let dee = act::add_rater(&mut f.ws, &f.plan_id, &other.id, "Dee", "", now()).unwrap();
    let theirs = answer_all(
        &forms::export_form(&f.plan(), &other.id, &dee.id, &f.key()).unwrap(),
        |_| 2,
    );
    let err =
        stepwise::api::import_scoring_form(&mut f.ws, &f.plan_id, &f.assessment_id, &theirs, now())
            .expect_err("Dee's form is for the follow-up");
    assert_eq!(problem_paths(&err), ["Stepwise!B3"], "{err}");
    assert!(
        err.to_string()
            .contains("belongs to the assessment \"Follow-up\""),
        "{err}"
    );

    let mut elsewhere = Fixture::new();
    let eve = elsewhere.rater("Eve");
    let foreign = answer_all(
        &forms::export_form(
            &elsewhere.plan(),
            &elsewhere.assessment_id,
            &eve,
            &elsewhere.key(),
        )
        .unwrap(),
        |_| 2,
    );
    let err = stepwise::api::import_scoring_form(
        &mut f.ws,
        &f.plan_id,
        &f.assessment_id,
        &foreign,
        now(),
    )
    .expect_err("Eve's form is another plan's");
    assert_eq!(problem_paths(&err), ["Stepwise!B2", "Stepwise!B3"], "{err}");
    assert!(err.to_string().contains("belongs to another plan"), "{err}");
    assert!(
        f.plan().ratings.is_empty(),
        "nothing is written from a refused form"
    );
}

#[test]
fn a_changed_layout_is_refused_naming_each_changed_cell() {
    let (mut f, _, files) = three_forms();
    let answered = answer_all(&files[0].1, |_| 2);
    let moved = fill(
        &answered,
        SCORES_XML,
        &[
            ("H6".into(), text("Stage")),
            ("B8".into(), text("Cohort size")),
            ("B9".into(), text("Target audience")),
        ],
    );
    let err =
        stepwise::api::import_scoring_form(&mut f.ws, &f.plan_id, &f.assessment_id, &moved, now())
            .expect_err("rows swapped, header renamed");
    assert_eq!(
        problem_paths(&err),
        ["Scores!H6", "Scores!B8", "Scores!B9"],
        "{err}"
    );
    let ids_changed = fill(&answered, IDS_XML, &[("B7".into(), text("analytics"))]);
    let err = stepwise::api::import_scoring_form(
        &mut f.ws,
        &f.plan_id,
        &f.assessment_id,
        &ids_changed,
        now(),
    )
    .expect_err("hidden ids edited");
    assert_eq!(problem_paths(&err), ["Stepwise!B7"], "{err}");
    assert!(f.plan().ratings.is_empty());
}

#[test]
fn values_outside_the_dropdowns_are_refused_cell_by_cell() {
    let (mut f, _, files) = three_forms();
    let answered = answer_all(&files[0].1, |_| 3);
    let bad = fill(
        &answered,
        SCORES_XML,
        &[
            ("H7".into(), text("6 Transcendent")),
            ("H8".into(), Fill::Number(3.5)),
            ("J9".into(), text("Certain")),
        ],
    );
    let err =
        stepwise::api::import_scoring_form(&mut f.ws, &f.plan_id, &f.assessment_id, &bad, now())
            .expect_err("three values are not on the lists");
    assert_eq!(
        problem_paths(&err),
        ["Scores!H7", "Scores!H8", "Scores!J9"],
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("\"6 Transcendent\" is not one of the list's values"),
        "{err}"
    );
    assert!(f.plan().ratings.is_empty());
}

#[test]
fn not_applicable_without_a_reason_and_missing_answers_are_refused() {
    let (mut f, _, files) = three_forms();
    let answered = answer_all(&files[0].1, |_| 1);
    let bad = fill(
        &answered,
        SCORES_XML,
        &[
            ("H10".into(), text("N/A")),
            ("H11".into(), Fill::Blank),
            ("H26".into(), Fill::Blank),
        ],
    );
    let err =
        stepwise::api::import_scoring_form(&mut f.ws, &f.plan_id, &f.assessment_id, &bad, now())
            .expect_err("one N/A lacks a reason, two rows are blank");
    assert_eq!(
        problem_paths(&err),
        ["Scores!I10", "Scores!H11", "Scores!H26"],
        "{err}"
    );
    assert!(err.to_string().contains("N/A needs a reason"), "{err}");
    let blank = stepwise::api::import_scoring_form(
        &mut f.ws,
        &f.plan_id,
        &f.assessment_id,
        &files[1].1,
        now(),
    )
    .expect_err("an untouched form");
    assert_eq!(
        blank.problems().len(),
        20,
        "every unanswered row is listed: {blank}"
    );
    assert!(f.plan().ratings.is_empty(), "nothing is written");
}

#[test]
fn a_batch_with_one_bad_form_writes_nothing_and_names_the_file() {
    let (mut f, _, files) = three_forms();
    let good = (files[0].0.clone(), answer_all(&files[0].1, |_| 2));
    let bad = (
        files[1].0.clone(),
        fill(
            &answer_all(&files[1].1, |_| 2),
            SCORES_XML,
            &[("H7".into(), text("seven"))],
        ),
    );
    let twice = (files[0].0.clone() + " (copy)", good.1.clone());
    let err = stepwise::api::import_scoring_forms(
        &mut f.ws,
        &f.plan_id,
        &f.assessment_id,
        &[good, bad, twice],
        now(),
    )
    .expect_err("one form is bad, one repeats");
    let paths = problem_paths(&err);
    assert_eq!(
        paths,
        [
            format!("{}: Scores!H7", files[1].0),
            format!("{} (copy)", files[0].0)
        ],
        "{err}"
    );
    assert!(
        f.plan().ratings.is_empty(),
        "the good form is not written either"
    );
}

#[test]
fn a_file_that_is_not_a_scoring_form_is_refused() {
    let (mut f, _, _) = three_forms();
    let err = stepwise::api::import_scoring_form(
        &mut f.ws,
        &f.plan_id,
        &f.assessment_id,
        b"plain text",
        now(),
    )
    .expect_err("not a workbook");
    assert!(err.to_string().contains("not a readable XLSX"), "{err}");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write(0, 0, "hello").unwrap();
    let other = wb.save_to_buffer().unwrap();
    let err =
        stepwise::api::import_scoring_form(&mut f.ws, &f.plan_id, &f.assessment_id, &other, now())
            .expect_err("a workbook, not a form");
    assert!(
        err.to_string().contains("not a Stepwise scoring form"),
        "{err}"
    );
}

#[test]
fn a_form_carries_each_raters_evidence_and_a_version_2_form_keeps_what_was_cited() {
    let (mut f, raters, files) = three_forms();
    let (name, bytes) = &files[0];
    let headers = forms::headers();
    assert_eq!(headers.last().map(String::as_str), Some("Evidence"));
    let filled = fill(
        &answer_all(bytes, |_| 2),
        SCORES_XML,
        &[("L7".into(), text("https://intranet.example/policy-v3.pdf"))],
    );
    stepwise::api::import_scoring_forms(
        &mut f.ws,
        &f.plan_id,
        &f.assessment_id,
        &[(name.clone(), filled)],
        now(),
    )
    .unwrap();
    let first = catalog().subfacets().next().unwrap().id.clone();
    let cited = |f: &Fixture| {
        f.plan()
            .ratings
            .iter()
            .find(|r| r.rater_id == raters[0] && r.subfacet_id == first)
            .unwrap()
            .evidence
            .clone()
    };
    assert_eq!(cited(&f), "https://intranet.example/policy-v3.pdf");

    // The form exported again shows it; a version 2 form (no evidence column) keeps it.
    let again = bytes_again(&f, &raters[0]);
    let strings: String = unzip(&again)
        .into_iter()
        .filter(|(n, _)| n.ends_with(".xml"))
        .map(|(_, d)| String::from_utf8_lossy(&d).into_owned())
        .collect();
    assert!(
        strings.contains("policy-v3.pdf"),
        "the form shows what was cited"
    );
    let old = fill(
        &fill(
            &answer_all(&again, |_| 3),
            IDS_XML,
            &[("B1".into(), text("2"))],
        ),
        SCORES_XML,
        &[("L6".into(), Fill::Blank), ("L7".into(), Fill::Blank)],
    );
    stepwise::api::import_scoring_form(&mut f.ws, &f.plan_id, &f.assessment_id, &old, now())
        .unwrap();
    assert_eq!(cited(&f), "https://intranet.example/policy-v3.pdf");
}
