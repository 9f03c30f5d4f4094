use super::*;

mod story;
use crate::catalog::catalog;
use crate::figures::measure_status;
use crate::model::{Raci, Score};
use crate::smart::{goal_findings, Severity};
use crate::status::MeasureStatus;
use chrono::{NaiveDate, TimeZone};
use std::collections::{HashMap, HashSet};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 3, 14, 9, 30, 0).unwrap()
}

fn statuses(plan: &Plan, today: NaiveDate) -> Vec<MeasureStatus> {
    plan.measures
        .iter()
        .map(|m| {
            let check_ins = plan.check_ins.iter().filter(|c| c.measure_id == m.id);
            measure_status(m, check_ins, today)
        })
        .collect()
}

/// How many different values a list holds (for types that are not `Hash`).
fn distinct<T: PartialEq>(items: &[T]) -> usize {
    items
        .iter()
        .enumerate()
        .filter(|(i, x)| !items[..*i].contains(x))
        .count()
}

fn latest_assessment(plan: &Plan) -> &crate::model::Assessment {
    plan.assessments
        .iter()
        .max_by_key(|a| a.assessed_on)
        .expect("the demo has assessments")
}

/// Every stage the raters gave each sub-facet of the latest assessment (not-applicable left out).
fn stages_by_subfacet(plan: &Plan) -> HashMap<&str, Vec<u8>> {
    let latest = latest_assessment(plan);
    let raters: HashSet<&str> = plan
        .raters
        .iter()
        .filter(|r| r.assessment_id == latest.id)
        .map(|r| r.id.as_str())
        .collect();
    let mut out: HashMap<&str, Vec<u8>> = HashMap::new();
    for r in plan
        .ratings
        .iter()
        // The first round: what each rater thought before any discussion.
        .filter(|r| raters.contains(r.rater_id.as_str()) && r.round == 1)
    {
        if let Some(s) = r.score.stage() {
            out.entry(r.subfacet_id.as_str()).or_default().push(s);
        }
    }
    out
}

#[test]
fn demo_plan_passes_validation_with_no_problems() {
    let plan = demo_plan(now());
    let problems = crate::validate::plan_problems(&plan);
    assert!(
        problems.is_empty(),
        "the demo must import cleanly, but: {problems:#?}"
    );
}

#[test]
fn demo_plan_completes_every_step_of_the_journey() {
    let plan = demo_plan(now());
    for step in crate::progress::progress(&plan) {
        assert!(
            step.is_complete(),
            "step {} ({}) is incomplete in the demo: {:?}",
            step.step.number(),
            step.title,
            step.missing
        );
    }
}

#[test]
fn demo_names_an_institution_that_exercises_unicode_in_exports() {
    let plan = demo_plan(now());
    assert!(
        !plan.settings.organisation.is_ascii(),
        "the organisation's name should carry an accent"
    );
    let all = serde_json::to_string(&plan).unwrap();
    for c in ['’', '—', '–', 'é', 'è'] {
        assert!(
            all.contains(c),
            "the demo should use {c:?} somewhere so exports meet it"
        );
    }
}

#[test]
fn every_guided_question_is_answered_for_every_perspective_it_lists() {
    let plan = demo_plan(now());
    for q in &catalog().vision_questions {
        let wanted: Vec<Option<&str>> = if q.per_perspective {
            q.perspectives.iter().map(|p| Some(p.as_str())).collect()
        } else {
            vec![None]
        };
        for p in wanted {
            let answered = plan.vision_answers.iter().any(|a| {
                a.question_id == q.id && a.perspective.as_deref() == p && !a.text.trim().is_empty()
            });
            assert!(
                answered,
                "question {:?} has no answer for perspective {p:?}",
                q.id
            );
        }
    }
}

