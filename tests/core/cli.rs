//! The `stepwise` binary, run as a script would run it.

use crate::{stepwise, TempDb};
use std::path::Path;
use std::process::Command;

fn ok(db: &Path, args: &[&str]) -> String {
    let out = stepwise(db, args);
    assert!(
        out.status.success(),
        "`stepwise {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fails(db: &Path, args: &[&str]) -> String {
    let out = stepwise(db, args);
    assert!(
        !out.status.success(),
        "`stepwise {}` should have failed",
        args.join(" ")
    );
    assert!(out.stdout.is_empty(), "errors go to stderr, not stdout");
    String::from_utf8(out.stderr).unwrap()
}

fn last_line(s: &str) -> String {
    s.lines().last().unwrap_or_default().to_string()
}

#[test]
fn demo_import_and_export_print_the_plan_id_last() {
    let db = TempDb::new();
    let demo = last_line(&ok(&db.path, &["demo"]));
    assert_eq!(demo.len(), 36, "the last line is the new plan's id: {demo}");
    let file = db.dir.path().join("plan.json");
    ok(
        &db.path,
        &[
            "export",
            &demo,
            "--format",
            "json",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    let imported = last_line(&ok(&db.path, &["import", file.to_str().unwrap()]));
    assert_ne!(imported, demo);
    let list = ok(&db.path, &["list"]);
    assert!(list.contains(&demo) && list.contains(&imported), "{list}");
}

#[test]
fn plans_are_created_renamed_duplicated_shown_checked_and_deleted() {
    let db = TempDb::new();
    let id = last_line(&ok(&db.path, &["create", "Workshop one"]));
    let prefix = &id[..8];
    ok(&db.path, &["rename", prefix, "Workshop 1"]);
    let copy = last_line(&ok(&db.path, &["duplicate", &id, "--name", "Workshop 1b"]));
    let show = ok(&db.path, &["show", &id]);
    assert!(show.starts_with("Workshop 1\n"), "{show}");
    assert!(show.contains("Steps (0 of 11 complete)"), "{show}");
    assert!(
        show.contains("missing: the organisation's name"),
        "show says what is missing: {show}"
    );

    let edit = r#"{"op":"put","entity":{"goal":{"id":"g1","title":"Improve engagement","specific":"Improve engagement","measurable":"","achievable":"","relevant":"","time_bound":"","owner":"","due":"2020-01-01","statement_ids":[],"priority_ids":[]}}}"#;
    ok(&db.path, &["edit", &id, edit]);
    let check = ok(&db.path, &["check", &id, "--today", "2026-11-23"]);
    assert!(
        check.contains("Improve engagement — not SMART yet"),
        "{check}"
    );
    assert!(
        check.contains("the due date 1 Jan 2020 has already passed"),
        "{check}"
    );
    assert!(
        check.contains("there is no number to measure against")
            || check.contains("Measurable: say how"),
        "{check}"
    );
    let strict = stepwise(&db.path, &["check", &id, "--strict"]);
    assert_eq!(
        strict.status.code(),
        Some(1),
        "--strict fails on a goal that is not SMART"
    );

    let refused = fails(&db.path, &["delete", &copy]);
    assert!(refused.contains("add --yes to confirm"), "{refused}");
    ok(&db.path, &["delete", &copy, "--yes"]);
    let list = ok(&db.path, &["list"]);
    assert!(
        list.contains("Workshop 1") && !list.contains(&copy),
        "{list}"
    );
    let info = ok(&db.path, &["info"]);
    assert!(info.contains("plans: 1"), "{info}");
}

#[test]
fn errors_name_the_problem_and_exit_non_zero() {
    let db = TempDb::new();
    let err = fails(&db.path, &["show", "nope"]);
    assert_eq!(err.trim(), "error: plan \"nope\" not found");
    let id = last_line(&ok(&db.path, &["create", "Plan"]));
    let err = fails(
        &db.path,
        &["edit", &id, r#"{"op":"rename_plan","name":""}"#],
    );
    assert!(err.contains("name: a plan needs a name"), "{err}");
    let err = fails(&db.path, &["edit", &id, "not json"]);
    assert!(err.contains("edit: not a valid edit"), "{err}");
    let bad = db.dir.path().join("bad.json");
    std::fs::write(&bad, "{\"format\":\"other\"}").unwrap();
    let err = fails(&db.path, &["import", bad.to_str().unwrap()]);
    assert!(err.contains("$.format: is \"other\""), "{err}");
    let err = fails(
        &db.path,
        &["export", &id, "--out", "/nonexistent-dir/x.json"],
    );
    assert!(
        err.contains("cannot write to the folder /nonexistent-dir"),
        "{err}"
    );
    let err = fails(&db.path, &["create", ""]);
    assert!(err.contains("a plan needs a name"), "{err}");
}

#[test]
fn the_database_comes_from_the_environment_when_no_flag_is_given() {
    let db = TempDb::new();
    let out = Command::new(env!("CARGO_BIN_EXE_stepwise"))
        .args(["create", "From env"])
        .env("STEPWISE_DB", &db.path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(db.path.exists(), "STEPWISE_DB names the database file");
}

#[test]
fn export_to_standard_output_prints_the_plan_file() {
    let db = TempDb::new();
    let id = last_line(&ok(&db.path, &["create", "Plan"]));
    let out = ok(&db.path, &["export", &id, "--out", "-"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format"], "stepwise-plan");
}

#[test]
fn a_milestone_is_marked_done_from_the_command_line_and_a_stray_date_is_refused_by_name() {
    let db = TempDb::new();
    let id = last_line(&ok(&db.path, &["create", "Pilot"]));
    let put = |status: &str, done_on: &str| {
        format!(
            r#"{{"op":"put","entity":{{"milestone":{{"id":"m1","title":"First badges issued","due":"2026-10-01","phase_id":null,"goal_id":null,"status":"{status}","done_on":{done_on}}}}}}}"#
        )
    };
    ok(&db.path, &["edit", &id, &put("planned", "null")]);
    let check = ok(&db.path, &["check", &id, "--today", "2026-11-23"]);
    assert!(
        check.contains("Overdue") && check.contains("First badges issued"),
        "{check}"
    );
    let err = fails(&db.path, &["edit", &id, &put("planned", "\"2026-10-03\"")]);
    assert!(
        err.contains("done_on") && err.contains("only a milestone that is done"),
        "{err}"
    );
    ok(&db.path, &["edit", &id, &put("done", "\"2026-10-03\"")]);
    let check = ok(&db.path, &["check", &id, "--today", "2026-11-23"]);
    assert!(check.contains("Done 2026-10-03"), "{check}");
    let err = fails(&db.path, &["edit", &id, &put("finished", "null")]);
    assert!(
        err.contains("finished"),
        "an unknown status is named: {err}"
    );
}

#[test]
fn focus_mode_rounds_and_dont_know_from_the_command_line() {
    let db = TempDb::new();
    let id = last_line(&ok(&db.path, &["create", "Pilot"]));
    let a = last_line(&ok(
        &db.path,
        &["assess", "create", &id, "Baseline", "--date", "2027-03-01"],
    ));
    for name in ["Ada", "Bram"] {
        ok(&db.path, &["assess", "rater", &id, &a, name]);
    }
    ok(&db.path, &["assess", "open-round", &id, &a, "Analytics"]);
    ok(
        &db.path,
        &["assess", "score", &id, &a, "Ada", "analytics", "3"],
    );
    ok(
        &db.path,
        &[
            "assess",
            "score",
            &id,
            &a,
            "Bram",
            "analytics",
            "dk",
            "--reason",
            "Not seen it",
        ],
    );
    let err = fails(&db.path, &["assess", "open-round", &id, &a, "analytics"]);
    assert!(err.contains("still open"), "{err}");
    ok(&db.path, &["assess", "reveal-round", &id, &a, "analytics"]);
    ok(&db.path, &["assess", "open-round", &id, &a, "analytics"]);
    let plan: serde_json::Value =
        serde_json::from_str(&ok(&db.path, &["export", &id, "--out", "-"])).unwrap();
    let rounds = plan["plan"]["scoring_rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 2, "{rounds:?}");
    let ratings = plan["plan"]["ratings"].as_array().unwrap();
    assert!(ratings
        .iter()
        .any(|r| r["score"]["abstained"] == "Not seen it" && r["round"] == 1));
}
