//! The board pack's first page and the workbook agree: the PDF's page 3 is the executive
//! summary with the decisions and their costs, the off-track measure, the top risks with
//! their owners and the one maturity headline, and the workbook's summary gives the same
//! headline word for word; the decisions and the risk register have sheets of their own.

use super::{export_plan, open, row_where, sheet_xml, texts};
use crate::export_pdf::read::{pages, render};
use crate::now;
use calamine::{Data, DataType};
use stepwise::demo::demo_plan;
use stepwise::figures::{ask_cost, risks_ranked, MaturityHeadline};

/// Text with every run of white space made one space, as `read::pages` gives the PDF.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn page_3_is_an_executive_summary_with_the_same_headline_as_the_workbook() {
    let plan = demo_plan(now());
    let headline = MaturityHeadline::of(&plan, now().date_naive())
        .expect("the demo has a revealed assessment")
        .sentence;

    let pdf = render(&plan);
    let page3 = &pages(&pdf.path)[2];
    assert!(page3.contains("Executive summary"), "{page3}");
    assert!(
        page3.contains(&flat(&headline)),
        "page 3 gives the maturity headline {headline:?}: {page3}"
    );
    for a in &plan.asks {
        for needle in [a.title.as_str(), &ask_cost(a)] {
            assert!(page3.contains(needle), "the ask {needle:?} is on page 3");
        }
    }
    assert!(page3.contains("What we ask: CAD 182,000 and 2.9 FTE in all"));
    assert!(
        // The arrow between the figures is drawn, not a character: pdftotext skips it.
        page3.contains("Employers with a signed endorsement of the analytics badges 4 12 employers Mar 2027 Off track"),
        "the off-track measure is named with its figures: {page3}"
    );
    for r in risks_ranked(&plan).iter().take(3) {
        let row = format!("{} {} ", r.title, r.score());
        assert!(page3.contains(&row), "the top risk {row:?} is on page 3");
        assert!(page3.contains(&r.owner), "with its owner {}", r.owner);
    }
    let fourth = risks_ranked(&plan)[3];
    assert!(!page3.contains(&fourth.title), "only the top three risks");
    assert!(page3.contains("The next 90 days"));
    assert!(
        pages(&pdf.path)[3].contains("SECTION 1"),
        "the summary is one page: the page after it opens section 1"
    );

    let e = export_plan(&plan);
    let mut wb = open(&e.path);
    let summary = texts(&mut wb, "Summary");
    assert!(
        summary.contains(&headline),
        "the workbook's summary gives the same headline: {summary:?}"
    );
    assert!(summary
        .iter()
        .any(|t| t == "3 decisions requested (CAD 182,000 and 2.9 FTE); 5 open risks, 1 high"));
}

#[test]
fn the_decisions_and_risks_sheets_hold_every_record_and_the_score_is_a_coloured_formula() {
    let plan = demo_plan(now());
    let e = export_plan(&plan);
    let mut wb = open(&e.path);
    let decisions = wb.table_by_name("DecisionsRequested").unwrap();
    assert_eq!(decisions.data().height(), plan.asks.len());
    let row = row_where(&decisions, "Decision", "Fund the gradebook connector");
    let get = |row: &[(&str, &Data)], c: &str| {
        row.iter()
            .find(|(k, _)| *k == c)
            .map(|(_, d)| (*d).clone())
            .unwrap()
    };
    assert_eq!(get(&row, "Money").get_float(), Some(68_000.0));
    assert_eq!(get(&row, "FTE").get_float(), Some(0.5));
    assert_eq!(
        get(&row, "Who decides").get_string(),
        Some("Board of Governors")
    );

    let risks = wb.table_by_name("Risks").unwrap();
    assert_eq!(risks.data().height(), plan.risks.len());
    let top = row_where(
        &risks,
        "Risk",
        "Employers do not endorse before the pilot closes",
    );
    assert_eq!(get(&top, "Score").get_float(), Some(16.0));
    assert_eq!(get(&top, "Owner").get_string(), Some("Jonah Whitfield"));
    let xml = sheet_xml(&e.path, "Risks");
    assert!(
        xml.contains("<f>B"),
        "the score is a formula of likelihood and impact"
    );
    assert!(
        xml.contains("<formula>15</formula><formula>25</formula>"),
        "high scores are coloured"
    );
}
