//! The plan: everything a team writes down on the eleven steps of the journey. A plan is a few
//! single-valued settings plus one list per kind of record; records point at each other by id.

mod badges;
mod board;
mod context;
mod cycle;
mod goals;
mod governance;
mod maturity;
mod outreach;
mod requirements;
mod roadmap;
mod room;
mod standards;
mod vision;

pub use badges::*;
pub use board::*;
pub use context::*;
pub use cycle::*;
pub use goals::*;
pub use governance::*;
pub use maturity::*;
pub use outreach::*;
pub use requirements::*;
pub use roadmap::*;
pub use room::*;
pub use standards::*;
pub use vision::*;

use crate::record::kinds;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub type Id = String;

/// A new random id for a record or a plan.
pub fn new_id() -> Id {
    uuid::Uuid::new_v4().to_string()
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub id: Id,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub settings: PlanSettings,
    pub programs: Vec<Program>,
    pub stakeholders: Vec<Stakeholder>,
    pub priorities: Vec<Priority>,
    pub core_values: Vec<CoreValue>,
    pub vision_answers: Vec<VisionAnswer>,
    pub vision_statements: Vec<VisionStatement>,
    pub goals: Vec<Goal>,
    pub measures: Vec<Measure>,
    pub check_ins: Vec<CheckIn>,
    pub future_measures: Vec<FutureMeasure>,
    pub requirements: Vec<RequirementChoice>,
    pub requirement_metrics: Vec<RequirementMetric>,
    pub roles: Vec<Role>,
    pub committee_members: Vec<CommitteeMember>,
    pub workflow_stages: Vec<WorkflowStage>,
    pub proposal_items: Vec<ProposalItem>,
    pub raci_activities: Vec<RaciActivity>,
    pub raci_assignments: Vec<RaciAssignment>,
    pub badge_levels: Vec<BadgeLevel>,
    pub pathways: Vec<Pathway>,
    pub metadata_fields: Vec<MetadataField>,
    pub frameworks: Vec<Framework>,
    pub objections: Vec<Objection>,
    pub badges: Vec<Badge>,
    pub badge_pathways: Vec<BadgePathway>,
    pub issuing_routes: Vec<IssuingRoute>,
    pub phases: Vec<Phase>,
    pub milestones: Vec<Milestone>,
    pub communications: Vec<Communication>,
    pub trainings: Vec<Training>,
    pub success_factors: Vec<SuccessFactorCheck>,
    pub assessments: Vec<Assessment>,
    pub raters: Vec<Rater>,
    pub ratings: Vec<Rating>,
    pub scoring_rounds: Vec<ScoringRound>,
    pub agreements: Vec<Agreement>,
    pub targets: Vec<Target>,
    pub parked_items: Vec<ParkedItem>,
    pub decisions: Vec<Decision>,
    pub actions: Vec<Action>,
    pub asks: Vec<Ask>,
    pub risks: Vec<Risk>,
    pub reviews: Vec<Review>,
}

kinds! {
    Program(Program) => "programs", programs, "program", parent: None;
    Stakeholder(Stakeholder) => "stakeholders", stakeholders, "stakeholder group", parent: None;
    Priority(Priority) => "priorities", priorities, "strategic priority", parent: None;
    CoreValue(CoreValue) => "core_values", core_values, "core value", parent: None;
    VisionAnswer(VisionAnswer) => "vision_answers", vision_answers, "vision answer", parent: None;
    VisionStatement(VisionStatement) => "vision_statements", vision_statements, "vision statement", parent: None;
    Goal(Goal) => "goals", goals, "goal", parent: None;
    Measure(Measure) => "measures", measures, "success measure", parent: Some(Kind::Goal);
    CheckIn(CheckIn) => "check_ins", check_ins, "check-in", parent: Some(Kind::Measure);
    FutureMeasure(FutureMeasure) => "future_measures", future_measures, "future measure", parent: None;
    Requirement(RequirementChoice) => "requirements", requirements, "business requirement", parent: None;
    RequirementMetric(RequirementMetric) => "requirement_metrics", requirement_metrics, "requirement metric", parent: Some(Kind::Requirement);
    Role(Role) => "roles", roles, "role", parent: None;
    CommitteeMember(CommitteeMember) => "committee_members", committee_members, "committee member", parent: None;
    WorkflowStage(WorkflowStage) => "workflow_stages", workflow_stages, "workflow stage", parent: None;
    ProposalItem(ProposalItem) => "proposal_items", proposal_items, "proposal item", parent: None;
    RaciActivity(RaciActivity) => "raci_activities", raci_activities, "RACI activity", parent: None;
    RaciAssignment(RaciAssignment) => "raci_assignments", raci_assignments, "RACI assignment", parent: Some(Kind::RaciActivity);
    BadgeLevel(BadgeLevel) => "badge_levels", badge_levels, "badge level", parent: None;
    Pathway(Pathway) => "pathways", pathways, "pathway", parent: None;
    MetadataField(MetadataField) => "metadata_fields", metadata_fields, "metadata field", parent: None;
    Framework(Framework) => "frameworks", frameworks, "skills framework", parent: None;
    Objection(Objection) => "objections", objections, "objection", parent: None;
    Badge(Badge) => "badges", badges, "badge", parent: None;
    BadgePathway(BadgePathway) => "badge_pathways", badge_pathways, "badge pathway", parent: None;
    IssuingRoute(IssuingRoute) => "issuing_routes", issuing_routes, "issuing route", parent: None;
    Phase(Phase) => "phases", phases, "phase", parent: None;
    Milestone(Milestone) => "milestones", milestones, "milestone", parent: None;
    Communication(Communication) => "communications", communications, "communication", parent: None;
    Training(Training) => "trainings", trainings, "training", parent: None;
    SuccessFactor(SuccessFactorCheck) => "success_factors", success_factors, "success factor", parent: None;
    Assessment(Assessment) => "assessments", assessments, "assessment", parent: None;
    Rater(Rater) => "raters", raters, "rater", parent: Some(Kind::Assessment);
    Rating(Rating) => "ratings", ratings, "rating", parent: Some(Kind::Rater);
    ScoringRound(ScoringRound) => "scoring_rounds", scoring_rounds, "scoring round", parent: Some(Kind::Assessment);
    Agreement(Agreement) => "agreements", agreements, "agreed stage", parent: Some(Kind::Assessment);
    Target(Target) => "targets", targets, "target", parent: Some(Kind::Assessment);
    ParkedItem(ParkedItem) => "parked_items", parked_items, "parked question", parent: None;
    Decision(Decision) => "decisions", decisions, "decision", parent: None;
    Action(Action) => "actions", actions, "action", parent: None;
    Ask(Ask) => "asks", asks, "decision requested", parent: None;
    Risk(Risk) => "risks", risks, "risk", parent: None;
    Review(Review) => "reviews", reviews, "review", parent: None;
}

