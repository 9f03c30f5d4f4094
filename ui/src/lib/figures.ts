// The figures the core worked out for the plan on screen (`PlanState`): each step's count, the
// checks behind it, the measures by status. Screens read them from here and never recount, so
// a screen's summary line always says what the navigator says.
import type { Check, PlanState, StatusCount, Step, StepProgress } from './types';

/** A step's count, as the navigator shows it. */
export function stepCount(state: PlanState, step: Step): StepProgress | undefined {
  return state.steps.find((s) => s.step === step);
}

/** The checks behind a step's count. */
export function checksOf(state: PlanState, step: Step): Check[] {
  return state.checks.find((c) => c.step === step)?.checks ?? [];
}

/** Whether the check of one part (a section's key or a record's id) is done. */
export function partDone(state: PlanState, step: Step, part: string): boolean {
  return checksOf(state, step).some((c) => c.part === part && c.done);
}

/** How many of the given parts are done, e.g. the guiding questions answered. */
export function partsDone(state: PlanState, step: Step, parts: string[]): number {
  const wanted = new Set(parts);
  return checksOf(state, step).filter((c) => wanted.has(c.part) && c.done).length;
}

/** "6 of 6 SMART": a step's count in the words its screen uses; null when there is nothing
 * counted yet (the step's only check is that something exists). */
export function countLine(state: PlanState, step: Step, words: string): string | null {
  const p = stepCount(state, step);
  if (!p) return null;
  return `${p.done} of ${p.total} ${words}`;
}

/** The statuses that have measures, in the core's order. */
export function shownTally(tally: StatusCount[]): StatusCount[] {
  return tally.filter((t) => t.count > 0);
}
