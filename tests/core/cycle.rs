//! The evaluation cycle: reviews are stored and checked field by field, counted on the roadmap
//! step, carried by the plan file (an older file imports with none), said by `stepwise show`
//! and `check` and found in the workbook (calamine) and the PDF (pdftotext); rolling a plan
//! forward makes next cycle's plan with last year's history and open actions, leaving the
//! plan it came from as it was; a rater's evidence is stored, kept when a form says nothing
//! of it, and read back from the workbook.

use crate::export_pdf::read::pages;
use crate::{demo_via_cli, now, stepwise, TempDb};
use calamine::{open_workbook, DataType, Xlsx};
use stepwise::demo::demo_plan;
use stepwise::export::Format;
use stepwise::maturity::ScoreEntry;
use stepwise::model::{
    ActionStatus, ChangeArea, MilestoneStatus, Review, ReviewChange, ReviewFinding, ReviewKind,
    ReviewStatus, Score,
};
use stepwise::progress::{step_progress, Step};
use stepwise::workspace::Workspace;
use stepwise::{api, planfile, Edit, Entity, Plan, Store};

fn review(name: &str) -> Review {
    Review {
        id: stepwise::model::new_id(),
        kind: ReviewKind::Checkpoint,
        name: name.into(),
        held_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 9).unwrap(),
        status: ReviewStatus::Held,
        assessment_id: None,
        findings: vec![],
        changes: vec![],
    }
}

fn put(store: &mut Store, plan: &str, entity: Entity) -> stepwise::Result<()> {
    store.apply(plan, &Edit::Put { entity }, now())
}

#[test]
fn a_review_is_stored_and_a_deleted_goal_leaves_its_finding_with_its_words() {
    let plan = demo_plan(now());
    let db = TempDb::new();
    let mut store = db.open();
    store.insert_plan(&plan).unwrap();
    let mut r = review("Checkpoint — November");
    r.assessment_id = Some("assessment-midpilot".into());
    r.findings.push(ReviewFinding {
        goal_id: Some("goal-employers".into()),
        measure_id: Some("measure-employers".into()),
        text: "Four endorsements of twelve".into(),
    });
    r.changes.push(ReviewChange {
        area: ChangeArea::Goal,
        goal_id: Some("goal-employers".into()),
        measure_id: None,
        text: "A recovery plan".into(),
    });
    put(&mut store, &plan.id, Entity::Review(r.clone())).unwrap();
    let stored = db.open().plan(&plan.id).unwrap();
    assert_eq!(stored.reviews.iter().find(|x| x.id == r.id), Some(&r));

    store
        .apply(
            &plan.id,
            &Edit::Delete {
                kind: stepwise::Kind::Goal,
                id: "goal-employers".into(),
            },
            now(),
        )
        .unwrap();
    let stored = db.open().plan(&plan.id).unwrap();
    let kept = stored.reviews.iter().find(|x| x.id == r.id).unwrap();
    assert_eq!(kept.findings[0].goal_id, None, "the goal is gone");
    assert_eq!(kept.findings[0].text, "Four endorsements of twelve");
    assert_eq!(kept.changes[0].text, "A recovery plan");
}

#[test]
fn a_review_with_bad_fields_is_refused_naming_each_and_nothing_is_written() {
    let db = TempDb::new();
    let mut store = db.open();
    let plan = store.create_plan("Pilot", now()).unwrap();
    let mut r = review(" ");
    r.findings.push(ReviewFinding {
        goal_id: None,
        measure_id: None,
        text: "x".repeat(20_001),
    });
    // Started and not yet written: a draft, not a problem.
    r.changes.push(ReviewChange {
        area: ChangeArea::Goal,
        goal_id: None,
        measure_id: None,
        text: String::new(),
    });
    r.changes.push(ReviewChange {
        area: ChangeArea::Measure,
        goal_id: None,
        measure_id: None,
        text: "Report it per course".into(),
    });
    let err = put(&mut store, &plan.id, Entity::Review(r))
        .unwrap_err()
        .to_string();
    for needle in [
        "review.name",
        "review.findings[0].text",
        "review.changes[1].measure_id",
        "must say which measure it changed",
    ] {
        assert!(err.contains(needle), "{needle:?} in {err}");
    }
    let mut r = review("Checkpoint");
    r.assessment_id = Some("no-such-assessment".into());
    assert!(put(&mut store, &plan.id, Entity::Review(r)).is_err());
    assert!(!err.contains("changes[0]"), "{err}");
    assert!(db.open().plan(&plan.id).unwrap().reviews.is_empty());
}

