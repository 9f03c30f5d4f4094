// What the success-measures screen works out from a plan: labels for frequencies and statuses,
// check-ins newest first, how far the latest value has come from the baseline to the target,
// and where a measure lands in the plan's list when it moves among its goal's measures.
import { FREQUENCY_LABEL, MEASURE_STATUS_LABEL } from './bindings/constants';
import type { CheckIn, Frequency, Measure, MeasureStatus } from './types';

export { FREQUENCY_LABEL };

/** The choices in the core's order. */
export const FREQUENCY_OPTIONS: { value: Frequency; label: string }[] = (Object.keys(FREQUENCY_LABEL) as Frequency[]).map(
  (value) => ({ value, label: FREQUENCY_LABEL[value] }),
);

/** The core's label for each status. */
export const STATUS_LABEL = MEASURE_STATUS_LABEL;

/** A word on what each status means, for the status's tooltip and screen readers. */
export const STATUS_HINT: Record<MeasureStatus, string> = {
  not_measured: 'No check-in yet, or no baseline and target to judge it against.',
  on_track: 'The latest value is where the straight line from baseline to target expects it.',
  at_risk: 'The latest value is somewhat behind where it should be by now.',
  off_track: 'The latest value is well behind, or the target date has passed.',
  achieved: 'The latest value has reached the target.',
};

/** The status the core gave a measure; a measure it has not judged yet is not measured. */
export function statusOf(statuses: Record<string, MeasureStatus | undefined>, id: string): MeasureStatus {
  return statuses[id] ?? 'not_measured';
}

/** A measure's check-ins, newest first; on the same date the one added last comes first. */
export function checkInsNewestFirst(checkIns: readonly CheckIn[], measureId: string): CheckIn[] {
  return checkIns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.measure_id === measureId)
    .sort((a, b) => (a.c.date === b.c.date ? b.i - a.i : a.c.date < b.c.date ? 1 : -1))
    .map(({ c }) => c);
}

/** The check-in the status is judged on: the latest by date (the last added on a tie). */
export function latestCheckIn(checkIns: readonly CheckIn[], measureId: string): CheckIn | null {
  return checkInsNewestFirst(checkIns, measureId)[0] ?? null;
}

export interface Progress {
  /** How much of the way from baseline to target, unbounded (1.2 = past the target). */
  share: number;
  /** The same, kept between 0 and 1 for drawing a bar. */
  bar: number;
}

/** How far `value` has come from `baseline` towards `target`. Works for targets below the
 * baseline too (e.g. cutting time to award); null when one of the three is missing. */
export function progress(baseline: number | null, target: number | null, value: number | null): Progress | null {
  if (baseline === null || target === null || value === null) return null;
  const distance = target - baseline;
  const share = distance === 0 ? (value === target ? 1 : 0) : (value - baseline) / distance;
  return { share, bar: Math.min(1, Math.max(0, share)) };
}

/** A share as a whole percentage: 0.456 → "46%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A value with its unit: "42%", "1,250 learners", "3.5". */
export function withUnit(value: number | null, unit: string): string {
  if (value === null) return '—';
  const n = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  const u = unit.trim();
  if (!u) return n;
  return u === '%' ? `${n}%` : `${n} ${u}`;
}

/** The sentence under a measure's progress bar. */
export function progressSentence(measure: Measure, latest: CheckIn | null): string {
  if (!latest) return 'No check-in yet.';
  const p = progress(measure.baseline, measure.target, latest.value);
  const now = `Latest: ${withUnit(latest.value, measure.unit)}`;
  if (!p) return `${now}. Set a baseline and a target to see progress.`;
  const from = withUnit(measure.baseline, measure.unit);
  const to = withUnit(measure.target, measure.unit);
  if (p.share >= 1) return `${now}: target of ${to} reached (from ${from}).`;
  if (p.share < 0) return `${now}: below the baseline of ${from}; the target is ${to}.`;
  return `${now}: ${percent(p.share)} of the way from ${from} to ${to}.`;
}

/** The position to send with a move when the record at `from` among `siblings` goes to `to`,
 * given `all` the records of that kind in plan order; null when the move is not possible. */
export function siblingMovePosition(
  all: readonly { id: string }[],
  siblings: readonly { id: string }[],
  from: number,
  to: number,
): number | null {
  if (from === to || to < 0 || to >= siblings.length || from < 0 || from >= siblings.length) return null;
  const target = siblings[to]!.id;
  const at = all.findIndex((r) => r.id === target);
  return at === -1 ? null : at;
}
