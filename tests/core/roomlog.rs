//! The room's log — parked questions, decisions taken, actions — through the store, the
//! intent that turns an action into a goal or a milestone, the plan file, the CLI, and read
//! back from the exported workbook (calamine) and PDF (pdftotext).

use crate::export_pdf::read::{assert_in_order, pages, render};
use crate::{demo_via_cli, now, stepwise, TempDb};
use calamine::{open_workbook, DataType, Reader, Xlsx};
use chrono::NaiveDate;
use stepwise::api;
use stepwise::demo::demo_plan;
use stepwise::export::{self, Format};
use stepwise::model::{ActionStatus, Entity, Kind, MilestoneStatus, Plan};
use stepwise::roomlog::{self, Origin, PromoteTo};
use stepwise::workspace::Workspace;
use stepwise::{planfile, Edit, Intent, Step};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A workspace over a real database holding an empty plan with one action.
fn plan_with_action() -> (TempDb, Workspace, String, String) {
    let db = TempDb::new();
    let mut ws = Workspace::new(db.open());
    let id = api::create_plan(&mut ws, "Room", now()).unwrap();
    let origin = Origin {
        step: Some(Step::Maturity),
        subfacet_id: Some("integration".into()),
    };
    let action = roomlog::action(
        "Connect the gradebook to the badge platform",
        "Helen Tsosie",
        Some(day("2027-06-30")),
        origin,
        day("2026-11-23"),
    );
    let action_id = action.id.clone();
    api::apply_edits(
        &mut ws,
        &id,
        &[Edit::Put {
            entity: Entity::Action(action),
        }],
        now(),
    )
    .unwrap();
    (db, ws, id, action_id)
}

#[test]
fn an_action_becomes_a_goal_in_one_step_that_one_undo_takes_back() {
    let (db, mut ws, id, action_id) = plan_with_action();
    let intent = Intent::PromoteAction {
        action_id: action_id.clone(),
        to: PromoteTo::Goal,
    };
    let applied = api::apply_intent(&mut ws, &id, &intent, now()).unwrap();
    let goal_id = applied.created.expect("the goal's id is answered");
    // Read from a fresh store: what is on disk, not what the workspace holds.
    let stored = db.open().plan(&id).unwrap();
    let goal = stored.goals.iter().find(|g| g.id == goal_id).unwrap();
    assert_eq!(goal.title, "Connect the gradebook to the badge platform");
    assert_eq!(goal.owner, "Helen Tsosie");
    assert_eq!(goal.due, Some(day("2027-06-30")));
    assert_eq!(stored.actions[0].goal_id.as_deref(), Some(goal_id.as_str()));

    let again = api::apply_intent(&mut ws, &id, &intent, now()).unwrap_err();
    assert!(
        again.to_string().contains("already became the goal"),
        "{again}"
    );

    api::undo(&mut ws, &id, now()).unwrap();
    let undone = db.open().plan(&id).unwrap();
    assert!(undone.goals.is_empty(), "the goal goes with one undo");
    assert_eq!(
        undone.actions[0].goal_id, None,
        "and the action points at nothing"
    );
    api::redo(&mut ws, &id, now()).unwrap();
    assert_eq!(db.open().plan(&id).unwrap().goals.len(), 1);

    // Deleting the goal leaves the action, no longer pointing at it.
    api::apply_edits(
        &mut ws,
        &id,
        &[Edit::Delete {
            kind: Kind::Goal,
            id: goal_id,
        }],
        now(),
    )
    .unwrap();
    let after = db.open().plan(&id).unwrap();
    assert_eq!(after.actions.len(), 1);
    assert_eq!(after.actions[0].goal_id, None);
}

#[test]
fn an_action_becomes_a_planned_milestone() {
    let (db, mut ws, id, action_id) = plan_with_action();
    let intent = Intent::PromoteAction {
        action_id,
        to: PromoteTo::Milestone,
    };
    let m_id = api::apply_intent(&mut ws, &id, &intent, now())
        .unwrap()
        .created
        .unwrap();
    let plan = db.open().plan(&id).unwrap();
    let m = plan.milestones.iter().find(|m| m.id == m_id).unwrap();
    assert_eq!(m.status, MilestoneStatus::Planned);
    assert_eq!(m.due, Some(day("2027-06-30")));
    assert_eq!(plan.actions[0].milestone_id.as_deref(), Some(m_id.as_str()));
}

