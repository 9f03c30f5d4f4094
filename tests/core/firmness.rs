//! How firmly each stage stands: the PDF names the stages agreed without evidence and those
//! the raters split over, and the workbook says what each sub-facet's stage rests on; both
//! from the same read model, counted here from the plan itself.

use crate::export_pdf::read::{pages, render};
use crate::{now, TempDb};
use calamine::{open_workbook, Data, Reader, Xlsx};
use stepwise::demo::demo_plan;
use stepwise::export::{self, Format};
use stepwise::maturity;

#[test]
fn the_pdf_and_the_workbook_say_which_stages_rest_on_opinion_or_a_split_vote() {
    let plan = demo_plan(now());
    let latest = maturity::latest_revealed(&plan).expect("the demo has a revealed assessment");
    let results = maturity::results(&plan, &latest.id).unwrap();
    let scored = results
        .subfacets
        .iter()
        .filter(|r| r.current.is_some())
        .count();
    let opinion = results
        .subfacets
        .iter()
        .filter(|r| r.current.is_some())
        .filter(|r| {
            r.rater_evidence.is_empty()
                && r.agreement
                    .as_ref()
                    .is_none_or(|a| a.evidence.trim().is_empty())
        })
        .count();
    assert!(opinion > 0 && opinion < scored, "the demo has both kinds");

    let text = pages(&render(&plan).path).join(" ");
    assert!(
        text.contains(&format!(
            "How firmly the stages stand: {opinion} of {scored} rest on opinion only"
        )),
        "the maturity section counts them"
    );
    assert!(text.contains("Split vote (raters 2 or more stages apart):"));

    let db = TempDb::new();
    let mut store = db.open();
    store.insert_plan(&plan).unwrap();
    let path = db.dir.path().join("plan.xlsx");
    export::export_to(
        &store,
        &plan.id,
        Format::Xlsx,
        &path,
        now(),
        Default::default(),
    )
    .unwrap();
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let sheet = wb.worksheet_range("Maturity").unwrap();
    let header = sheet
        .rows()
        .position(|r| {
            r.iter()
                .any(|c| matches!(c, Data::String(s) if s == "Stage rests on"))
        })
        .expect("the maturity table says what each stage rests on");
    let col = sheet
        .rows()
        .nth(header)
        .unwrap()
        .iter()
        .position(|c| matches!(c, Data::String(s) if s == "Stage rests on"))
        .unwrap();
    let on_opinion = sheet
        .rows()
        .skip(header + 1)
        .filter(|r| matches!(r.get(col), Some(Data::String(s)) if s.starts_with("Opinion only")))
        .count();
    assert_eq!(on_opinion, opinion, "the workbook marks the same stages");
}
