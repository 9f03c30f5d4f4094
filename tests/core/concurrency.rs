//! Several writers on one real SQLite file at once, each with its own connection as a second
//! window or a script beside the app would have. What a write depends on is read inside its
//! write transaction, so no writer works from a plan another has changed meanwhile and no
//! edit is lost or wrongly refused.

use crate::{now, TempDb};
use std::sync::{Arc, Barrier};
use stepwise::api;
use stepwise::maturity::ScoreEntry;
use stepwise::model::{Entity, Goal, Score};
use stepwise::workspace::Workspace;
use stepwise::{Edit, Intent};

/// Runs `work(i)` on `n` threads, each with its own store on the database, started together.
fn together<T: Send + 'static>(
    db: &TempDb,
    n: usize,
    work: impl Fn(usize, &mut Workspace) -> T + Send + Sync + 'static,
) -> Vec<T> {
    let barrier = Arc::new(Barrier::new(n));
    let work = Arc::new(work);
    let handles: Vec<_> = (0..n)
        .map(|i| {
            let (barrier, work, path) = (barrier.clone(), work.clone(), db.path.clone());
            std::thread::spawn(move || {
                let mut ws = Workspace::new(stepwise::Store::open(&path).expect("opens"));
                barrier.wait();
                work(i, &mut ws)
            })
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().expect("a writer does not panic"))
        .collect()
}

#[test]
fn simultaneous_first_scores_for_one_rater_and_sub_facet_all_land_as_one_rating() {
    let db = TempDb::new();
    let mut ws = Workspace::new(db.open());
    let plan = api::create_plan(&mut ws, "Race", now()).unwrap();
    let create = Intent::CreateAssessment {
        name: "Baseline".into(),
        assessed_on: "2026-11-01".into(),
    };
    let assessment = api::apply_intent(&mut ws, &plan, &create, now())
        .unwrap()
        .created
        .unwrap();
    let add = Intent::AddRater {
        assessment_id: assessment,
        name: "Ada".into(),
        role: String::new(),
    };
    let rater = api::apply_intent(&mut ws, &plan, &add, now())
        .unwrap()
        .created
        .unwrap();
    let subfacets: Vec<String> = stepwise::catalog::catalog()
        .subfacets()
        .map(|s| s.id.clone())
        .collect();

    // Four writers give the first score of every sub-facet at the same moment, twenty-five
    // times over: 100 first scores racing in fours.
    const WRITERS: usize = 4;
    let (p, r, sfs) = (plan.clone(), rater.clone(), subfacets.clone());
    let outcomes = together(&db, WRITERS, move |i, ws| {
        let mut refused = Vec::new();
        for round in 0..25 {
            let entry = ScoreEntry {
                rater_id: r.clone(),
                subfacet_id: sfs[round % sfs.len()].clone(),
                score: Score::Stage(1 + (i as u8) % 5),
                confidence: None,
                note: format!("writer {i}, round {round}"),
                evidence: None,
            };
            let intent = Intent::RecordScores {
                scores: vec![entry],
            };
            if let Err(e) = api::apply_intent(ws, &p, &intent, now()) {
                refused.push(e.to_string());
            }
        }
        refused
    });
    let refused: Vec<String> = outcomes.into_iter().flatten().collect();
    assert!(
        refused.is_empty(),
        "{} of 100 scores were refused: {:?}",
        refused.len(),
        refused.first()
    );
    let stored = db.open().plan(&plan).unwrap();
    assert_eq!(
        stored.ratings.len(),
        subfacets.len(),
        "one rating per sub-facet, each the latest answer"
    );
    assert!(stored.ratings.iter().all(|x| x.rater_id == rater));
}

#[test]
fn eight_writers_on_one_plan_lose_no_edit() {
    let db = TempDb::new();
    let plan = stepwise::demo::create_demo(&mut db.open(), now()).unwrap();
    let goals_before = plan.goals.len();
    const WRITERS: usize = 8;
    const EACH: usize = 5;
    let id = plan.id.clone();
    let outcomes = together(&db, WRITERS, move |i, ws| {
        (0..EACH)
            .map(|n| {
                let goal = Goal::new(&format!("Writer {i} goal {n}"));
                let edit = Edit::Put {
                    entity: Entity::Goal(goal),
                };
                api::apply_edits(ws, &id, &[edit], now()).map(drop)
            })
            .collect::<Vec<_>>()
    });
    let failed: Vec<String> = outcomes
        .into_iter()
        .flatten()
        .filter_map(|r| r.err().map(|e| e.to_string()))
        .collect();
    assert!(failed.is_empty(), "edits were lost: {failed:?}");
    let stored = db.open().plan(&plan.id).unwrap();
    assert_eq!(stored.goals.len(), goals_before + WRITERS * EACH);
    for i in 0..WRITERS {
        for n in 0..EACH {
            let title = format!("Writer {i} goal {n}");
            assert!(
                stored.goals.iter().any(|g| g.title == title),
                "{title} is stored"
            );
        }
    }
}

#[test]
fn an_intent_is_worked_out_from_the_plan_as_it_stands_inside_the_write() {
    // Two writers set the same success factor at once: the second must replace the first's
    // check (same id), not try to add a second one, which the store would refuse.
    let db = TempDb::new();
    let plan = api::create_plan(&mut Workspace::new(db.open()), "Race", now()).unwrap();
    let p = plan.clone();
    let outcomes = together(&db, 6, move |i, ws| {
        let intent = Intent::SetSuccessFactor {
            factor_id: "outcomes-focus".into(),
            status: stepwise::model::FactorStatus::InProgress,
            note: format!("writer {i}"),
        };
        api::apply_intent(ws, &p, &intent, now()).map(drop)
    });
    assert!(
        outcomes.iter().all(Result::is_ok),
        "every writer's check lands: {outcomes:?}"
    );
    let stored = db.open().plan(&plan).unwrap();
    assert_eq!(stored.success_factors.len(), 1, "one check per factor");
}
