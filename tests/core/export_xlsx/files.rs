//! The workbook of plans other than the demo (empty, huge, half-revealed), and the ways it
//! reaches a file: the same bytes each time, through the CLI, never half-written, and opened
//! by LibreOffice.

use super::{export_plan, open, texts, SHEETS};
use crate::{now, TempDb};
use calamine::{DataType, Reader};
use std::path::{Path, PathBuf};
use std::process::Command;
use stepwise::demo::{demo_plan, stress_plan};
use stepwise::export::{self, Format};
use stepwise::{ErrorCode, Plan};

#[test]
fn the_same_plan_exported_at_the_same_moment_is_the_same_bytes() {
    let plan = demo_plan(now());
    let a = export::xlsx::render(&plan, now()).unwrap();
    let b = export::xlsx::render(&plan, now()).unwrap();
    assert!(
        a == b,
        "a re-export of an unchanged plan must not look like a change"
    );
}

fn libreoffice_to_pdf(xlsx: &Path, out: &Path) -> PathBuf {
    // A profile of its own, so tests running side by side do not fight over one.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        out.join("lo-profile").display()
    );
    let status = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out)
        .arg(xlsx)
        .output()
        .expect("LibreOffice is installed (scripts/setup.sh installs libreoffice-calc-nogui)");
    assert!(
        status.status.success(),
        "LibreOffice failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    out.join(xlsx.with_extension("pdf").file_name().unwrap())
}

#[test]
fn libreoffice_opens_the_demo_workbook_and_prints_every_sheet() {
    let e = export_plan(&demo_plan(now()));
    let pdf = libreoffice_to_pdf(&e.path, e.db.dir.path());
    let bytes = std::fs::read(&pdf).expect("LibreOffice wrote a PDF");
    assert!(
        bytes.starts_with(b"%PDF") && bytes.len() > 10_000,
        "a real, non-empty PDF"
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout);
    for heading in [
        "SMART goals",
        "Success measures",
        "Maturity self-assessment",
        "RACI matrix",
        "Roadmap",
    ] {
        assert!(
            text.contains(heading),
            "the printout has the {heading:?} sheet"
        );
    }
}

#[test]
fn a_plan_with_empty_steps_exports_every_sheet_with_a_not_yet_written_note() {
    let e = export_plan(&Plan::new("Blank plan", now()));
    let mut wb = open(&e.path);
    assert_eq!(wb.sheet_names(), SHEETS, "empty steps keep their sheet");
    for sheet in SHEETS
        .iter()
        .filter(|s| !["Summary", "Success factors"].contains(s))
    {
        let said = texts(&mut wb, sheet);
        assert!(
            said.iter().any(|t| t.starts_with("Not yet written")),
            "{sheet} says it is not yet written rather than showing nothing: {said:?}"
        );
    }
    let factors = wb.table_by_name("SuccessFactors").unwrap();
    assert_eq!(
        factors.data().height(),
        10,
        "the checklist lists the ten factors, not started"
    );
}

#[test]
fn the_stress_plan_exports_every_goal_measure_and_revealed_rating() {
    let plan = stress_plan(now());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stress.xlsx");
    let bytes = export::xlsx::render(&plan, now()).expect("the stress plan exports");
    stepwise::files::write_atomic(&path, &bytes).unwrap();
    let mut wb = open(&path);
    for (table, rows) in [
        ("Goals", plan.goals.len()),
        ("Measures", plan.measures.len()),
        ("CheckIns", plan.check_ins.len()),
        ("Ratings", plan.ratings.len()),
    ] {
        let t = wb.table_by_name(table).unwrap();
        assert_eq!(
            t.data().height(),
            rows,
            "{table} holds every record of the stress plan"
        );
    }
    let goals = wb.table_by_name("Goals").unwrap();
    let longest = goals
        .data()
        .rows()
        .filter_map(|r| r[4].get_string())
        .map(|s| s.chars().count())
        .max();
    assert!(
        longest > Some(4_000),
        "long goal parts are kept whole, not cut to fit the row"
    );
}