#[test]
fn most_goals_are_fully_smart_and_one_draws_only_advice() {
    let plan = demo_plan(now());
    let mut advice_only = 0;
    for g in &plan.goals {
        let findings = goal_findings(g, Some(now().date_naive()));
        let missing: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == Severity::Missing)
            .collect();
        assert!(
            missing.is_empty(),
            "goal {:?} is not SMART: {missing:?}",
            g.title
        );
        if !findings.is_empty() {
            advice_only += 1;
        }
    }
    assert_eq!(
        advice_only, 1,
        "exactly one goal should give the SMART checker advice to show"
    );
    assert!(
        (5..=6).contains(&plan.goals.len()),
        "the demo has five or six goals"
    );
}

#[test]
fn goals_are_never_overdue_whenever_the_demo_is_built() {
    for now in [now(), Utc.with_ymd_and_hms(2031, 1, 31, 23, 59, 0).unwrap()] {
        let plan = demo_plan(now);
        for g in &plan.goals {
            assert!(
                g.due.is_some_and(|d| d > now.date_naive()),
                "goal {:?} is due {:?}, not after {now}",
                g.title,
                g.due
            );
        }
    }
}

#[test]
fn every_goal_has_a_measure_and_most_measures_have_check_ins() {
    let plan = demo_plan(now());
    for g in &plan.goals {
        assert!(
            plan.measures.iter().any(|m| m.goal_id == g.id),
            "goal {:?} has no measure",
            g.title
        );
    }
    let checked = plan
        .measures
        .iter()
        .filter(|m| plan.check_ins.iter().any(|c| c.measure_id == m.id))
        .count();
    assert!(
        checked * 2 > plan.measures.len(),
        "most measures should have check-ins ({checked})"
    );
    assert_eq!(
        plan.future_measures.len(),
        4,
        "the demo keeps four ideas for later"
    );
}

#[test]
fn measure_statuses_cover_every_status_and_hold_whatever_day_it_is_built() {
    use MeasureStatus::*;
    let expected = [
        OnTrack,
        AtRisk,
        OnTrack,
        AtRisk,
        OnTrack,
        OffTrack,
        Achieved,
        OnTrack,
        NotMeasured,
        OnTrack,
    ];
    let start = now();
    // Month lengths change every date the demo computes; a year and a bit of build days
    // covers every combination of them, leap day included.
    for day in 0..400 {
        let now = start + chrono::Duration::days(day);
        let plan = demo_plan(now);
        let got = statuses(&plan, now.date_naive());
        assert_eq!(
            got, expected,
            "measure statuses drift when the demo is built on {now}"
        );
    }
    assert_eq!(
        distinct(&expected),
        5,
        "the demo should show every status a measure can have"
    );
}

#[test]
fn requirements_come_from_the_catalog_ranked_with_one_of_the_teams_own() {
    let plan = demo_plan(now());
    let ranks: Vec<_> = plan.requirements.iter().filter_map(|r| r.rank).collect();
    assert_eq!(
        ranks,
        (1..=plan.requirements.len() as u32).collect::<Vec<_>>(),
        "ranked 1..n"
    );
    assert_eq!(
        plan.requirements
            .iter()
            .filter(|r| r.catalog_id.is_none())
            .count(),
        1,
        "one custom requirement"
    );
    for r in &plan.requirements {
        let Some(entry) = r
            .catalog_id
            .as_deref()
            .and_then(|id| catalog().requirement(id))
        else {
            continue;
        };
        assert_eq!(
            r.name, entry.name,
            "a catalog requirement keeps the catalog's name"
        );
        for m in plan
            .requirement_metrics
            .iter()
            .filter(|m| m.requirement_id == r.id)
        {
            assert!(
                entry.metrics.contains(&m.name),
                "metric {:?} is not one of {:?}'s catalog metrics",
                m.name,
                entry.name
            );
        }
    }
    // A rate is answered by a measure in per cent, never by a count.
    for metric in &plan.requirement_metrics {
        let Some(measure) = plan
            .measures
            .iter()
            .find(|m| Some(&m.id) == metric.measure_id.as_ref())
        else {
            continue;
        };
        assert!(
            !metric.name.to_lowercase().contains("rate") || measure.unit == "%",
            "metric {:?} is answered by {:?} in {:?}",
            metric.name,
            measure.indicator,
            measure.unit
        );
    }
    let linked = plan
        .requirement_metrics
        .iter()
        .filter(|m| m.measure_id.is_some())
        .count();
    assert!(
        linked >= 3,
        "several metrics should have become success measures ({linked})"
    );
}

