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

mod standing {
    use super::super::*;
    use crate::model::{Better, CheckIn, Frequency, Measure};
    use crate::status::MeasureStatus::{self, *};
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn measure(better: Better, on: Option<f64>, red: Option<f64>) -> Measure {
        Measure {
            id: "m".into(),
            goal_id: "g".into(),
            indicator: "Learners".into(),
            unit: String::new(),
            baseline: None,
            baseline_date: None,
            target: None,
            target_date: None,
            data_source: String::new(),
            owner: String::new(),
            frequency: None,
            better,
            on_track_at: on,
            red_line: red,
        }
    }

    fn check_in(date: NaiveDate, value: f64) -> CheckIn {
        CheckIn {
            id: format!("c{date}{value}"),
            measure_id: "m".into(),
            date,
            value,
            note: String::new(),
            confidence: None,
        }
    }

    fn at(m: &Measure, value: f64) -> MeasureStatus {
        let c = check_in(day(2026, 6, 1), value);
        measure_status(m, [&c], day(2026, 6, 2))
    }

    #[test]
    fn higher_is_better_bands_include_the_on_track_value_and_exclude_the_red_line() {
        let m = measure(Better::Higher, Some(60.0), Some(40.0));
        assert_eq!(at(&m, 75.0), OnTrack);
        assert_eq!(at(&m, 60.0), OnTrack, "on the on-track value is on track");
        assert_eq!(at(&m, 59.9), AtRisk);
        assert_eq!(at(&m, 40.0), AtRisk, "on the red line is not yet off track");
        assert_eq!(at(&m, 39.9), OffTrack);
        assert_eq!(at(&m, -5.0), OffTrack);
    }

    #[test]
    fn lower_is_better_bands_read_the_other_way_round() {
        let m = measure(Better::Lower, Some(3.0), Some(7.0));
        assert_eq!(at(&m, 1.0), OnTrack);
        assert_eq!(at(&m, 3.0), OnTrack);
        assert_eq!(at(&m, 3.1), AtRisk);
        assert_eq!(at(&m, 7.0), AtRisk);
        assert_eq!(at(&m, 7.1), OffTrack);
    }

    #[test]
    fn a_red_line_alone_and_an_on_track_value_alone() {
        let red = measure(Better::Higher, None, Some(6.0));
        assert_eq!(at(&red, 6.0), OnTrack, "not worse than the line");
        assert_eq!(at(&red, 5.0), OffTrack);
        let red_down = measure(Better::Lower, None, Some(6.0));
        assert_eq!(at(&red_down, 5.0), OnTrack);
        assert_eq!(at(&red_down, 6.5), OffTrack);
        let on = measure(Better::Higher, Some(10.0), None);
        assert_eq!(at(&on, 10.0), OnTrack);
        assert_eq!(
            at(&on, -100.0),
            AtRisk,
            "never off track without a red line"
        );
        // Equal thresholds leave no band between them.
        let edge = measure(Better::Higher, Some(5.0), Some(5.0));
        assert_eq!(at(&edge, 5.0), OnTrack);
        assert_eq!(at(&edge, 4.9), OffTrack);
    }

    #[test]
    fn reaching_the_target_is_achieved_whatever_the_thresholds_say() {
        let mut m = measure(Better::Lower, Some(3.0), Some(7.0));
        m.baseline = Some(9.0);
        m.target = Some(2.0);
        assert_eq!(at(&m, 2.0), Achieved);
        assert_eq!(at(&m, 1.5), Achieved);
        assert_eq!(at(&m, 8.0), OffTrack);
    }

    #[test]
    fn without_thresholds_the_line_from_baseline_to_target_decides_as_before() {
        let mut m = measure(Better::Higher, None, None);
        assert_eq!(at(&m, 5.0), NotMeasured, "nothing to judge against");
        m.baseline = Some(0.0);
        m.target = Some(100.0);
        m.baseline_date = Some(day(2026, 1, 1));
        m.target_date = Some(day(2026, 12, 31));
        // 1 June is 151 days of 364: 41% of the way is expected.
        assert_eq!(at(&m, 40.0), OnTrack);
        assert_eq!(at(&m, 25.0), AtRisk);
        assert_eq!(at(&m, 10.0), OffTrack);
        let c = check_in(day(2026, 6, 1), 90.0);
        assert_eq!(
            measure_status(&m, [&c], day(2027, 1, 1)),
            OffTrack,
            "the target date has passed"
        );
    }

    #[test]
    fn a_measure_is_judged_at_its_latest_check_in() {
        let m = measure(Better::Higher, Some(60.0), Some(40.0));
        let old = check_in(day(2026, 1, 1), 90.0);
        let new = check_in(day(2026, 3, 1), 30.0);
        assert_eq!(measure_status(&m, [&new, &old], day(2026, 3, 2)), OffTrack);
        assert_eq!(
            check_in_status(&m, &old),
            OnTrack,
            "each check-in on its day"
        );
    }

