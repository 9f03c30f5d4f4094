use super::*;

fn now() -> DateTime<Utc> {
    "2025-03-01T09:00:00Z".parse().unwrap()
}

#[test]
fn a_new_database_starts_with_the_demo_plan_listed() {
    let dir = tempfile::tempdir().unwrap();
    let backend = Backend::start(Ok(dir.path().join("new.db")), now());
    let plans = backend
        .list_plans()
        .expect("a fresh database lists its plans");
    assert_eq!(
        plans.len(),
        1,
        "the demo plan is created on first use: {plans:?}"
    );
    assert!(
        !plans[0].organisation.is_empty(),
        "the demo plan names its organisation"
    );
    assert_eq!(
        plans[0].steps.len(),
        11,
        "progress is reported for all eleven steps"
    );
}

#[test]
fn the_demo_plan_is_not_created_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twice.db");
    drop(Backend::start(Ok(path.clone()), now()));
    let plans = Backend::start(Ok(path), now()).list_plans().unwrap();
    assert_eq!(
        plans.len(),
        1,
        "a second start must not add another demo plan"
    );
}

#[test]
fn a_foreign_file_is_reported_as_code_and_message_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, b"just some notes, not a database").unwrap();
    let backend = Backend::start(Ok(path.clone()), now());
    let err = backend
        .list_plans()
        .expect_err("a foreign file must not be listed as plans");
    assert_eq!(err.code, ErrorCode::NotADatabase);
    assert!(
        err.message.contains("notes.db"),
        "the message names the file: {}",
        err.message
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"just some notes, not a database"
    );
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"code": "not_a_database", "message": err.message, "problems": []})
    );
}

#[test]
fn app_info_reports_the_database_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("info.db");
    let info = Backend::start(Ok(path.clone()), now()).info();
    assert_eq!(
        info.db_path.as_deref(),
        Some(path.display().to_string().as_str())
    );
    assert_eq!(info.version, env!("CARGO_PKG_VERSION"));
}

fn demo_backend(dir: &Path) -> (Backend, String) {
    let backend = Backend::start(Ok(dir.join("plans.db")), now()).with_export_dir(dir.join("out"));
    let id = backend.list_plans().unwrap()[0].id.clone();
    (backend, id)
}

#[test]
fn an_edit_can_be_undone_and_redone_and_each_step_is_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let (backend, id) = demo_backend(dir.path());
    let before = backend.plan_state(&id, now()).unwrap();
    assert!(!before.can_undo, "nothing to undo before the first edit");
    let goal = before.plan.goals[0].clone();
    let edited = backend
        .apply(
            &id,
            &[Edit::Delete {
                kind: stepwise::Kind::Goal,
                id: goal.id.clone(),
            }],
            now(),
        )
        .unwrap();
    let stepwise::workspace::PlanUpdate::Changes(edited) = edited else {
        panic!("a delete of a goal is answered with what changed");
    };
    assert!(edited
        .removed
        .iter()
        .any(|r| r.kind == stepwise::Kind::Goal && r.id == goal.id));
    assert!(edited.can_undo && !edited.can_redo);
    assert_eq!(
        backend.plan_state(&id, now()).unwrap().plan.goals.len(),
        before.plan.goals.len() - 1
    );

    let undone = backend.undo(&id, now()).unwrap();
    assert_eq!(
        undone.plan.goals, before.plan.goals,
        "undo brings the goal back in its place"
    );
    assert_eq!(
        undone.plan.measures, before.plan.measures,
        "and its measures with it"
    );
    assert!(undone.can_redo);

    // A fresh backend on the same file sees what undo wrote.
    drop(backend);
    let reopened = Backend::start(Ok(dir.path().join("plans.db")), now());
    assert_eq!(
        reopened.plan_state(&id, now()).unwrap().plan.goals,
        before.plan.goals
    );

    let redone = reopened.redo(&id, now());
    assert_eq!(
        redone.unwrap_err().code,
        ErrorCode::InvalidInput,
        "history belongs to the run that made the edits"
    );
}

#[test]
fn a_refused_edit_names_the_field_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (backend, id) = demo_backend(dir.path());
    let before = backend.plan_state(&id, now()).unwrap();
    let mut goal = before.plan.goals[0].clone();
    goal.title = "   ".into();
    let err = backend
        .apply(
            &id,
            &[Edit::Put {
                entity: stepwise::Entity::Goal(goal),
            }],
            now(),
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(
        err.problems.iter().any(|p| p.path.ends_with("title")),
        "the problem points at the title: {:?}",
        err.problems
    );
    let after = backend.plan_state(&id, now()).unwrap();
    assert_eq!(after.plan, before.plan);
    assert!(!after.can_undo, "a refused edit is not in the history");
}

