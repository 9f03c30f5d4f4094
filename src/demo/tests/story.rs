//! The demo as a plan file, and its story on the calendar: built on any day of the year, the
//! pilot is under way, what has happened is behind the creation day, what is planned is ahead
//! of it, and the academic calendar's events sit on their own days.

use super::super::dates::{long_date, month_year};
use super::super::{demo_file, demo_plan, ASSET};
use crate::model::{MilestoneStatus, Plan};
use crate::planfile;
use crate::store::Store;
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};

fn at(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(23, 59, 0).unwrap())
}

/// Every day of an academic year that holds a 29 February.
fn every_day_of_a_year() -> impl Iterator<Item = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(2027, 9, 1).unwrap();
    first
        .iter_days()
        .take_while(|d| *d < NaiveDate::from_ymd_opt(2028, 9, 1).unwrap())
}

fn phase<'a>(plan: &'a Plan, id: &str) -> &'a crate::model::Phase {
    plan.phases.iter().find(|p| p.id == id).unwrap()
}

#[test]
fn the_asset_is_a_plan_file_the_importer_takes_with_no_problems() {
    for day in [(2027, 3, 14), (2028, 2, 29), (2026, 12, 31)] {
        let now = at(NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap());
        let file = demo_file(now).unwrap();
        assert!(!file.contains("{{"), "every date expression is resolved");
        let plan = planfile::parse(file.as_bytes())
            .unwrap_or_else(|e| panic!("the demo of {now} does not import: {e}"));
        assert!(crate::validate::plan_problems(&plan).is_empty());

        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("plans.db")).unwrap();
        let first = planfile::import(&mut store, file.as_bytes(), now).unwrap();
        let second = planfile::import(&mut store, file.as_bytes(), now).unwrap();
        assert_ne!(first.id, second.id, "importing it twice gives two plans");
        assert_eq!(store.list_plans().unwrap().len(), 2);
    }
    // Unresolved, the asset is refused by the importer: its dates are not dates yet.
    assert!(planfile::parse(ASSET.as_bytes()).is_err());
}

#[test]
fn record_ids_are_readable_and_stable_across_creation_days() {
    let a = demo_plan(at(NaiveDate::from_ymd_opt(2027, 3, 14).unwrap()));
    let b = demo_plan(at(NaiveDate::from_ymd_opt(2029, 11, 2).unwrap()));
    assert_ne!(a.id, b.id, "each demo is a new plan");
    let ids = |p: &Plan| -> Vec<String> {
        p.goals
            .iter()
            .map(|g| g.id.clone())
            .chain(p.measures.iter().map(|m| m.id.clone()))
            .chain(p.check_ins.iter().map(|c| c.id.clone()))
            .collect()
    };
    assert_eq!(ids(&a), ids(&b));
    assert!(
        a.goals.iter().any(|g| g.id == "goal-compass"),
        "{:?}",
        ids(&a)
    );
}