#[test]
fn governance_follows_the_catalog_workflow_with_one_accountable_role_per_activity() {
    let plan = demo_plan(now());
    let stages: Vec<_> = plan
        .workflow_stages
        .iter()
        .map(|w| w.name.as_str())
        .collect();
    let defaults: Vec<_> = catalog()
        .workflow_stages
        .iter()
        .map(|w| w.name.as_str())
        .collect();
    assert_eq!(
        stages, defaults,
        "the demo uses the six default workflow stages in order"
    );
    let activities: Vec<_> = plan
        .raci_activities
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(
        activities, defaults,
        "the RACI rows are the workflow stages"
    );
    for a in &plan.raci_activities {
        let cells: Vec<_> = plan
            .raci_assignments
            .iter()
            .filter(|c| c.activity_id == a.id)
            .collect();
        let accountable = cells.iter().filter(|c| c.code == Raci::Accountable).count();
        assert_eq!(accountable, 1, "activity {:?} needs exactly one A", a.name);
        let stage = plan
            .workflow_stages
            .iter()
            .find(|w| w.name == a.name)
            .unwrap();
        let responsible = cells
            .iter()
            .find(|c| c.code == Raci::Responsible)
            .map(|c| c.role_id.clone());
        assert_eq!(
            responsible, stage.responsible_role_id,
            "the R of {:?} is the stage's responsible role",
            a.name
        );
    }
    let levels: Vec<_> = plan.badge_levels.iter().map(|l| l.name.as_str()).collect();
    let catalog_levels: Vec<_> = catalog()
        .badge_levels
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    assert_eq!(levels, catalog_levels, "the four catalog badge levels");
    let kinds: Vec<_> = plan.pathways.iter().map(|p| p.kind).collect();
    assert_eq!(
        distinct(&kinds),
        2,
        "one vertical and one horizontal pathway"
    );
}

#[test]
fn all_ten_success_factors_are_reviewed_with_a_mix_of_statuses() {
    let plan = demo_plan(now());
    let ids: HashSet<_> = plan
        .success_factors
        .iter()
        .map(|f| f.factor_id.as_str())
        .collect();
    for f in &catalog().success_factors {
        assert!(
            ids.contains(f.id.as_str()),
            "success factor {:?} is not on the checklist",
            f.id
        );
    }
    let statuses: Vec<_> = plan.success_factors.iter().map(|f| f.status).collect();
    assert_eq!(
        distinct(&statuses),
        3,
        "not started, in progress and in place all appear"
    );
}

#[test]
fn three_raters_score_every_subfacet_and_disagree_widely_on_at_least_three() {
    let plan = demo_plan(now());
    let latest = latest_assessment(&plan);
    let raters: Vec<_> = plan
        .raters
        .iter()
        .filter(|r| r.assessment_id == latest.id)
        .collect();
    assert_eq!(raters.len(), 3, "the mid-pilot review has three raters");
    let subfacets = catalog().subfacets().count();
    for r in &raters {
        let scored = plan
            .ratings
            .iter()
            .filter(|x| x.rater_id == r.id && x.round == 1)
            .count();
        assert_eq!(
            scored, subfacets,
            "{} should score all {subfacets} sub-facets",
            r.name
        );
    }
    let by_subfacet = stages_by_subfacet(&plan);
    let wide = by_subfacet
        .values()
        .filter(|s| s.iter().max().unwrap() - s.iter().min().unwrap() >= 2)
        .count();
    assert!(
        wide >= 3,
        "at least three sub-facets should split the raters by two stages ({wide})"
    );
    let close = by_subfacet
        .values()
        .filter(|s| s.iter().max().unwrap() - s.iter().min().unwrap() <= 1)
        .count();
    assert!(
        close > subfacets / 2,
        "the raters should mostly agree within a stage ({close})"
    );
    let not_applicable = plan
        .ratings
        .iter()
        .filter(|r| matches!(&r.score, Score::NotApplicable(why) if !why.trim().is_empty()))
        .count();
    assert!(
        not_applicable >= 1,
        "one rater marks a sub-facet not applicable, with a reason"
    );
}