    fn standing_on(m: &Measure, check_ins: &[CheckIn], today: NaiveDate) -> MeasureStanding {
        measure_standing(m, check_ins, today)
    }

    #[test]
    fn a_measure_is_stale_a_week_after_a_collection_is_missed() {
        let mut m = measure(Better::Higher, Some(60.0), None);
        m.frequency = Some(Frequency::Monthly);
        let last = [check_in(day(2026, 1, 31), 70.0)];
        // Due a month later (28 Feb, the month being short), stale from the eighth day after.
        let s = standing_on(&m, &last, day(2026, 3, 7));
        assert_eq!(s.next_due, Some(day(2026, 2, 28)));
        assert!(!s.stale, "seven days overdue is still within the grace");
        let s = standing_on(&m, &last, day(2026, 3, 8));
        assert!(s.stale);
        assert_eq!(s.status, OnTrack, "staleness does not change the status");
        assert_eq!(s.judged_on, Some(day(2026, 1, 31)));
        assert_eq!(
            s.stale_reason(&m).unwrap(),
            "Stale: no check-in since 31 Jan 2026, one was due by 28 Feb 2026 (collected every month)"
        );
        // A weekly measure goes stale sooner; a yearly one much later.
        m.frequency = Some(Frequency::Weekly);
        assert!(!standing_on(&m, &last, day(2026, 2, 14)).stale);
        assert!(standing_on(&m, &last, day(2026, 2, 15)).stale);
        m.frequency = Some(Frequency::Yearly);
        assert!(!standing_on(&m, &last, day(2027, 2, 7)).stale);
        assert!(standing_on(&m, &last, day(2027, 2, 8)).stale);
        m.frequency = Some(Frequency::EachTerm);
        assert_eq!(
            standing_on(&m, &last, day(2026, 2, 1)).next_due,
            Some(day(2026, 5, 31))
        );
        m.frequency = Some(Frequency::Quarterly);
        assert_eq!(
            standing_on(&m, &last, day(2026, 2, 1)).next_due,
            Some(day(2026, 4, 30))
        );
    }

    #[test]
    fn before_any_check_in_the_baseline_date_starts_the_clock_and_without_a_frequency_nothing_does()
    {
        let mut m = measure(Better::Higher, None, None);
        m.frequency = Some(Frequency::Quarterly);
        assert!(
            !standing_on(&m, &[], day(2030, 1, 1)).stale,
            "no check-in and no baseline date: no due date"
        );
        m.baseline_date = Some(day(2026, 1, 1));
        let s = standing_on(&m, &[], day(2026, 4, 9));
        assert_eq!((s.status, s.stale), (NotMeasured, true));
        assert_eq!(
            s.stale_reason(&m).unwrap(),
            "Stale: no check-in yet, one was due by 1 Apr 2026 (collected every quarter)"
        );
        m.frequency = None;
        assert!(!standing_on(&m, &[], day(2030, 1, 1)).stale);
        // Another measure's check-ins do not count.
        m.frequency = Some(Frequency::Quarterly);
        let mut other = check_in(day(2026, 4, 1), 1.0);
        other.measure_id = "other".into();
        assert!(standing_on(&m, &[other], day(2026, 4, 9)).stale);
    }

    #[test]
    fn the_demo_has_one_stale_measure_and_one_off_track_with_its_note() {
        use chrono::{TimeZone, Utc};
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let plan = crate::demo::demo_plan(now);
        let needing = measures_needing_attention(&plan, now.date_naive());
        let stale: Vec<_> = needing
            .iter()
            .filter(|(_, why)| why.iter().any(|w| w.starts_with("Stale")))
            .collect();
        let off: Vec<_> = needing
            .iter()
            .filter(|(_, why)| why.iter().any(|w| w == "Off track"))
            .collect();
        assert_eq!(stale.len(), 1, "{needing:?}");
        assert_eq!(off.len(), 1, "{needing:?}");
        let (m, _) = off[0];
        assert!(
            m.has_thresholds(),
            "the demo's off-track measure has a red line"
        );
        for c in plan.check_ins.iter().filter(|c| c.measure_id == m.id) {
            if check_in_status(m, c) == OffTrack {
                assert!(
                    !c.note.trim().is_empty(),
                    "an off-track check-in has its note"
                );
            }
        }
        assert!(
            plan.measures.iter().filter(|m| m.has_thresholds()).count() >= 8,
            "the demo sets thresholds on its measures"
        );
    }
}
