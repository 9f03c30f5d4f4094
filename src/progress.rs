//! How complete each step of the journey is: a list of the things a finished step has, each
//! ticked or not, so a workshop sees at a glance what is left to do.
//!
//! The checks are counted in the unit the step's screen shows: one per goal (SMART or not),
//! one per measure (ready or not) and per goal still without one, one per governance section,
//! one per audience (all its key messages written or not). The navigator's count, the screen's
//! summary line and the exports' journey table are all this one list, so they cannot differ.
//! Nothing here depends on the day: the plans table caches the result.

use crate::catalog::catalog;
use crate::model::{gaps_line, Communication, Goal, Kind, ObjectionStatus, Plan, ReviewStatus};
use crate::smart::is_smart;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Context,
    Vision,
    Goals,
    Measures,
    Requirements,
    Governance,
    Badges,
    Maturity,
    Communication,
    Roadmap,
    Export,
}

impl Step {
    pub const ALL: [Step; 11] = [
        Step::Context,
        Step::Vision,
        Step::Goals,
        Step::Measures,
        Step::Requirements,
        Step::Governance,
        Step::Badges,
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
            Step::Badges => "Badges and issuing",
            Step::Maturity => "Maturity self-assessment",
            Step::Communication => "Communication and training",
            Step::Roadmap => "Roadmap",
            Step::Export => "Export",
        }
    }

    /// What a step's checks read: kinds of record, and whether the plan's settings. An edit
    /// that touches none of them leaves the step's checks as they were, so the app recounts
    /// only the steps an edit can change (a test clears each kind in turn to keep this true).
    pub fn reads(self) -> (&'static [Kind], bool) {
        use Kind as K;
        match self {
            Step::Context => (
                &[K::Program, K::Stakeholder, K::Priority, K::CoreValue],
                true,
            ),
            Step::Vision => (&[K::VisionAnswer, K::VisionStatement], false),
            Step::Goals => (&[K::Goal], false),
            Step::Measures => (&[K::Goal, K::Measure], false),
            Step::Requirements => (&[K::Requirement, K::RequirementMetric], false),
            Step::Governance => (
                &[
                    K::Role,
                    K::CommitteeMember,
                    K::WorkflowStage,
                    K::ProposalItem,
                    K::RaciAssignment,
                    K::BadgeLevel,
                    K::Pathway,
                    K::MetadataField,
                    K::Framework,
                    K::Objection,
                ],
                true,
            ),
            Step::Badges => (&[K::Badge, K::BadgePathway, K::IssuingRoute], false),
            Step::Maturity => (
                &[
                    K::Assessment,
                    K::Agreement,
                    K::Target,
                    K::SuccessFactor,
                    K::ScoringRound,
                ],
                false,
            ),
            Step::Communication => (&[K::Communication, K::Training], false),
            Step::Roadmap => (&[K::Phase, K::Milestone, K::Ask, K::Risk, K::Review], true),
            Step::Export => (&[], true),
        }
    }

    /// Whether an edit touching `kinds` (and the settings, when `settings`) can change this
    /// step's checks.
    pub fn reads_any(self, kinds: &HashSet<Kind>, settings: bool) -> bool {
        let (read, reads_settings) = self.reads();
        (settings && reads_settings) || read.iter().any(|k| kinds.contains(k))
    }

    pub fn number(self) -> usize {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .expect("every step is listed")
            + 1
    }
}

/// One thing a finished step has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Check {
    /// The part of the step's screen it belongs to: a section's key (`roles`, `cadence`…) or
    /// the id of the record it is about (a goal, a measure, a question, an audience).
    pub part: String,
    pub done: bool,
    /// What is missing while it is not done, in words a workshop can act on.
    pub missing: String,
}

