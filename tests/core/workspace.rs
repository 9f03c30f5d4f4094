//! The workspace the app edits through: each edit writes only what it changes, the plan in
//! memory follows the store exactly, and undo and redo walk the history row by row.

use crate::{now, stepwise, TempDb};
use stepwise::model::{Goal, Plan, PlanSettings};
use stepwise::workspace::{PlanState, PlanUpdate, Workspace};
use stepwise::{Edit, Entity, Kind, Store};

/// The plan with the stamp every write changes blanked, to compare contents.
fn contents(mut p: Plan) -> Plan {
    p.updated_at = now();
    p
}

/// What the app holds must be what the store holds (less blind scores, which the demo's
/// revealed assessments do not have).
fn assert_in_step(ws: &mut Workspace, id: &str, why: &str) {
    let shown = ws.state(id, now()).unwrap().plan;
    let mut stored = ws.store().plan(id).unwrap();
    let blind: std::collections::HashSet<String> = stored
        .raters
        .iter()
        .filter(|r| {
            !stored
                .assessments
                .iter()
                .any(|a| a.id == r.assessment_id && a.revealed)
        })
        .map(|r| r.id.clone())
        .collect();
    stored.ratings.retain(|r| !blind.contains(&r.rater_id));
    let (a, b) = (
        serde_json::to_value(contents(shown)).unwrap(),
        serde_json::to_value(contents(stored)).unwrap(),
    );
    // Name the parts that differ rather than print two whole plans.
    let differ: Vec<&String> = b
        .as_object()
        .unwrap()
        .keys()
        .filter(|k| a[k.as_str()] != b[k.as_str()])
        .collect();
    assert!(
        differ.is_empty(),
        "{why}: the app's plan differs from the store in {differ:?}"
    );
}

fn edits(plan: &Plan) -> Vec<(&'static str, Vec<Edit>)> {
    let goal = &plan.goals[0];
    let with_measures = plan
        .goals
        .iter()
        .find(|g| plan.measures.iter().any(|m| m.goal_id == g.id))
        .expect("the demo has a goal with measures");
    let mut renamed = goal.clone();
    renamed.title = "Award 400 badges by June".into();
    let added = Goal::new("A goal added in the workshop");
    // Edits in place of a goal without a measure and of one that stops being SMART: their
    // checks are rewritten where they stand rather than counted again.
    let mut added_renamed = added.clone();
    added_renamed.title = "A goal the workshop reworded".into();
    let mut unsmart = plan.goals[1].clone();
    unsmart.measurable = String::new();
    let kept_measure = plan
        .measures
        .iter()
        .find(|m| m.goal_id != with_measures.id)
        .expect("a measure of another goal");
    let settings = PlanSettings {
        organisation: "Saint-Aurèle University (renamed)".into(),
        ..plan.settings.clone()
    };
    vec![
        (
            "a field edit",
            vec![Edit::Put {
                entity: Entity::Goal(renamed),
            }],
        ),
        (
            "a new record",
            vec![Edit::Put {
                entity: Entity::Goal(added.clone()),
            }],
        ),
        (
            "a field edit of a goal without a measure",
            vec![Edit::Put {
                entity: Entity::Goal(added_renamed),
            }],
        ),
        (
            "a goal that stops being SMART",
            vec![Edit::Put {
                entity: Entity::Goal(unsmart),
            }],
        ),
        (
            "a move",
            vec![Edit::Move {
                kind: Kind::Goal,
                id: added.id.clone(),
                position: 0,
            }],
        ),
        (
            "a delete that reaches children and links",
            vec![Edit::Delete {
                kind: Kind::Goal,
                id: with_measures.id.clone(),
            }],
        ),
        (
            "a rename",
            vec![Edit::RenamePlan {
                name: "Scenario B".into(),
            }],
        ),
        ("settings", vec![Edit::SetSettings { settings }]),
        (
            "several edits as one step",
            vec![
                Edit::Delete {
                    kind: Kind::Goal,
                    id: added.id.clone(),
                },
                Edit::Move {
                    kind: Kind::Measure,
                    id: kept_measure.id.clone(),
                    position: 3,
                },
            ],
        ),
    ]
}

#[test]
fn every_kind_of_edit_keeps_memory_and_store_in_step_and_undoes_to_the_exact_plan() {
    let db = TempDb::new();
    let mut store = db.open();
    let demo = stepwise::demo::create_demo(&mut store, now()).unwrap();
    let id = demo.id.clone();
    let original = contents(store.plan(&id).unwrap());
    let mut ws = Workspace::new(store);
    ws.state(&id, now()).unwrap();
    let mut after_each = vec![original.clone()];
    for (what, step) in edits(&original) {
        ws.apply(&id, &step, now())
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_in_step(&mut ws, &id, what);
        after_each.push(contents(ws.store().plan(&id).unwrap()));
    }
    for (i, expected) in after_each.iter().enumerate().rev().skip(1) {
        let state = ws.undo(&id, now()).unwrap();
        assert_eq!(
            contents(ws.store().plan(&id).unwrap()),
            *expected,
            "undo back to step {i}"
        );
        assert_in_step(&mut ws, &id, "after undo");
        assert_eq!(state.can_undo, i > 0);
    }
    assert_eq!(
        contents(ws.store().plan(&id).unwrap()),
        original,
        "undo reaches the start exactly"
    );
    for expected in after_each.iter().skip(1) {
        ws.redo(&id, now()).unwrap();
        assert_eq!(
            contents(ws.store().plan(&id).unwrap()),
            *expected,
            "redo replays each step"
        );
        assert_in_step(&mut ws, &id, "after redo");
    }
}