#[test]
fn the_roadmap_step_counts_a_review_once_every_held_one_says_what_it_found() {
    let mut plan = Plan::new("Pilot", now());
    let before = step_progress(&plan, Step::Roadmap);
    let mut r = review("Checkpoint");
    r.findings.push(ReviewFinding {
        goal_id: None,
        measure_id: None,
        text: " ".into(),
    });
    plan.reviews.push(r);
    let held_empty = step_progress(&plan, Step::Roadmap);
    assert_eq!(
        held_empty.done, before.done,
        "a held review without findings"
    );
    assert!(
        held_empty
            .missing
            .iter()
            .any(|m| m.contains("1 without findings")),
        "{:?}",
        held_empty.missing
    );
    plan.reviews[0].findings[0].text = "On course".into();
    assert_eq!(step_progress(&plan, Step::Roadmap).done, before.done + 1);
}

#[test]
fn the_plan_file_carries_reviews_the_cycle_and_rater_evidence_and_an_older_file_imports_with_none()
{
    let plan = demo_plan(now());
    assert_eq!(plan.reviews.len(), 2);
    assert!(plan.settings.cycle.contains('–'), "{}", plan.settings.cycle);
    assert!(plan.ratings.iter().any(|r| !r.evidence.is_empty()));
    let file = planfile::to_json(&plan, now());
    let back = planfile::parse(file.as_bytes()).unwrap();
    assert_eq!(back.reviews, plan.reviews);
    assert_eq!(back.settings, plan.settings);
    assert_eq!(back.ratings, plan.ratings);

    let mut old: serde_json::Value = serde_json::from_str(&file).unwrap();
    old["version"] = 6.into();
    let p = old["plan"].as_object_mut().unwrap();
    p.remove("reviews");
    let s = p["settings"].as_object_mut().unwrap();
    s.remove("cycle");
    s.remove("rolled_from");
    for m in p["milestones"].as_array_mut().unwrap() {
        m.as_object_mut().unwrap().remove("cycle");
    }
    for r in p["ratings"].as_array_mut().unwrap() {
        r.as_object_mut().unwrap().remove("evidence");
    }
    let back = planfile::parse(old.to_string().as_bytes()).unwrap();
    assert!(back.reviews.is_empty());
    assert_eq!(back.settings.cycle, "");
    assert!(back.ratings.iter().all(|r| r.evidence.is_empty()));
    assert!(back.milestones.iter().all(|m| m.cycle.is_none()));
    assert_eq!(back.goals, plan.goals, "the rest is untouched");
}

#[test]
fn rolling_the_demo_forward_keeps_its_history_and_open_actions_and_leaves_it_as_it_was() {
    let db = TempDb::new();
    let mut ws = Workspace::new(db.open());
    let demo = stepwise::demo::create_demo(ws.store_mut(), now()).unwrap();
    let next_id = api::roll_forward(&mut ws, &demo.id, now()).unwrap();
    let next = api::plan(&ws, &next_id).unwrap();
    let last = api::plan(&ws, &demo.id).unwrap();
    assert_eq!(last, demo, "last year's plan stays the record of its cycle");

    let cycle = &demo.settings.cycle;
    let (a, b) = cycle.split_once('–').unwrap();
    let (a, b): (i32, i32) = (a.parse().unwrap(), b.parse().unwrap());
    assert_eq!(next.settings.cycle, format!("{}–{}", a + 1, b + 1));
    let from = next.settings.rolled_from.as_ref().unwrap();
    assert_eq!(
        (
            from.plan_id.as_str(),
            from.plan_name.as_str(),
            from.cycle.as_str()
        ),
        (demo.id.as_str(), demo.name.as_str(), cycle.as_str())
    );
    assert!(next.name.ends_with(&next.settings.cycle), "{}", next.name);

    assert_eq!(next.check_ins, demo.check_ins, "every check-in");
    assert_eq!(next.assessments, demo.assessments, "past assessments");
    assert_eq!(next.ratings, demo.ratings, "and their ratings");
    assert_eq!(next.agreements, demo.agreements);
    assert_eq!(next.reviews, demo.reviews, "the reviews");
    let open: Vec<_> = demo
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Open)
        .collect();
    assert!(!open.is_empty() && open.len() < demo.actions.len());
    assert_eq!(
        next.actions.iter().collect::<Vec<_>>(),
        open,
        "open actions only"
    );
    assert!(next.parked_items.iter().all(|p| p.resolved_on.is_none()));
    assert!(next.decisions.is_empty(), "decisions stay with last year");
    for m in &next.milestones {
        match m.status {
            MilestoneStatus::Planned => assert_eq!(m.cycle, None, "{}", m.title),
            _ => assert_eq!(m.cycle.as_deref(), Some(cycle.as_str()), "{}", m.title),
        }
    }
    assert!(next.milestones.iter().any(|m| m.cycle.is_some()));
    // The roadmap's headline counts this cycle's milestones, not the ones carried as history.
    let today = now().date_naive();
    let headline = stepwise::figures::section_headline(&next, Step::Roadmap, today, None).unwrap();
    let ours = next.milestones.iter().filter(|m| m.cycle.is_none()).count();
    assert!(
        headline.contains(&format!("0 of {ours} milestones done")),
        "{headline}"
    );

    // Rolled again, the milestones keep the cycle they were done in.
    let third = api::roll_forward(&mut ws, &next_id, now()).unwrap();
    let third = api::plan(&ws, &third).unwrap();
    assert_eq!(
        third.settings.rolled_from.as_ref().unwrap().cycle,
        next.settings.cycle
    );
    assert!(third
        .milestones
        .iter()
        .filter(|m| m.status != MilestoneStatus::Planned)
        .all(|m| m.cycle.as_deref() == Some(cycle.as_str())));
}

