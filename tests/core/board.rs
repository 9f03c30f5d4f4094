//! What the plan asks of leadership and its risk register: stored, checked, unlinked, counted
//! as roadmap progress, carried by the plan file, and ranked and totalled by the figures.

use crate::{now, TempDb};
use chrono::{Duration, NaiveDate};
use stepwise::figures::{
    ask_cost, asks_total, board_line, key_measures, next_90_days, risks_ranked, section_headline,
};
use stepwise::model::{Ask, Goal, Phase, Risk, RiskStatus};
use stepwise::progress::{step_progress, Step};
use stepwise::status::MeasureStatus;
use stepwise::{planfile, Edit, Entity, ErrorCode, Kind, Plan, Store};

fn ask(title: &str) -> Ask {
    Ask {
        id: stepwise::model::new_id(),
        title: title.into(),
        rationale: String::new(),
        cost_amount: None,
        currency: String::new(),
        cost_fte: None,
        cost_months: None,
        cost_note: String::new(),
        decide_by: None,
        decider: String::new(),
        goal_ids: vec![],
        phase_ids: vec![],
    }
}

fn risk(title: &str, likelihood: u8, impact: u8) -> Risk {
    Risk {
        id: stepwise::model::new_id(),
        title: title.into(),
        likelihood,
        impact,
        owner: "Registrar".into(),
        mitigation: String::new(),
        status: RiskStatus::Open,
        goal_id: None,
        phase_id: None,
        subfacet_id: None,
    }
}

fn put(store: &mut Store, plan: &str, entity: Entity) -> stepwise::Result<()> {
    store.apply(plan, &Edit::Put { entity }, now())
}

fn today() -> NaiveDate {
    now().date_naive()
}

#[test]
fn an_ask_and_a_risk_are_stored_and_linked_records_dropped_with_what_they_point_at() {
    let db = TempDb::new();
    let mut store = db.open();
    let plan = store.create_plan("Pilot", now()).unwrap();
    let goal = Goal::new("Launch five badges");
    let phase = Phase {
        id: "phase-pilot".into(),
        name: "Pilot".into(),
        description: String::new(),
        starts_on: None,
        ends_on: None,
    };
    put(&mut store, &plan.id, Entity::Goal(goal.clone())).unwrap();
    put(&mut store, &plan.id, Entity::Phase(phase.clone())).unwrap();
    let mut a = ask("Fund the badge platform");
    a.cost_amount = Some(40_000.0);
    a.currency = "EUR".into();
    a.goal_ids = vec![goal.id.clone()];
    a.phase_ids = vec![phase.id.clone()];
    let mut r = risk("Vendor folds", 2, 5);
    r.goal_id = Some(goal.id.clone());
    r.phase_id = Some(phase.id.clone());
    r.subfacet_id = Some("integration".into());
    put(&mut store, &plan.id, Entity::Ask(a.clone())).unwrap();
    put(&mut store, &plan.id, Entity::Risk(r.clone())).unwrap();
    let stored = db.open().plan(&plan.id).unwrap();
    assert_eq!(stored.asks, vec![a.clone()]);
    assert_eq!(stored.risks, vec![r.clone()]);

    for (kind, id) in [(Kind::Goal, &goal.id), (Kind::Phase, &phase.id)] {
        store
            .apply(
                &plan.id,
                &Edit::Delete {
                    kind,
                    id: id.clone(),
                },
                now(),
            )
            .unwrap();
    }
    let stored = db.open().plan(&plan.id).unwrap();
    let (a2, r2) = (&stored.asks[0], &stored.risks[0]);
    assert!(
        a2.goal_ids.is_empty() && a2.phase_ids.is_empty(),
        "the ask stays, unlinked"
    );
    assert_eq!(
        (&r2.goal_id, &r2.phase_id),
        (&None, &None),
        "the risk stays, unlinked"
    );
    assert_eq!(
        r2.subfacet_id.as_deref(),
        Some("integration"),
        "its maturity gap stays"
    );
}

