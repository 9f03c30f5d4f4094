//! The model's two worked examples entered as a committee would, and what follows from them:
//! the heatmap cells the document describes, targets, gaps and the goals drafted from them.

use super::{act, day, Fixture};
use crate::now;
use stepwise::catalog::{catalog, WorkedExample};
use stepwise::maturity::{self as m, Cell, HeatmapView, ScoreEntry};
use stepwise::model::Score;

fn example(id: &str) -> &'static WorkedExample {
    catalog()
        .worked_examples
        .iter()
        .find(|e| e.id == id)
        .expect("the catalog carries the model's worked examples")
}

#[test]
fn example_1_exploratory_pilot_yields_the_current_cells_the_model_describes() {
    let ex = example("exploratory-pilot");
    let mut f = Fixture::new();
    let rater = f.rater("Pilot lead");
    let entries: Vec<ScoreEntry> = ex
        .current
        .iter()
        .map(|(sf, s)| ScoreEntry {
            rater_id: rater.clone(),
            subfacet_id: sf.clone(),
            score: Score::Stage(*s),
            confidence: None,
            note: String::new(),
            evidence: None,
        })
        .collect();
    act::record_scores(&mut f.ws, &f.plan_id, &entries, now()).unwrap();
    f.reveal();
    let h = m::heatmap(&f.plan(), &f.assessment_id, HeatmapView::Current, None).unwrap();
    for sf in catalog().subfacets() {
        let mut want = [Cell::Empty; 5];
        want[usize::from(ex.current[&sf.id]) - 1] = Cell::Current;
        assert_eq!(
            h.row(&sf.id).unwrap().cells,
            want,
            "{}: one current cell, at the example's stage",
            sf.id
        );
    }
    let advanced: Vec<&str> = catalog()
        .subfacets()
        .filter(|s| ex.current[&s.id] > 1)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        advanced,
        ["delivery-mode", "instructor-engagement", "discovery-by-learner", "feedback-mechanism"],
        "the document: mostly exploratory, more advanced in blended delivery, instructor engagement, discovery and feedback"
    );
    assert_eq!(
        h.row("delivery-mode").unwrap().cells[2],
        Cell::Current,
        "blended delivery is stage 3"
    );
    let text = m::heatmap_text(&h);
    assert!(
        text.contains("DELIVERY") && text.contains("  Delivery mode"),
        "model layout, facets then sub-facets: {text}"
    );
}

/// Example 2 entered as a facilitator would: agreed current stages, then Phase 2 targets.
fn example_2() -> (Fixture, String) {
    let ex = example("subsequent-expansion");
    let mut f = Fixture::new();
    f.reveal();
    for (sf, s) in &ex.current {
        let agreed = m::AgreedStage {
            subfacet_id: sf.clone(),
            score: Score::Stage(*s),
            rationale: "Pilot review".into(),
            evidence: String::new(),
        };
        act::agree(&mut f.ws, &f.plan_id, &f.assessment_id, &agreed, now()).unwrap();
    }
    let phase = f.phase("Phase 2", day(2027, 7, 1), day(2028, 6, 30));
    for (sf, s) in &ex.phase2 {
        f.target(&phase, sf, *s).unwrap();
    }
    (f, phase)
}

#[test]
fn example_2_subsequent_expansion_yields_the_current_phase_2_and_both_cells() {
    let ex = example("subsequent-expansion");
    let (f, phase) = example_2();
    let plan = f.plan();
    let target = m::heatmap(&plan, &f.assessment_id, HeatmapView::Target, Some(&phase)).unwrap();
    let both = m::heatmap(&plan, &f.assessment_id, HeatmapView::Both, Some(&phase)).unwrap();
    for sf in catalog().subfacets() {
        let (now_at, then) = (
            usize::from(ex.current[&sf.id]) - 1,
            usize::from(ex.phase2[&sf.id]) - 1,
        );
        let mut want = [Cell::Empty; 5];
        want[then] = Cell::Target;
        assert_eq!(
            target.row(&sf.id).unwrap().cells,
            want,
            "{}: the Phase 2 cell",
            sf.id
        );
        let mut want = [Cell::Empty; 5];
        want[now_at] = Cell::Current;
        want[then] = if now_at == then {
            Cell::CurrentAndTarget
        } else {
            Cell::Target
        };
        assert_eq!(
            both.row(&sf.id).unwrap().cells,
            want,
            "{}: current and Phase 2 cells",
            sf.id
        );
    }
    let staying: Vec<&str> = catalog()
        .subfacets()
        .filter(|s| {
            both.row(&s.id)
                .unwrap()
                .cells
                .contains(&Cell::CurrentAndTarget)
        })
        .map(|s| s.id.as_str())
        .collect();
    let mut named: Vec<&str> = ex.unchanged.iter().map(String::as_str).collect();
    named.sort_by_key(|id| catalog().subfacets().position(|s| s.id == *id));
    assert_eq!(
        staying, named,
        "the document: stackability, delivery mode and instructor engagement stay as they are"
    );
    let text = m::heatmap_text(&both);
    assert!(
        text.contains("[both]") && text.contains("[target]") && text.contains("[current]"),
        "{text}"
    );
}