#[test]
fn a_plan_without_a_cycle_is_not_rolled_forward_and_the_refusal_names_the_field() {
    let db = TempDb::new();
    let mut ws = Workspace::new(db.open());
    let id = api::create_plan(&mut ws, "Pilot", now()).unwrap();
    let err = api::roll_forward(&mut ws, &id, now()).unwrap_err();
    assert!(err.to_string().contains("cycle"), "{err}");
    let mut settings = api::plan(&ws, &id).unwrap().settings;
    settings.cycle = "next year".into();
    api::apply_edits(&mut ws, &id, &[Edit::SetSettings { settings }], now()).unwrap();
    let err = api::roll_forward(&mut ws, &id, now()).unwrap_err();
    assert!(err.to_string().contains("names no year"), "{err}");
    assert_eq!(api::list_plans(&ws).unwrap().len(), 1, "no plan was made");
}

#[test]
fn the_cli_rolls_a_plan_forward_and_shows_and_checks_its_reviews_with_iso_dates() {
    let db = TempDb::new();
    let id = demo_via_cli(&db.path);
    let show = String::from_utf8(stepwise(&db.path, &["show", &id]).stdout).unwrap();
    assert!(show.contains("reviews: 2 (1 held)"), "{show}");
    let check = String::from_utf8(stepwise(&db.path, &["check", &id]).stdout).unwrap();
    let demo = db.open().plan(&id).unwrap();
    let held = &demo.reviews[0];
    for needle in [
        "Reviews of the evaluation cycle:".to_string(),
        format!("Held      {} {}", held.held_on, held.name),
        "changed governance (The program): IT Services".to_string(),
        "found (Have regional employers endorse the analytics skills".to_string(),
    ] {
        assert!(check.contains(&needle), "{needle:?} in {check}");
    }
    // Dates in the terminal are ISO (2026-12-02), never month/day/year.
    for text in [&show, &check] {
        let slashed = text.split_whitespace().any(|w| {
            let parts: Vec<_> = w
                .trim_matches(|c: char| !c.is_ascii_digit())
                .split('/')
                .collect();
            parts.len() == 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        });
        assert!(!slashed, "a date written with slashes in {text}");
    }

    let out = stepwise(&db.path, &["roll-forward", &id]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8(out.stdout).unwrap();
    let next = printed.lines().last().unwrap().trim().to_string();
    assert!(
        printed.contains(&format!("from {}", demo.settings.cycle)),
        "{printed}"
    );
    let show = String::from_utf8(stepwise(&db.path, &["show", &next]).stdout).unwrap();
    assert!(
        show.contains(&format!("(rolled forward from {})", demo.settings.cycle)),
        "{show}"
    );

    let out = stepwise(&db.path, &["create", "No cycle"]);
    let blank = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let out = stepwise(&db.path, &["roll-forward", &blank]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cycle"), "{err}");
}

#[test]
fn the_workbook_and_the_pdf_hold_each_review_and_the_raters_evidence() {
    let plan = demo_plan(now());
    let db = TempDb::new();
    let mut store = db.open();
    store.insert_plan(&plan).unwrap();

    let xlsx = db.dir.path().join("plan.xlsx");
    let bytes = stepwise::export::render(&store, &plan.id, Format::Xlsx, now()).unwrap();
    std::fs::write(&xlsx, bytes).unwrap();
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    wb.load_tables().unwrap();
    let reviews = wb.table_by_name("Reviews").unwrap();
    assert_eq!(
        reviews.columns(),
        [
            "Review",
            "Kind",
            "Date",
            "Status",
            "Entry",
            "About",
            "Found or decided"
        ]
    );
    let held = &plan.reviews[0];
    let rows: Vec<Vec<String>> = reviews
        .data()
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| c.as_string().unwrap_or_default())
                .collect()
        })
        .collect();
    assert_eq!(
        rows.len(),
        held.findings.len() + held.changes.len() + 1,
        "a row per finding and change, and one for the review still ahead"
    );
    assert!(rows
        .iter()
        .any(|r| r[4] == "Change: governance" && r[6].starts_with("IT Services")));
    assert!(rows
        .iter()
        .any(|r| r[4] == "Finding" && r[5].contains("Days from passing grade to badge award")));
    let ratings = wb.table_by_name("Ratings").unwrap();
    assert_eq!(
        ratings.columns().last().map(String::as_str),
        Some("Evidence")
    );
    let cited: Vec<String> = ratings
        .data()
        .rows()
        .filter_map(|r| r.last().and_then(|c| c.get_string()).map(str::to_string))
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(cited.len(), 4, "{cited:?}");

    let pdf = db.dir.path().join("plan.pdf");
    let bytes = stepwise::export::render(&store, &plan.id, Format::Pdf, now()).unwrap();
    std::fs::write(&pdf, bytes).unwrap();
    let text = pages(&pdf).join(" ");
    for needle in [
        format!(
            "This plan is the plan of the {} cycle.",
            plan.settings.cycle
        ),
        held.name.clone(),
        "Change to governance".to_string(),
        "IT Services is asked for a member".to_string(),
        "Maturity assessment for this review:".to_string(),
        plan.reviews[1].name.clone(),
        "On raters’ evidence".to_string(),
    ] {
        assert!(text.contains(&needle), "{needle:?} in the PDF");
    }
}

