use super::*;
use serde_json::json;

#[test]
fn steps_are_numbered_one_after_another() {
    for (i, step) in STEPS.iter().enumerate() {
        assert_eq!(
            step.to,
            i as i64 + 1,
            "step {i} must produce version {}",
            i + 1
        );
    }
    assert_eq!(STEPS.len() as i64, DATA_VERSION);
}

#[test]
fn a_version_1_milestone_becomes_planned_and_a_set_status_is_kept() {
    let mut plan = json!({
        "settings": {"organisation": "X"},
        "milestones": [
            {"id": "a", "title": "Pilot opens", "due": null, "phase_id": null, "goal_id": null},
            {"id": "b", "title": "Launch", "due": null, "phase_id": null, "goal_id": null,
             "status": "done", "done_on": "2026-01-05"}
        ],
        "goals": [{"id": "g", "title": "Keep me"}]
    });
    upgrade_plan_file(steps_after(STEPS, 1), &mut plan);
    assert_eq!(plan["milestones"][0]["status"], "planned");
    assert_eq!(plan["milestones"][0]["done_on"], Value::Null);
    assert_eq!(
        plan["milestones"][1]["status"], "done",
        "a status already there stays"
    );
    assert_eq!(
        plan["goals"][0],
        json!({"id": "g", "title": "Keep me"}),
        "other lists are untouched"
    );
}

#[test]
fn a_version_2_measure_keeps_its_line_and_reads_which_way_is_better_from_it() {
    let mut plan = json!({
        "measures": [
            {"id": "up", "baseline": 0.0, "target": 400.0},
            {"id": "down", "baseline": 7.0, "target": 2.0},
            {"id": "unset", "baseline": null, "target": null},
            {"id": "kept", "baseline": 7.0, "target": 2.0, "better": "higher",
             "on_track_at": 5.0, "red_line": 1.0}
        ],
        "check_ins": [
            {"id": "c", "measure_id": "up", "date": "2026-01-05", "value": 3.0, "note": ""},
            {"id": "d", "measure_id": "up", "date": "2026-02-05", "value": 4.0, "note": "",
             "confidence": "high"}
        ],
        "roles": [{"id": "r", "name": "Registrar"}]
    });
    upgrade_plan_file(steps_after(STEPS, 2), &mut plan);
    let m = &plan["measures"];
    assert_eq!(m[0]["better"], "higher");
    assert_eq!(m[1]["better"], "lower", "a target below the baseline");
    assert_eq!(m[2]["better"], "higher", "the default with no line to read");
    for i in 0..3 {
        assert_eq!(
            m[i]["on_track_at"],
            Value::Null,
            "no thresholds: the line decides"
        );
        assert_eq!(m[i]["red_line"], Value::Null);
    }
    assert_eq!(m[3]["better"], "higher", "values already there stay");
    assert_eq!(m[3]["red_line"], 1.0);
    assert_eq!(plan["check_ins"][0]["confidence"], Value::Null);
    assert_eq!(plan["check_ins"][1]["confidence"], "high");
    assert_eq!(plan["roles"][0], json!({"id": "r", "name": "Registrar"}));
}

#[test]
fn the_fixture_database_upgraded_keeps_every_measure_status() {
    use crate::figures::measure_status;
    use crate::model::{CheckIn, Measure};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/v2/stepwise-v2.db"
        ),
        &path,
    )
    .unwrap();
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    let tx = conn.transaction().unwrap();
    upgrade_database(&tx, steps_after(STEPS, 2)).unwrap();
    tx.commit().unwrap();
    let measures: Vec<Measure> = bodies(&conn, "measures")
        .into_iter()
        .map(|b| serde_json::from_value(b).unwrap())
        .collect();
    let check_ins: Vec<CheckIn> = bodies(&conn, "check_ins")
        .into_iter()
        .map(|b| serde_json::from_value(b).unwrap())
        .collect();
    assert!(!measures.is_empty() && !check_ins.is_empty());
    assert!(measures.iter().all(|m| !m.has_thresholds()));
    assert!(check_ins.iter().all(|c| c.confidence.is_none()));
    // With no thresholds the status is the line's, as before the step: at least one measure
    // with check-ins still has a status other than "not measured".
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let judged = measures
        .iter()
        .filter(|m| {
            let mine = check_ins.iter().filter(|c| c.measure_id == m.id);
            measure_status(m, mine, today) != crate::status::MeasureStatus::NotMeasured
        })
        .count();
    assert!(judged > 0, "the line still judges the upgraded measures");
}