#[test]
fn a_write_by_another_program_is_seen_by_the_next_state() {
    let db = TempDb::new();
    let mut store = db.open();
    let demo = stepwise::demo::create_demo(&mut store, now()).unwrap();
    let mut ws = Workspace::new(store);
    assert_eq!(ws.state(&demo.id, now()).unwrap().plan.name, demo.name);
    let out = stepwise(&db.path, &["rename", &demo.id, "Renamed from the terminal"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        ws.state(&demo.id, now()).unwrap().plan.name,
        "Renamed from the terminal",
        "the plan in memory is not kept past another connection's write"
    );
}

#[test]
fn the_history_grows_with_the_edits_not_with_the_plan() {
    let measure = |plan: Plan| {
        let db = TempDb::new();
        let mut store: Store = db.open();
        store.insert_plan(&plan).unwrap();
        let mut ws = Workspace::new(store);
        let mut goal = plan.goals[0].clone();
        for i in 0..20 {
            goal.title = format!("Award {i} badges");
            ws.apply(
                &plan.id,
                &[Edit::Put {
                    entity: Entity::Goal(goal.clone()),
                }],
                now(),
            )
            .unwrap();
        }
        let plan_bytes = stepwise::planfile::to_json(&plan, now()).len();
        (ws.history_bytes(&plan.id), plan_bytes)
    };
    let (small, small_plan) = measure(stepwise::demo::demo_plan(now()));
    let (large, large_plan) = measure(stepwise::demo::stress_plan(now()));
    assert!(
        large_plan > 5 * small_plan,
        "the stress plan is much larger"
    );
    assert!(
        small < small_plan,
        "20 edits hold less than one copy of the plan ({small} B)"
    );
    assert!(
        large < 2 * small,
        "the same 20 edits hold about the same on a larger plan ({small} B vs {large} B)"
    );
}

/// What the screens do with an answer: the same rules as `ui/src/lib/plan.svelte.ts`.
fn lay_over(state: &mut PlanState, update: PlanUpdate) {
    let c = match update {
        PlanUpdate::Whole(s) => {
            *state = *s;
            return;
        }
        PlanUpdate::Changes(c) => c,
    };
    let mut doc = serde_json::to_value(&state.plan).unwrap();
    let lists = |kind: Kind| kind.field();
    if let Some(n) = c.name {
        doc["name"] = n.into();
    }
    if let Some(s) = c.settings {
        doc["settings"] = serde_json::to_value(s).unwrap();
    }
    doc["updated_at"] = serde_json::to_value(c.updated_at).unwrap();
    for e in &c.put {
        let record = serde_json::to_value(e).unwrap();
        let (_, record) = record.as_object().unwrap().iter().next().unwrap();
        let list = doc[lists(e.kind())].as_array_mut().unwrap();
        match list.iter_mut().find(|r| r["id"] == record["id"]) {
            Some(slot) => *slot = record.clone(),
            None => list.push(record.clone()),
        }
    }
    for r in &c.removed {
        doc[lists(r.kind)]
            .as_array_mut()
            .unwrap()
            .retain(|x| x["id"] != r.id.as_str());
    }
    for o in &c.order {
        let list = doc[lists(o.kind)].as_array_mut().unwrap();
        list.sort_by_key(|x| o.ids.iter().position(|id| x["id"] == id.as_str()));
    }
    state.plan = serde_json::from_value(doc).unwrap();
    for r in c.removed.iter().filter(|r| r.kind == Kind::Goal) {
        state.goal_findings.remove(&r.id);
    }
    for r in c.removed.iter().filter(|r| r.kind == Kind::Measure) {
        state.measure_status.remove(&r.id);
    }
    state.goal_findings.extend(c.goal_findings);
    state.measure_status.extend(c.measure_status);
    for p in c.steps {
        let at = state.steps.iter().position(|s| s.step == p.step).unwrap();
        state.steps[at] = p;
    }
    for k in c.checks {
        let at = state.checks.iter().position(|s| s.step == k.step).unwrap();
        state.checks[at] = k;
    }
    state.maturity = c.maturity;
    state.measure_tally = c.measure_tally;
    state.can_undo = c.can_undo;
    state.can_redo = c.can_redo;
}

#[test]
fn an_edit_answered_with_its_changes_brings_the_screens_to_the_whole_new_state() {
    let db = TempDb::new();
    let mut store = db.open();
    let demo = stepwise::demo::create_demo(&mut store, now()).unwrap();
    let id = demo.id.clone();
    let mut ws = Workspace::new(store);
    let mut held = ws.state(&id, now()).unwrap();
    let mut answered_with_changes = 0;
    for (what, step) in edits(&held.plan.clone()) {
        let update = ws.apply_changes(&id, &step, now()).unwrap();
        if let PlanUpdate::Changes(c) = &update {
            answered_with_changes += 1;
            assert!(
                c.put.len() + c.removed.len() < 60,
                "{what}: the answer carries what changed, not the plan"
            );
        }
        lay_over(&mut held, update);
        assert_eq!(
            held,
            ws.state(&id, now()).unwrap(),
            "{what}: the screens catch up exactly"
        );
        // The figures kept between edits are those a fresh reading of the file counts.
        let mut fresh = Workspace::new(db.open()).state(&id, now()).unwrap();
        (fresh.can_undo, fresh.can_redo) = (held.can_undo, held.can_redo);
        assert_eq!(held, fresh, "{what}: the kept figures are the counted ones");
    }
    assert_eq!(answered_with_changes, edits(&demo).len());
}
