use crate::{now, TempDb};
use serde_json::{json, Value};
use stepwise::{planfile, ErrorCode};

fn demo_file() -> Value {
    let plan = stepwise::demo::demo_plan(now());
    serde_json::from_str(&planfile::to_json(&plan, now())).unwrap()
}

/// The exported document with what an import is allowed to change blanked out.
fn comparable(text: &str) -> Value {
    let mut v: Value = serde_json::from_str(text).unwrap();
    v["exported_at"] = Value::Null;
    for k in ["id", "created_at", "updated_at"] {
        v["plan"][k] = Value::Null;
    }
    v
}

#[test]
fn the_demo_plan_survives_export_import_export_unchanged() {
    let db = TempDb::new();
    let mut store = db.open();
    let demo = stepwise::demo::create_demo(&mut store, now()).unwrap();
    let first = planfile::export(&store, &demo.id, now()).unwrap();
    let later = now() + chrono::Duration::days(1);
    let imported = planfile::import(&mut store, first.as_bytes(), later).unwrap();
    assert_ne!(imported.id, demo.id, "an import is a new plan");
    let second = planfile::export(&store, &imported.id, later).unwrap();
    assert_eq!(
        comparable(&first),
        comparable(&second),
        "the round trip is lossless"
    );
    assert_eq!(store.list_plans().unwrap().len(), 2);
}

/// Imports `bytes` into an empty database and returns the error, checking nothing was written.
fn refused(bytes: &[u8]) -> stepwise::Error {
    let db = TempDb::new();
    let mut store = db.open();
    let err = planfile::import(&mut store, bytes, now()).expect_err("the file must be refused");
    assert!(
        store.list_plans().unwrap().is_empty(),
        "a refused file writes nothing"
    );
    err
}

fn refused_doc(doc: &Value) -> stepwise::Error {
    refused(serde_json::to_string(doc).unwrap().as_bytes())
}

#[test]
fn a_file_that_is_not_json_is_refused_with_its_line_and_column() {
    let err = refused(b"{\"format\": \"stepwise-plan\",\n \"version\": 1,\n oops }");
    assert_eq!(err.code(), ErrorCode::InvalidPlanFile);
    assert!(
        err.to_string().contains("line 3, column 2: not valid JSON"),
        "{err}"
    );
}

#[test]
fn a_file_of_another_format_is_refused() {
    let err = refused_doc(&json!({"format": "trello-board", "version": 1, "plan": {}}));
    assert!(
        err.to_string().contains("$.format: is \"trello-board\""),
        "{err}"
    );
    let err = refused_doc(&json!([1, 2, 3]));
    assert!(err.to_string().contains("expected a JSON object"), "{err}");
    let err = refused_doc(&json!({"name": "x"}));
    assert!(err.to_string().contains("$.format: is missing"), "{err}");
}

#[test]
fn a_file_from_a_newer_version_is_refused() {
    let mut doc = demo_file();
    doc["version"] = json!(planfile::VERSION + 1);
    let err = refused_doc(&doc);
    let expected = format!(
        "$.version: the file is format version {}, written by a newer Stepwise",
        planfile::VERSION + 1
    );
    assert!(err.to_string().contains(&expected), "{err}");
}

#[test]
fn a_missing_field_is_refused_with_its_place() {
    let mut doc = demo_file();
    doc["plan"]["goals"][1]
        .as_object_mut()
        .unwrap()
        .remove("owner");
    let err = refused_doc(&doc);
    assert!(
        err.to_string()
            .contains("$.plan.goals[1]: missing field `owner`"),
        "{err}"
    );
}

#[test]
fn a_mistyped_field_is_refused_with_its_place() {
    let mut doc = demo_file();
    doc["plan"]["goals"][0]["due"] = json!("next spring");
    let err = refused_doc(&doc);
    assert!(err.to_string().contains("$.plan.goals[0].due:"), "{err}");
    let mut doc = demo_file();
    doc["plan"]["measures"][0]["target"] = json!("lots");
    let err = refused_doc(&doc);
    assert!(
        err.to_string()
            .contains("$.plan.measures[0].target: invalid type: string \"lots\""),
        "{err}"
    );
}

#[test]
fn a_reference_to_something_not_in_the_plan_is_refused() {
    let mut doc = demo_file();
    doc["plan"]["measures"][2]["goal_id"] = json!("no-such-goal");
    doc["plan"]["ratings"][0]["subfacet_id"] = json!("world-peace");
    let err = refused_doc(&doc);
    let text = err.to_string();
    assert!(
        text.contains(
            "$.plan.measures[2].goal_id: refers to goal \"no-such-goal\", which is not in the plan"
        ),
        "{text}"
    );
    assert!(
        text.contains("$.plan.ratings[0].subfacet_id: \"world-peace\" is not a known sub-facet"),
        "{text}"
    );
    assert_eq!(
        err.problems().len(),
        2,
        "every problem is listed, not just the first"
    );
}

#[test]
fn a_stage_outside_the_model_is_refused() {
    let mut doc = demo_file();
    doc["plan"]["targets"][0]["stage"] = json!(7);
    let err = refused_doc(&doc);
    assert!(
        err.to_string()
            .contains("$.plan.targets[0].stage: stage 7 does not exist"),
        "{err}"
    );
}

#[test]
fn duplicate_ids_are_refused() {
    let mut doc = demo_file();
    let first = doc["plan"]["goals"][0]["id"].clone();
    doc["plan"]["goals"][1]["id"] = first;
    let err = refused_doc(&doc);
    assert!(err.to_string().contains("$.plan.goals[1].id: "), "{err}");
    assert!(
        err.to_string().contains("is used by an earlier goal"),
        "{err}"
    );
}

#[test]
fn absurd_sizes_are_refused() {
    let mut doc = demo_file();
    doc["plan"]["goals"][0]["specific"] = json!("x".repeat(stepwise::record::MAX_TEXT + 1));
    let err = refused_doc(&doc);
    assert!(
        err.to_string()
            .contains("$.plan.goals[0].specific: is 20001 characters long"),
        "{err}"
    );

    let mut doc = demo_file();
    doc["plan"]["name"] = json!("n".repeat(201));
    let err = refused_doc(&doc);
    assert!(
        err.to_string()
            .contains("$.plan.name: is 201 characters long"),
        "{err}"
    );

    let mut big = b"{\"format\":\"stepwise-plan\",\"pad\":\"".to_vec();
    big.resize(planfile::MAX_BYTES + 10, b'a');
    let err = refused(&big);
    assert!(
        err.to_string().contains("a plan file is at most 64 MB"),
        "{err}"
    );
}

#[test]
fn an_unknown_field_is_refused() {
    let mut doc = demo_file();
    doc["plan"]["goals"][0]["colour"] = json!("teal");
    let err = refused_doc(&doc);
    assert!(err.to_string().contains("unknown field `colour`"), "{err}");
}
