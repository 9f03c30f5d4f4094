// The one way the UI talks to the desktop shell. Components and state modules take a
// `Backend`, so unit tests hand them a fake instead of Tauri.
import { invoke } from '@tauri-apps/api/core';
import type { ApiError, AppInfo, ErrorCode, PlanSummary } from './types';

export interface Backend {
  listPlans(): Promise<PlanSummary[]>;
  appInfo(): Promise<AppInfo>;
}

export const tauriBackend: Backend = {
  listPlans: () => invoke<PlanSummary[]>('list_plans'),
  appInfo: () => invoke<AppInfo>('app_info'),
};

/** A failure as the UI shows it: a core error code, or `unexpected` for anything else
 * (the shell could not be reached, a bug). */
export interface UiError {
  code: ErrorCode | 'unexpected';
  message: string;
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
  if (isApiError(e)) return { code: e.code, message: e.message };
  if (e instanceof Error) return { code: 'unexpected', message: e.message };
  return { code: 'unexpected', message: String(e) };
}
