//! Data written by Stepwise 0.1.0 keeps working: its database opens (after a backup) and its
//! plan file imports, through the same upgrade steps, with nothing lost.

use crate::{now, stepwise};
use rusqlite::{Connection, OpenFlags};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use stepwise::export::Format;
use stepwise::model::MilestoneStatus;
use stepwise::store::SCHEMA_VERSION;
use stepwise::workspace::Workspace;
use stepwise::{planfile, ErrorCode, Store};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// A private copy of a fixture database, as a user's file would be.
fn copy_of(version: &str, file: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stepwise.db");
    std::fs::copy(Path::new(FIXTURES).join(version).join(file), &path).unwrap();
    (dir, path)
}

fn raw(path: &Path, sql: &str) -> Vec<String> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows
}

/// Every text a document holds, wherever it sits.
fn texts(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) => {
            out.insert(s.clone());
        }
        Value::Array(a) => a.iter().for_each(|x| texts(x, out)),
        Value::Object(o) => o.values().for_each(|x| texts(x, out)),
        _ => {}
    }
}

/// Every version's fixture: a database (the demo, with an assessment still blind where the
/// version had one, and an empty plan) and the demo's plan file, as that version wrote them.
/// Whether a fixture was written before plans held decisions requested and risks (version 5).
fn before_asks(version: &str) -> bool {
    matches!(version, "v0.1.0" | "v2")
}

/// Whether a fixture was written before plans held frameworks and objections (version 6).
fn before_standards(version: &str) -> bool {
    matches!(version, "v0.1.0" | "v2" | "v5")
}

/// Whether a fixture was written before plans held badges, pathways of badges and issuing
/// routes, and the committee's approval criteria and badge requirements (version 7).
fn before_badges(version: &str) -> bool {
    matches!(version, "v0.1.0" | "v2" | "v5" | "v6")
}

/// Whether a fixture was written before plans held reviews, a cycle and rater evidence
/// (version 8), and scoring rounds (version 9).
fn before_cycle(version: &str) -> bool {
    version != "v9"
}

/// Made by `scripts/make-fixture.sh` for each new version.
const VERSIONS: [(&str, &str, &str); 5] = [
    ("v0.1.0", "stepwise-0.1.0.db", "demo-0.1.0.stepwise.json"),
    ("v2", "stepwise-v2.db", "demo-v2.stepwise.json"),
    ("v5", "stepwise-v5.db", "demo-v5.stepwise.json"),
    ("v6", "stepwise-v6.db", "demo-v6.stepwise.json"),
    ("v9", "stepwise-v9.db", "demo-v9.stepwise.json"),
];

