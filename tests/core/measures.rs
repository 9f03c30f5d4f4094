//! Thresholds, staleness and confidence everywhere a plan goes: the workbook (read back with
//! calamine), the PDF (pdftotext), the plan file and the CLI, on the demo plan whose stale
//! and off-track measures are known.

use crate::export_pdf::read::{assert_clean_layout, pages, render};
use crate::{demo_via_cli, now, stepwise, TempDb};
use calamine::{open_workbook, Data, DataType, Reader, Xlsx};
use stepwise::demo::demo_plan;
use stepwise::export::{self, Format};
use stepwise::figures::measures_needing_attention;

const EMPLOYERS: &str = "Employers with a signed endorsement of the analytics badges";
const ADULTS: &str = "Continuing Education learners enrolled in the analytics courses";

fn column(t: &calamine::Table<Data>, name: &str) -> usize {
    t.columns()
        .iter()
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("no column {name} in {:?}", t.columns()))
}

fn row<'a>(t: &'a calamine::Table<Data>, key: &str, value: &str) -> &'a [Data] {
    let k = column(t, key);
    t.data()
        .rows()
        .find(|r| r[k].get_string() == Some(value))
        .unwrap_or_else(|| panic!("no row with {key} = {value}"))
}

#[test]
fn the_workbook_has_the_thresholds_the_stale_flag_and_each_check_ins_confidence() {
    let plan = demo_plan(now());
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
    wb.load_tables().unwrap();

    let summary = wb.worksheet_range("Summary").unwrap();
    let attention = summary
        .rows()
        .find(|r| r.first().and_then(|c| c.get_string()) == Some("Measures off track or stale"))
        .expect("the summary names the measures needing attention");
    let text = attention[1].get_string().unwrap();
    assert!(text.contains(&format!("{EMPLOYERS} — Off track")), "{text}");
    assert!(
        text.contains(&format!("{ADULTS} — Stale: no check-in since")),
        "{text}"
    );

    let t = wb.table_by_name("Measures").unwrap();
    let employers = row(&t, "Indicator", EMPLOYERS);
    assert_eq!(
        employers[column(&t, "Status")].get_string(),
        Some("Off track")
    );
    assert_eq!(employers[column(&t, "Red line")].get_float(), Some(6.0));
    assert!(
        employers[column(&t, "On track at")].is_empty(),
        "a red line alone"
    );
    assert_eq!(
        employers[column(&t, "Better")].get_string(),
        Some("Higher is better")
    );
    assert!(
        employers[column(&t, "Stale")]
            .get_string()
            .unwrap_or("")
            .is_empty(),
        "a measure with a recent check-in is not flagged"
    );
    let adults = row(&t, "Indicator", ADULTS);
    assert_eq!(adults[column(&t, "Stale")].get_string(), Some("Stale"));
    assert!(adults[column(&t, "Next check-in due")].is_datetime());
    let days = row(&t, "Indicator", "Days from passing grade to badge award");
    assert_eq!(
        days[column(&t, "Better")].get_string(),
        Some("Lower is better")
    );
    let stale_rows = t
        .data()
        .rows()
        .filter(|r| r[column(&t, "Stale")].get_string() == Some("Stale"))
        .count();
    assert_eq!(stale_rows, 1, "one stale measure in the demo");

    let c = wb.table_by_name("CheckIns").unwrap();
    let confidence = column(&c, "Confidence");
    let then = column(&c, "Status then");
    let measure = column(&c, "Measure");
    let employers_rows: Vec<&[Data]> = c
        .data()
        .rows()
        .filter(|r| r[measure].get_string() == Some(EMPLOYERS))
        .collect();
    assert_eq!(employers_rows.len(), 2);
    for r in employers_rows {
        assert_eq!(
            r[then].get_string(),
            Some("Off track"),
            "below the red line"
        );
        assert!(!r[column(&c, "Note")].get_string().unwrap().is_empty());
        assert!(matches!(
            r[confidence].get_string(),
            Some("High" | "Medium")
        ));
    }
    // The Stale column is coloured, on the one sheet that has it.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut coloured = 0;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if !f.name().unwrap().starts_with("xl/worksheets/sheet") {
            continue;
        }
        let mut s = String::new();
        std::io::Read::read_to_string(&mut f, &mut s).unwrap();
        if s.contains("<formula>\"Stale\"</formula>") {
            coloured += 1;
        }
    }
    assert_eq!(
        coloured, 1,
        "the Stale column is coloured on the Measures sheet"
    );
}

