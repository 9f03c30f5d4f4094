//! The XLSX workbook, written to real files and read back the ways its readers read it:
//! calamine for values and types, the XML inside the zip for what calamine cannot see
//! (dropdowns, conditional formats, the chart, panes, print set-up), and LibreOffice opening it.

use crate::{now, TempDb};
use calamine::{open_workbook, Data, DataType, Reader, Xlsx};
use chrono::NaiveDate;
use std::io::Read;
use std::path::{Path, PathBuf};
use stepwise::demo::demo_plan;
use stepwise::export::{self, Format};
use stepwise::Plan;

const SHEETS: [&str; 28] = [
    "Summary",
    "Context",
    "Vision",
    "Goals",
    "Measures",
    "Check-ins",
    "Future measures",
    "Requirements",
    "Governance",
    "RACI",
    "Badge taxonomy",
    "Standards and skills",
    "Badges",
    "Pathways",
    "Issuing",
    "Maturity",
    "Ratings",
    "Gaps",
    "Success factors",
    "Communication",
    "Training",
    "Roadmap",
    "Decisions requested",
    "Risks",
    "Reviews",
    "Parked questions",
    "Decisions taken",
    "Actions",
];

/// A plan saved in a real database and exported to a real file beside it.
struct Exported {
    db: TempDb,
    path: PathBuf,
}

fn export_plan(plan: &Plan) -> Exported {
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
    .expect("the plan exports to XLSX");
    Exported { db, path }
}

fn open(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("calamine opens the workbook");
    wb.load_tables().expect("the tables load");
    wb
}

/// A part of the zip (e.g. `xl/worksheets/sheet4.xml`) as text.
fn part(path: &Path, name: &str) -> String {
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(path).unwrap()).expect("an XLSX is a zip");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the workbook"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn sheet_xml(path: &Path, sheet: &str) -> String {
    let i = SHEETS
        .iter()
        .position(|s| *s == sheet)
        .expect("a known sheet")
        + 1;
    part(path, &format!("xl/worksheets/sheet{i}.xml"))
}

/// Every text cell of a sheet, for "is this said somewhere" checks.
fn texts(wb: &mut Xlsx<std::io::BufReader<std::fs::File>>, sheet: &str) -> Vec<String> {
    let range = wb.worksheet_range(sheet).expect("the sheet reads");
    range
        .used_cells()
        .filter_map(|(_, _, d)| d.get_string().map(String::from))
        .collect()
}

/// Excel's serial number of a date (days since 30 December 1899).
fn serial(d: NaiveDate) -> f64 {
    (d - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days() as f64
}

/// The row of a table whose column `key` holds `value`, as (header → cell) lookups.
fn row_where<'a>(
    table: &'a calamine::Table<Data>,
    key: &str,
    value: &str,
) -> Vec<(&'a str, &'a Data)> {
    let k = table
        .columns()
        .iter()
        .position(|c| c == key)
        .expect("the key column exists");
    let row = table
        .data()
        .rows()
        .find(|r| r[k].get_string() == Some(value))
        .unwrap_or_else(|| panic!("a row of {} has {key} = {value}", table.name()));
    table
        .columns()
        .iter()
        .map(String::as_str)
        .zip(row.iter())
        .collect()
}

fn cell<'a>(row: &[(&str, &'a Data)], column: &str) -> &'a Data {
    row.iter()
        .find(|(c, _)| *c == column)
        .unwrap_or_else(|| panic!("column {column}"))
        .1
}

#[test]
fn the_demo_workbook_has_a_sheet_for_every_part_of_the_plan_in_reading_order() {
    let e = export_plan(&demo_plan(now()));
    let wb = open(&e.path);
    assert_eq!(
        wb.sheet_names(),
        SHEETS,
        "one sheet per part of the plan, in the journey's order"
    );
}

