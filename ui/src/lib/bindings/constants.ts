// Generated from the Rust side by src-tauri/src/bindings.rs; do not edit. Run
// `UPDATE_BINDINGS=1 cargo test -p stepwise-app bindings` after changing it.
import type { ActionStatus } from './ActionStatus';
import type { BadgeStatus } from './BadgeStatus';
import type { ChangeArea } from './ChangeArea';
import type { ReviewKind } from './ReviewKind';
import type { ReviewStatus } from './ReviewStatus';
import type { Better } from './Better';
import type { CheckInConfidence } from './CheckInConfidence';
import type { Confidence } from './Confidence';
import type { FactorStatus } from './FactorStatus';
import type { ObjectionStatus } from './ObjectionStatus';
import type { Frequency } from './Frequency';
import type { Kind } from './Kind';
import type { MeasureStatus } from './MeasureStatus';
import type { Plan } from './Plan';
import type { RiskBand } from './RiskBand';
import type { RiskStatus } from './RiskStatus';
import type { Severity } from './Severity';
import type { Step } from './Step';

/** The steps of the journey, in order. */
export const STEPS: readonly Step[] = [
  "context",
  "vision",
  "goals",
  "measures",
  "requirements",
  "governance",
  "badges",
  "maturity",
  "communication",
  "roadmap",
  "export",
];

/** The plan's list of records of each kind (`goal` → `plan.goals`). */
export const LIST_OF: Record<Kind, keyof Plan> = {
  program: "programs",
  stakeholder: "stakeholders",
  priority: "priorities",
  core_value: "core_values",
  vision_answer: "vision_answers",
  vision_statement: "vision_statements",
  goal: "goals",
  measure: "measures",
  check_in: "check_ins",
  future_measure: "future_measures",
  requirement: "requirements",
  requirement_metric: "requirement_metrics",
  role: "roles",
  committee_member: "committee_members",
  workflow_stage: "workflow_stages",
  proposal_item: "proposal_items",
  raci_activity: "raci_activities",
  raci_assignment: "raci_assignments",
  badge_level: "badge_levels",
  pathway: "pathways",
  metadata_field: "metadata_fields",
  framework: "frameworks",
  objection: "objections",
  badge: "badges",
  badge_pathway: "badge_pathways",
  issuing_route: "issuing_routes",
  phase: "phases",
  milestone: "milestones",
  communication: "communications",
  training: "trainings",
  success_factor: "success_factors",
  assessment: "assessments",
  rater: "raters",
  rating: "ratings",
  scoring_round: "scoring_rounds",
  agreement: "agreements",
  target: "targets",
  parked_item: "parked_items",
  decision: "decisions",
  action: "actions",
  ask: "asks",
  risk: "risks",
  review: "reviews",
};

/** How often a measure is checked, as the app, the PDF and the workbook say it. */
export const FREQUENCY_LABEL: Record<Frequency, string> = {
  weekly: "Every week",
  monthly: "Every month",
  each_term: "Each term",
  quarterly: "Every quarter",
  yearly: "Once a year",
};

/** Which way a measure improves, for reading its thresholds. */
export const BETTER_LABEL: Record<Better, string> = {
  higher: "Higher is better",
  lower: "Lower is better",
};

/** How sure the team is of a check-in's figure. */
export const CHECK_IN_CONFIDENCE_LABEL: Record<CheckInConfidence, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
};

/** Days a check-in may be overdue before its measure is stale. */
export const STALE_GRACE_DAYS = 7;

/** Where a measure stands. */
export const MEASURE_STATUS_LABEL: Record<MeasureStatus, string> = {
  not_measured: "Not measured",
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  achieved: "Achieved",
};

/** Where the plan stands on a critical success factor. */
export const FACTOR_STATUS_LABEL: Record<FactorStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  in_place: "In place",
};

/** How sure a rater is of a score. */
export const CONFIDENCE_LABEL: Record<Confidence, string> = {
  evidence_seen: "Evidence seen",
  observed: "Observed",
  opinion: "Opinion",
};

/** Where a badge is in its life, from an idea to being withdrawn. */
export const BADGE_STATUS_LABEL: Record<BadgeStatus, string> = {
  proposed: "Proposed",
  approved: "Approved",
  piloting: "Piloting",
  live: "Live",
  retired: "Retired",
};

/** Whether a doubt about rigour has been answered. */
export const OBJECTION_STATUS_LABEL: Record<ObjectionStatus, string> = {
  open: "Open",
  answered: "Answered",
};

/** Which review of the evaluation cycle this is. */
export const REVIEW_KIND_LABEL: Record<ReviewKind, string> = {
  annual: "Annual review",
  checkpoint: "Mid-cycle checkpoint",
  other: "Other review",
};

/** Whether a review has taken place. */
export const REVIEW_STATUS_LABEL: Record<ReviewStatus, string> = {
  planned: "Planned",
  held: "Held",
};

/** What part of the plan a review's change is to. */
export const CHANGE_AREA_LABEL: Record<ChangeArea, string> = {
  goal: "Goal",
  measure: "Measure",
  governance: "Governance",
  target: "Target",
};

/** Where a risk stands. */
export const RISK_STATUS_LABEL: Record<RiskStatus, string> = {
  open: "Open",
  mitigating: "Mitigating",
  closed: "Closed",
};

/** How a risk's likelihood × impact score is read. */
export const RISK_BAND_LABEL: Record<RiskBand, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
};

/** The lowest likelihood × impact score read as high, and as medium. */
export const RISK_HIGH = 15;
export const RISK_MEDIUM = 8;

/** How much a SMART finding matters. */
export const SEVERITY_LABEL: Record<Severity, string> = {
  missing: "Must fix",
  advice: "Worth a look",
};

/** Where an action of the room's log stands. */
export const ACTION_STATUS_LABEL: Record<ActionStatus, string> = {
  open: "Open",
  done: "Done",
};
