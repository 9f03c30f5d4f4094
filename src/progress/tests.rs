//! The navigator's count of each step is the figure the step's screen shows: these tests
//! count what each screen counts, straight from the plan, and compare.

use super::*;
use crate::demo::demo_plan;
use crate::smart::is_smart;
use chrono::{TimeZone, Utc};

fn demo() -> Plan {
    demo_plan(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap())
}

fn count(plan: &Plan, step: Step) -> (u32, u32) {
    let p = step_progress(plan, step);
    (p.done, p.total)
}

#[test]
fn the_progress_of_a_step_is_its_checks_counted() {
    let plan = demo();
    for c in checks(&plan) {
        let p = step_progress(&plan, c.step);
        assert_eq!(p, StepProgress::of(c.step, &c.checks));
        assert_eq!(p.total as usize, c.checks.len());
        assert_eq!(p.missing.len(), c.checks.iter().filter(|c| !c.done).count());
        assert!(p.total > 0, "every step has something to check");
    }
}

#[test]
fn goals_count_the_smart_goals_of_all_goals() {
    let mut plan = demo();
    let smart = plan.goals.iter().filter(|g| is_smart(g, None)).count() as u32;
    assert_eq!(count(&plan, Step::Goals), (smart, plan.goals.len() as u32));
    plan.goals[0].owner.clear();
    assert_eq!(
        count(&plan, Step::Goals),
        (smart - 1, plan.goals.len() as u32),
        "a goal without an owner is not SMART"
    );
    plan.goals.clear();
    assert_eq!(count(&plan, Step::Goals), (0, 1), "no goals: one to write");
}

#[test]
fn measures_count_the_ready_measures_and_a_missing_one_per_goal_without() {
    let mut plan = demo();
    let ready = |plan: &Plan| {
        plan.measures
            .iter()
            .filter(|m| m.baseline.is_some() && m.target.is_some() && m.target_date.is_some())
            .count() as u32
    };
    assert_eq!(
        count(&plan, Step::Measures),
        (ready(&plan), plan.measures.len() as u32),
        "every goal of the demo has a measure, so the count is the measures'"
    );
    let goal = plan.goals[0].id.clone();
    plan.measures.retain(|m| m.goal_id != goal);
    plan.check_ins
        .retain(|c| plan.measures.iter().any(|m| m.id == c.measure_id));
    assert_eq!(
        count(&plan, Step::Measures),
        (ready(&plan), plan.measures.len() as u32 + 1),
        "a goal without a measure counts as one measure missing"
    );
}

#[test]
fn governance_counts_the_eleven_sections_of_its_screen() {
    let mut plan = demo();
    let parts: Vec<String> = step_checks(&plan, Step::Governance)
        .into_iter()
        .map(|c| c.part)
        .collect();
    // The screen's sections, in its order (GovernanceStep.svelte keys them `gov-<part>`).
    assert_eq!(
        parts,
        [
            "roles",
            "committee",
            "workflow",
            "proposal",
            "raci",
            "cadence",
            "levels",
            "pathways",
            "metadata",
            "frameworks",
            "objections"
        ]
    );
    assert_eq!(count(&plan, Step::Governance), (11, 11));
    // The workflow's inputs are written by the committee: unwritten, the workflow is not done.
    let criteria = std::mem::take(&mut plan.settings.approval_criteria);
    assert_eq!(count(&plan, Step::Governance), (10, 11));
    plan.settings.approval_criteria = criteria;
    plan.pathways.clear();
    assert_eq!(count(&plan, Step::Governance), (10, 11));
    plan.frameworks.clear();
    assert_eq!(count(&plan, Step::Governance), (9, 11));
    // One objection still open keeps the register from counting.
    plan.objections[0].status = ObjectionStatus::Open;
    assert_eq!(count(&plan, Step::Governance), (8, 11));
}

#[test]
fn communication_is_complete_only_when_every_audience_has_every_key_message() {
    let mut plan = demo();
    let prompts = catalog().key_message_prompts.len();
    let full = plan
        .communications
        .iter()
        .filter(|c| messages_written(c) == prompts)
        .count() as u32;
    // One check per audience, and one for the training plan.
    assert_eq!(
        count(&plan, Step::Communication),
        (full + 1, plan.communications.len() as u32 + 1)
    );
    let c = &mut plan.communications[0];
    c.messages.truncate(4);
    let audience = c.audience.clone();
    let p = step_progress(&plan, Step::Communication);
    assert!(!p.is_complete(), "4 of 6 key messages is not complete");
    assert!(
        p.missing
            .iter()
            .any(|m| m.contains(&audience) && m.contains("(4 of 6 written)")),
        "{:?}",
        p.missing
    );
}

#[test]
fn vision_counts_each_question_and_each_statement() {
    let mut plan = demo();
    let questions = catalog().vision_questions.len() as u32;
    let statements = plan.vision_statements.len() as u32;
    assert_eq!(
        count(&plan, Step::Vision).1,
        questions + statements,
        "one check per guiding question and per vision statement"
    );
    let answered = step_checks(&plan, Step::Vision)
        .iter()
        .filter(|c| catalog().vision_questions.iter().any(|q| q.id == c.part) && c.done)
        .count();
    assert_eq!(
        answered as u32, questions,
        "the demo answers every question"
    );
    plan.vision_statements.clear();
    assert_eq!(count(&plan, Step::Vision), (questions, questions + 1));
}

#[test]
fn an_empty_plan_completes_no_step() {
    let plan = Plan::new(
        "Empty",
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap(),
    );
    let steps = progress(&plan);
    assert_eq!(steps_complete(&steps), 0);
    assert!(steps.iter().all(|s| s.total > 0 && s.done == 0));
}

/// `Step::reads` lets the app skip steps an edit cannot change; a check that reads a kind the
/// step does not declare would go stale on screen. Emptying each kind in turn (and the
/// settings) must leave every step that does not declare it exactly as it was.
#[test]
fn a_step_reads_no_kind_it_does_not_declare() {
    let plan = demo();
    for kind in Kind::ALL {
        let mut emptied = plan.clone();
        let gone: Vec<(String, Option<String>)> =
            plan.ids(*kind).into_iter().map(|id| (id, None)).collect();
        assert!(!gone.is_empty(), "the demo has no {kind:?} to take away");
        emptied
            .patch_list(*kind, crate::store::ListPatch::Rows(&gone))
            .unwrap();
        for step in Step::ALL {
            if !step.reads().0.contains(kind) {
                assert_eq!(
                    step_checks(&emptied, step),
                    step_checks(&plan, step),
                    "{step:?} reads {kind:?} but does not say so in Step::reads"
                );
            }
        }
    }
    let mut bare = plan.clone();
    bare.settings = Default::default();
    for step in Step::ALL.into_iter().filter(|s| !s.reads().1) {
        assert_eq!(
            step_checks(&bare, step),
            step_checks(&plan, step),
            "{step:?} reads the settings but does not say so in Step::reads"
        );
    }
}
