//! The one write path and the one read path (`stepwise::files`), against real files: the open
//! database under every spelling, symbolic links, hard links, pipes, devices, read-only and
//! private files, huge sparse files, and temporaries left by a process that died mid-export.

use crate::{ls, now, stepwise, TempDb};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;
use stepwise::export::{export_to, Format};
use stepwise::files::{read_input, write_atomic, Input, TEMP_PREFIX};
use stepwise::Store;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn message(e: stepwise::Error) -> String {
    e.to_string()
}

#[test]
fn an_export_onto_the_open_database_is_refused_whatever_the_spelling() {
    let db = TempDb::new();
    let mut store = db.open();
    let plan = store.create_plan("Badges 2027", now()).unwrap().id;
    let dir = db.dir.path();
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::os::unix::fs::symlink(&db.path, dir.join("link.db")).unwrap();
    std::os::unix::fs::symlink(dir, dir.join("linked-folder")).unwrap();
    std::fs::hard_link(&db.path, dir.join("hard.db")).unwrap();
    let targets: Vec<PathBuf> = vec![
        db.path.clone(),
        dir.join("sub/../stepwise.db"),
        dir.join("./sub/.././stepwise.db"),
        dir.join("link.db"),
        dir.join("linked-folder/stepwise.db"),
        dir.join("hard.db"),
        dir.join("stepwise.db-wal"),
        dir.join("stepwise.db-shm"),
        dir.join("linked-folder/stepwise.db-wal"),
        // Not there while the database is open in WAL mode, but SQLite would read it.
        dir.join("sub/../stepwise.db-journal"),
    ];
    for target in &targets {
        for format in [Format::Pdf, Format::Json] {
            let err = export_to(&store, &plan, format, target, now(), Default::default())
                .expect_err(&format!("{} must be refused", target.display()));
            assert!(
                message(err).contains("Stepwise database in use"),
                "{} is refused as the database",
                target.display()
            );
        }
    }
    assert!(!dir.join("stepwise.db-journal").exists());
    drop(store);
    let reopened = Store::open(&db.path).expect("the database is still a database");
    assert_eq!(reopened.list_plans().unwrap().len(), 1, "no plan was lost");
}

#[test]
fn the_cli_refuses_an_export_onto_its_database_given_by_a_relative_path() {
    let db = TempDb::new();
    let dir = db.dir.path();
    let id = crate::demo_via_cli(&db.path);
    std::fs::create_dir(dir.join("out")).unwrap();
    let before = std::fs::read(&db.path).unwrap();
    for out in ["stepwise.db", "out/../stepwise.db", "./stepwise.db-wal"] {
        let run = Command::new(env!("CARGO_BIN_EXE_stepwise"))
            .current_dir(dir)
            .args(["--db", "stepwise.db", "export", &id, "--format", "pdf"])
            .args(["--out", out])
            .env_remove("STEPWISE_DB")
            .output()
            .unwrap();
        assert!(!run.status.success(), "--out {out} must be refused");
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.contains("Stepwise database in use"), "{err}");
    }
    assert_eq!(
        std::fs::read(&db.path).unwrap(),
        before,
        "the database is untouched"
    );
    let list = stepwise(&db.path, &["list"]);
    assert!(String::from_utf8_lossy(&list.stdout).contains("demo"));
}

