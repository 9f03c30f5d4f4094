use crate::{now, TempDb};
use rusqlite::Connection;
use stepwise::model::{
    Better, CheckIn, CheckInConfidence, Goal, Measure, Priority, Raci, RaciActivity,
    RaciAssignment, Role, VisionStatement,
};
use stepwise::store::SCHEMA_VERSION;
use stepwise::{Edit, Entity, ErrorCode, Kind, Store};

fn put(store: &mut Store, plan: &str, entity: Entity) {
    store
        .apply(plan, &Edit::Put { entity }, now())
        .expect("the edit is accepted");
}

#[test]
fn a_fresh_database_has_the_current_schema_and_no_plans() {
    let db = TempDb::new();
    let store = db.open();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(
        store.list_plans().unwrap().is_empty(),
        "a new database holds no plans"
    );
    let conn = Connection::open(&db.path).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(
        mode, "wal",
        "the store runs in WAL mode so readers never block an edit"
    );
    let app: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(
        app,
        stepwise::store::APPLICATION_ID,
        "the file is marked as a Stepwise database"
    );
}

#[test]
fn every_kind_of_record_has_its_table() {
    let db = TempDb::new();
    let _store = db.open();
    let conn = Connection::open(&db.path).unwrap();
    for kind in Kind::ALL {
        let cols: Vec<String> = conn
            .prepare(&format!(
                "SELECT name FROM pragma_table_info('{}')",
                kind.table()
            ))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            cols,
            [
                "plan_id",
                "id",
                "parent_id",
                "position",
                "unique_key",
                "body"
            ],
            "table {} must have the shared record shape",
            kind.table()
        );
    }
}

#[test]
fn reopening_a_database_keeps_its_plans() {
    let db = TempDb::new();
    let id = db.open().create_plan("Badges 2027", now()).unwrap().id;
    let store = db.open();
    let plans = store.list_plans().unwrap();
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0].id, id);
    assert_eq!(plans[0].name, "Badges 2027");
    assert_eq!(
        plans[0].steps.len(),
        11,
        "the list shows progress for all eleven steps"
    );
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let db = TempDb::new();
    db.open().create_plan("Kept", now()).unwrap();
    {
        let conn = Connection::open(&db.path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&db.path).unwrap();
    let err = Store::open(&db.path)
        .err()
        .expect("a newer database must be refused");
    assert_eq!(err.code(), ErrorCode::NewerDatabase);
    assert!(
        err.to_string().contains("newer version"),
        "the message says why: {err}"
    );
    assert_eq!(
        std::fs::read(&db.path).unwrap(),
        before,
        "the file is byte-for-byte unchanged"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let db = TempDb::new();
    let text = b"Minutes of the badge committee, 12 March.\n".repeat(200);
    std::fs::write(&db.path, &text).unwrap();
    let err = Store::open(&db.path)
        .err()
        .expect("a text file must be refused");
    assert_eq!(err.code(), ErrorCode::NotADatabase);
    assert!(err.to_string().contains("not an SQLite file"), "{err}");
    assert_eq!(
        std::fs::read(&db.path).unwrap(),
        text,
        "the file is unchanged"
    );
    assert!(
        !db.dir.path().join("stepwise.db-wal").exists(),
        "no WAL file was created beside it"
    );
}

#[test]
fn another_applications_sqlite_database_is_refused_and_left_untouched() {
    let db = TempDb::new();
    {
        let conn = Connection::open(&db.path).unwrap();
        conn.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);")
            .unwrap();
    }
    let before = std::fs::read(&db.path).unwrap();
    let err = Store::open(&db.path)
        .err()
        .expect("a foreign database must be refused");
    assert_eq!(err.code(), ErrorCode::NotADatabase);
    assert!(err.to_string().contains("another application"), "{err}");
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
}

