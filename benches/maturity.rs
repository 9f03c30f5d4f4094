//! Maturity benchmarks: `cargo bench --bench maturity`. A committee as large as any we expect
//! (50 raters) scores all 20 sub-facets in each of 5 assessments, with targets for two
//! phases; prints the median time of what the app does with that.

use chrono::{NaiveDate, TimeZone, Utc};
mod support;

use std::time::Duration;
use stepwise::catalog::catalog;
use stepwise::maturity::{self as m, forms, HeatmapView};
use stepwise::model::{new_id, Assessment, Phase, Plan, Rater, Rating, Score, Target};
use stepwise::Store;
use support::{ms, time};

const RATERS: usize = 50;
const ASSESSMENTS: usize = 5;
const RUNS: usize = 21;

/// Scores spread over the stages the way a real committee's are: mostly around a centre
/// that differs by sub-facet, some raters a stage or two off, a few N/A.
fn plan() -> Plan {
    let now = Utc.with_ymd_and_hms(2027, 3, 1, 9, 0, 0).unwrap();
    let mut plan = Plan::new("Benchmark", now);
    let day = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    for (i, (start, end)) in [(day(2027, 7), day(2028, 6)), (day(2028, 7), day(2029, 6))]
        .into_iter()
        .enumerate()
    {
        plan.phases.push(Phase {
            id: new_id(),
            name: format!("Phase {}", i + 2),
            description: String::new(),
            starts_on: Some(start),
            ends_on: Some(end),
        });
    }
    for a in 0..ASSESSMENTS {
        let assessment = Assessment {
            id: new_id(),
            name: format!("Assessment {}", a + 1),
            assessed_on: day(2027 + a as i32, 3),
            revealed: true,
        };
        for r in 0..RATERS {
            let rater = Rater {
                id: new_id(),
                assessment_id: assessment.id.clone(),
                name: format!("Rater {}", r + 1),
                role: String::new(),
            };
            for (s, sf) in catalog().subfacets().enumerate() {
                let centre = 1 + (s + a) % 3;
                let score = match (r * 7 + s * 3) % 10 {
                    0 => Score::NotApplicable("Not in scope".into()),
                    1 | 2 => Score::Stage((centre + 2).min(5) as u8),
                    3 => Score::Stage(centre.saturating_sub(1).max(1) as u8),
                    _ => Score::Stage(centre as u8),
                };
                plan.ratings.push(Rating {
                    id: new_id(),
                    rater_id: rater.id.clone(),
                    subfacet_id: sf.id.clone(),
                    round: 1,
                    score,
                    confidence: None,
                    note: String::new(),
                    evidence: String::new(),
                });
            }
            plan.raters.push(rater);
        }
        for (p, phase) in plan.phases.iter().enumerate() {
            for sf in catalog().subfacets() {
                plan.targets.push(Target {
                    id: new_id(),
                    assessment_id: assessment.id.clone(),
                    phase_id: phase.id.clone(),
                    subfacet_id: sf.id.clone(),
                    stage: 4 + p as u8,
                });
            }
        }
        plan.assessments.push(assessment);
    }
    plan
}

fn main() {
    let now = Utc::now();
    let plan = plan();
    let ids: Vec<String> = plan.assessments.iter().map(|a| a.id.clone()).collect();
    let phase = plan.phases[0].id.clone();
    println!(
        "{} assessments × {RATERS} raters × {} sub-facets = {} ratings, {} targets",
        ids.len(),
        catalog().subfacets().count(),
        plan.ratings.len(),
        plan.targets.len()
    );
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.db")).unwrap();
    store.insert_plan(&plan).unwrap();

    let mut rows: Vec<(&str, Duration)> = Vec::new();
    rows.push((
        "aggregate 5 assessments (results)",
        time(RUNS, |_| {
            ids.iter()
                .map(|a| m::results(&plan, a).unwrap())
                .collect::<Vec<_>>()
        }),
    ));
    rows.push((
        "aggregate + gaps, 5 assessments, 2 phases",
        time(RUNS, |_| {
            ids.iter()
                .map(|a| m::gaps(&plan, a, None).unwrap())
                .collect::<Vec<_>>()
        }),
    ));
    rows.push((
        "heatmap (both), 5 assessments",
        time(RUNS, |_| {
            ids.iter()
                .map(|a| m::heatmap(&plan, a, HeatmapView::Both, Some(&phase)).unwrap())
                .collect::<Vec<_>>()
        }),
    ));
    rows.push((
        "compare first and last assessment",
        time(RUNS, |_| m::compare(&plan, &ids[0], &ids[4]).unwrap()),
    ));
    rows.push((
        "load plan from SQLite + aggregate + gaps",
        time(RUNS, |_| {
            let p = store.plan(&plan.id).unwrap();
            ids.iter()
                .map(|a| m::gaps(&p, a, None).unwrap())
                .collect::<Vec<_>>()
        }),
    ));
    let rater = plan.raters[0].id.clone();
    let key = forms::FormKey::of(&store).unwrap();
    let form = forms::export_form(&plan, &ids[0], &rater, &key).unwrap();
    rows.push((
        "export one scoring form",
        time(RUNS, |_| {
            forms::export_form(&plan, &ids[0], &rater, &key).unwrap()
        }),
    ));
    rows.push((
        "import one scoring form (re-scores 20)",
        time(RUNS, |_| {
            store
                .apply_intent(&plan.id, now, None, |p| {
                    Ok(forms::import_form(p, &ids[0], &form, &key)?.1)
                })
                .unwrap()
        }),
    ));

    println!("\nStepwise maturity engine, median of {RUNS} runs (release build)\n");
    println!("| operation | median |");
    println!("|---|---:|");
    for (name, d) in rows {
        println!("| {name} | {} |", ms(d, 3));
    }
}