#[test]
fn bad_items_are_refused_naming_the_field_and_nothing_is_written() {
    let (db, mut ws, id, action_id) = plan_with_action();
    let mut empty = roomlog::parked("  ", "", Origin::default(), day("2026-11-23"));
    let err = api::apply_edits(
        &mut ws,
        &id,
        &[Edit::Put {
            entity: Entity::ParkedItem(empty.clone()),
        }],
        now(),
    )
    .unwrap_err();
    assert!(err.problems()[0].path.ends_with("text"), "{err}");
    empty.text = "When do we tell the deans?".into();
    empty.resolved_on = Some(day("2026-01-01"));
    let err = api::apply_edits(
        &mut ws,
        &id,
        &[Edit::Put {
            entity: Entity::ParkedItem(empty),
        }],
        now(),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("before the question was parked"),
        "{err}"
    );
    let mut bad = db.open().plan(&id).unwrap().actions[0].clone();
    bad.subfacet_id = Some("no-such-subfacet".into());
    assert!(api::apply_edits(
        &mut ws,
        &id,
        &[Edit::Put {
            entity: Entity::Action(bad)
        }],
        now()
    )
    .is_err());
    let plan = db.open().plan(&id).unwrap();
    assert!(plan.parked_items.is_empty());
    assert_eq!(plan.actions[0].id, action_id);
    assert_eq!(plan.actions[0].subfacet_id.as_deref(), Some("integration"));
}

#[test]
fn the_log_travels_whole_through_the_plan_file() {
    let db = TempDb::new();
    let mut store = db.open();
    let plan = demo_plan(now());
    assert_eq!(
        (
            plan.parked_items.len(),
            plan.decisions.len(),
            plan.actions.len()
        ),
        (1, 2, 3),
        "the demo carries a parked question, two decisions and three actions"
    );
    store.insert_plan(&plan).unwrap();
    let file = planfile::export(&store, &plan.id, now()).unwrap();
    let imported = planfile::import(&mut store, file.as_bytes(), now()).unwrap();
    assert_eq!(imported.parked_items, plan.parked_items);
    assert_eq!(imported.decisions, plan.decisions);
    assert_eq!(imported.actions, plan.actions);

    // A plan file from before the log (version 2) imports with the three lists empty.
    let mut old: serde_json::Value = serde_json::from_str(&file).unwrap();
    old["version"] = 2.into();
    for list in ["parked_items", "decisions", "actions"] {
        old["plan"].as_object_mut().unwrap().remove(list);
    }
    let older = planfile::import(&mut store, old.to_string().as_bytes(), now()).unwrap();
    assert!(
        older.parked_items.is_empty() && older.decisions.is_empty() && older.actions.is_empty()
    );
    assert_eq!(older.goals, plan.goals);
}

#[test]
fn the_workbook_has_a_sheet_per_list_with_the_demo_items() {
    let db = TempDb::new();
    let mut store = db.open();
    let plan = demo_plan(now());
    store.insert_plan(&plan).unwrap();
    let path = db.dir.path().join("plan.xlsx");
    export::export_to(
        &store,
        &plan.id,
        Format::Xlsx,
        &path,
        now(),
        Default::default(),
    )
    .unwrap();
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    wb.load_tables().unwrap();
    let rows = |wb: &mut Xlsx<_>, table: &str| -> Vec<Vec<String>> {
        let t = wb.table_by_name(table).unwrap();
        t.data()
            .rows()
            .map(|r| {
                r.iter()
                    .map(|c| c.as_string().unwrap_or_default())
                    .collect()
            })
            .collect()
    };
    let parked = rows(&mut wb, "ParkedQuestions");
    assert_eq!(parked.len(), 1);
    assert!(parked[0][0].starts_with("Who pays for the gradebook connector"));
    assert_eq!(parked[0][1], "Helen Tsosie");
    assert_eq!(parked[0][2], "Maturity self-assessment — Integration");
    assert_eq!(parked[0][4], "Open");
    let decisions = rows(&mut wb, "Decisions");
    assert_eq!(decisions.len(), 2);
    assert!(decisions
        .iter()
        .any(|d| d[1] == "Prof. Marc-André Gauthier"));
    let actions = rows(&mut wb, "Actions");
    assert_eq!(actions.len(), 3);
    let recovery = actions
        .iter()
        .find(|a| a[0].starts_with("Draft the employer endorsement"))
        .unwrap();
    assert_eq!(recovery[1], "Jonah Whitfield");
    assert_eq!(recovery[3], "Open");
    assert!(
        recovery[6].contains("Employer endorsement recovery plan"),
        "{recovery:?}"
    );
    // The due date is a real date cell.
    let t = wb.table_by_name("Actions").unwrap();
    assert!(
        t.data().rows().all(|r| r[2].is_datetime()),
        "due dates are dates"
    );
    let names = wb.sheet_names();
    assert_eq!(
        names[names.len() - 3..],
        ["Parked questions", "Decisions taken", "Actions"]
    );
}