#[test]
fn every_earlier_database_opens_lists_shows_and_exports_both_plans() {
    for (version, db, _) in VERSIONS {
        let (dir, path) = copy_of(version, db);
        let blind_state =
            "SELECT id || ':' || json_extract(body, '$.revealed') FROM assessments ORDER BY id";
        let revealed_before = raw(&path, blind_state);
        let bodies_before = raw(&path, "SELECT body FROM goals ORDER BY plan_id, id");
        let store =
            Store::open(&path).unwrap_or_else(|e| panic!("the {version} database opens: {e}"));
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);

        let listed = store.list_plans().unwrap();
        assert_eq!(listed.len(), 2, "{version}: both plans are listed");
        let demo_id = listed
            .iter()
            .find(|p| p.name.contains("(demo)"))
            .unwrap()
            .id
            .clone();
        assert!(listed.iter().any(|p| p.name == "Empty plan"), "{version}");
        for p in &listed {
            let plan = store
                .plan(&p.id)
                .unwrap_or_else(|e| panic!("{version}: {} loads: {e}", p.name));
            for format in [Format::Pdf, Format::Xlsx, Format::Json] {
                let bytes =
                    stepwise::export::render(&store, &p.id, format, now()).unwrap_or_else(|e| {
                        panic!("{version}: {format:?} export of {} fails: {e}", p.name)
                    });
                assert!(
                    bytes.len() > 1000,
                    "{format:?} export of {} has content",
                    p.name
                );
            }
            if version == "v0.1.0" {
                for m in &plan.milestones {
                    assert_eq!(
                        m.status,
                        MilestoneStatus::Planned,
                        "0.1.0 milestones become planned"
                    );
                    assert_eq!(m.done_on, None);
                }
            }
        }
        let demo = store.plan(&demo_id).unwrap();
        assert!(!demo.goals.is_empty() && !demo.ratings.is_empty() && !demo.milestones.is_empty());
        if before_asks(version) {
            assert!(
                demo.asks.is_empty() && demo.risks.is_empty(),
                "{version}: no decisions requested or risks were recorded before version 5"
            );
        } else {
            assert!(!demo.asks.is_empty() && !demo.risks.is_empty());
        }
        if before_standards(version) {
            assert!(
                demo.frameworks.is_empty() && demo.objections.is_empty(),
                "{version}: no frameworks or objections were recorded before version 6"
            );
        } else {
            assert!(!demo.frameworks.is_empty() && !demo.objections.is_empty());
        }
        if before_badges(version) {
            assert!(
                demo.badges.is_empty()
                    && demo.badge_pathways.is_empty()
                    && demo.issuing_routes.is_empty()
                    && demo.settings.approval_criteria.is_empty()
                    && demo.settings.badge_requirements.is_empty(),
                "{version}: no badges were recorded before version 7"
            );
        } else {
            assert!(!demo.badges.is_empty() && !demo.issuing_routes.is_empty());
        }
        if before_cycle(version) {
            assert!(
                demo.reviews.is_empty()
                    && demo.settings.cycle.is_empty()
                    && demo.settings.rolled_from.is_none()
                    && demo.milestones.iter().all(|m| m.cycle.is_none())
                    && demo.ratings.iter().all(|r| r.evidence.is_empty())
                    && demo.ratings.iter().all(|r| r.round == 1)
                    && demo.scoring_rounds.is_empty(),
                "{version}: no reviews, cycle, carried milestones, rater evidence or second rounds before version 8"
            );
        } else {
            assert!(
                !demo.reviews.is_empty()
                    && !demo.settings.cycle.is_empty()
                    && demo.ratings.iter().any(|r| r.round == 2),
                "{version}: the reviews, the cycle and the second round come through"
            );
        }
        assert_eq!(
            revealed_before,
            raw(&path, blind_state),
            "{version}: every assessment keeps its blind state"
        );
        assert_eq!(
            bodies_before,
            raw(&path, "SELECT body FROM goals ORDER BY plan_id, id"),
            "{version}: records the upgrade does not concern are stored byte for byte as before"
        );

        // What was blind stays blind: the app's view leaves out unrevealed scores.
        let mut ws = Workspace::new(store);
        let state = ws.state(&demo_id, now()).unwrap();
        let blind: Vec<_> = demo.assessments.iter().filter(|a| !a.revealed).collect();
        if version == "v2" {
            assert!(
                !blind.is_empty(),
                "the v2 fixture has an assessment still being scored"
            );
        }
        for a in blind {
            let raters: BTreeSet<&str> = demo
                .raters
                .iter()
                .filter(|r| r.assessment_id == a.id)
                .map(|r| r.id.as_str())
                .collect();
            assert!(
                demo.ratings
                    .iter()
                    .any(|r| raters.contains(r.rater_id.as_str()))
                    || version != "v2",
                "the blind assessment has scores to hide"
            );
            assert!(
                !state
                    .plan
                    .ratings
                    .iter()
                    .any(|r| raters.contains(r.rater_id.as_str())),
                "{version}: scores of the unrevealed assessment {} are not shown",
                a.name
            );
        }
        drop(dir);
    }
}

#[test]
fn every_earlier_plan_file_imports_with_no_text_lost() {
    for (version, _, file) in VERSIONS {
        let bytes = std::fs::read(Path::new(FIXTURES).join(version).join(file)).unwrap();
        let original: Value = serde_json::from_slice(&bytes).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("s.db")).unwrap();
        let plan = planfile::import(&mut store, &bytes, now())
            .unwrap_or_else(|e| panic!("the {version} plan file imports: {e}"));
        let exported: Value =
            serde_json::from_str(&planfile::export(&store, &plan.id, now()).unwrap()).unwrap();
        assert_eq!(exported["version"], planfile::VERSION);
        if before_asks(version) {
            assert_eq!(
                (&exported["plan"]["asks"], &exported["plan"]["risks"]),
                (&Value::Array(vec![]), &Value::Array(vec![])),
                "{version}: the lists added since are there, empty"
            );
        }
        if before_badges(version) {
            for list in ["badges", "badge_pathways", "issuing_routes"] {
                assert_eq!(
                    exported["plan"][list],
                    Value::Array(vec![]),
                    "{version}: the {list} added in version 7 are there, empty"
                );
            }
            assert_eq!(exported["plan"]["settings"]["approval_criteria"], "");
        }
        if before_cycle(version) {
            assert_eq!(
                (
                    &exported["plan"]["reviews"],
                    &exported["plan"]["settings"]["cycle"],
                    &exported["plan"]["scoring_rounds"],
                ),
                (
                    &Value::Array(vec![]),
                    &Value::from(""),
                    &Value::Array(vec![])
                ),
                "{version}: no reviews, no cycle and no scoring rounds before versions 8 and 9"
            );
        }
        let (mut before, mut after) = (BTreeSet::new(), BTreeSet::new());
        texts(&original["plan"], &mut before);
        texts(&exported["plan"], &mut after);
        // The plan's own id and dates are new on import; every other text is kept.
        for gone in ["id", "created_at", "updated_at"] {
            before.remove(original["plan"][gone].as_str().unwrap());
        }
        let lost: Vec<&String> = before.difference(&after).collect();
        assert!(lost.is_empty(), "{version}: texts lost on import: {lost:?}");
        for (list, records) in original["plan"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, v)| v.is_array())
        {
            assert_eq!(
                exported["plan"][list].as_array().map(Vec::len),
                records.as_array().map(Vec::len),
                "{version}: every {list} is imported"
            );
        }
    }
}

