use super::*;
use crate::demo::demo_plan;
use chrono::{NaiveDate, TimeZone, Utc};

fn label(v: f64) -> String {
    StageMean::of(v).label
}

#[test]
fn a_mean_is_named_after_a_stage_only_once_it_has_reached_it() {
    assert_eq!(label(1.9), "1.9 — between Exploratory and Focused Launch");
    assert_eq!(label(2.0), "2.0 — Focused Launch");
    assert_eq!(label(2.04), "2.0 — Focused Launch");
    // Rounded down, never up to a stage not reached.
    assert_eq!(label(1.96), "1.9 — between Exploratory and Focused Launch");
    assert_eq!(label(4.99), "4.9 — between Enterprise and Immersive");
    assert_eq!(label(5.0), "5.0 — Immersive");
    assert_eq!(label(1.0), "1.0 — Exploratory");
    // 2.0 computed as a sum of tenths is still 2.0.
    assert_eq!(
        label((0..20).map(|_| 0.1).sum::<f64>()),
        "2.0 — Focused Launch"
    );
    assert_eq!(StageMean::label_of(None), "not scored");
}

#[test]
fn the_next_phase_is_the_first_with_targets_not_yet_over_else_the_last() {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let plan = demo_plan(now);
    let m = MaturityFigures::of(&plan, now.date_naive())
        .unwrap()
        .unwrap();
    assert!(!m.phases.is_empty(), "the demo sets targets");
    let next = m.next.expect("a next phase");
    let today = now.date_naive();
    let expected = m
        .phases
        .iter()
        .find(|p| p.ends_on.is_none_or(|e| e >= today))
        .unwrap();
    assert_eq!(next.id, expected.id);
    assert_eq!(m.headline.next.as_ref().unwrap().phase_id, next.id);
    // Long after every phase has ended, the aim is the last one set.
    let later = NaiveDate::from_ymd_opt(2100, 1, 1).unwrap();
    let m = MaturityFigures::of(&plan, later).unwrap().unwrap();
    assert_eq!(m.next.unwrap().id, m.phases.last().unwrap().id);
}

#[test]
fn the_mean_weighs_every_sub_facet_with_a_stage_alike() {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let plan = demo_plan(now);
    let m = MaturityFigures::of(&plan, now.date_naive())
        .unwrap()
        .unwrap();
    let stages: Vec<f64> = m
        .results
        .subfacets
        .iter()
        .filter_map(|r| r.current_stage().map(f64::from))
        .collect();
    let mean = stages.iter().sum::<f64>() / stages.len() as f64;
    assert_eq!(m.headline.now, Some(StageMean::of(mean)));
    assert!(m
        .headline
        .sentence
        .contains(&format!("a mean stage of {}.", StageMean::of(mean).label)));
}

#[test]
fn a_plan_with_no_revealed_assessment_has_no_headline() {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut plan = demo_plan(now);
    for a in &mut plan.assessments {
        a.revealed = false;
    }
    assert!(MaturityHeadline::of(&plan, now.date_naive()).is_none());
}

#[test]
fn the_tally_counts_every_measure_once_in_the_reports_order() {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let plan = demo_plan(now);
    let tally = measure_tally(&plan, now.date_naive());
    let statuses: Vec<_> = tally.iter().map(|t| t.status).collect();
    assert_eq!(statuses, crate::status::MeasureStatus::REPORT_ORDER);
    let total: u32 = tally.iter().map(|t| t.count).sum();
    assert_eq!(total as usize, plan.measures.len());
}