/// The checks of one step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct StepChecks {
    pub step: Step,
    pub checks: Vec<Check>,
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
    pub fn of(step: Step, checks: &[Check]) -> StepProgress {
        StepProgress {
            step,
            title: step.title().to_string(),
            done: checks.iter().filter(|c| c.done).count() as u32,
            total: checks.len() as u32,
            missing: checks
                .iter()
                .filter(|c| !c.done)
                .map(|c| c.missing.clone())
                .collect(),
        }
    }

    /// Every check done; a step with nothing to check is not complete (every step has one).
    pub fn is_complete(&self) -> bool {
        self.total > 0 && self.done == self.total
    }
}

/// How many of the steps are complete: the "3 of 11 steps complete" of the plan list, the CLI
/// and the exports.
pub fn steps_complete(steps: &[StepProgress]) -> usize {
    steps.iter().filter(|s| s.is_complete()).count()
}

#[derive(Default)]
struct Tally {
    checks: Vec<Check>,
}

impl Tally {
    fn check(&mut self, part: &str, ok: bool, missing: impl Into<String>) -> &mut Self {
        self.checks.push(Check {
            part: part.to_string(),
            done: ok,
            missing: if ok { String::new() } else { missing.into() },
        });
        self
    }
}

/// The Goals step's check of one goal.
pub fn goal_check(g: &Goal, smart: bool) -> Check {
    Check {
        part: g.id.clone(),
        done: smart,
        missing: if smart {
            String::new()
        } else {
            format!("goal \u{201c}{}\u{201d} is not SMART yet", g.title)
        },
    }
}

