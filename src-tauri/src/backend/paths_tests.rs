//! Paths from the UI: only what a dialog returned in this run, or the exports folder.

use super::super::{Backend, Exported};
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use stepwise::export::Format;
use stepwise::ErrorCode;

fn now() -> DateTime<Utc> {
    "2025-03-01T09:00:00Z".parse().unwrap()
}

struct App {
    dir: tempfile::TempDir,
    backend: Backend,
    plan: String,
}

impl App {
    fn new() -> App {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        let backend = Backend::start(Ok(dir.path().join("plans.db")), now()).with_export_dir(out);
        let plan = backend.list_plans().unwrap()[0].id.clone();
        App { dir, backend, plan }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn export(&self, path: &Path) -> Result<Exported, super::ApiError> {
        self.backend.export(
            &self.plan,
            Format::Json,
            Some(path.to_path_buf()),
            Default::default(),
            now(),
        )
    }
}

fn assert_refused(result: Result<impl std::fmt::Debug, super::ApiError>, what: &str) {
    let err = result.expect_err(what);
    assert_eq!(err.code, ErrorCode::InvalidInput, "{what}: {err:?}");
    assert!(
        err.message.contains("was not chosen in a file dialog"),
        "{what}: {}",
        err.message
    );
}

#[test]
fn an_export_goes_only_where_a_save_dialog_chose_or_into_the_exports_folder() {
    let app = App::new();
    let elsewhere = app.path("elsewhere.json");
    assert_refused(app.export(&elsewhere), "a path no dialog returned");
    assert!(!elsewhere.exists(), "nothing was written");
    assert_refused(
        app.export(&app.path("out/../elsewhere.json")),
        "out of the exports folder by ..",
    );
    assert_refused(
        app.export(Path::new("/tmp/stepwise-x.json")),
        "an absolute path",
    );

    // A file chosen to open is not thereby one that may be overwritten.
    app.backend.chosen_to_open(elsewhere.clone());
    assert_refused(app.export(&elsewhere), "chosen to open, not to save");

    app.backend.chosen_to_save(elsewhere.clone());
    app.export(&elsewhere)
        .expect("the path the save dialog returned");
    app.export(&app.path("out/named.json"))
        .expect("a file in the exports folder");
    std::fs::create_dir(app.path("out/sub")).unwrap();
    app.export(&app.path("out/./sub/../named2.json"))
        .expect("the exports folder, spelled another way");
}

#[test]
fn even_a_chosen_path_cannot_be_the_database() {
    let app = App::new();
    let db = app.path("plans.db");
    app.backend.chosen_to_save(db.clone());
    let err = app
        .export(&db)
        .expect_err("the database is never overwritten");
    assert!(
        err.message.contains("Stepwise database in use"),
        "{}",
        err.message
    );
    assert_eq!(app.backend.list_plans().unwrap().len(), 1);
}

#[test]
fn an_import_reads_only_what_an_open_dialog_chose_or_the_exports_folder() {
    let app = App::new();
    let file = app.path("plan.json");
    app.backend.chosen_to_save(file.clone());
    app.export(&file).unwrap();

    assert_refused(
        app.backend.import_plan(&file, now()),
        "saved there, but not chosen to open",
    );
    assert_refused(
        app.backend.import_plan(Path::new("/etc/passwd"), now()),
        "any file on the system",
    );
    assert_eq!(
        app.backend.list_plans().unwrap().len(),
        1,
        "nothing imported"
    );

    app.backend.chosen_to_open(file.clone());
    app.backend
        .import_plan(&file, now())
        .expect("chosen to open");
    let exported = app
        .backend
        .export(&app.plan, Format::Json, None, Default::default(), now())
        .unwrap();
    app.backend
        .import_plan(Path::new(&exported.path), now())
        .expect("a plan file in the exports folder");
    assert_eq!(app.backend.list_plans().unwrap().len(), 3);
}

#[test]
fn scoring_forms_are_written_and_read_only_where_allowed() {
    let app = App::new();
    let plan = app.backend.plan_state(&app.plan, now()).unwrap().plan;
    let assessment = plan.assessments[0].id.clone();
    let b = &app.backend;
    b.apply_intent(
        &app.plan,
        &stepwise::Intent::AddRater {
            assessment_id: assessment.clone(),
            name: "Ada".into(),
            role: "Registrar".into(),
        },
        now(),
    )
    .unwrap();

    let elsewhere = app.path("forms");
    std::fs::create_dir(&elsewhere).unwrap();
    assert_refused(
        b.export_scoring_forms(&app.plan, &assessment, Some(elsewhere.clone())),
        "a folder no dialog returned",
    );
    assert!(std::fs::read_dir(&elsewhere).unwrap().next().is_none());
    let written = b
        .export_scoring_forms(&app.plan, &assessment, Some(app.path("out/../out")))
        .expect("the exports folder, however spelled");
    assert!(!written.is_empty());

    // A form copied out of the exports folder can be imported only through the dialog.
    let copy = app.path("copy.xlsx");
    std::fs::copy(&written[0].path, &copy).unwrap();
    assert_refused(
        b.import_scoring_form(&app.plan, &assessment, &copy, now()),
        "a form no dialog returned",
    );
    b.chosen_to_open(copy.clone());
    let err = b
        .import_scoring_form(&app.plan, &assessment, &copy, now())
        .map(|_| ())
        .err();
    assert!(
        err.is_none_or(|e| !e.message.contains("was not chosen")),
        "once chosen, the form itself is read (and judged on its contents)"
    );
}