#[test]
fn the_tables_carry_the_headers_an_analyst_filters_on() {
    let e = export_plan(&demo_plan(now()));
    let mut wb = open(&e.path);
    for (table, expected) in [
        (
            "Goals",
            &[
                "#",
                "Goal",
                "Owner",
                "Due",
                "Specific",
                "Measurable",
                "Achievable",
                "Relevant",
                "Time-bound",
            ][..],
        ),
        (
            "Measures",
            &[
                "Goal",
                "Indicator",
                "Unit",
                "Baseline",
                "Baseline date",
                "Target",
                "Target date",
            ][..],
        ),
        (
            "CheckIns",
            &["Goal", "Measure", "Date", "Value", "Unit", "Note"][..],
        ),
        (
            "Ratings",
            &[
                "Assessment",
                "Assessed on",
                "Rater",
                "Role",
                "Facet",
                "Sub-facet",
                "Stage",
            ][..],
        ),
        (
            "Gaps",
            &[
                "Rank",
                "Phase",
                "Facet",
                "Sub-facet",
                "Current",
                "Target",
                "Gap",
            ][..],
        ),
        (
            "Raci",
            &["Activity", "Executive sponsor", "Program owner"][..],
        ),
    ] {
        let t = wb
            .table_by_name(table)
            .unwrap_or_else(|_| panic!("table {table} exists"));
        assert_eq!(
            &t.columns()[..expected.len()],
            expected,
            "{table} starts with the columns people look for"
        );
    }
    let m = wb
        .table_by_name("Maturity")
        .expect("the maturity matrix is a table");
    for h in [
        "Facet",
        "Sub-facet",
        "1 Exploratory",
        "5 Immersive",
        "Current stage",
        "Spread",
        "Dr. Nadia Okafor",
    ] {
        assert!(
            m.columns().iter().any(|c| c == h),
            "the matrix has a {h:?} column: {:?}",
            m.columns()
        );
    }
    assert_eq!(
        m.data().height(),
        20,
        "the matrix has a row per sub-facet of the model"
    );
}

#[test]
fn goals_and_measures_read_back_with_their_values_as_numbers_and_dates() {
    let plan = demo_plan(now());
    let e = export_plan(&plan);
    let mut wb = open(&e.path);
    let goal = plan
        .goals
        .iter()
        .find(|g| g.title == "Launch the First-Year Compass pathway")
        .unwrap();
    let goals = wb.table_by_name("Goals").unwrap();
    let row = row_where(&goals, "Goal", &goal.title);
    let due = cell(&row, "Due");
    assert!(
        due.is_datetime(),
        "a due date is a date, so it sorts and filters as one: {due:?}"
    );
    assert_eq!(
        due.get_datetime().map(|d| d.as_f64()),
        Some(serial(goal.due.unwrap())),
        "and it is the goal's date"
    );
    assert_eq!(cell(&row, "Owner").get_string(), Some(goal.owner.as_str()));
    assert_eq!(
        cell(&row, "Measures").get_float(),
        Some(2.0),
        "the Compass goal has two measures"
    );

    let measure = plan
        .measures
        .iter()
        .find(|m| m.indicator == "First-year students enrolled in the Compass pathway")
        .unwrap();
    let measures = wb.table_by_name("Measures").unwrap();
    let row = row_where(&measures, "Indicator", &measure.indicator);
    assert_eq!(
        cell(&row, "Baseline").get_float(),
        measure.baseline,
        "numbers stay numbers"
    );
    assert_eq!(
        cell(&row, "Target").get_float(),
        Some(1200.0),
        "the demo aims for 1,200 students"
    );
    assert!(
        cell(&row, "Target date").is_datetime(),
        "target dates are dates"
    );
    assert_eq!(
        cell(&row, "Status").get_string(),
        Some("On track"),
        "the status as of the export date"
    );
    assert_eq!(
        measures.data().height(),
        plan.measures.len(),
        "every measure has a row"
    );
    let check_ins = wb.table_by_name("CheckIns").unwrap();
    assert_eq!(
        check_ins.data().height(),
        plan.check_ins.len(),
        "every check-in has a row"
    );

    let summary = wb.worksheet_range("Summary").unwrap();
    assert!(
        summary
            .used_cells()
            .any(|(_, _, d)| d.get_string() == Some(plan.name.as_str())),
        "the summary is headed by the plan's name"
    );
}

