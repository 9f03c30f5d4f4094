// What crosses the boundary between the desktop shell and the UI, written by hand for the two
// commands that exist so far. They mirror `stepwise::PlanSummary`, `stepwise::StepProgress`,
// `stepwise::ErrorCode` and the shell's `ApiError` / `AppInfo`; a later change generates them
// from the Rust types (ts-rs) with a drift test.

/** The closed set of error codes the core reports (`stepwise::ErrorCode`, snake_case). */
export type ErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'invalid_plan_file'
  | 'newer_database'
  | 'not_a_database'
  | 'io'
  | 'storage';

/** An error as a command rejects with it. */
export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** The ten steps of the journey, in order (`stepwise::Step`). */
export const STEPS = [
  'context',
  'vision',
  'goals',
  'measures',
  'requirements',
  'governance',
  'maturity',
  'communication',
  'roadmap',
  'export',
] as const;
export type Step = (typeof STEPS)[number];

export interface StepProgress {
  step: Step;
  title: string;
  done: number;
  total: number;
  /** What is still missing, in words a workshop can act on. */
  missing: string[];
}

export interface PlanSummary {
  id: string;
  name: string;
  organisation: string;
  /** RFC 3339 timestamps (chrono `DateTime<Utc>`). */
  created_at: string;
  updated_at: string;
  steps: StepProgress[];
}

export interface AppInfo {
  version: string;
  /** The database in use; null when no path could be worked out. */
  db_path: string | null;
}