/// The Measures step's check of a goal that has no measure yet.
pub fn unmeasured_goal_check(g: &Goal) -> Check {
    Check {
        part: g.id.clone(),
        done: false,
        missing: format!("a measure for goal \u{201c}{}\u{201d}", g.title),
    }
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

/// The Badges step: one check per badge (ready to publish under the metadata policy or not),
/// then a pathway to a credential, an issuing route and a pilot.
fn badge_checks(plan: &Plan, t: &mut Tally) {
    if plan.badges.is_empty() {
        t.check("badges", false, "a first badge in the catalogue");
    }
    for b in &plan.badges {
        let gaps = gaps_line(b);
        t.check(
            &b.id,
            gaps.is_empty(),
            format!("badge \u{201c}{}\u{201d} lacks {gaps}", b.name),
        );
    }
    t.check(
        "pathways",
        plan.badge_pathways
            .iter()
            .any(|p| p.badge_ids.len() >= 2 && filled(&p.credential)),
        "a pathway of two or more badges that stacks to a credential",
    )
    .check(
        "issuing",
        plan.issuing_routes
            .iter()
            .any(|r| !r.badge_ids.is_empty() && filled(&r.issued_by)),
        "an issuing route: the platform, the badges it issues and who issues them",
    )
    .check(
        "pilot",
        plan.issuing_routes
            .iter()
            .any(|r| r.pilot && !r.badge_ids.is_empty()),
        "a pilot: the route and the badges it starts with",
    );
}

pub fn progress(plan: &Plan) -> Vec<StepProgress> {
    Step::ALL.iter().map(|s| step_progress(plan, *s)).collect()
}

pub fn step_progress(plan: &Plan, step: Step) -> StepProgress {
    StepProgress::of(step, &step_checks(plan, step))
}

/// The checks of every step, in the journey's order.
pub fn checks(plan: &Plan) -> Vec<StepChecks> {
    Step::ALL
        .iter()
        .map(|s| StepChecks {
            step: *s,
            checks: step_checks(plan, *s),
        })
        .collect()
}

/// Key messages written for an audience, of the catalog's prompts.
pub fn messages_written(c: &Communication) -> usize {
    catalog()
        .key_message_prompts
        .iter()
        .filter(|p| {
            c.messages
                .iter()
                .any(|m| m.prompt_id == p.id && filled(&m.text))
        })
        .count()
}

pub fn step_checks(plan: &Plan, step: Step) -> Vec<Check> {
    step_checks_with(plan, step, &|g| is_smart(g, None))
}

/// `step_checks`, told whether each goal is SMART: the app remembers that per goal, as it is
/// the one check whose cost grows with the goal's text.
pub fn step_checks_with(plan: &Plan, step: Step, smart: &dyn Fn(&Goal) -> bool) -> Vec<Check> {
    let s = &plan.settings;
    let mut t = Tally::default();
    match step {
        Step::Context => {
            t.check(
                "organisation",
                filled(&s.organisation),
                "the organisation's name",
            )
            .check(
                "kind",
                s.organisation_kind.is_some(),
                "what kind of organisation it is",
            )
            .check("size", filled(&s.size), "the organisation's size")
            .check(
                "programs",
                !plan.programs.is_empty(),
                "at least one program in scope",
            )
            .check(
                "stakeholders",
                !plan.stakeholders.is_empty(),
                "the stakeholder groups",
            )
            .check(
                "priorities",
                !plan.priorities.is_empty(),
                "the strategic-plan priorities",
            )
            .check("values", !plan.core_values.is_empty(), "the core values");
        }
        Step::Vision => {
            for q in &catalog().vision_questions {
                let answered = plan
                    .vision_answers
                    .iter()
                    .any(|a| a.question_id == q.id && filled(&a.text));
                t.check(
                    &q.id,
                    answered,
                    format!("an answer to \u{201c}{}\u{201d}", q.text),
                );
            }
            if plan.vision_statements.is_empty() {
                t.check("statements", false, "a vision statement");
            }
            for v in &plan.vision_statements {
                t.check(
                    &v.id,
                    !v.priority_ids.is_empty(),
                    format!(
                        "vision statement \u{201c}{}\u{201d} linked to a strategic priority",
                        v.text
                    ),
                );
            }
        }
        Step::Goals => {
            if plan.goals.is_empty() {
                t.check("goals", false, "at least one goal");
            }
            t.checks
                .extend(plan.goals.iter().map(|g| goal_check(g, smart(g))));
        }
        Step::Measures => {
            if plan.measures.is_empty() && plan.goals.is_empty() {
                t.check("measures", false, "at least one success measure");
            }
            let measured: HashSet<&str> =
                plan.measures.iter().map(|m| m.goal_id.as_str()).collect();
            t.checks.extend(
                plan.goals
                    .iter()
                    .filter(|g| !measured.contains(g.id.as_str()))
                    .map(unmeasured_goal_check),
            );
            for m in &plan.measures {
                let ready = m.baseline.is_some() && m.target.is_some() && m.target_date.is_some();
                t.checks.push(Check {
                    part: m.id.clone(),
                    done: ready,
                    // Worded only when shown: a plan of a thousand ready measures writes none.
                    missing: if ready {
                        String::new()
                    } else {
                        format!(
                            "baseline, target and target date for \u{201c}{}\u{201d}",
                            m.indicator
                        )
                    },
                });
            }
        }
        Step::Requirements => {
            t.check(
                "requirements",
                !plan.requirements.is_empty(),
                "the business requirements that matter",
            )
            .check(
                "ranks",
                !plan.requirements.is_empty() && plan.requirements.iter().all(|r| r.rank.is_some()),
                "every chosen requirement ranked",
            )
            .check(
                "metrics",
                !plan.requirement_metrics.is_empty(),
                "at least one metric picked",
            )
            .check(
                "measures",
                plan.requirement_metrics
                    .iter()
                    .any(|m| m.measure_id.is_some()),
                "a metric turned into a success measure",
            );
        }
        Step::Governance => {
            // One check per section of the screen, keyed as the screen's sections are.
            t.check(
                "roles",
                !plan.roles.is_empty(),
                "the roles and who holds them",
            )
            .check(
                "committee",
                !plan.committee_members.is_empty(),
                "the committee's members",
            )
            // The workflow section also holds its two inputs the committee writes: what a
            // request is judged on, and what every badge must publish.
            .check(
                "workflow",
                !plan.workflow_stages.is_empty()
                    && plan
                        .workflow_stages
                        .iter()
                        .all(|w| w.responsible_role_id.is_some())
                    && filled(&s.approval_criteria)
                    && filled(&s.badge_requirements),
                "the badge request workflow, with someone responsible for every stage, the approval criteria and the published badge requirements",
            )
            .check(
                "proposal",
                !plan.proposal_items.is_empty(),
                "what a badge proposal must contain",
            )
            .check("raci", !plan.raci_assignments.is_empty(), "the RACI matrix")
            .check("cadence", filled(&s.review_cadence), "the review cadence")
            .check("levels", !plan.badge_levels.is_empty(), "the badge levels")
            .check("pathways", !plan.pathways.is_empty(), "the badge pathways")
            .check(
                "metadata",
                !plan.metadata_fields.is_empty(),
                "the metadata every badge carries",
            )
            .check(
                "frameworks",
                !plan.frameworks.is_empty(),
                "a skills framework or standard the badges align to",
            );
            let open = plan
                .objections
                .iter()
                .filter(|o| o.status != ObjectionStatus::Answered)
                .count();
            t.check(
                "objections",
                !plan.objections.is_empty() && open == 0,
                if plan.objections.is_empty() {
                    "the doubts about rigour raised so far, each answered".to_string()
                } else {
                    format!("an answer to every doubt about rigour ({open} open)")
                },
            );
        }
        Step::Badges => badge_checks(plan, &mut t),
        Step::Maturity => {
            let latest = plan.assessments.iter().max_by_key(|a| a.assessed_on);
            let agreed = latest.map_or(0, |a| {
                plan.agreements
                    .iter()
                    .filter(|g| g.assessment_id == a.id)
                    .count()
            });
            let total = catalog().subfacets().count();
            t.check("assessment", latest.is_some(), "a maturity assessment")
                .check(
                    "agreed",
                    latest.is_some() && agreed >= total,
                    format!("an agreed stage for every sub-facet ({agreed} of {total})"),
                )
                .check(
                    "targets",
                    latest.is_some_and(|a| plan.targets.iter().any(|x| x.assessment_id == a.id)),
                    "target stages for a future phase",
                )
                .check(
                    "factors",
                    plan.success_factors.len() >= catalog().success_factors.len(),
                    "the critical success factors reviewed",
                );
        }
        Step::Communication => {
            if plan.communications.is_empty() {
                t.check("communications", false, "a communication plan");
            }
            let prompts = catalog().key_message_prompts.len();
            for c in &plan.communications {
                let written = messages_written(c);
                t.check(
                    &c.id,
                    written >= prompts,
                    format!(
                        "the key messages for \u{201c}{}\u{201d} ({written} of {prompts} written)",
                        c.audience
                    ),
                );
            }
            t.check("trainings", !plan.trainings.is_empty(), "a training plan");
        }
        Step::Roadmap => {
            t.check("phases", !plan.phases.is_empty(), "the phases")
                .check(
                    "dates",
                    !plan.phases.is_empty() && plan.phases.iter().all(|p| p.starts_on.is_some()),
                    "a start date for every phase",
                )
                .check("milestones", !plan.milestones.is_empty(), "the milestones")
                .check(
                    "asks",
                    !plan.asks.is_empty(),
                    "the decisions requested of leadership",
                )
                .check(
                    "risks",
                    !plan.risks.is_empty() && plan.risks.iter().all(|r| filled(&r.owner)),
                    "a risk register with an owner for every risk",
                )
                .check(
                    "evaluation",
                    filled(&s.evaluation_cycle),
                    "the evaluation cycle",
                );
            let unrecorded = plan
                .reviews
                .iter()
                .filter(|r| r.status == ReviewStatus::Held && r.written_findings().next().is_none())
                .count();
            t.check(
                "reviews",
                !plan.reviews.is_empty() && unrecorded == 0,
                if unrecorded == 0 {
                    "a review on the evaluation calendar, with what each one held found".to_string()
                } else {
                    format!("what each review held found ({unrecorded} without findings)")
                },
            );
        }
        Step::Export => {
            t.check(
                "prepared_by",
                filled(&s.prepared_by),
                "who prepared the plan (for the cover)",
            )
            .check(
                "prepared_for",
                filled(&s.prepared_for),
                "whom it is prepared for (for the cover)",
            );
        }
    }
    t.checks
}

#[cfg(test)]
mod tests;