#[test]
fn an_export_replaces_only_a_regular_file_that_may_be_changed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let bytes = b"new contents";

    // A symbolic link: neither the link nor what it points at is touched.
    std::fs::write(d.join("target.pdf"), b"kept").unwrap();
    std::os::unix::fs::symlink(d.join("target.pdf"), d.join("link.pdf")).unwrap();
    let err = message(write_atomic(&d.join("link.pdf"), bytes).unwrap_err());
    assert!(err.contains("symbolic link"), "{err}");
    assert!(std::fs::symlink_metadata(d.join("link.pdf"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read(d.join("target.pdf")).unwrap(), b"kept");

    // A pipe: refused at once (a write would otherwise block or replace it).
    let fifo = d.join("pipe.pdf");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let err = message(write_atomic(&fifo, bytes).unwrap_err());
    assert!(err.contains("not a regular file"), "{err}");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());

    // A folder.
    std::fs::create_dir(d.join("folder.pdf")).unwrap();
    let err = message(write_atomic(&d.join("folder.pdf"), bytes).unwrap_err());
    assert!(err.contains("folder"), "{err}");

    // A read-only file (refused even for an administrator, who could otherwise replace it).
    let ro = d.join("signed.pdf");
    std::fs::write(&ro, b"signed copy").unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
    let err = message(write_atomic(&ro, bytes).unwrap_err());
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(std::fs::read(&ro).unwrap(), b"signed copy");
    assert_eq!(mode(&ro), 0o444);

    // A private file stays private; a new one is an ordinary document.
    let private = d.join("private.xlsx");
    std::fs::write(&private, b"old").unwrap();
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
    write_atomic(&private, bytes).unwrap();
    assert_eq!(std::fs::read(&private).unwrap(), bytes);
    assert_eq!(mode(&private), 0o600, "the replaced file keeps its mode");
    write_atomic(&d.join("new.pdf"), bytes).unwrap();
    assert_eq!(mode(&d.join("new.pdf")), 0o644);

    // A folder that is not there.
    let err = message(write_atomic(&d.join("missing/plan.pdf"), bytes).unwrap_err());
    assert!(err.contains("cannot write to the folder"), "{err}");

    assert!(
        ls(d).iter().all(|n| !n.starts_with(TEMP_PREFIX)),
        "no temporary is left behind by a refusal: {:?}",
        ls(d)
    );
}

/// Runs the CLI with a file-size limit, so the kernel kills it (SIGXFSZ) in the middle of
/// writing the export, the way a crash or a SIGKILL would.
fn export_killed_midway(db: &Path, id: &str, out: &Path) -> Output {
    let script = format!(
        "ulimit -f 256; exec \"{}\" --db \"{}\" export {id} --format pdf --out \"{}\"",
        env!("CARGO_BIN_EXE_stepwise"),
        db.display(),
        out.display()
    );
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .env_remove("STEPWISE_DB")
        .output()
        .unwrap()
}

#[test]
fn a_temporary_left_by_an_export_killed_midway_is_removed_by_the_next_one() {
    let db = TempDb::new();
    let id = crate::demo_via_cli(&db.path);
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("plan.pdf");

    let killed = export_killed_midway(&db.path, &id, &target);
    assert!(!killed.status.success(), "the export was killed");
    let left: Vec<String> = ls(out.path());
    assert_eq!(
        left.len(),
        1,
        "the killed export left its temporary: {left:?}"
    );
    assert!(left[0].starts_with(TEMP_PREFIX), "{left:?}");
    assert!(!target.exists(), "no half-written plan.pdf");

    // Another writer's temporary, still being written (held locked), is left alone.
    let busy = out.path().join(format!("{TEMP_PREFIX}busy.tmp"));
    let holder = std::fs::File::create(&busy).unwrap();
    lock(&holder);
    // Someone else's file that merely looks similar is not ours to remove.
    std::fs::write(out.path().join(".stepwise-notes.tmp"), b"mine").unwrap();

    let ok = stepwise(
        &db.path,
        &[
            "export",
            &id,
            "--format",
            "pdf",
            "--out",
            target.to_str().unwrap(),
        ],
    );
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let busy_name = format!("{TEMP_PREFIX}busy.tmp");
    assert_eq!(
        ls(out.path()),
        vec![
            ".stepwise-notes.tmp".to_string(),
            busy_name.clone(),
            "plan.pdf".into()
        ],
        "the dead export's temporary is gone, the live one and the look-alike stay"
    );

    // Once its writer is gone (the lock goes with it), it is a leftover too. Other tests
    // spawn processes on other threads, and a child holds a copy of every descriptor (this
    // lock's too) for the instant between fork and exec; so the next export may find it
    // still locked once, and the one after removes it.
    drop(holder);
    let gone = (0..20).any(|_| {
        write_atomic(&out.path().join("plan.json"), b"{}").unwrap();
        let gone = !ls(out.path()).contains(&busy_name);
        if !gone {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        gone
    });
    assert!(gone, "the temporary of a writer that is gone is removed");
}

fn lock(file: &std::fs::File) {
    use std::os::unix::io::AsRawFd;
    assert_eq!(unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) }, 0);
}