#[test]
fn bad_costs_scores_and_references_are_refused_naming_the_field() {
    let db = TempDb::new();
    let mut store = db.open();
    let plan = store.create_plan("Pilot", now()).unwrap();
    let mut a = ask(" ");
    a.cost_amount = Some(-5.0);
    a.cost_fte = Some(f64::NAN);
    a.currency = "Canadian dollars".into();
    a.goal_ids = vec!["nowhere".into()];
    let err = put(&mut store, &plan.id, Entity::Ask(a)).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    for field in [
        "title",
        "cost_amount",
        "cost_fte",
        "currency",
        "goal_ids[0]",
    ] {
        assert!(
            paths.contains(&format!("decision_requested.{field}").as_str()),
            "{field} is named: {err}"
        );
    }

    let mut r = risk("Vendor folds", 0, 6);
    r.subfacet_id = Some("no-such-subfacet".into());
    let err = put(&mut store, &plan.id, Entity::Risk(r)).unwrap_err();
    let text = err.to_string();
    for needle in [
        "risk.likelihood",
        "is 0; it runs from 1 (rare) to 5 (almost certain)",
        "risk.impact",
        "is 6; it runs from 1 (minor) to 5 (severe)",
        "risk.subfacet_id",
        "not a known sub-facet",
    ] {
        assert!(text.contains(needle), "{needle:?} in {text}");
    }
    let stored = store.plan(&plan.id).unwrap();
    assert!(
        stored.asks.is_empty() && stored.risks.is_empty(),
        "nothing was written"
    );
}

#[test]
fn the_roadmap_step_counts_the_asks_and_a_register_whose_risks_all_have_owners() {
    let mut plan = Plan::new("Pilot", now());
    let before = step_progress(&plan, Step::Roadmap);
    plan.asks.push(ask("Fund it"));
    let with_ask = step_progress(&plan, Step::Roadmap);
    assert_eq!(with_ask.done, before.done + 1);
    let mut r = risk("Vendor folds", 2, 5);
    r.owner = " ".into();
    plan.risks.push(r);
    let unowned = step_progress(&plan, Step::Roadmap);
    assert_eq!(
        unowned.done, with_ask.done,
        "a risk nobody owns does not count"
    );
    assert!(unowned
        .missing
        .iter()
        .any(|m| m.contains("an owner for every risk")));
    plan.risks[0].owner = "Registrar".into();
    assert_eq!(step_progress(&plan, Step::Roadmap).done, with_ask.done + 1);
}

#[test]
fn the_plan_file_carries_asks_and_risks_and_an_older_file_imports_with_none() {
    let plan = stepwise::demo::demo_plan(now());
    assert_eq!((plan.asks.len(), plan.risks.len()), (3, 5));
    let file = planfile::to_json(&plan, now());
    let back = planfile::parse(file.as_bytes()).unwrap();
    assert_eq!(back.asks, plan.asks);
    assert_eq!(back.risks, plan.risks);

    let mut old: serde_json::Value = serde_json::from_str(&file).unwrap();
    old["version"] = 3.into();
    let p = old["plan"].as_object_mut().unwrap();
    p.remove("asks");
    p.remove("risks");
    let back = planfile::parse(old.to_string().as_bytes()).unwrap();
    assert!(back.asks.is_empty() && back.risks.is_empty());
    assert_eq!(back.goals, plan.goals, "the rest is untouched");
}

#[test]
fn the_figures_rank_risks_total_costs_and_name_what_the_board_must_see() {
    let plan = stepwise::demo::demo_plan(now());
    let ranked: Vec<u8> = risks_ranked(&plan).iter().map(|r| r.score()).collect();
    assert_eq!(
        ranked,
        [16, 12, 9, 8, 6],
        "highest likelihood × impact first"
    );
    assert_eq!(
        asks_total(&plan).as_deref(),
        Some("CAD 182,000 and 2.9 FTE")
    );
    let employers = plan.asks.iter().find(|a| a.id == "ask-employers").unwrap();
    assert_eq!(ask_cost(employers), "CAD 18,000 · 0.4 FTE · 6 months");
    assert_eq!(
        board_line(&plan),
        "3 decisions requested (CAD 182,000 and 2.9 FTE); 5 open risks, 1 high"
    );

    // One key measure per goal, and the off-track one is among them.
    let kpis = key_measures(&plan, today());
    assert_eq!(kpis.len(), plan.goals.len());
    let off: Vec<&str> = kpis
        .iter()
        .filter(|k| k.status == MeasureStatus::OffTrack)
        .map(|k| k.measure.indicator.as_str())
        .collect();
    assert_eq!(
        off,
        ["Employers with a signed endorsement of the analytics badges"]
    );
    let employers = kpis
        .iter()
        .find(|k| k.status == MeasureStatus::OffTrack)
        .unwrap();
    assert_eq!(employers.latest_to_target, "4 → 12 employers");

    // The next 90 days: planned milestones only, none beyond the horizon.
    let due = next_90_days(&plan, today());
    assert!(!due.is_empty());
    for m in &due {
        assert!(m.due.unwrap() <= today() + Duration::days(90));
    }

    let measures = section_headline(&plan, Step::Measures, today(), None).unwrap();
    assert!(
        measures.starts_with("6 of 10 measures on track or achieved; off track: Employers with"),
        "{measures}"
    );
}