#[test]
fn the_pdf_appendix_lists_decisions_actions_with_owners_and_dates_and_open_questions() {
    let mut plan = demo_plan(now());
    let resolved = roomlog::parked(
        "Do continuing-education badges count?",
        "Catherine Boudreau",
        Origin::default(),
        day("2026-11-01"),
    );
    plan.parked_items.push(stepwise::model::ParkedItem {
        resolved_on: Some(day("2026-11-20")),
        resolution: "Yes, from the launch phase".into(),
        ..resolved
    });
    let pdf = render(&plan);
    let pages = pages(&pdf.path);
    let at = pages
        .iter()
        .position(|p| p.contains("Appendix — The room’s log"))
        .expect("the appendix has a page");
    let appendix = pages[at..].join(" ");
    let owner_due =
        |a: &stepwise::model::Action| format!("{} {}", a.owner, a.due.unwrap().format("%-d %b %Y"));
    assert_in_order(
        &appendix,
        &[
            "Decisions taken",
            "Compass badges mark completion only",
            "Dr. Amara Osei",
            "Actions",
            "Ask IT Services to name a member",
            &owner_due(&plan.actions[0]),
            "Open questions",
            "Who pays for the gradebook connector",
            "Helen Tsosie",
            "Questions settled",
            "Do continuing-education badges count?",
            "Yes, from the launch phase",
        ],
    );
    assert!(appendix.contains("Done"), "a finished action says so");
    assert!(
        !pages[..at]
            .join(" ")
            .contains("Who pays for the gradebook connector"),
        "the log is only in the appendix"
    );
    let empty = render(&Plan::new("Nothing logged", now()));
    assert!(
        !crate::export_pdf::read::pages(&empty.path)
            .join(" ")
            .contains("Appendix"),
        "a plan with nothing logged has no appendix"
    );
}

#[test]
fn the_cli_parks_decides_acts_resolves_finishes_promotes_and_shows_the_log() {
    let db = TempDb::new();
    let id = demo_via_cli(&db.path);
    let run = |args: &[&str]| {
        let out = stepwise(&db.path, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let last = |s: String| s.lines().last().unwrap().to_string();
    let q = last(run(&[
        "room",
        "park",
        &id,
        "Who chairs the April review?",
        "--by",
        "Sofía Castellanos",
        "--step",
        "governance",
    ]));
    run(&[
        "room",
        "decide",
        &id,
        "Rubrics for every analytics badge",
        "--by",
        "Dr. Amara Osei",
    ]);
    let a = last(run(&[
        "room",
        "act",
        &id,
        "Book the Senate chamber",
        "--owner",
        "Léa Marchand",
        "--due",
        "2027-04-01",
        "--step",
        "maturity",
        "--subfacet",
        "integration",
    ]));
    run(&[
        "room",
        "resolve",
        &id,
        &q[..8],
        "--note",
        "The Provost chairs it",
    ]);
    run(&["room", "done", &id, &a[..8]]);
    let goal = last(run(&["room", "promote", &id, &a[..8], "--to", "goal"]));

    let plan = api::plan(&Workspace::new(db.open()), &id).unwrap();
    let p = plan.parked_items.iter().find(|p| p.id == q).unwrap();
    assert_eq!(p.step, Some(Step::Governance));
    assert_eq!(p.resolution, "The Provost chairs it");
    assert!(p.resolved_on.is_some());
    let act = plan.actions.iter().find(|x| x.id == a).unwrap();
    assert_eq!(act.status, ActionStatus::Done);
    assert_eq!(act.goal_id.as_deref(), Some(goal.as_str()));
    assert_eq!(act.subfacet_id.as_deref(), Some("integration"));
    assert!(plan
        .goals
        .iter()
        .any(|g| g.id == goal && g.owner == "Léa Marchand"));

    let shown = run(&["show", &id]);
    for said in [
        "Parked questions: 2 (1 open)",
        "The Provost chairs it",
        "Decisions taken: 3",
        "Actions: 4 (2 open)",
        "became the goal \"Book the Senate chamber\"",
    ] {
        assert!(shown.contains(said), "`show` says {said:?}:\n{shown}");
    }
    let bad = stepwise(&db.path, &["room", "done", &id, &q[..8]]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("only an action"));
}

#[test]
fn databases_and_plan_files_from_before_the_log_open_with_it_empty_and_take_new_items() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    for (version, db, file) in [
        ("v0.1.0", "stepwise-0.1.0.db", "demo-0.1.0.stepwise.json"),
        ("v2", "stepwise-v2.db", "demo-v2.stepwise.json"),
    ] {
        let tmp = TempDb::new();
        std::fs::copy(format!("{fixtures}/{version}/{db}"), &tmp.path).unwrap();
        let mut ws = Workspace::new(tmp.open());
        for p in api::list_plans(&ws).unwrap() {
            let plan = api::plan(&ws, &p.id).unwrap();
            assert!(
                plan.parked_items.is_empty()
                    && plan.decisions.is_empty()
                    && plan.actions.is_empty(),
                "{version}: {} starts with an empty log",
                p.name
            );
            let item = roomlog::decision("Keep going", "", Origin::default(), day("2026-11-23"));
            api::apply_edits(
                &mut ws,
                &p.id,
                &[Edit::Put {
                    entity: Entity::Decision(item),
                }],
                now(),
            )
            .unwrap_or_else(|e| panic!("{version}: the upgraded database takes a decision: {e}"));
        }
        let bytes = std::fs::read(format!("{fixtures}/{version}/{file}")).unwrap();
        let imported = api::import_plan(&mut ws, &bytes, now()).unwrap();
        let plan = api::plan(&ws, &imported).unwrap();
        assert!(plan.actions.is_empty(), "{version}: the plan file imports");
    }
}