#[test]
fn every_subfacet_has_an_agreed_stage_with_a_rationale_sometimes_off_the_median() {
    let plan = demo_plan(now());
    let latest = latest_assessment(&plan);
    let by_subfacet = stages_by_subfacet(&plan);
    let mut off_median = 0;
    for s in catalog().subfacets() {
        let agreed = plan
            .agreements
            .iter()
            .find(|a| a.assessment_id == latest.id && a.subfacet_id == s.id)
            .unwrap_or_else(|| panic!("sub-facet {:?} has no agreed stage", s.id));
        assert!(
            !agreed.rationale.trim().is_empty(),
            "sub-facet {:?} has no rationale",
            s.id
        );
        let mut stages = by_subfacet[s.id.as_str()].clone();
        stages.sort();
        let median = stages[stages.len() / 2];
        let stage = agreed
            .score
            .stage()
            .expect("every sub-facet of the mid-pilot review is applicable");
        assert!(
            stages.contains(&stage) || stage.abs_diff(median) <= 1,
            "{:?} agreed far from every score",
            s.id
        );
        if stage != median {
            off_median += 1;
        }
    }
    assert!(
        (1..=4).contains(&off_median),
        "a few agreed stages differ from the median ({off_median})"
    );
    let with_evidence = plan
        .agreements
        .iter()
        .filter(|a| a.assessment_id == latest.id && !a.evidence.is_empty())
        .count();
    assert!(
        with_evidence >= 3,
        "some agreed stages cite evidence ({with_evidence})"
    );
}

#[test]
fn targets_for_two_phases_never_fall_below_the_current_stage_or_the_phase_before() {
    let plan = demo_plan(now());
    let latest = latest_assessment(&plan);
    let phase = |name: &str| {
        plan.phases
            .iter()
            .find(|p| p.name.starts_with(name))
            .unwrap()
            .id
            .clone()
    };
    let (phase2, phase3) = (phase("Phase 2"), phase("Phase 3"));
    let target = |phase: &str, subfacet: &str| {
        plan.targets
            .iter()
            .find(|t| {
                t.assessment_id == latest.id && t.phase_id == phase && t.subfacet_id == subfacet
            })
            .map(|t| t.stage)
    };
    let (mut unchanged, mut at_five) = (0, 0);
    for a in plan
        .agreements
        .iter()
        .filter(|a| a.assessment_id == latest.id)
    {
        let Some(current) = a.score.stage() else {
            continue;
        };
        let p2 = target(&phase2, &a.subfacet_id)
            .unwrap_or_else(|| panic!("{:?} has no Phase 2 target", a.subfacet_id));
        let p3 = target(&phase3, &a.subfacet_id)
            .unwrap_or_else(|| panic!("{:?} has no Phase 3 target", a.subfacet_id));
        assert!(
            p2 >= current,
            "{:?} aims below where it is in Phase 2",
            a.subfacet_id
        );
        assert!(p3 >= p2, "{:?} falls back in Phase 3", a.subfacet_id);
        if p2 == current {
            unchanged += 1;
        }
        if p3 == 5 {
            at_five += 1;
        }
    }
    assert!(
        unchanged >= 3,
        "several sub-facets should stay where they are in Phase 2 ({unchanged})"
    );
    assert!(
        at_five <= 2,
        "few if any sub-facets should aim for Immersive ({at_five})"
    );
}

