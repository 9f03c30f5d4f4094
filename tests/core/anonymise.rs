//! "Anonymise raters" on export: the workbook's scores are attributed to "Rater 1"…"Rater N"
//! (one number per person across assessments, roles left out), the PDF still renders, and the
//! plan file keeps every name. Driven through the CLI, as a script would.

use crate::{demo_via_cli, stepwise, TempDb};
use calamine::{open_workbook, Data, Reader, Xlsx};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The Ratings sheet's (rater, role) pairs, each with how many scores it carries.
fn raters_on_sheet(path: &Path) -> BTreeMap<(String, String), usize> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("calamine opens the workbook");
    let sheet = wb.worksheet_range("Ratings").expect("the ratings sheet");
    let mut rows = sheet.rows();
    let header = rows
        .find(|r| {
            r.iter()
                .any(|c| matches!(c, Data::String(s) if s == "Rater"))
        })
        .expect("the ratings table has a Rater column");
    let col = |name: &str| {
        header
            .iter()
            .position(|c| matches!(c, Data::String(s) if s == name))
            .unwrap_or_else(|| panic!("a {name} column"))
    };
    let (rater, role) = (col("Rater"), col("Role"));
    let text = |c: Option<&Data>| match c {
        Some(Data::String(s)) => s.clone(),
        _ => String::new(),
    };
    let mut out = BTreeMap::new();
    for r in rows.filter(|r| !text(r.get(rater)).is_empty()) {
        *out.entry((text(r.get(rater)), text(r.get(role))))
            .or_default() += 1;
    }
    out
}

#[test]
fn anonymised_exports_attribute_scores_to_numbered_raters_and_the_plan_file_keeps_the_names() {
    let db = TempDb::new();
    let id = demo_via_cli(&db.path);
    let dir = db.dir.path();
    let export = |format: &str, file: &str, anonymise: bool| {
        let out = dir.join(file);
        let mut args = vec![
            "export",
            &id,
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
        ];
        if anonymise {
            args.push("--anonymise-raters");
        }
        let run = stepwise(&db.path, &args);
        assert!(
            run.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        out
    };

    let named = raters_on_sheet(&export("xlsx", "named.xlsx", false));
    let anonymous = raters_on_sheet(&export("xlsx", "anonymous.xlsx", true));
    let people: BTreeSet<&str> = named.keys().map(|(n, _)| n.as_str()).collect();
    assert!(
        people.len() >= 3,
        "the demo's scores come from several raters: {named:?}"
    );
    assert!(
        named.keys().any(|(_, role)| !role.is_empty()),
        "the plain workbook gives roles"
    );
    let numbered: BTreeSet<String> = (1..=people.len()).map(|n| format!("Rater {n}")).collect();
    assert_eq!(
        anonymous
            .keys()
            .map(|(n, _)| n.clone())
            .collect::<BTreeSet<_>>(),
        numbered,
        "one number per person, across every assessment"
    );
    assert!(
        anonymous.keys().all(|(_, role)| role.is_empty()),
        "no roles"
    );
    assert_eq!(
        anonymous.values().sum::<usize>(),
        named.values().sum::<usize>(),
        "every score is still there"
    );
    let mut per_person: Vec<usize> = people
        .iter()
        .map(|p| {
            named
                .iter()
                .filter(|((n, _), _)| n == p)
                .map(|(_, c)| c)
                .sum()
        })
        .collect();
    let mut per_number: Vec<usize> = anonymous.values().copied().collect();
    per_person.sort();
    per_number.sort();
    assert_eq!(
        per_person, per_number,
        "each number carries one person's scores"
    );

    let pdf = export("pdf", "anonymous.pdf", true);
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(text.status.success() && !text.stdout.is_empty());

    let file = std::fs::read_to_string(export("json", "plan.json", true)).unwrap();
    for person in &people {
        assert!(
            file.contains(&format!("\"name\": \"{person}\""))
                || file.contains(&format!("\"name\":\"{person}\"")),
            "the plan file keeps {person}"
        );
    }
}