#[test]
fn exports_go_to_the_exports_folder_and_only_they_may_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let (backend, id) = demo_backend(dir.path());
    let pdf = backend
        .export(&id, Format::Pdf, None, Default::default(), now())
        .unwrap();
    assert!(pdf
        .path
        .starts_with(&dir.path().join("out").display().to_string()));
    assert!(pdf.path.ends_with("2025-03-01.pdf"), "{}", pdf.path);
    assert!(std::fs::read(&pdf.path).unwrap().starts_with(b"%PDF"));
    assert!(backend.exported_file(&pdf.path).is_ok());
    let other = dir.path().join("plans.db").display().to_string();
    assert_eq!(
        backend.exported_file(&other).unwrap_err().code,
        ErrorCode::NotFound
    );

    let chosen = dir.path().join("chosen.xlsx");
    backend.chosen_to_save(chosen.clone());
    let xlsx = backend
        .export(
            &id,
            Format::Xlsx,
            Some(chosen.clone()),
            Default::default(),
            now(),
        )
        .unwrap();
    assert_eq!(xlsx.path, chosen.display().to_string());
    assert!(xlsx.bytes > 1000);
    assert_eq!(pdf.warning, None, "the demo's PDF draws every character");
}

#[test]
fn a_pdf_export_says_which_characters_it_shows_as_empty_boxes() {
    let dir = tempfile::tempdir().unwrap();
    let (backend, id) = demo_backend(dir.path());
    backend
        .apply(
            &id,
            &[Edit::RenamePlan {
                name: "Plan 𓀀".into(),
            }],
            now(),
        )
        .unwrap();
    let pdf = backend
        .export(&id, Format::Pdf, None, Default::default(), now())
        .unwrap();
    let warning = pdf.warning.expect("a warning");
    assert!(warning.contains("𓀀 (U+13000)"), "{warning}");
    let xlsx = backend
        .export(&id, Format::Xlsx, None, Default::default(), now())
        .unwrap();
    assert_eq!(xlsx.warning, None, "the workbook has no such limit");
}

#[test]
fn plans_are_created_duplicated_imported_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let (backend, demo) = demo_backend(dir.path());
    assert_eq!(
        backend.create_plan("  ", now()).unwrap_err().code,
        ErrorCode::InvalidInput
    );
    let new = backend.create_plan("Pilot plan", now()).unwrap();
    let copy = backend.duplicate_plan(&demo, now()).unwrap();
    let file = backend
        .export(&demo, Format::Json, None, Default::default(), now())
        .unwrap();
    let imported = backend.import_plan(Path::new(&file.path), now()).unwrap();
    assert_eq!(backend.list_plans().unwrap().len(), 4);
    backend.delete_plan(&new).unwrap();
    let ids: Vec<_> = backend
        .list_plans()
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert!(ids.contains(&copy) && ids.contains(&imported) && !ids.contains(&new));

    let junk = dir.path().join("junk.json");
    std::fs::write(&junk, "{ not json").unwrap();
    backend.chosen_to_open(junk.clone());
    let err = backend.import_plan(&junk, now()).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidPlanFile);
    assert_eq!(
        backend.list_plans().unwrap().len(),
        3,
        "a refused file adds nothing"
    );
}

#[test]
fn a_plan_rolls_forward_into_a_new_plan_and_one_without_a_cycle_is_refused_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let (backend, demo) = demo_backend(dir.path());
    let next = backend.roll_forward(&demo, now()).unwrap();
    let state = backend.plan_state(&next, now()).unwrap();
    let from = state.plan.settings.rolled_from.as_ref().unwrap();
    assert_eq!(from.plan_id, demo);
    assert_ne!(state.plan.settings.cycle, from.cycle);
    assert_eq!(backend.list_plans().unwrap().len(), 2);

    let blank = backend.create_plan("No cycle yet", now()).unwrap();
    let err = backend.roll_forward(&blank, now()).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(err.problems[0].path, "cycle");
    assert_eq!(backend.list_plans().unwrap().len(), 3, "nothing was made");
}
