// The one way the UI talks to the desktop shell. State modules and components take a
// `Backend`, so unit tests hand them a fake instead of Tauri.
import { invoke } from '@tauri-apps/api/core';
import type {
  ApiError,
  AppInfo,
  Catalog,
  Edit,
  ErrorCode,
  Exported,
  Finding,
  Format,
  Goal,
  PlanState,
  PlanSummary,
  PlanUpdate,
  Problem,
  AgreedStage,
  AssessmentView,
  Comparison,
  Created,
  FactorRow,
  FactorStatus,
  FoundForm,
  HeatmapView,
  ImportedForm,
  MaturityResults,
  ScoreEntry,
  Viewer,
} from './types';

export interface Backend {
  appInfo(): Promise<AppInfo>;
  catalog(): Promise<Catalog>;
  listPlans(): Promise<PlanSummary[]>;
  createPlan(name: string): Promise<string>;
  duplicatePlan(id: string): Promise<string>;
  deletePlan(id: string): Promise<void>;
  /** Opens the native file dialog for a plan file (`json`) or a filled scoring form (`xlsx`);
   * the chosen path, or null when cancelled. Imports take no other path outside the exports
   * folder. */
  chooseFileToOpen(format: Format): Promise<string | null>;
  /** Opens the native save dialog for an export; the chosen path (with the format's
   * extension), or null when cancelled. Exports take no other path outside the exports folder. */
  chooseSavePath(format: Format): Promise<string | null>;
  importPlan(path: string): Promise<string>;
  planState(id: string): Promise<PlanState>;
  /** Answers with what the edits changed (or, where simpler, the whole state). */
  applyEdits(id: string, edits: Edit[]): Promise<PlanUpdate>;
  undo(id: string): Promise<PlanState>;
  redo(id: string): Promise<PlanState>;
  goalFindings(goal: Goal): Promise<Finding[]>;
  /** Without a path the file goes to the exports folder under a dated name. */
  exportPlan(id: string, format: Format, path: string | null): Promise<Exported>;
  openExported(path: string): Promise<void>;
  showExported(path: string): Promise<void>;
  // Step 7, the maturity workshop. Writes answer with the new plan state.
  assessmentView(planId: string, assessmentId: string, viewer: Viewer): Promise<AssessmentView>;
  createAssessment(planId: string, name: string, assessedOn: string): Promise<Created>;
  addRater(planId: string, assessmentId: string, name: string, role: string): Promise<Created>;
  renameRater(planId: string, raterId: string, name: string, role: string): Promise<PlanState>;
  removeRater(planId: string, raterId: string): Promise<PlanState>;
  recordScore(planId: string, entry: ScoreEntry): Promise<PlanState>;
  clearScore(planId: string, raterId: string, subfacetId: string): Promise<PlanState>;
  revealAssessment(planId: string, assessmentId: string): Promise<PlanState>;
  agreeStage(planId: string, assessmentId: string, agreed: AgreedStage): Promise<PlanState>;
  addPhase(planId: string, name: string, startsOn: string | null, endsOn: string | null): Promise<Created>;
  setTarget(planId: string, assessmentId: string, phaseId: string, subfacetId: string, stage: number): Promise<PlanState>;
  clearTarget(planId: string, assessmentId: string, phaseId: string, subfacetId: string): Promise<PlanState>;
  maturityResults(
    planId: string,
    assessmentId: string,
    view: HeatmapView,
    phaseId: string | null,
  ): Promise<MaturityResults>;
  /** Adds the drafted goal to the plan; resolves to its id and the new state. */
  draftGoalFromGap(planId: string, assessmentId: string, phaseId: string, subfacetId: string): Promise<Created>;
  compareAssessments(planId: string, fromId: string, toId: string): Promise<Comparison>;
  successFactors(planId: string): Promise<FactorRow[]>;
  setSuccessFactor(planId: string, factorId: string, status: FactorStatus, note: string): Promise<PlanState>;
  /** Without a folder the forms go to the exports folder. */
  exportScoringForms(planId: string, assessmentId: string, dir: string | null): Promise<Exported[]>;
  /** The scoring forms in the exports folder. */
  scoringFormsFound(): Promise<FoundForm[]>;
  importScoringForm(planId: string, assessmentId: string, path: string): Promise<ImportedForm>;
}