#[test]
fn a_raters_evidence_is_recorded_and_kept_when_an_answer_says_nothing_of_it() {
    let db = TempDb::new();
    let mut ws = Workspace::new(db.open());
    let demo = stepwise::demo::create_demo(ws.store_mut(), now()).unwrap();
    let rating = demo
        .ratings
        .iter()
        .find(|r| !r.evidence.is_empty())
        .unwrap()
        .clone();
    let entry = |evidence: Option<&str>| ScoreEntry {
        rater_id: rating.rater_id.clone(),
        subfacet_id: rating.subfacet_id.clone(),
        score: Score::Stage(3),
        confidence: None,
        note: String::new(),
        evidence: evidence.map(str::to_string),
    };
    let score = |ws: &mut Workspace, e: ScoreEntry| {
        ws.apply_intent(&demo.id, now(), |p| {
            stepwise::maturity::score_edits(p, &[e])
        })
        .unwrap();
        api::plan(ws, &demo.id)
            .unwrap()
            .ratings
            .into_iter()
            .find(|r| r.id == rating.id)
            .unwrap()
    };
    let kept = score(&mut ws, entry(None));
    assert_eq!(
        kept.evidence, rating.evidence,
        "a form without evidence keeps it"
    );
    assert_eq!(kept.score, Score::Stage(3));
    let cited = score(&mut ws, entry(Some("  https://example.org/minutes  ")));
    assert_eq!(cited.evidence, "https://example.org/minutes");
    let cleared = score(&mut ws, entry(Some("")));
    assert_eq!(cleared.evidence, "");
}

#[test]
fn the_cli_records_a_raters_evidence_and_shows_it_to_them() {
    let db = TempDb::new();
    let id = demo_via_cli(&db.path);
    let cited = "Senate minutes, 12 March";
    let out = stepwise(
        &db.path,
        &[
            "assess",
            "score",
            &id,
            "assessment-midpilot",
            "Helen Tsosie",
            "approval-process",
            "3",
            "--evidence",
            cited,
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shown = String::from_utf8(
        stepwise(
            &db.path,
            &[
                "assess",
                "show",
                &id,
                "assessment-midpilot",
                "--as",
                "Helen Tsosie",
            ],
        )
        .stdout,
    )
    .unwrap();
    assert!(shown.contains(&format!("evidence: {cited}")), "{shown}");
    let listed = String::from_utf8(stepwise(&db.path, &["assess", "list", &id]).stdout).unwrap();
    assert!(listed.contains(" – "), "two days are set apart: {listed}");
}