#[test]
fn the_story_holds_whatever_day_of_the_year_the_demo_is_created() {
    for today in every_day_of_a_year() {
        let plan = demo_plan(at(today));
        let why = |what: &str| format!("{what}, for a demo created on {today}");

        // The roadmap: three phases end to end, the pilot under way.
        let (pilot, launch, scale) = (
            phase(&plan, "phase-pilot"),
            phase(&plan, "phase-launch"),
            phase(&plan, "phase-scale"),
        );
        for p in [pilot, launch, scale] {
            assert!(p.starts_on < p.ends_on, "{}", why(&p.name));
        }
        assert_eq!(pilot.ends_on, launch.starts_on, "{}", why("phases meet"));
        assert_eq!(launch.ends_on, scale.starts_on, "{}", why("phases meet"));
        assert!(
            pilot.starts_on.unwrap() < today && today < pilot.ends_on.unwrap(),
            "{}",
            why("the pilot is under way")
        );
        for m in &plan.milestones {
            let p = plan
                .phases
                .iter()
                .find(|p| Some(&p.id) == m.phase_id.as_ref())
                .unwrap();
            let due = m.due.unwrap();
            assert!(
                p.starts_on.unwrap() <= due && due <= p.ends_on.unwrap(),
                "{}",
                why(&format!(
                    "milestone {:?} ({due}) is inside {}",
                    m.title, p.name
                ))
            );
        }
        let past: Vec<_> = plan
            .milestones
            .iter()
            .filter(|m| m.due.unwrap() < today)
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(
            past,
            ["milestone-1", "milestone-2"],
            "{}",
            why("only the committee and the second issuer cohort are behind us")
        );
        for m in &plan.milestones {
            let done = past.contains(&m.id.as_str());
            assert_eq!(
                m.status,
                if done {
                    MilestoneStatus::Done
                } else {
                    MilestoneStatus::Planned
                },
                "{}",
                why(&format!(
                    "{:?} is done exactly when it is behind us",
                    m.title
                ))
            );
            assert!(
                m.done_on.is_none_or(|d| d <= today),
                "{}",
                why("nothing is done in the future")
            );
        }

        // What happened is behind the creation day; what is aimed for is ahead of it.
        for m in &plan.measures {
            let (start, end) = (m.baseline_date.unwrap(), m.target_date.unwrap());
            assert!(
                start <= today && today < end,
                "{}",
                why(&format!(
                    "{:?} runs from its baseline to its target",
                    m.indicator
                ))
            );
            for c in plan.check_ins.iter().filter(|c| c.measure_id == m.id) {
                assert!(
                    start <= c.date && c.date <= today,
                    "{}",
                    why(&format!(
                        "check-in {} ({}) is after the baseline, not in the future",
                        c.id, c.date
                    ))
                );
            }
        }
        for g in &plan.goals {
            let due = g.due.unwrap();
            assert!(
                due > today,
                "{}",
                why(&format!("{:?} is due ahead", g.title))
            );
            assert!(
                g.time_bound.contains(&long_date(due)),
                "{}",
                why(&format!("{:?} says the date it is due", g.title))
            );
        }
        let mut assessments: Vec<_> = plan.assessments.iter().collect();
        assessments.sort_by_key(|a| a.assessed_on);
        assert_eq!(
            assessments[0].id,
            "assessment-readiness",
            "{}",
            why("the scan came first")
        );
        for a in &assessments {
            assert!(a.assessed_on < today, "{}", why(&a.name));
            assert!(
                a.assessed_on >= pilot.starts_on.unwrap() || a.id == "assessment-readiness",
                "{}",
                why("the mid-pilot review is taken during the pilot")
            );
            assert!(
                a.name.ends_with(&month_year(a.assessed_on)),
                "{}",
                why(&a.name)
            );
        }
        let horizon = long_date(scale.ends_on.unwrap());
        assert!(
            plan.vision_statements[0].text.contains(&horizon),
            "{}",
            why("the vision's horizon is the end of Phase 3")
        );

        // The academic calendar: each event on its own day, in the year the story needs.
        let review = plan.settings.next_review.unwrap();
        assert!(
            review > today && (review.month(), review.day()) == (4, 15),
            "{}",
            why("the next April evaluation")
        );
        let milestone = |id: &str| {
            plan.milestones
                .iter()
                .find(|m| m.id == id)
                .unwrap()
                .due
                .unwrap()
        };
        let evaluation = milestone("milestone-7");
        assert_eq!(
            (evaluation.month(), evaluation.day()),
            (4, 15),
            "{}",
            why("the April evaluation")
        );
        let orientation = milestone("milestone-orientation");
        assert_eq!(
            (orientation.month(), orientation.day()),
            (9, 2),
            "{}",
            why("fall orientation")
        );
        let census = milestone("milestone-8");
        assert_eq!(
            (census.month(), census.day()),
            (10, 1),
            "{}",
            why("the fall census")
        );
        let retention = plan
            .goals
            .iter()
            .find(|g| g.id == "goal-retention")
            .unwrap();
        assert!(
            retention.due.unwrap() > census,
            "{}",
            why("retention is judged after the census")
        );
        let signed = plan
            .check_ins
            .iter()
            .find(|c| c.id == "checkin-employers-1")
            .unwrap();
        let roundtable = signed.date - chrono::Duration::days(7);
        assert!(
            matches!((roundtable.month(), roundtable.day()), (2, 15) | (10, 15)),
            "{}",
            why("the roundtables are in October and February")
        );
        assert!(
            signed
                .note
                .contains(&roundtable.format("%B roundtable").to_string()),
            "{}",
            why(&signed.note)
        );
    }
}
