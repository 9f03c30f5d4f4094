//! Ordinary data that once made the workbook fail: a long role name, names equal but for
//! their case in any script, and a text within the plan's limit but past a cell's.

use super::{export_plan, open, part, sheet_xml, texts};
use crate::now;
use calamine::Reader;
use stepwise::demo::demo_plan;
use stepwise::maturity::latest_revealed;

#[test]
fn long_role_names_case_twins_in_any_script_and_over_long_cell_texts_export() {
    let mut plan = demo_plan(now());
    let long_role = "Associate Vice-President, Teaching & Learning";
    plan.roles[0].name = long_role.into();
    plan.roles[1].name = "École".into();
    plan.roles[2].name = "école".into();
    plan.roles[3].name = "STRASSE".into();
    plan.roles[4].name = "straße".into();
    let revealed = latest_revealed(&plan)
        .expect("a revealed assessment")
        .id
        .clone();
    let raters: Vec<usize> = (0..plan.raters.len())
        .filter(|i| plan.raters[*i].assessment_id == revealed)
        .collect();
    plan.raters[raters[0]].name = "Ωmega".into();
    plan.raters[raters[1]].name = "ωMEGA".into();
    // 20,000 characters, within the plan's limit, but 40,000 UTF-16 units.
    plan.goals[0].specific = "😀".repeat(20_000);

    let e = export_plan(&plan);
    let mut wb = open(&e.path);
    let raci = wb.table_by_name("Raci").expect("the RACI table");
    let headers = raci.columns().to_vec();
    for want in [long_role, "École", "école (2)", "STRASSE", "straße (2)"] {
        assert!(headers.iter().any(|h| h == want), "{want} in {headers:?}");
    }
    let maturity = wb.table_by_name("Maturity").expect("the maturity matrix");
    let headers = maturity.columns().to_vec();
    assert!(
        headers.iter().any(|h| h == "Ωmega") && headers.iter().any(|h| h == "ωMEGA (2)"),
        "{headers:?}"
    );
    assert!(
        sheet_xml(&e.path, "RACI").contains("errorTitle=\"Associate Vice-President, Teach…\""),
        "the dropdown's title is cut to Excel's 32 characters"
    );
    let goals = texts(&mut wb, "Goals");
    let cut = goals
        .iter()
        .find(|t| t.starts_with("😀😀"))
        .expect("the long text is in the Goals sheet");
    assert!(cut.encode_utf16().count() <= 32_767, "{}", cut.len());
    assert!(
        cut.ends_with("[cut: an Excel cell holds 32,767 characters; the full text is in the PDF and the plan file]"),
        "the cut is marked"
    );
    assert!(part(&e.path, "xl/workbook.xml").contains("Goals"));
    let _ = wb.worksheet_range("RACI").expect("the RACI sheet reads");
}