#[test]
fn example_2_gaps_rank_the_climbs_to_enterprise_first_with_each_stage_on_the_way() {
    let (f, phase) = example_2();
    let gaps = m::gaps(&f.plan(), &f.assessment_id, Some(&phase)).unwrap();
    let top: Vec<(&str, u8)> = gaps
        .iter()
        .take(2)
        .map(|g| (g.subfacet_id.as_str(), g.gap))
        .collect();
    assert_eq!(
        top,
        [("analytics", 3), ("post-completion-engagement", 3)],
        "largest first, then model order"
    );
    assert!(
        gaps.windows(2).all(|w| w[0].gap >= w[1].gap),
        "ranked largest first"
    );
    assert!(
        gaps.iter().all(|g| ![
            "delivery-mode",
            "instructor-engagement",
            "micro-credential-stackability"
        ]
        .contains(&g.subfacet_id.as_str())),
        "a target met is no gap"
    );
    let analytics = &gaps[0];
    let steps: Vec<u8> = analytics.steps.iter().map(|s| s.stage).collect();
    assert_eq!(
        steps,
        [2, 3, 4],
        "climbs through Focused Launch and Expansion to Enterprise"
    );
    let sf = catalog().subfacet("analytics").unwrap();
    assert_eq!(
        analytics.steps[0].descriptor, sf.descriptors[1],
        "the next stage's descriptor comes first"
    );
}

#[test]
fn a_goal_drafted_from_a_gap_is_an_ordinary_goal_due_at_the_end_of_the_phase() {
    let (mut f, phase) = example_2();
    let goal = act::add_goal_from_gap(
        &mut f.ws,
        &f.plan_id,
        &f.assessment_id,
        &phase,
        "analytics",
        now(),
    )
    .unwrap();
    let sf = catalog().subfacet("analytics").unwrap();
    assert!(
        goal.title.contains("Analytics") && goal.title.contains("Enterprise"),
        "{}",
        goal.title
    );
    assert!(
        goal.specific.contains(&sf.descriptors[1]),
        "Specific says what the next stage looks like: {}",
        goal.specific
    );
    assert!(
        goal.measurable.contains("stage 4"),
        "Measurable names the target stage: {}",
        goal.measurable
    );
    assert!(
        goal.relevant.contains("Baseline — March 2027") && goal.relevant.contains("Analytics"),
        "{}",
        goal.relevant
    );
    assert_eq!(goal.due, Some(day(2028, 6, 30)), "due when Phase 2 ends");
    assert!(
        goal.time_bound.contains("2028-06-30"),
        "{}",
        goal.time_bound
    );
    let plan = f.plan();
    assert_eq!(
        plan.goals,
        std::slice::from_ref(&goal),
        "saved as a goal of the plan"
    );
    let missing: Vec<&str> = stepwise::smart::goal_findings(&goal, Some(day(2027, 3, 1)))
        .into_iter()
        .filter(|x| x.severity == stepwise::smart::Severity::Missing)
        .map(|x| x.field)
        .collect();
    assert_eq!(
        missing,
        ["achievable", "relevant", "owner"],
        "the draft leaves only what the team must decide: what makes it achievable, the part of the strategy it serves, and who owns it"
    );
    let none = m::draft_goal(&plan, &f.assessment_id, &phase, "delivery-mode")
        .expect_err("delivery mode stays put");
    assert!(none.to_string().contains("no gap"), "{none}");
}

#[test]
fn a_target_below_the_current_stage_or_an_earlier_phase_is_refused_with_the_stage_it_needs() {
    let mut f = Fixture::new();
    let ana = f.rater("Ana");
    f.score(&ana, "analytics", Score::Stage(3));
    f.reveal();
    let p2 = f.phase("Phase 2", day(2027, 7, 1), day(2028, 6, 30));
    let p3 = f.phase("Phase 3", day(2028, 7, 1), day(2029, 6, 30));
    let err = f
        .target(&p2, "analytics", 2)
        .expect_err("2 is below the current 3");
    assert_eq!(err.problems()[0].path, "target.stage");
    assert!(
        err.to_string().contains("must be at least stage 3"),
        "{err}"
    );
    f.target(&p2, "analytics", 3)
        .expect("a target equal to the current stage is fine");
    f.target(&p2, "analytics", 4)
        .expect("raising it replaces the target");
    let err = f
        .target(&p3, "analytics", 3)
        .expect_err("Phase 3 cannot aim below Phase 2");
    assert!(
        err.to_string().contains("Phase 2's target of stage 4")
            && err.to_string().contains("at least stage 4"),
        "{err}"
    );
    f.target(&p3, "analytics", 5).unwrap();
    let err = f.target(&p2, "analytics", 5).err();
    assert!(
        err.is_none(),
        "Phase 2 may rise to Phase 3's target: {err:?}"
    );
    f.target(&p3, "analytics", 5).unwrap();
    assert_eq!(
        f.plan().targets.len(),
        2,
        "one target per sub-facet and phase"
    );
    let err = f
        .target(&p3, "analytics", 9)
        .expect_err("there is no stage 9");
    assert!(err.to_string().contains("stages run from 1"), "{err}");
}
