//! How complete each step of the journey is: a short list of things a finished step has,
//! each ticked or not, so a workshop sees at a glance what is left to do.

use crate::catalog::catalog;
use crate::model::Plan;
use crate::smart::is_smart;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Context,
    Vision,
    Goals,
    Measures,
    Requirements,
    Governance,
    Maturity,
    Communication,
    Roadmap,
    Export,
}

impl Step {
    pub const ALL: [Step; 10] = [
        Step::Context,
        Step::Vision,
        Step::Goals,
        Step::Measures,
        Step::Requirements,
        Step::Governance,
        Step::Maturity,
        Step::Communication,
        Step::Roadmap,
        Step::Export,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Step::Context => "Context",
            Step::Vision => "Vision",
            Step::Goals => "SMART goals",
            Step::Measures => "Success measures",
            Step::Requirements => "Business requirements",
            Step::Governance => "Governance",
            Step::Maturity => "Maturity self-assessment",
            Step::Communication => "Communication and training",
            Step::Roadmap => "Roadmap",
            Step::Export => "Export",
        }
    }

    pub fn number(self) -> usize {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .expect("every step is listed")
            + 1
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
pub struct StepProgress {
    pub step: Step,
    pub title: String,
    pub done: u32,
    pub total: u32,
    /// What is still missing, in words a workshop can act on.
    pub missing: Vec<String>,
}

impl StepProgress {
    pub fn is_complete(&self) -> bool {
        self.done == self.total
    }
}

struct Tally {
    step: Step,
    done: u32,
    total: u32,
    missing: Vec<String>,
}

impl Tally {
    fn new(step: Step) -> Self {
        Tally {
            step,
            done: 0,
            total: 0,
            missing: Vec::new(),
        }
    }
    fn check(&mut self, ok: bool, missing: impl Into<String>) -> &mut Self {
        self.total += 1;
        if ok {
            self.done += 1;
        } else {
            self.missing.push(missing.into());
        }
        self
    }
    fn finish(self) -> StepProgress {
        StepProgress {
            step: self.step,
            title: self.step.title().to_string(),
            done: self.done,
            total: self.total,
            missing: self.missing,
        }
    }
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

pub fn progress(plan: &Plan) -> Vec<StepProgress> {
    Step::ALL.iter().map(|s| step_progress(plan, *s)).collect()
}

pub fn step_progress(plan: &Plan, step: Step) -> StepProgress {
    let s = &plan.settings;
    let mut t = Tally::new(step);
    match step {
        Step::Context => {
            t.check(filled(&s.organisation), "the organisation's name")
                .check(
                    s.organisation_kind.is_some(),
                    "what kind of organisation it is",
                )
                .check(filled(&s.size), "the organisation's size")
                .check(!plan.programs.is_empty(), "at least one program in scope")
                .check(!plan.stakeholders.is_empty(), "the stakeholder groups")
                .check(!plan.priorities.is_empty(), "the strategic-plan priorities")
                .check(!plan.core_values.is_empty(), "the core values");
        }
        Step::Vision => {
            for q in &catalog().vision_questions {
                let answered = plan
                    .vision_answers
                    .iter()
                    .any(|a| a.question_id == q.id && filled(&a.text));
                t.check(answered, format!("an answer to \u{201c}{}\u{201d}", q.text));
            }
            t.check(!plan.vision_statements.is_empty(), "a vision statement")
                .check(
                    !plan.vision_statements.is_empty()
                        && plan
                            .vision_statements
                            .iter()
                            .all(|v| !v.priority_ids.is_empty()),
                    "every vision statement linked to a strategic priority",
                );
        }
        Step::Goals => {
            t.check(!plan.goals.is_empty(), "at least one goal");
            for g in &plan.goals {
                t.check(
                    is_smart(g, None),
                    format!("goal \u{201c}{}\u{201d} is not SMART yet", g.title),
                );
            }
        }
        Step::Measures => {
            t.check(!plan.measures.is_empty(), "at least one success measure");
            for g in &plan.goals {
                let has = plan.measures.iter().any(|m| m.goal_id == g.id);
                t.check(
                    has,
                    format!("a measure for goal \u{201c}{}\u{201d}", g.title),
                );
            }
            for m in &plan.measures {
                let ready = m.baseline.is_some() && m.target.is_some() && m.target_date.is_some();
                t.check(
                    ready,
                    format!(
                        "baseline, target and target date for \u{201c}{}\u{201d}",
                        m.indicator
                    ),
                );
            }
        }
        Step::Requirements => {
            t.check(
                !plan.requirements.is_empty(),
                "the business requirements that matter",
            )
            .check(
                !plan.requirements.is_empty() && plan.requirements.iter().all(|r| r.rank.is_some()),
                "every chosen requirement ranked",
            )
            .check(
                !plan.requirement_metrics.is_empty(),
                "at least one metric picked",
            )
            .check(
                plan.requirement_metrics
                    .iter()
                    .any(|m| m.measure_id.is_some()),
                "a metric turned into a success measure",
            );
        }
        Step::Governance => {
            t.check(!plan.roles.is_empty(), "the roles and who holds them")
                .check(
                    !plan.workflow_stages.is_empty(),
                    "the badge request workflow",
                )
                .check(
                    !plan.workflow_stages.is_empty()
                        && plan
                            .workflow_stages
                            .iter()
                            .all(|w| w.responsible_role_id.is_some()),
                    "someone responsible for every workflow stage",
                )
                .check(
                    !plan.proposal_items.is_empty(),
                    "what a badge proposal must contain",
                )
                .check(!plan.raci_assignments.is_empty(), "the RACI matrix")
                .check(filled(&s.review_cadence), "the review cadence")
                .check(!plan.badge_levels.is_empty(), "the badge levels")
                .check(
                    !plan.metadata_fields.is_empty(),
                    "the metadata every badge carries",
                );
        }
        Step::Maturity => {
            let latest = plan.assessments.iter().max_by_key(|a| a.assessed_on);
            let agreed = latest.map_or(0, |a| {
                plan.agreements
                    .iter()
                    .filter(|g| g.assessment_id == a.id)
                    .count()
            });
            let total = catalog().subfacets().count();
            t.check(latest.is_some(), "a maturity assessment")
                .check(
                    latest.is_some() && agreed >= total,
                    format!("an agreed stage for every sub-facet ({agreed} of {total})"),
                )
                .check(
                    latest.is_some_and(|a| plan.targets.iter().any(|x| x.assessment_id == a.id)),
                    "target stages for a future phase",
                )
                .check(
                    plan.success_factors.len() >= catalog().success_factors.len(),
                    "the critical success factors reviewed",
                );
        }
        Step::Communication => {
            t.check(!plan.communications.is_empty(), "a communication plan")
                .check(
                    plan.communications.iter().any(|c| !c.messages.is_empty()),
                    "the key messages",
                )
                .check(!plan.trainings.is_empty(), "a training plan");
        }
        Step::Roadmap => {
            t.check(!plan.phases.is_empty(), "the phases")
                .check(
                    !plan.phases.is_empty() && plan.phases.iter().all(|p| p.starts_on.is_some()),
                    "a start date for every phase",
                )
                .check(!plan.milestones.is_empty(), "the milestones")
                .check(filled(&s.evaluation_cycle), "the evaluation cycle");
        }
        Step::Export => {
            t.check(
                filled(&s.prepared_by),
                "who prepared the plan (for the cover)",
            )
            .check(
                filled(&s.prepared_for),
                "whom it is prepared for (for the cover)",
            );
        }
    }
    t.finish()
}