export const tauriBackend: Backend = {
  appInfo: () => invoke<AppInfo>('app_info'),
  catalog: () => invoke<Catalog>('catalog'),
  listPlans: () => invoke<PlanSummary[]>('list_plans'),
  createPlan: (name) => invoke<string>('create_plan', { name }),
  duplicatePlan: (id) => invoke<string>('duplicate_plan', { id }),
  deletePlan: (id) => invoke<void>('delete_plan', { id }),
  chooseFileToOpen: (format) => invoke<string | null>('choose_file_to_open', { format }),
  chooseSavePath: (format) => invoke<string | null>('choose_save_path', { format }),
  importPlan: (path) => invoke<string>('import_plan', { path }),
  planState: (id) => invoke<PlanState>('plan_state', { id }),
  applyEdits: (id, edits) => invoke<PlanUpdate>('apply_edits', { id, edits }),
  undo: (id) => invoke<PlanState>('undo', { id }),
  redo: (id) => invoke<PlanState>('redo', { id }),
  goalFindings: (goal) => invoke<Finding[]>('goal_findings', { goal }),
  exportPlan: (id, format, path) => invoke<Exported>('export_plan', { id, format, path }),
  openExported: (path) => invoke<void>('open_exported', { path }),
  showExported: (path) => invoke<void>('show_exported', { path }),
  assessmentView: (planId, assessmentId, viewer) =>
    invoke<AssessmentView>('assessment_view', { planId, assessmentId, viewer }),
  createAssessment: (planId, name, assessedOn) => invoke<Created>('create_assessment', { planId, name, assessedOn }),
  addRater: (planId, assessmentId, name, role) => invoke<Created>('add_rater', { planId, assessmentId, name, role }),
  renameRater: (planId, raterId, name, role) => invoke<PlanState>('rename_rater', { planId, raterId, name, role }),
  removeRater: (planId, raterId) => invoke<PlanState>('remove_rater', { planId, raterId }),
  recordScore: (planId, entry) => invoke<PlanState>('record_score', { planId, entry }),
  clearScore: (planId, raterId, subfacetId) => invoke<PlanState>('clear_score', { planId, raterId, subfacetId }),
  revealAssessment: (planId, assessmentId) => invoke<PlanState>('reveal_assessment', { planId, assessmentId }),
  agreeStage: (planId, assessmentId, agreed) => invoke<PlanState>('agree_stage', { planId, assessmentId, agreed }),
  addPhase: (planId, name, startsOn, endsOn) => invoke<Created>('add_phase', { planId, name, startsOn, endsOn }),
  setTarget: (planId, assessmentId, phaseId, subfacetId, stage) =>
    invoke<PlanState>('set_target', { planId, assessmentId, phaseId, subfacetId, stage }),
  clearTarget: (planId, assessmentId, phaseId, subfacetId) =>
    invoke<PlanState>('clear_target', { planId, assessmentId, phaseId, subfacetId }),
  maturityResults: (planId, assessmentId, view, phaseId) =>
    invoke<MaturityResults>('maturity_results', { planId, assessmentId, view, phaseId }),
  draftGoalFromGap: (planId, assessmentId, phaseId, subfacetId) =>
    invoke<Created>('draft_goal_from_gap', { planId, assessmentId, phaseId, subfacetId }),
  compareAssessments: (planId, fromId, toId) => invoke<Comparison>('compare_assessments', { planId, fromId, toId }),
  successFactors: (planId) => invoke<FactorRow[]>('success_factors', { planId }),
  setSuccessFactor: (planId, factorId, status, note) =>
    invoke<PlanState>('set_success_factor', { planId, factorId, status, note }),
  exportScoringForms: (planId, assessmentId, dir) =>
    invoke<Exported[]>('export_scoring_forms', { planId, assessmentId, dir }),
  scoringFormsFound: () => invoke<FoundForm[]>('scoring_forms_found'),
  importScoringForm: (planId, assessmentId, path) =>
    invoke<ImportedForm>('import_scoring_form', { planId, assessmentId, path }),
};

/** A failure as the UI shows it: a core error code, or `unexpected` for anything else
 * (the shell could not be reached, a bug). */
export interface UiError {
  code: ErrorCode | 'unexpected';
  message: string;
  problems: Problem[];
}

function isApiError(e: unknown): e is ApiError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as ApiError).code === 'string' &&
    typeof (e as ApiError).message === 'string'
  );
}

/** Turns whatever a command rejected with into a `UiError`. */
export function toUiError(e: unknown): UiError {
  if (isApiError(e)) {
    return { code: e.code, message: e.message, problems: Array.isArray(e.problems) ? e.problems : [] };
  }
  if (e instanceof Error) return { code: 'unexpected', message: e.message, problems: [] };
  return { code: 'unexpected', message: String(e), problems: [] };
}

/** The reason a refusal gives, without the path prefix the core puts on it, for showing under
 * the field it is about: "goals[3].title: a goal needs a title" → "a goal needs a title". */
export function reasonFor(error: UiError): string {
  const first = error.problems[0];
  return first ? first.reason : error.message;
}
