//! One maturity headline everywhere: the PDF (read back with pdftotext), the XLSX (read back
//! with calamine) and the app's state say the same words, for the demo, for a plan with no
//! targets and for a plan whose mean falls between two stages.

use crate::export_pdf::read::{pages, render};
use crate::{now, TempDb};
use calamine::{open_workbook, Data, Reader, Xlsx};
use stepwise::demo::demo_plan;
use stepwise::export::{self, Format};
use stepwise::figures::MaturityHeadline;
use stepwise::maturity::latest_revealed;
use stepwise::model::{Agreement, Score};
use stepwise::workspace::Workspace;
use stepwise::Plan;

/// The demo with its targets removed.
fn without_targets() -> Plan {
    let mut plan = demo_plan(now());
    plan.targets.clear();
    plan
}

/// The demo with every sub-facet of its reported assessment agreed so the mean is 1.9:
/// eighteen sub-facets at stage 2 and two at stage 1.
fn mean_of_one_point_nine() -> Plan {
    let mut plan = demo_plan(now());
    let assessment = latest_revealed(&plan)
        .expect("the demo reveals an assessment")
        .id
        .clone();
    plan.agreements.retain(|a| a.assessment_id != assessment);
    let subfacets: Vec<String> = stepwise::catalog::catalog()
        .subfacets()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(subfacets.len(), 20, "the model has twenty sub-facets");
    for (i, id) in subfacets.iter().enumerate() {
        plan.agreements.push(Agreement {
            id: format!("agreed-{i}"),
            assessment_id: assessment.clone(),
            subfacet_id: id.clone(),
            score: Score::Stage(if i < 2 { 1 } else { 2 }),
            rationale: String::new(),
            evidence: String::new(),
        });
    }
    // Targets below the new current stages would be refused; aim one stage up everywhere.
    for t in plan
        .targets
        .iter_mut()
        .filter(|t| t.assessment_id == assessment)
    {
        let i = subfacets.iter().position(|s| *s == t.subfacet_id).unwrap();
        t.stage = if i < 2 { 2 } else { 3 };
    }
    plan
}

/// The headline the app's state carries for a plan stored in a real database.
fn app_sentence(plan: &Plan) -> String {
    let db = TempDb::new();
    let mut store = db.open();
    store.insert_plan(plan).expect("the plan is stored");
    let mut ws = Workspace::new(store);
    ws.state(&plan.id, now())
        .expect("the app's state")
        .maturity
        .expect("the app has a headline")
        .sentence
}

fn pdf_text(plan: &Plan) -> String {
    pages(&render(plan).path).join(" ")
}

/// The "Maturity" line of the workbook's summary sheet, and whether the Maturity sheet carries
/// the same sentence.
fn xlsx_sentences(plan: &Plan) -> (String, bool) {
    let db = TempDb::new();
    let mut store = db.open();
    store.insert_plan(plan).expect("the plan is stored");
    let path = db.dir.path().join("plan.xlsx");
    export::export_to(
        &store,
        &plan.id,
        Format::Xlsx,
        &path,
        now(),
        Default::default(),
    )
    .expect("the XLSX exports");
    let mut wb: Xlsx<_> = open_workbook(&path).expect("calamine opens the workbook");
    let summary = wb.worksheet_range("Summary").expect("the summary sheet");
    let line = summary
        .rows()
        .find(|r| matches!(r.first(), Some(Data::String(s)) if s == "Maturity"))
        .and_then(|r| {
            r.iter().skip(1).find_map(|c| match c {
                Data::String(s) => Some(s.clone()),
                _ => None,
            })
        })
        .expect("the summary has a Maturity line");
    let maturity = wb.worksheet_range("Maturity").expect("the maturity sheet");
    let on_sheet = maturity
        .cells()
        .any(|(_, _, c)| matches!(c, Data::String(s) if *s == line));
    (line, on_sheet)
}

fn assert_one_headline(plan: &Plan) -> String {
    let core = MaturityHeadline::of(plan, now().date_naive())
        .expect("a revealed assessment")
        .sentence;
    assert_eq!(app_sentence(plan), core, "the app says what the core says");
    let (xlsx, on_sheet) = xlsx_sentences(plan);
    assert_eq!(xlsx, core, "the workbook's summary says what the core says");
    assert!(on_sheet, "the Maturity sheet carries the same sentence");
    let pdf = pdf_text(plan);
    assert!(
        pdf.contains(&core),
        "the PDF's summary says {core:?}; it reads:\n{pdf}"
    );
    core
}

#[test]
fn the_demo_shows_one_maturity_headline_in_the_pdf_the_xlsx_and_the_app() {
    let sentence = assert_one_headline(&demo_plan(now()));
    assert!(sentence.contains("By the end of"), "{sentence}");
}

#[test]
fn a_plan_without_targets_says_so_in_the_same_words_everywhere() {
    let sentence = assert_one_headline(&without_targets());
    assert!(
        sentence.ends_with("No targets are set for a future phase yet."),
        "{sentence}"
    );
}

#[test]
fn a_mean_of_one_point_nine_is_not_called_a_stage_it_has_not_reached() {
    let plan = mean_of_one_point_nine();
    let sentence = assert_one_headline(&plan);
    assert!(
        sentence.contains("a mean stage of 1.9 — between Exploratory and Focused Launch."),
        "{sentence}"
    );
    let pdf = pdf_text(&plan);
    assert!(
        !pdf.contains("1.9 (Exploratory)") && !pdf.contains("2.0 (Exploratory)"),
        "no mean is labelled with a stage it has not reached"
    );
}