#[test]
fn an_earlier_readiness_scan_a_year_before_sits_lower_for_comparison() {
    let plan = demo_plan(now());
    let latest = latest_assessment(&plan);
    let earlier = plan
        .assessments
        .iter()
        .find(|a| a.id != latest.id)
        .expect("a second, earlier assessment");
    assert!(
        latest.assessed_on > now().date_naive() - chrono::Duration::days(60),
        "the mid-pilot review is recent"
    );
    assert!(
        latest.assessed_on < now().date_naive(),
        "the mid-pilot review is in the past"
    );
    assert!(
        latest.name.starts_with("Mid-pilot review — "),
        "taken mid-pilot, and named for it: {:?}",
        latest.name
    );
    let stage = |assessment: &str, subfacet: &str| {
        plan.agreements
            .iter()
            .find(|a| a.assessment_id == assessment && a.subfacet_id == subfacet)
            .and_then(|a| a.score.stage())
            .unwrap()
    };
    for s in catalog().subfacets() {
        assert!(
            stage(&earlier.id, &s.id) <= stage(&latest.id, &s.id),
            "{:?} went backwards",
            s.id
        );
    }
    assert!(
        !plan.raters.iter().any(|r| r.assessment_id == earlier.id),
        "the scan kept agreed stages only"
    );
}

#[test]
fn demo_reads_back_from_the_store_exactly_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("plans.db")).unwrap();
    let plan = create_demo(&mut store, now()).unwrap();
    assert_eq!(
        store.plan(&plan.id).unwrap(),
        plan,
        "a stored demo loads back unchanged"
    );
}

#[test]
fn ensure_demo_creates_one_plan_on_first_launch_and_never_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plans.db");
    let mut store = Store::open(&path).unwrap();
    let id = ensure_demo(&mut store, now())
        .unwrap()
        .expect("a fresh database gets the demo");
    let plans = store.list_plans().unwrap();
    assert_eq!(plans.len(), 1, "exactly one plan on first launch");
    assert_eq!(plans[0].id, id);

    assert_eq!(
        ensure_demo(&mut store, now()).unwrap(),
        None,
        "no second demo on the next launch"
    );
    assert_eq!(store.list_plans().unwrap().len(), 1);

    store.delete_plan(&id).unwrap();
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        ensure_demo(&mut store, now()).unwrap(),
        None,
        "a deleted demo does not come back"
    );
    assert!(store.list_plans().unwrap().is_empty());
}

#[test]
fn ensure_demo_leaves_a_database_that_already_has_plans_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("plans.db")).unwrap();
    store.create_plan("Our own plan", now()).unwrap();
    assert_eq!(
        ensure_demo(&mut store, now()).unwrap(),
        None,
        "an existing user gets no demo"
    );
    assert_eq!(store.list_plans().unwrap().len(), 1);
    assert!(
        store.meta(DEMO_META_KEY).unwrap().is_some(),
        "and is never offered one later"
    );
}

#[test]
fn one_split_subfacet_was_scored_again_after_the_discussion_with_one_rater_not_knowing() {
    let plan = demo_plan(now());
    let latest = latest_assessment(&plan);
    let rounds: Vec<_> = plan
        .scoring_rounds
        .iter()
        .filter(|r| r.assessment_id == latest.id)
        .collect();
    assert_eq!(rounds.len(), 2, "analytics went to a second round");
    assert!(rounds
        .iter()
        .all(|r| r.subfacet_id == "analytics" && r.revealed));
    let second: Vec<_> = plan
        .ratings
        .iter()
        .filter(|r| r.subfacet_id == "analytics" && r.round == 2)
        .collect();
    assert_eq!(second.len(), 3, "every rater answered the second round");
    assert_eq!(second.iter().filter(|r| r.score.is_abstained()).count(), 1);
    let results = crate::maturity::results(&plan, &latest.id).unwrap();
    let analytics = results.subfacet("analytics").unwrap();
    assert_eq!(
        (
            analytics.aggregate.count,
            analytics.aggregate.abstained,
            analytics.aggregate.median
        ),
        (2, 1, Some(2.0)),
        "the results stand on the second round"
    );
}