#[test]
fn a_closed_risk_leaves_the_ranking_and_a_cost_with_no_figure_says_so() {
    let mut plan = Plan::new("Pilot", now());
    let mut closed = risk("Old worry", 5, 5);
    closed.status = RiskStatus::Closed;
    plan.risks = vec![
        closed,
        risk("Low", 1, 2),
        risk("Tie, more impact", 2, 3),
        risk("Tie", 3, 2),
    ];
    let titles: Vec<&str> = risks_ranked(&plan)
        .iter()
        .map(|r| r.title.as_str())
        .collect();
    assert_eq!(titles, ["Tie, more impact", "Tie", "Low"]);
    assert_eq!(
        board_line(&plan),
        "No decisions requested; 3 open risks, 0 high (1 closed)"
    );
    let mut a = ask("Think about it");
    assert_eq!(ask_cost(&a), "No cost given");
    a.cost_note = "Absorbed in existing budgets".into();
    assert_eq!(ask_cost(&a), "See the note");
    plan.asks.push(a);
    assert_eq!(asks_total(&plan), None);
}

#[test]
fn the_cli_shows_the_counts_and_checks_each_decision_and_risk() {
    let db = TempDb::new();
    let id = crate::demo_via_cli(&db.path);
    let out = crate::stepwise(&db.path, &["show", &id]);
    let show = String::from_utf8_lossy(&out.stdout);
    assert!(
        show.contains("3 decisions requested (CAD 182,000 and 2.9 FTE); 5 open risks, 1 high"),
        "{show}"
    );
    let out = crate::stepwise(&db.path, &["check", &id, "--today", "2026-11-23"]);
    let check = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "Decisions requested of leadership:",
        "Name an employer-partnerships lead — CAD 18,000 · 0.4 FTE · 6 months (Provost decides)",
        "in all: CAD 182,000 and 2.9 FTE",
        "Risks (likelihood × impact):",
        "16 High    Mitigating  Employers do not endorse before the pilot closes",
        "owner: Jonah Whitfield",
    ] {
        assert!(check.contains(needle), "{needle:?} in {check}");
    }
    // A day after every decision was due: each is flagged.
    let out = crate::stepwise(&db.path, &["check", &id, "--today", "2030-01-01"]);
    let late = String::from_utf8_lossy(&out.stdout);
    assert_eq!(late.matches("its date has passed").count(), 3, "{late}");
}

#[test]
fn each_section_opens_with_a_conclusion_where_the_plan_holds_one_and_only_then() {
    let empty = Plan::new("Empty", now());
    for step in Step::ALL {
        assert_eq!(
            section_headline(&empty, step, today(), None),
            None,
            "an empty plan has nothing to conclude on {step:?}"
        );
    }
    let plan = stepwise::demo::demo_plan(now());
    let maturity = stepwise::figures::MaturityFigures::of(&plan, today())
        .unwrap()
        .unwrap();
    let line = |step| section_headline(&plan, step, today(), Some(&maturity)).unwrap();
    assert_eq!(
        line(Step::Roadmap),
        "3 phases; 2 of 10 milestones done, 1 due within 90 days; \
         3 decisions asked of leadership; the top risk scores 16 of 25; \
         the next review is on 15 Apr 2027"
    );
    assert!(
        line(Step::Maturity).starts_with("Mean stage 1.9 today; Phase 2 — Launch aims for 2.9"),
        "the same figures as the maturity headline: {}",
        line(Step::Maturity)
    );
    assert_eq!(
        section_headline(&plan, Step::Export, today(), Some(&maturity)),
        None,
        "the export step is the document itself"
    );
}
