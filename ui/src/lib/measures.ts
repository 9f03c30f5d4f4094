// What the success-measures screen works out from a plan: labels for frequencies and statuses,
// check-ins newest first, how far the latest value has come from the baseline to the target,
// and where a measure lands in the plan's list when it moves among its goal's measures.
import { BETTER_LABEL, CHECK_IN_CONFIDENCE_LABEL, FREQUENCY_LABEL, MEASURE_STATUS_LABEL, STALE_GRACE_DAYS } from './bindings/constants';
import { formatDate } from './dates';
import type { Better, CheckIn, CheckInConfidence, Frequency, Measure, MeasureStanding, MeasureStatus } from './types';

export { FREQUENCY_LABEL };

/** Which way is better, in the core's words. */
export const BETTER_OPTIONS: { value: Better; label: string }[] = (Object.keys(BETTER_LABEL) as Better[]).map((value) => ({
  value,
  label: BETTER_LABEL[value],
}));

/** Low, medium, high. */
export const CONFIDENCE_OPTIONS: { value: CheckInConfidence; label: string }[] = (
  Object.keys(CHECK_IN_CONFIDENCE_LABEL) as CheckInConfidence[]
).map((value) => ({ value, label: CHECK_IN_CONFIDENCE_LABEL[value] }));

/** The choices in the core's order. */
export const FREQUENCY_OPTIONS: { value: Frequency; label: string }[] = (Object.keys(FREQUENCY_LABEL) as Frequency[]).map(
  (value) => ({ value, label: FREQUENCY_LABEL[value] }),
);

/** The core's label for each status. */
export const STATUS_LABEL = MEASURE_STATUS_LABEL;

/** A word on what each status means, for the status's tooltip and screen readers. */
export const STATUS_HINT: Record<MeasureStatus, string> = {
  not_measured: 'No check-in yet, or neither thresholds nor a baseline and target to judge it against.',
  on_track: 'The latest value is at or better than the on-track value, or (without thresholds) where the line from baseline to target expects it.',
  at_risk: 'The latest value is short of the on-track value, or somewhat behind the line from baseline to target.',
  off_track: 'The latest value is past the red line, or well behind the line from baseline to target, or the target date has passed.',
  achieved: 'The latest value has reached the target.',
};

/** Where the core says a measure stands; one it has not judged yet is not measured. */
export function standingOf(standings: Record<string, MeasureStanding | undefined>, id: string): MeasureStanding {
  return standings[id] ?? { status: 'not_measured', judged_on: null, next_due: null, stale: false };
}

/** Why a stale measure is flagged, for the flag's text: "No check-in since 3 Mar 2026; one
 * was due by 3 Apr 2026 (collected every month)". */
export function staleSentence(measure: Measure, standing: MeasureStanding): string {
  const since = standing.judged_on ? `No check-in since ${formatDate(standing.judged_on)}` : 'No check-in yet';
  const due = standing.next_due ? `; one was due by ${formatDate(standing.next_due)}` : '';
  const how = measure.frequency ? ` (collected ${FREQUENCY_LABEL[measure.frequency].toLowerCase()})` : '';
  return `${since}${due}${how}. A measure is stale once a check-in is more than ${STALE_GRACE_DAYS} days overdue.`;
}

/** The thresholds in words: "On track at 600 or more; off track below 400". Null when the
 * measure has none and the line from baseline to target decides. */
export function thresholdSentence(m: Measure): string | null {
  const more = m.better === 'higher' ? 'or more' : 'or less';
  const worse = m.better === 'higher' ? 'below' : 'above';
  const on = m.on_track_at === null ? null : `On track at ${withUnit(m.on_track_at, m.unit)} ${more}`;
  const red = m.red_line === null ? null : `off track ${worse} ${withUnit(m.red_line, m.unit)}`;
  if (on && red) return `${on}; ${red}.`;
  if (on) return `${on}; short of it is at risk.`;
  if (red) return `Red line: ${red}.`;
  return null;
}

export interface ChartPoint {
  x: number;
  y: number;
  date: string;
  value: number;
}

export interface HistoryChart {
  points: ChartPoint[];
  /** The y of each threshold and the target, when set. */
  onTrack: number | null;
  redLine: number | null;
  target: number | null;
  /** The lowest and highest values the chart spans, for its axis labels. */
  min: number;
  max: number;
  width: number;
  height: number;
}

/** Where to draw a measure's check-ins, oldest first, in a `width` × `height` box with `pad`
 * around the plot: x by date, y by value, the scale wide enough to show the thresholds and
 * the target as lines. Null with no check-in to draw. */
export function historyChart(
  measure: Measure,
  checkIns: readonly CheckIn[],
  width = 320,
  height = 110,
  pad = { left: 44, right: 10, top: 10, bottom: 20 },
): HistoryChart | null {
  const list = checkInsNewestFirst(checkIns, measure.id).reverse();
  if (list.length === 0) return null;
  const values = [...list.map((c) => c.value)];
  for (const v of [measure.on_track_at, measure.red_line, measure.target]) if (v !== null) values.push(v);
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  const first = day(list[0]!.date);
  const last = day(list[list.length - 1]!.date);
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (iso: string) => (last === first ? pad.left + plotW / 2 : pad.left + ((day(iso) - first) / (last - first)) * plotW);
  const y = (v: number) => pad.top + (1 - (v - min) / (max - min)) * plotH;
  return {
    points: list.map((c) => ({ x: x(c.date), y: y(c.value), date: c.date, value: c.value })),
    onTrack: measure.on_track_at === null ? null : y(measure.on_track_at),
    redLine: measure.red_line === null ? null : y(measure.red_line),
    target: measure.target === null ? null : y(measure.target),
    min,
    max,
    width,
    height,
  };
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