#[test]
fn an_empty_file_becomes_a_stepwise_database() {
    let db = TempDb::new();
    std::fs::write(&db.path, b"").unwrap();
    let store = db.open();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn an_edit_is_kept_and_the_plan_is_stamped() {
    let db = TempDb::new();
    let mut store = db.open();
    let plan = store.create_plan("Pilot", now()).unwrap();
    let mut goal = Goal::new("Launch five badges");
    goal.owner = "Dean of Studies".into();
    let later = now() + chrono::Duration::minutes(5);
    store
        .apply(
            &plan.id,
            &Edit::Put {
                entity: Entity::Goal(goal.clone()),
            },
            later,
        )
        .unwrap();
    let stored = db.open().plan(&plan.id).unwrap();
    assert_eq!(stored.goals, vec![goal]);
    assert_eq!(
        stored.updated_at, later,
        "an edit stamps the plan as changed"
    );
}

#[test]
fn an_invalid_edit_names_the_field_and_writes_nothing() {
    let db = TempDb::new();
    let mut store = db.open();
    let plan = store.create_plan("Pilot", now()).unwrap();
    let mut goal = Goal::new("   ");
    goal.priority_ids = vec!["nowhere".into()];
    let err = store
        .apply(
            &plan.id,
            &Edit::Put {
                entity: Entity::Goal(goal),
            },
            now(),
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["goal.title", "goal.priority_ids[0]"],
        "each problem names its field: {err}"
    );
    assert!(
        store.plan(&plan.id).unwrap().goals.is_empty(),
        "nothing was written"
    );
}

#[test]
fn a_measure_needs_a_goal_that_exists() {
    let db = TempDb::new();
    let mut store = db.open();
    let plan = store.create_plan("Pilot", now()).unwrap();
    let err = store
        .apply(
            &plan.id,
            &Edit::Put {
                entity: Entity::Measure(measure("m1", "missing-goal")),
            },
            now(),
        )
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("measure.goal_id: there is no goal"),
        "{err}"
    );
}

