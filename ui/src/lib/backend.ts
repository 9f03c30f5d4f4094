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
  Problem,
} from './types';

export interface Backend {
  appInfo(): Promise<AppInfo>;
  catalog(): Promise<Catalog>;
  listPlans(): Promise<PlanSummary[]>;
  createPlan(name: string): Promise<string>;
  duplicatePlan(id: string): Promise<string>;
  deletePlan(id: string): Promise<void>;
  importPlan(path: string): Promise<string>;
  planState(id: string): Promise<PlanState>;
  applyEdits(id: string, edits: Edit[]): Promise<PlanState>;
  undo(id: string): Promise<PlanState>;
  redo(id: string): Promise<PlanState>;
  goalFindings(goal: Goal): Promise<Finding[]>;
  /** Without a path the file goes to the exports folder under a dated name. */
  exportPlan(id: string, format: Format, path: string | null): Promise<Exported>;
  openExported(path: string): Promise<void>;
  showExported(path: string): Promise<void>;
}

export const tauriBackend: Backend = {
  appInfo: () => invoke<AppInfo>('app_info'),
  catalog: () => invoke<Catalog>('catalog'),
  listPlans: () => invoke<PlanSummary[]>('list_plans'),
  createPlan: (name) => invoke<string>('create_plan', { name }),
  duplicatePlan: (id) => invoke<string>('duplicate_plan', { id }),
  deletePlan: (id) => invoke<void>('delete_plan', { id }),
  importPlan: (path) => invoke<string>('import_plan', { path }),
  planState: (id) => invoke<PlanState>('plan_state', { id }),
  applyEdits: (id, edits) => invoke<PlanState>('apply_edits', { id, edits }),
  undo: (id) => invoke<PlanState>('undo', { id }),
  redo: (id) => invoke<PlanState>('redo', { id }),
  goalFindings: (goal) => invoke<Finding[]>('goal_findings', { goal }),
  exportPlan: (id, format, path) => invoke<Exported>('export_plan', { id, format, path }),
  openExported: (path) => invoke<void>('open_exported', { path }),
  showExported: (path) => invoke<void>('show_exported', { path }),
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