#[test]
fn opening_a_0_1_0_database_backs_it_up_first_and_only_once() {
    let (dir, path) = copy_of("v0.1.0", "stepwise-0.1.0.db");
    drop(Store::open(&path).unwrap());
    let backup = dir.path().join("stepwise.db.bak-1");
    assert!(
        backup.exists(),
        "the upgrade leaves stepwise.db.bak-1 beside the database"
    );
    let version: i64 = Connection::open_with_flags(&backup, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "the backup is the database as 0.1.0 left it");
    assert_eq!(
        raw(&backup, "SELECT name FROM plans ORDER BY id"),
        raw(&path, "SELECT name FROM plans ORDER BY id"),
        "the backup holds both plans"
    );
    // 0.1.0 can still open its backup: nothing in it was upgraded.
    assert_eq!(
        raw(&backup, "SELECT CAST(count(*) AS TEXT) FROM milestones WHERE json_extract(body, '$.status') IS NOT NULL"),
        ["0"]
    );
    drop(Store::open(&path).unwrap());
    let backups = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".bak-")
        })
        .count();
    assert_eq!(
        backups, 1,
        "a database already upgraded is not backed up again"
    );
}

#[test]
fn an_upgraded_database_has_the_same_schema_as_a_new_one() {
    let (_dir, path) = copy_of("v0.1.0", "stepwise-0.1.0.db");
    drop(Store::open(&path).unwrap());
    let fresh_dir = tempfile::tempdir().unwrap();
    let fresh = fresh_dir.path().join("new.db");
    drop(Store::open(&fresh).unwrap());
    let schema =
        "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name";
    assert_eq!(raw(&path, schema), raw(&fresh, schema));
}

#[test]
fn a_database_that_cannot_be_backed_up_is_not_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    // A file name so long that its backup name does not fit (255 bytes) while its -wal does:
    // the copy fails for any user,
    // root included, as a full or read-only disk would.
    let path = dir.path().join(format!("{}.db", "a".repeat(247)));
    std::fs::copy(Path::new(FIXTURES).join("v0.1.0/stepwise-0.1.0.db"), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let e = Store::open(&path).err().expect("the upgrade is refused");
    assert_eq!(e.code(), ErrorCode::Io);
    assert!(e.to_string().contains("backed up"), "{e}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the database is left untouched"
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.contains(".bak-")),
        "no half-made backup is left beside it: {names:?}"
    );
}

#[test]
fn the_cli_lists_shows_and_exports_a_0_1_0_database() {
    let (dir, path) = copy_of("v0.1.0", "stepwise-0.1.0.db");
    let db = path.to_str().unwrap();
    let out = stepwise(&path, &["list"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(
        listing.contains("Saint-Aurèle") && listing.contains("Empty plan"),
        "{listing}"
    );
    for id in ["1b7e", "db37"] {
        let show = stepwise(&path, &["show", id]);
        assert!(
            show.status.success(),
            "show {id}: {}",
            String::from_utf8_lossy(&show.stderr)
        );
        let pdf = dir.path().join(format!("{id}.pdf"));
        let out = stepwise(
            &path,
            &[
                "export",
                id,
                "--format",
                "pdf",
                "--out",
                pdf.to_str().unwrap(),
            ],
        );
        assert!(
            out.status.success(),
            "export {id}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::process::Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        assert!(!text.stdout.is_empty(), "the PDF of {id} has text ({db})");
    }
}

#[test]
fn a_plan_file_from_a_newer_version_is_refused_naming_the_version() {
    let mut doc: Value = serde_json::from_slice(
        &std::fs::read(Path::new(FIXTURES).join("v0.1.0/demo-0.1.0.stepwise.json")).unwrap(),
    )
    .unwrap();
    doc["version"] = Value::from(planfile::VERSION + 1);
    let e = planfile::parse(doc.to_string().as_bytes()).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidPlanFile);
    assert!(e.to_string().contains("newer Stepwise"), "{e}");
}
