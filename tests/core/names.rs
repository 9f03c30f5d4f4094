//! What people type as names and ids: a name is one line of plain text (no escape sequences,
//! bells or bidirectional overrides), the CLI shows any that an older file holds instead of
//! obeying them, an id typed on the command line is literal text, and a plan file saved with a
//! byte-order mark imports.

use crate::{now, stepwise, TempDb};
use rusqlite::Connection;
use stepwise::{api, planfile, Edit, ErrorCode, Intent};

const HOSTILE: [&str; 6] = [
    "Red\u{1b}[31m alert",
    "Bell\u{7}",
    "Nul\u{0}byte",
    "Two\nlines",
    "C1\u{9b}2J",
    "evil\u{202e}fdp.exe",
];

#[test]
fn names_with_control_characters_are_refused_everywhere() {
    let db = TempDb::new();
    let mut ws = stepwise::workspace::Workspace::new(db.open());
    let plan = ws.store_mut().create_plan("Badges", now()).unwrap();
    let create = Intent::CreateAssessment {
        name: "Spring".into(),
        assessed_on: now().date_naive().to_string(),
    };
    let assessment = api::apply_intent(&mut ws, &plan.id, &create, now())
        .unwrap()
        .created
        .unwrap();
    for name in HOSTILE {
        let add = Intent::AddRater {
            assessment_id: assessment.clone(),
            name: name.into(),
            role: String::new(),
        };
        let err = api::apply_intent(&mut ws, &plan.id, &add, now()).unwrap_err();
        assert!(err.to_string().contains("name"), "{err}");
        assert!(err.to_string().contains("control character"), "{err}");
    }
    let store = ws.store_mut();
    for name in HOSTILE {
        let err = store.create_plan(name, now()).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput, "{name:?}");
        assert!(err.to_string().contains("control character"), "{err}");
        let err = store
            .apply(&plan.id, &Edit::RenamePlan { name: name.into() }, now())
            .unwrap_err();
        assert!(err.to_string().contains("control character"), "{err}");
    }
    // A plan file is checked the same way, and the problem named by its place.
    let mut file: serde_json::Value =
        serde_json::from_str(&planfile::export(store, &plan.id, now()).unwrap()).unwrap();
    file["plan"]["name"] = HOSTILE[0].into();
    let err = planfile::import(store, file.to_string().as_bytes(), now()).unwrap_err();
    assert!(err.to_string().contains("$.plan.name"), "{err}");
    assert_eq!(store.list_plans().unwrap().len(), 1, "nothing was added");
    // Scripts and ordinary punctuation are names like any other.
    for fine in ["École ’26 — «Badges»", "מיקרו", "学分银行", "🎓 Pilot"] {
        store.create_plan(fine, now()).unwrap();
    }
}

#[test]
fn the_cli_shows_control_characters_it_finds_instead_of_obeying_them() {
    let db = TempDb::new();
    let id = crate::demo_via_cli(&db.path);
    // As a file written by an older version, or edited by hand, could hold it.
    Connection::open(&db.path)
        .unwrap()
        .execute(
            "UPDATE plans SET name = ?1",
            ["Plan\u{1b}]0;owned\u{7}\u{1b}[2J\u{202e}"],
        )
        .unwrap();
    for args in [vec!["list"], vec!["show", &id], vec!["delete", &id]] {
        let out = stepwise(&db.path, &args);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            text.contains("Plan\\x1B]0;owned\\x07\\x1B[2J\\u{202E}"),
            "{args:?}: {text}"
        );
        assert!(
            !text
                .chars()
                .any(|c| c != '\n' && stepwise::record::is_control(c)),
            "{args:?} printed a control character: {text:?}"
        );
    }
}

#[test]
fn ids_on_the_command_line_are_literal_text() {
    let db = TempDb::new();
    let id = crate::demo_via_cli(&db.path);
    for pattern in ["_", "%", "%%", "_%", "\\"] {
        let out = stepwise(&db.path, &["delete", pattern, "--yes"]);
        assert!(
            !out.status.success(),
            "`delete {pattern} --yes` must not match"
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains("not found"));
    }
    let out = stepwise(&db.path, &["delete", &id[..1], "--yes"]);
    assert!(out.status.success(), "a real prefix still names the plan");
    assert_eq!(
        db.open().list_plans().unwrap().len(),
        0,
        "only the deletion asked for happened"
    );
}

#[test]
fn a_plan_file_that_starts_with_a_byte_order_mark_imports() {
    let db = TempDb::new();
    let mut store = db.open();
    let demo = stepwise::demo::create_demo(&mut store, now()).unwrap();
    let text = planfile::export(&store, &demo.id, now()).unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let imported = planfile::import(&mut store, &bytes, now()).unwrap();
    assert_eq!(imported.name, demo.name);
    assert_eq!(imported.goals.len(), demo.goals.len());
}
