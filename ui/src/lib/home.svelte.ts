// State of the Home screen: the list of plans, loaded through a `Backend`.
import { toUiError, type Backend, type UiError } from './backend';
import { formatMoment } from './dates';
import type { AppInfo, PlanSummary, StepProgress } from './types';

export type HomeStatus = 'loading' | 'ready' | 'failed';

export class HomeState {
  status: HomeStatus = $state('loading');
  plans: PlanSummary[] = $state([]);
  error: UiError | null = $state(null);
  info: AppInfo | null = $state(null);

  readonly #backend: Backend;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  get isEmpty(): boolean {
    return this.status === 'ready' && this.plans.length === 0;
  }

  /** The failure of the last action (create, rename…), shown above the list. */
  actionError: UiError | null = $state(null);

  /** Creates a plan and returns its id, or null (with `actionError` set) when refused. */
  async create(name: string): Promise<string | null> {
    return this.#act(() => this.#backend.createPlan(name));
  }

  async duplicate(id: string): Promise<string | null> {
    return this.#act(() => this.#backend.duplicatePlan(id));
  }

  async rename(id: string, name: string): Promise<boolean> {
    return (await this.#act(() => this.#backend.applyEdits(id, [{ op: 'rename_plan', name }]))) !== null;
  }

  async remove(id: string): Promise<boolean> {
    return (await this.#act(() => this.#backend.deletePlan(id))) !== null;
  }

  /** Imports a plan file as a new plan; returns its id. */
  async importFile(path: string): Promise<string | null> {
    return this.#act(() => this.#backend.importPlan(path));
  }

  async #act<T>(call: () => Promise<T>): Promise<T | null> {
    try {
      const out = await call();
      this.actionError = null;
      await this.#reload();
      return out ?? (true as T);
    } catch (e) {
      this.actionError = toUiError(e);
      return null;
    }
  }

  async #reload(): Promise<void> {
    try {
      this.plans = await this.#backend.listPlans();
    } catch (e) {
      this.error = toUiError(e);
    }
  }

  /** Loads (or reloads) the plans. Never throws: a failure lands in `error`. */
  async load(): Promise<void> {
    this.status = 'loading';
    this.error = null;
    // The version and database path are shown in the footer; missing them is not an error.
    this.#backend.appInfo().then(
      (info) => (this.info = info),
      () => (this.info = null),
    );
    try {
      this.plans = await this.#backend.listPlans();
      this.status = 'ready';
    } catch (e) {
      this.plans = [];
      this.error = toUiError(e);
      this.status = 'failed';
    }
  }
}

export type StepState = 'complete' | 'started' | 'not-started';

export function stepState(p: StepProgress): StepState {
  if (p.total > 0 && p.done >= p.total) return 'complete';
  return p.done > 0 ? 'started' : 'not-started';
}

/** How many of the plan's steps are complete, and the first one that is not. */
export function planProgress(steps: StepProgress[]): {
  complete: number;
  total: number;
  next: { number: number; title: string } | null;
} {
  const complete = steps.filter((s) => stepState(s) === 'complete').length;
  const index = steps.findIndex((s) => stepState(s) !== 'complete');
  const nextStep = index >= 0 ? steps[index] : undefined;
  return {
    complete,
    total: steps.length,
    next: nextStep ? { number: index + 1, title: nextStep.title } : null,
  };
}

/** "just now", "12 minutes ago", "3 hours ago", "yesterday", "4 days ago", else the day in the
 * app's one date format ("2 Mar 2025"). `now` is a parameter so the result is testable. */
export function formatEdited(updatedAt: string, now: Date, locale?: string): string {
  const then = new Date(updatedAt);
  if (Number.isNaN(then.getTime())) return 'unknown';
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const days = Math.floor(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return formatMoment(updatedAt, locale);
}