/// The plan's single-valued fields, edited as one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSettings {
    /// The organisation the plan is for.
    pub organisation: String,
    /// One of the catalog's organisation kinds (university, college…).
    pub organisation_kind: Option<String>,
    /// Free text, e.g. "14,000 students, 900 staff".
    pub size: String,
    pub prepared_by: String,
    pub prepared_for: String,
    /// An optional line for the cover, e.g. "Confidential — for the Executive Team".
    pub confidentiality: String,
    /// How often governance reviews the program, e.g. "A full evaluation every April".
    pub review_cadence: String,
    pub next_review: Option<NaiveDate>,
    /// What the committee weighs a badge proposal against, in its own words: the input of the
    /// workflow's review stage.
    pub approval_criteria: String,
    /// What any badge must meet, published for those who propose one: the input of the
    /// workflow's first stage.
    pub badge_requirements: String,
    /// How the roadmap's evaluation cycle runs.
    pub evaluation_cycle: String,
    /// The cycle this plan is the plan of, e.g. "2026–27"; rolling forward advances it.
    pub cycle: String,
    /// The plan of the cycle before, when this one was rolled forward from it.
    pub rolled_from: Option<RolledFrom>,
}

impl PlanSettings {
    pub fn check(&self, c: &mut crate::record::Checker) {
        c.text("organisation", &self.organisation);
        if let Some(kind) = &self.organisation_kind {
            let known = crate::catalog::catalog()
                .organisation_kinds
                .iter()
                .any(|k| &k.id == kind);
            c.known("organisation_kind", kind, known, "organisation kind");
        }
        for (field, value) in [
            ("size", &self.size),
            ("prepared_by", &self.prepared_by),
            ("prepared_for", &self.prepared_for),
            ("confidentiality", &self.confidentiality),
            ("review_cadence", &self.review_cadence),
            ("approval_criteria", &self.approval_criteria),
            ("badge_requirements", &self.badge_requirements),
            ("evaluation_cycle", &self.evaluation_cycle),
        ] {
            c.text(field, value);
        }
        if let Some(reason) = crate::record::not_one_line(&self.cycle) {
            c.problem("cycle", reason);
        }
        c.text("cycle", &self.cycle);
    }
}

impl Plan {
    /// An empty plan, as a person starts one.
    pub fn new(name: &str, now: DateTime<Utc>) -> Plan {
        Plan {
            id: new_id(),
            name: name.trim().to_string(),
            created_at: now,
            updated_at: now,
            settings: PlanSettings::default(),
            programs: vec![],
            stakeholders: vec![],
            priorities: vec![],
            core_values: vec![],
            vision_answers: vec![],
            vision_statements: vec![],
            goals: vec![],
            measures: vec![],
            check_ins: vec![],
            future_measures: vec![],
            requirements: vec![],
            requirement_metrics: vec![],
            roles: vec![],
            committee_members: vec![],
            workflow_stages: vec![],
            proposal_items: vec![],
            raci_activities: vec![],
            raci_assignments: vec![],
            badge_levels: vec![],
            pathways: vec![],
            metadata_fields: vec![],
            frameworks: vec![],
            objections: vec![],
            badges: vec![],
            badge_pathways: vec![],
            issuing_routes: vec![],
            phases: vec![],
            milestones: vec![],
            communications: vec![],
            trainings: vec![],
            success_factors: vec![],
            assessments: vec![],
            raters: vec![],
            ratings: vec![],
            scoring_rounds: vec![],
            agreements: vec![],
            targets: vec![],
            parked_items: vec![],
            decisions: vec![],
            actions: vec![],
            asks: vec![],
            risks: vec![],
            reviews: vec![],
        }
    }
}