/// Runs the CLI, killing it if it has not finished within a minute: a hang is a failure.
fn run_bounded(db: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stepwise"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("STEPWISE_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    for _ in 0..600 {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.kill().unwrap();
    panic!("`stepwise {}` hung", args.join(" "));
}

#[test]
fn every_import_looks_at_the_type_and_size_before_reading() {
    let db = TempDb::new();
    let id = crate::demo_via_cli(&db.path);
    let plan = stepwise::Store::open(&db.path).unwrap().plan(&id).unwrap();
    let assessment = plan.assessments[0].id.clone();
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("pipe");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    // Sparse: takes no room on disk, but reading it would take 3 GB.
    let huge = d.path().join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(3 << 30)
        .unwrap();

    let cases: [(&str, &str); 4] = [
        ("/dev/zero", "not a regular file"),
        (fifo.to_str().unwrap(), "not a regular file"),
        (huge.to_str().unwrap(), "3.0 GB"),
        (d.path().to_str().unwrap(), "folder"),
    ];
    for (file, why) in cases {
        for args in [
            vec!["import", file],
            vec!["assess", "import-forms", &id, &assessment, file],
            vec!["assess", "score-csv", &id, &assessment, file],
        ] {
            let out = run_bounded(&db.path, &args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "`{}` must fail", args.join(" "));
            assert!(err.contains(why), "`{}`: {err}", args.join(" "));
        }
    }
}

#[test]
fn each_input_reads_at_most_its_limit() {
    let d = tempfile::tempdir().unwrap();
    for input in [Input::PlanFile, Input::ScoringForm, Input::ScoresCsv] {
        let path = d.path().join("file");
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(input.limit()).unwrap();
        assert_eq!(
            read_input(&path, input).unwrap().len() as u64,
            input.limit(),
            "{input:?}: the limit itself is accepted"
        );
        f.set_len(input.limit() + 1).unwrap();
        let err = message(read_input(&path, input).unwrap_err());
        assert!(err.contains("at most"), "{input:?}: {err}");
    }
}

#[test]
fn long_names_make_file_names_that_can_be_created() {
    let d = tempfile::tempdir().unwrap();
    let names = [
        "戦略".repeat(60),
        "🎓".repeat(120),
        "Associate Vice-President, Teaching & Learning — ".repeat(8),
        "é".repeat(300),
    ];
    for name in &names {
        for format in [Format::Pdf, Format::Xlsx, Format::Json] {
            let file = stepwise::export::file_name(name, format, now());
            assert!(file.len() <= 255, "{} bytes: {file}", file.len());
            write_atomic(&d.path().join(&file), b"x").expect("the file can be created");
        }
        let form = stepwise::maturity::forms::form_file_name(name, name);
        assert!(
            form.len() + 9 <= 255,
            "room for a de-duplicating suffix: {form}"
        );
        write_atomic(&d.path().join(&form), b"x").expect("the form can be created");
    }
}

#[test]
fn scoring_forms_for_long_names_are_written() {
    let db = TempDb::new();
    let id = crate::demo_via_cli(&db.path);
    let name = "評価".repeat(100);
    let created = stepwise(&db.path, &["assess", "create", &id, &name]);
    assert!(created.status.success(), "{created:?}");
    let assessment = String::from_utf8(created.stdout)
        .unwrap()
        .trim()
        .to_string();
    for rater in ["山田 花子".repeat(20), "李".repeat(150)] {
        let out = stepwise(&db.path, &["assess", "rater", &id, &assessment, &rater]);
        assert!(out.status.success(), "{out:?}");
    }
    let dir = db.dir.path().join("forms");
    let out = stepwise(
        &db.path,
        &[
            "assess",
            "export-forms",
            &id,
            &assessment,
            "--out",
            dir.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(ls(&dir).len(), 2);
}