#[test]
fn status_columns_offer_dropdowns_and_statuses_and_stages_are_coloured() {
    let e = export_plan(&demo_plan(now()));
    let measures = sheet_xml(&e.path, "Measures");
    assert!(
        measures.contains(r#"<dataValidation type="list""#),
        "the status column is a dropdown"
    );
    assert!(
        measures.contains("Achieved,On track,At risk,Off track,Not measured"),
        "offering the five statuses, in the order every report lists them"
    );
    assert!(
        measures.contains("<conditionalFormatting"),
        "statuses are coloured"
    );
    let factors = sheet_xml(&e.path, "Success factors");
    assert!(
        factors.contains(r#"<dataValidation type="list""#),
        "factor statuses are a dropdown too"
    );
    let maturity = sheet_xml(&e.path, "Maturity");
    assert!(
        maturity.contains("<colorScale>"),
        "stages shade from pale to deep"
    );
    assert!(
        maturity.contains(r#"<formula>"Current"</formula>"#),
        "the current-stage marks are coloured"
    );
}

#[test]
fn the_maturity_sheet_has_a_radar_chart_drawn_from_its_own_cells() {
    let e = export_plan(&demo_plan(now()));
    let chart = part(&e.path, "xl/charts/chart1.xml");
    assert!(
        chart.contains("<c:radarChart>"),
        "the facet profile is a radar chart"
    );
    assert!(
        chart.contains("Maturity!$A$"),
        "its categories are the facet names on the sheet"
    );
    assert_eq!(
        chart.matches("<c:ser>").count(),
        3,
        "current and the two phases' targets"
    );
    let rels = part(&e.path, "xl/worksheets/_rels/sheet16.xml.rels");
    assert!(
        rels.contains("drawing"),
        "the chart sits on the Maturity sheet (the 16th)"
    );
}

#[test]
fn long_tables_freeze_their_header_and_print_landscape_one_page_wide_with_the_header_repeated() {
    let e = export_plan(&demo_plan(now()));
    for sheet in SHEETS {
        let xml = sheet_xml(&e.path, sheet);
        assert!(
            xml.contains(r#"state="frozen""#),
            "{sheet} keeps its header in view"
        );
        assert!(
            xml.contains(r#"orientation="landscape""#),
            "{sheet} prints landscape"
        );
        assert!(
            xml.contains(r#"<pageSetUpPr fitToPage="1"/>"#),
            "{sheet} prints fitted"
        );
        assert!(
            xml.contains(r#"fitToHeight="0""#),
            "{sheet} is one page wide, as many pages tall as it needs"
        );
    }
    let goals = sheet_xml(&e.path, "Goals");
    assert!(
        goals.contains(r#"<pane xSplit="2" ySplit="4""#),
        "goal titles and the header stay in view"
    );
    let workbook = part(&e.path, "xl/workbook.xml");
    assert!(
        workbook.contains(
            r#"<definedName name="_xlnm.Print_Titles" localSheetId="3">Goals!$4:$4</definedName>"#
        ),
        "the goals' header row heads every printed page: {workbook}"
    );
}

#[test]
fn the_file_properties_name_the_plan_its_author_and_organisation_and_the_export_moment() {
    let plan = demo_plan(now());
    let e = export_plan(&plan);
    let core = part(&e.path, "docProps/core.xml");
    assert!(
        core.contains(&format!("<dc:title>{}</dc:title>", plan.name)),
        "the title is the plan's name"
    );
    assert!(core.contains("<dc:creator>Léa Marchand, Northlight Learning Strategy</dc:creator>"));
    assert!(
        core.contains("2026-11-23T09:30:00Z"),
        "created at the export moment, not the clock: {core}"
    );
    let app = part(&e.path, "docProps/app.xml");
    assert!(
        app.contains("<Company>Saint-Aurèle University</Company>"),
        "the company is the organisation"
    );
}

mod board;
mod files;

/// The demo with its first milestones marked done, missed, and left planned past their date.
pub fn plan_with_milestone_statuses() -> Plan {
    use stepwise::model::MilestoneStatus;
    let mut plan = demo_plan(now());
    let today = now().date_naive();
    let m = &mut plan.milestones;
    m[0].status = MilestoneStatus::Done;
    m[0].done_on = Some(NaiveDate::from_ymd_opt(2026, 10, 3).unwrap());
    m[1].status = MilestoneStatus::Missed;
    m[1].done_on = None;
    m[2].status = MilestoneStatus::Planned;
    m[2].done_on = None;
    m[2].due = Some(today - chrono::Days::new(10));
    plan
}

#[test]
fn milestones_carry_their_status_and_the_day_they_were_done() {
    let plan = plan_with_milestone_statuses();
    let x = export_plan(&plan);
    let mut wb = open(&x.path);
    let table = wb
        .table_by_name("Milestones")
        .expect("the milestones table");
    let done = row_where(&table, "Milestone", &plan.milestones[0].title);
    assert_eq!(cell(&done, "Status").get_string(), Some("Done"));
    let day = NaiveDate::from_ymd_opt(2026, 10, 3).unwrap();
    assert_eq!(
        cell(&done, "Done on").get_datetime().map(|d| d.as_f64()),
        Some(serial(day)),
        "the day done is a date"
    );
    let missed = row_where(&table, "Milestone", &plan.milestones[1].title);
    assert_eq!(cell(&missed, "Status").get_string(), Some("Missed"));
    let late = row_where(&table, "Milestone", &plan.milestones[2].title);
    assert_eq!(
        cell(&late, "Status").get_string(),
        Some("Overdue"),
        "planned but past its date"
    );
}
mod ordinary;
