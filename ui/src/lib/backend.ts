// The one way the UI talks to the desktop shell. State modules and components take a
// `Backend`, so unit tests hand them a fake instead of Tauri.
import { tauriCommands, type Commands } from './bindings/commands';
import type { ApiError, ErrorCode, Problem } from './types';

/** The shell's commands, generated from their Rust declarations (see
 * src-tauri/src/bindings.rs): names, argument and answer types never drift. */
export type Backend = Commands;

export const tauriBackend: Backend = tauriCommands;

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
