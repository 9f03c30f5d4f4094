// New, empty records of each kind, as the "Add…" buttons create them, and small helpers the
// step screens share for reading a plan.
import { newId } from './ids';
import type * as T from './types';

export const blank = {
  program: (): T.Program => ({ id: newId(), name: 'New program', description: '' }),
  stakeholder: (group: string | null = null, name = 'New stakeholder group'): T.Stakeholder => ({
    id: newId(),
    group,
    name,
    notes: '',
  }),
  priority: (): T.Priority => ({ id: newId(), title: 'New priority', description: '' }),
  coreValue: (): T.CoreValue => ({ id: newId(), name: 'New value', description: '' }),
  visionAnswer: (questionId: string, perspective: string | null, text: string): T.VisionAnswer => ({
    id: newId(),
    question_id: questionId,
    perspective,
    text,
  }),
  visionStatement: (): T.VisionStatement => ({ id: newId(), text: 'New vision statement', priority_ids: [] }),
  goal: (title = 'New goal'): T.Goal => ({
    id: newId(),
    title,
    specific: '',
    measurable: '',
    achievable: '',
    relevant: '',
    time_bound: '',
    owner: '',
    due: null,
    statement_ids: [],
    priority_ids: [],
  }),
  measure: (goalId: string, indicator = 'New measure'): T.Measure => ({
    id: newId(),
    goal_id: goalId,
    indicator,
    unit: '',
    baseline: null,
    baseline_date: null,
    target: null,
    target_date: null,
    data_source: '',
    owner: '',
    frequency: null,
    better: 'higher',
    on_track_at: null,
    red_line: null,
  }),
  checkIn: (measureId: string, date: string, value: number): T.CheckIn => ({
    id: newId(),
    measure_id: measureId,
    date,
    value,
    note: '',
    confidence: null,
  }),
  futureMeasure: (): T.FutureMeasure => ({ id: newId(), idea: 'New idea', notes: '', goal_id: null }),
  requirement: (catalogId: string | null, name: string, description = ''): T.RequirementChoice => ({
    id: newId(),
    catalog_id: catalogId,
    name,
    description,
    rank: null,
  }),
  requirementMetric: (requirementId: string, name: string): T.RequirementMetric => ({
    id: newId(),
    requirement_id: requirementId,
    name,
    measure_id: null,
  }),
  role: (name = 'New role'): T.Role => ({ id: newId(), name, description: '', people: [] }),
  committeeMember: (): T.CommitteeMember => ({ id: newId(), name: 'New member', represents: '' }),
  workflowStage: (): T.WorkflowStage => ({
    id: newId(),
    name: 'New stage',
    description: '',
    responsible_role_id: null,
    inputs: '',
    outputs: '',
    expected_time: '',
  }),
  proposalItem: (): T.ProposalItem => ({ id: newId(), name: 'New item', description: '', required: true }),
  raciActivity: (name = 'New activity'): T.RaciActivity => ({ id: newId(), name }),
  raciAssignment: (activityId: string, roleId: string, code: T.Raci): T.RaciAssignment => ({
    id: newId(),
    activity_id: activityId,
    role_id: roleId,
    code,
  }),
  badgeLevel: (): T.BadgeLevel => ({
    id: newId(),
    name: 'New level',
    description: '',
    assessment: '',
    evidence: '',
    visual_cue: '',
  }),
  pathway: (): T.Pathway => ({ id: newId(), name: 'New pathway', kind: 'vertical', description: '', level_ids: [] }),
  framework: (catalogId: string | null = null, name = 'New framework'): T.Framework => ({
    id: newId(),
    catalog_id: catalogId,
    name,
    alignment: '',
    level_ids: [],
  }),
  objection: (): T.Objection => ({
    id: newId(),
    objection: 'New objection',
    raised_by: '',
    answer: '',
    evidence: '',
    status: 'open',
  }),
  badge: (): T.Badge => ({
    id: newId(),
    name: 'New badge',
    description: '',
    level_id: null,
    owner: '',
    criteria: '',
    evidence: '',
    skills: '',
    framework_ids: [],
    expiry_months: null,
    issuer: '',
    status: 'proposed',
  }),
  badgePathway: (): T.BadgePathway => ({
    id: newId(),
    name: 'New pathway',
    credential: '',
    description: '',
    badge_ids: [],
  }),
  issuingRoute: (): T.IssuingRoute => ({
    id: newId(),
    platform: 'New issuing route',
    courses: '',
    badge_ids: [],
    cohorts: '',
    sis_name: '',
    issued_by: '',
    pilot: false,
  }),
  metadataField: (): T.MetadataField => ({ id: newId(), name: 'New field', description: '', required: false }),
  phase: (): T.Phase => ({ id: newId(), name: 'New phase', description: '', starts_on: null, ends_on: null }),
  milestone: (): T.Milestone => ({
    id: newId(),
    title: 'New milestone',
    due: null,
    phase_id: null,
    goal_id: null,
    status: 'planned',
    done_on: null,
    cycle: null,
  }),
  review: (kind: T.ReviewKind = 'checkpoint'): T.Review => ({
    id: newId(),
    kind,
    name: kind === 'annual' ? 'Annual review' : 'Mid-cycle checkpoint',
    held_on: today(),
    status: 'planned',
    assessment_id: null,
    findings: [],
    changes: [],
  }),
  ask: (): T.Ask => ({
    id: newId(),
    title: 'New decision',
    rationale: '',
    cost_amount: null,
    currency: '',
    cost_fte: null,
    cost_months: null,
    cost_note: '',
    decide_by: null,
    decider: '',
    goal_ids: [],
    phase_ids: [],
  }),
  risk: (): T.Risk => ({
    id: newId(),
    title: 'New risk',
    likelihood: 3,
    impact: 3,
    owner: '',
    mitigation: '',
    status: 'open',
    goal_id: null,
    phase_id: null,
    subfacet_id: null,
  }),
  communication: (): T.Communication => ({
    id: newId(),
    audience: 'New audience',
    messages: [],
    channel: '',
    messenger: '',
    timing: '',
    frequency: '',
  }),
  training: (): T.Training => ({
    id: newId(),
    audience: 'New audience',
    needs: '',
    delivery: null,
    schedule: '',
    owner: '',
  }),
};

/** The records in `list` whose `field` is `id`, e.g. the measures of a goal. */
export function childrenOf<R, K extends keyof R>(list: R[], field: K, id: R[K]): R[] {
  return list.filter((r) => r[field] === id);
}

/** `ids` with `id` added or taken out, for a checkbox list of links. */
export function toggled(ids: string[], id: string, on: boolean): string[] {
  const rest = ids.filter((x) => x !== id);
  return on ? [...rest, id] : rest;
}

/** Today as YYYY-MM-DD in the person's time zone. */
export function today(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