#[test]
fn an_off_track_check_in_needs_a_note_and_thresholds_must_read_the_right_way_round() {
    let db = TempDb::new();
    let mut store = db.open();
    let p = store.create_plan("Pilot", now()).unwrap().id;
    let goal = Goal::new("Grow completions");
    put(&mut store, &p, Entity::Goal(goal.clone()));
    let mut m = measure("m1", &goal.id);
    m.on_track_at = Some(40.0);
    m.red_line = Some(60.0);
    let err = store
        .apply(
            &p,
            &Edit::Put {
                entity: Entity::Measure(m.clone()),
            },
            now(),
        )
        .unwrap_err();
    assert!(
        err.to_string().contains(
            "measure.on_track_at: on track at (40) must be at or above the red line (60) when higher is better"
        ),
        "{err}"
    );
    m.better = Better::Lower;
    put(&mut store, &p, Entity::Measure(m.clone()));
    let mut c = CheckIn {
        id: "c1".into(),
        measure_id: m.id.clone(),
        date: now().date_naive(),
        value: 75.0,
        note: "  ".into(),
        confidence: Some(CheckInConfidence::Low),
    };
    let err = store
        .apply(
            &p,
            &Edit::Put {
                entity: Entity::CheckIn(c.clone()),
            },
            now(),
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(
        err.to_string()
            .contains("check-in.note: is required: it is above the red line of 60"),
        "{err}"
    );
    assert!(
        store.plan(&p).unwrap().check_ins.is_empty(),
        "nothing is half-written"
    );
    // At risk needs no note; off track with one is accepted.
    c.value = 50.0;
    put(&mut store, &p, Entity::CheckIn(c.clone()));
    c.value = 75.0;
    c.note = "The platform outage held back two weeks of awards.".into();
    put(&mut store, &p, Entity::CheckIn(c.clone()));
    assert_eq!(store.plan(&p).unwrap().check_ins, vec![c]);
}

fn measure(id: &str, goal: &str) -> Measure {
    Measure {
        id: id.into(),
        goal_id: goal.into(),
        indicator: "Learners earning a badge".into(),
        unit: "learners".into(),
        baseline: Some(0.0),
        baseline_date: None,
        target: Some(100.0),
        target_date: None,
        data_source: "Badge platform".into(),
        owner: "Registrar".into(),
        frequency: None,
        better: Better::Higher,
        on_track_at: None,
        red_line: None,
    }
}

#[test]
fn deleting_a_goal_deletes_its_measures_and_unlinks_what_pointed_at_it() {
    let db = TempDb::new();
    let mut store = db.open();
    let p = store.create_plan("Pilot", now()).unwrap().id;
    let goal = Goal::new("Grow completions");
    put(&mut store, &p, Entity::Goal(goal.clone()));
    put(&mut store, &p, Entity::Measure(measure("m1", &goal.id)));
    let metric_req = stepwise::model::RequirementChoice {
        id: "r1".into(),
        catalog_id: None,
        name: "Retention".into(),
        description: String::new(),
        rank: Some(1),
    };
    put(&mut store, &p, Entity::Requirement(metric_req));
    put(
        &mut store,
        &p,
        Entity::RequirementMetric(stepwise::model::RequirementMetric {
            id: "rm1".into(),
            requirement_id: "r1".into(),
            name: "Term-to-term registration".into(),
            measure_id: Some("m1".into()),
        }),
    );
    store
        .apply(
            &p,
            &Edit::Delete {
                kind: Kind::Goal,
                id: goal.id.clone(),
            },
            now(),
        )
        .unwrap();
    let plan = store.plan(&p).unwrap();
    assert!(
        plan.goals.is_empty() && plan.measures.is_empty(),
        "the goal's measures go with it"
    );
    assert_eq!(plan.requirement_metrics.len(), 1, "the metric stays");
    assert_eq!(
        plan.requirement_metrics[0].measure_id, None,
        "but no longer points at the deleted measure"
    );
}

#[test]
fn deleting_a_role_removes_its_raci_letters_and_its_workflow_responsibility() {
    let db = TempDb::new();
    let mut store = db.open();
    let p = store.create_plan("Pilot", now()).unwrap().id;
    let role = Role {
        id: "owner".into(),
        name: "Program owner".into(),
        description: String::new(),
        people: vec![],
    };
    put(&mut store, &p, Entity::Role(role));
    put(
        &mut store,
        &p,
        Entity::RaciActivity(RaciActivity {
            id: "review".into(),
            name: "Committee review".into(),
        }),
    );
    put(
        &mut store,
        &p,
        Entity::RaciAssignment(RaciAssignment {
            id: "a1".into(),
            activity_id: "review".into(),
            role_id: "owner".into(),
            code: Raci::Accountable,
        }),
    );
    store
        .apply(
            &p,
            &Edit::Delete {
                kind: Kind::Role,
                id: "owner".into(),
            },
            now(),
        )
        .unwrap();
    let plan = store.plan(&p).unwrap();
    assert!(
        plan.raci_assignments.is_empty(),
        "a RACI letter without its role means nothing"
    );
    assert_eq!(plan.raci_activities.len(), 1, "the activity stays");
}

#[test]
fn deleting_a_priority_unlinks_it_from_statements_and_goals() {
    let db = TempDb::new();
    let mut store = db.open();
    let p = store.create_plan("Pilot", now()).unwrap().id;
    put(
        &mut store,
        &p,
        Entity::Priority(Priority {
            id: "p1".into(),
            title: "Lifelong learning".into(),
            description: String::new(),
        }),
    );
    put(
        &mut store,
        &p,
        Entity::VisionStatement(VisionStatement {
            id: "v1".into(),
            text: "Every learner leaves with proof of skill.".into(),
            priority_ids: vec!["p1".into()],
        }),
    );
    let mut goal = Goal::new("Badge the first-year pathway");
    goal.priority_ids = vec!["p1".into()];
    put(&mut store, &p, Entity::Goal(goal));
    store
        .apply(
            &p,
            &Edit::Delete {
                kind: Kind::Priority,
                id: "p1".into(),
            },
            now(),
        )
        .unwrap();
    let plan = store.plan(&p).unwrap();
    assert!(plan.vision_statements[0].priority_ids.is_empty());
    assert!(plan.goals[0].priority_ids.is_empty());
}

#[test]
fn a_key_that_may_appear_once_is_refused_the_second_time() {
    let db = TempDb::new();
    let mut store = db.open();
    let p = store.create_plan("Pilot", now()).unwrap().id;
    let check = |id: &str| stepwise::model::SuccessFactorCheck {
        id: id.into(),
        factor_id: stepwise::catalog::catalog().success_factors[0].id.clone(),
        status: stepwise::model::FactorStatus::InProgress,
        note: String::new(),
    };
    put(&mut store, &p, Entity::SuccessFactor(check("f1")));
    let err = store
        .apply(
            &p,
            &Edit::Put {
                entity: Entity::SuccessFactor(check("f2")),
            },
            now(),
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("already on the checklist"),
        "{err}"
    );
}

#[test]
fn records_can_be_reordered() {
    let db = TempDb::new();
    let mut store = db.open();
    let p = store.create_plan("Pilot", now()).unwrap().id;
    for t in ["A", "B", "C"] {
        let mut g = Goal::new(t);
        g.id = t.to_lowercase();
        put(&mut store, &p, Entity::Goal(g));
    }
    store
        .apply(
            &p,
            &Edit::Move {
                kind: Kind::Goal,
                id: "c".into(),
                position: 0,
            },
            now(),
        )
        .unwrap();
    let titles: Vec<String> = store
        .plan(&p)
        .unwrap()
        .goals
        .into_iter()
        .map(|g| g.title)
        .collect();
    assert_eq!(titles, ["C", "A", "B"]);
}

#[test]
fn plans_can_be_renamed_duplicated_and_deleted() {
    let db = TempDb::new();
    let mut store = db.open();
    let p = store.create_plan("Pilot", now()).unwrap().id;
    put(&mut store, &p, Entity::Goal(Goal::new("Launch")));
    store.rename_plan(&p, "Pilot 2027", now()).unwrap();
    let copy = store.duplicate_plan(&p, None, now()).unwrap();
    assert_eq!(copy.name, "Pilot 2027 (copy)");
    assert_eq!(copy.goals.len(), 1, "the copy holds the same records");
    assert_ne!(copy.id, p);
    store.delete_plan(&p).unwrap();
    let left: Vec<String> = store
        .list_plans()
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(left, std::slice::from_ref(&copy.id));
    assert_eq!(
        store.plan(&copy.id).unwrap().goals.len(),
        1,
        "deleting the original leaves the copy whole"
    );
    let err = store.rename_plan(&copy.id, "  ", now()).unwrap_err();
    assert_eq!(err.to_string(), "invalid input: name: a plan needs a name");
}

#[test]
fn deleting_a_plan_leaves_no_records_behind() {
    let db = TempDb::new();
    let mut store = db.open();
    let plan = stepwise::demo::create_demo(&mut store, now()).unwrap();
    store.delete_plan(&plan.id).unwrap();
    let conn = Connection::open(&db.path).unwrap();
    for kind in Kind::ALL {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {}", kind.table()), [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(n, 0, "{} rows left behind", kind.table());
    }
}

#[test]
fn the_demo_plan_is_created_once_on_first_launch() {
    let db = TempDb::new();
    let mut store = db.open();
    let first = stepwise::demo::ensure_demo(&mut store, now()).unwrap();
    assert!(first.is_some(), "a new database gets the demo plan");
    assert_eq!(
        stepwise::demo::ensure_demo(&mut store, now()).unwrap(),
        None
    );
    store.delete_plan(&first.unwrap()).unwrap();
    assert_eq!(
        stepwise::demo::ensure_demo(&mut db.open(), now()).unwrap(),
        None,
        "a demo the user deleted does not come back"
    );
}