#[test]
fn the_pdf_prints_thresholds_staleness_confidence_and_the_history_charts() {
    let plan = demo_plan(now());
    let pdf = render(&plan);
    let text = pages(&pdf.path).join("\n");
    assert!(text.contains("judged at its latest check-in: by the measure's thresholds"));
    assert!(
        text.contains("Red line: off track below 6 employers"),
        "{text}"
    );
    assert!(text.contains("On track at 6 days or less; off track above 7 days"));
    assert!(
        text.contains("nothing since"),
        "the stale measure says since when"
    );
    assert!(text.contains("medium confidence") || text.contains("high confidence"));
    let charts = text.matches("Check-in history").count();
    let goals_with_check_ins = plan
        .goals
        .iter()
        .filter(|g| {
            plan.measures
                .iter()
                .any(|m| m.goal_id == g.id && plan.check_ins.iter().any(|c| c.measure_id == m.id))
        })
        .count();
    assert_eq!(
        charts, goals_with_check_ins,
        "one chart row per goal with check-ins"
    );
    // The executive summary's key measures name the one off track; the measures section
    // flags the stale one.
    let summary = text.split("How we will know").nth(1).unwrap();
    let summary = &summary[..summary.find("Top risks").unwrap()];
    assert!(
        summary.contains("Off track") && summary.contains(EMPLOYERS),
        "{summary}"
    );
    let section = &text[text.rfind("Success measures").unwrap()..];
    assert!(
        text.contains("Stale") && text.contains(ADULTS),
        "the stale measure is flagged: {section}"
    );
    assert_clean_layout(&pdf.path);
}

#[test]
fn the_cli_names_stale_and_off_track_measures_in_show_and_check() {
    let db = TempDb::new();
    let id = demo_via_cli(&db.path);
    let show = stepwise(&db.path, &["show", &id]);
    assert!(show.status.success());
    let show = String::from_utf8(show.stdout).unwrap();
    let part = show
        .split("Measures needing attention")
        .nth(1)
        .unwrap_or_else(|| panic!("{show}"));
    assert!(part.contains(&format!("{EMPLOYERS} — Off track")), "{part}");
    assert!(
        part.contains(&format!("{ADULTS} — Stale: no check-in since ")),
        "{part}"
    );
    assert_eq!(
        part.lines()
            .skip(1)
            .take_while(|l| l.starts_with("  "))
            .count(),
        2,
        "{part}"
    );

    let check = stepwise(&db.path, &["check", &id]);
    let check = String::from_utf8(check.stdout).unwrap();
    assert!(
        check.contains(&format!("Off track    {EMPLOYERS}")),
        "{check}"
    );
    assert!(
        check.contains("Stale: no check-in since") && check.contains("(collected each term)"),
        "{check}"
    );
}

#[test]
fn the_plan_file_carries_thresholds_and_confidence_and_imports_them_back() {
    let plan = demo_plan(now());
    let json = stepwise::planfile::to_json(&plan, now());
    let bytes = json.as_bytes();
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let employers = doc["plan"]["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["indicator"] == EMPLOYERS)
        .unwrap();
    assert_eq!(employers["red_line"], 6.0);
    assert_eq!(employers["better"], "higher");
    assert!(doc["plan"]["check_ins"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["confidence"] == "low"));
    let back = stepwise::planfile::parse(bytes).unwrap();
    assert_eq!(back.measures, plan.measures);
    assert_eq!(back.check_ins, plan.check_ins);
    assert_eq!(
        measures_needing_attention(&back, now().date_naive()).len(),
        2,
        "the same two measures need attention after the round trip"
    );
}