#[test]
fn a_current_plan_file_passes_through_no_step() {
    assert!(steps_after(STEPS, DATA_VERSION).is_empty());
    assert!(steps_after(STEPS, DATA_VERSION + 3).is_empty());
    assert_eq!(steps_after(STEPS, 0).len(), STEPS.len());
}

/// A later version adding a field to one kind of record, as the next real step would.
fn add_owner_note(doc: Doc<'_>) {
    if let Doc::Record {
        list: "goals",
        body: Value::Object(g),
    } = doc
    {
        g.entry("owner_note").or_insert_with(|| Value::from(""));
    }
}

/// The next version's step: a new table, and the new field on every goal.
static A_FUTURE_STEP: &[Step] = &[Step {
    to: DATA_VERSION + 1,
    sql: "CREATE TABLE later_notes (plan_id TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (plan_id, id)) STRICT;",
    rewrite: Some(add_owner_note),
}];

fn bodies(conn: &rusqlite::Connection, table: &str) -> Vec<Value> {
    conn.prepare(&format!("SELECT body FROM {table} ORDER BY plan_id, id"))
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|b| serde_json::from_str(&b.unwrap()).unwrap())
        .collect()
}

#[test]
fn a_step_that_adds_a_field_rewrites_every_stored_record_of_that_kind_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/v0.1.0/stepwise-0.1.0.db"
        ),
        &path,
    )
    .unwrap();
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    let goals_before = bodies(&conn, "goals");
    let roles_before = bodies(&conn, "roles");
    assert!(!goals_before.is_empty(), "the fixture has goals to upgrade");
    let tx = conn.transaction().unwrap();
    upgrade_database(&tx, steps_after(STEPS, 1)).unwrap();
    upgrade_database(&tx, A_FUTURE_STEP).unwrap();
    tx.commit().unwrap();
    let goals_after = bodies(&conn, "goals");
    assert_eq!(goals_after.len(), goals_before.len());
    for (before, after) in goals_before.iter().zip(&goals_after) {
        let mut expected = before.clone();
        expected["owner_note"] = Value::from("");
        assert_eq!(after, &expected, "only the new field is added to a goal");
    }
    assert_eq!(
        bodies(&conn, "roles"),
        roles_before,
        "kinds no step changes are untouched"
    );
    for m in bodies(&conn, "milestones") {
        assert_eq!(m["status"], "planned", "the steps in between ran too");
    }
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'later_notes'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 1, "the step's SQL ran");
}

#[test]
fn a_version_3_plan_file_gains_empty_asks_and_risks_and_keeps_any_it_has() {
    let mut plan = json!({"settings": {}, "goals": []});
    upgrade_plan_file(steps_after(STEPS, 3), &mut plan);
    assert_eq!(plan["asks"], json!([]));
    assert_eq!(plan["risks"], json!([]));
    let risk = json!({"id": "r", "title": "Kept"});
    let mut plan = json!({"risks": [risk.clone()]});
    upgrade_plan_file(steps_after(STEPS, 3), &mut plan);
    assert_eq!(plan["risks"], json!([risk]), "a list already there stays");
}

#[test]
fn a_version_2_database_gains_the_asks_and_risks_tables_after_the_room_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/v2/stepwise-v2.db"
        ),
        &path,
    )
    .unwrap();
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    let tx = conn.transaction().unwrap();
    upgrade_database(&tx, steps_after(STEPS, 2)).unwrap();
    tx.commit().unwrap();
    for table in ["asks", "risks"] {
        assert!(
            bodies(&conn, table).is_empty(),
            "{table} exists and is empty"
        );
    }
}

#[test]
fn a_version_7_plan_gains_its_cycle_reviews_and_the_empty_new_fields_and_keeps_set_ones() {
    let mut plan = json!({
        "settings": {"organisation": "X"},
        "milestones": [{"id": "m", "title": "Launch"}, {"id": "n", "title": "Pilot", "cycle": "2025–26"}],
        "ratings": [{"id": "r", "note": "seen"}, {"id": "s", "evidence": "minutes"}]
    });
    upgrade_plan_file(steps_after(STEPS, 7), &mut plan);
    assert_eq!(plan["reviews"], json!([]));
    assert_eq!(plan["settings"]["cycle"], "");
    assert_eq!(plan["settings"]["rolled_from"], Value::Null);
    assert_eq!(plan["milestones"][0]["cycle"], Value::Null);
    assert_eq!(plan["milestones"][1]["cycle"], "2025–26");
    assert_eq!(plan["ratings"][0]["evidence"], "");
    assert_eq!(plan["ratings"][1]["evidence"], "minutes");
}