#[test]
fn blind_scoring_keeps_an_unrevealed_assessment_out_of_the_workbook() {
    let mut plan = demo_plan(now());
    let latest = plan
        .assessments
        .iter_mut()
        .max_by_key(|a| a.assessed_on)
        .unwrap();
    latest.revealed = false;
    let hidden = latest.name.clone();
    let hidden_id = latest.id.clone();
    // Blind throughout: the sub-facet scored again in focus mode is hidden too.
    for round in plan
        .scoring_rounds
        .iter_mut()
        .filter(|r| r.assessment_id == hidden_id)
    {
        round.revealed = false;
    }
    let e = export_plan(&plan);
    let mut wb = open(&e.path);
    for sheet in ["Maturity", "Ratings", "Gaps"] {
        let said = texts(&mut wb, sheet).join("\n");
        assert!(
            !said.contains("Helen Tsosie"),
            "{sheet} must not name a rater of a hidden assessment"
        );
    }
    let ratings = texts(&mut wb, "Ratings").join("\n");
    assert!(
        ratings.contains(&hidden),
        "the Ratings sheet says which assessment is still being scored"
    );
    let maturity = wb.table_by_name("Maturity").unwrap();
    assert!(
        !maturity.columns().iter().any(|c| c == "Dr. Nadia Okafor"),
        "the matrix shows the earlier revealed assessment, without the hidden raters"
    );
}

#[test]
fn the_cli_exports_the_workbook_to_the_file_named() {
    let db = TempDb::new();
    let run = |args: &[&str]| crate::stepwise(&db.path, args);
    let id = crate::demo_via_cli(&db.path);
    let out = db.dir.path().join("from-cli.xlsx");
    let done = run(&[
        "export",
        &id,
        "--format",
        "xlsx",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        done.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert_eq!(
        open(&out).sheet_names(),
        SHEETS,
        "the CLI writes the same workbook as the app"
    );

    let missing = db.dir.path().join("no-such-folder").join("plan.xlsx");
    let failed = run(&[
        "export",
        &id,
        "--format",
        "xlsx",
        "--out",
        missing.to_str().unwrap(),
    ]);
    assert!(
        !failed.status.success(),
        "writing into a missing folder must fail"
    );
    let err = String::from_utf8_lossy(&failed.stderr);
    assert!(
        err.contains("no-such-folder"),
        "the error names the folder it could not write to: {err}"
    );
}

#[test]
fn an_unwritable_path_gives_a_clear_error_and_leaves_no_file_behind() {
    let plan = demo_plan(now());
    let e = export_plan(&plan);
    let store = e.db.open();
    let dir = e.db.dir.path();
    let blocker = dir.join("a-file");
    std::fs::write(&blocker, "not a folder").unwrap();
    for target in [
        dir.join("missing").join("plan.xlsx"),
        blocker.join("plan.xlsx"),
        dir.to_path_buf(),
    ] {
        let err = export::export_to(
            &store,
            &plan.id,
            Format::Xlsx,
            &target,
            now(),
            Default::default(),
        )
        .expect_err("cannot be written");
        assert_eq!(
            err.code(),
            ErrorCode::Io,
            "an unwritable path is an I/O error the UI can show: {err}"
        );
        assert!(
            err.to_string().starts_with("cannot write"),
            "the message says what failed: {err}"
        );
        assert!(!target.is_file(), "no file appears at {}", target.display());
    }
    let mut left: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|f| f.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("stepwise.db"))
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["a-file", "plan.xlsx"],
        "no half-written temporary file is left behind"
    );
}

/// The demo's analytics went to a second round: the Ratings sheet has a row per round, and a
/// rater's "don't know" says so, with what would help.
#[test]
fn the_ratings_sheet_has_a_row_per_round_and_names_an_abstention() {
    let e = export_plan(&demo_plan(now()));
    let mut wb = open(&e.path);
    wb.load_tables().unwrap();
    let t = wb.table_by_name("Ratings").unwrap();
    let col = |name: &str| t.columns().iter().position(|c| c == name).unwrap();
    let (sf, round, stage_name, why) = (
        col("Sub-facet"),
        col("Round"),
        col("Stage name"),
        col("N/A reason or what would help"),
    );
    let analytics: Vec<_> = t
        .data()
        .rows()
        .filter(|r| r[sf].get_string() == Some("Analytics"))
        .collect();
    let rounds: Vec<f64> = analytics
        .iter()
        .filter_map(|r| r[round].get_float())
        .collect();
    assert_eq!(
        rounds.iter().filter(|n| **n == 2.0).count(),
        3,
        "{rounds:?}"
    );
    let abstained = analytics
        .iter()
        .find(|r| r[stage_name].get_string() == Some("Don't know"))
        .expect("the abstention is listed");
    assert!(abstained[why]
        .get_string()
        .is_some_and(|s| s.contains("dashboard")));
}
