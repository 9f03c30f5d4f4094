// Step 9, roadmap: the timeline's arithmetic. Dates become x positions on a month-aligned
// scale, ticks are labelled at a step that keeps them apart, phases are drawn as bands and
// goals, milestones and the next review as markers whose labels are put in lanes so that no
// two overlap. Everything is in the SVG's own units (the width asked for).
import type { Goal, Milestone, Phase } from './types';

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Days since 1970-01-01 for an ISO date (YYYY-MM-DD), or null when it is not one. */
export function dayNumber(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== mo - 1) return null;
  return Math.round(t / DAY_MS);
}

/** A month counted from year 0 (year * 12 + month index), handy for stepping through months. */
function monthIndex(day: number): number {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

function dayOfMonthIndex(index: number): number {
  return Math.round(Date.UTC(Math.floor(index / 12), index % 12, 1) / DAY_MS);
}

export interface Range {
  /** First day shown: the first of a month. */
  start: number;
  /** The day after the last day shown: the first of a month. */
  end: number;
}

/**
 * The months the timeline shows: from the first of the month of the earliest date to the end
 * of the month of the latest, and at least `minMonths` long. Null when there is no date.
 */
export function monthRange(days: number[], minMonths = 3): Range | null {
  if (days.length === 0) return null;
  const first = monthIndex(Math.min(...days));
  const last = Math.max(monthIndex(Math.max(...days)) + 1, first + minMonths);
  return { start: dayOfMonthIndex(first), end: dayOfMonthIndex(last) };
}

/** The x position of `day` on a scale from `left` to `right`. */
export function xOf(day: number, range: Range, left: number, right: number): number {
  return left + ((day - range.start) / (range.end - range.start)) * (right - left);
}

export interface Tick {
  day: number;
  /** The month ("Mar"), or the year alone when ticks are a year apart. */
  label: string;
  /** The year, on the first tick and on each January; null otherwise. */
  year: string | null;
}

/** The tick step in months: the smallest of 1, 2, 3, 6, 12, 24… that gives at most `maxTicks` ticks. */
export function tickStep(months: number, maxTicks: number): number {
  for (const step of [1, 2, 3, 6, 12]) if (Math.ceil(months / step) <= maxTicks) return step;
  let step = 24;
  while (Math.ceil(months / step) > maxTicks) step += 12;
  return step;
}

/**
 * Ticks at month starts within the range, every `tickStep` months, on calendar boundaries
 * (quarters start in January, April, July and October; yearly ticks fall on 1 January).
 */
export function monthTicks(range: Range, maxTicks: number): Tick[] {
  const first = monthIndex(range.start);
  const last = monthIndex(range.end); // exclusive
  const step = tickStep(last - first, maxTicks);
  const ticks: Tick[] = [];
  for (let i = first; i < last; i++) {
    const month = i % 12;
    const year = Math.floor(i / 12);
    const keep = step < 12 ? month % step === 0 : month === 0 && year % (step / 12) === 0;
    if (!keep) continue;
    ticks.push({
      day: dayOfMonthIndex(i),
      label: step >= 12 ? String(year) : (MONTHS[month] ?? ''),
      year: step >= 12 ? null : ticks.length === 0 || month === 0 ? String(year) : null,
    });
  }
  return ticks;
}

/** A rough width of a label, for keeping labels apart (system fonts average ~0.55 em a character). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.56;
}

/** The text cut to `max` characters, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const t = text.trim();
  if (max <= 1) return t.length <= max ? t : '…'.slice(0, Math.max(0, max));
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A lane (row) for each interval such that intervals in the same lane are at least `gap`
 * apart; earlier-starting intervals take the lower lanes. Answers in the order given.
 */
export function assignLanes(intervals: { from: number; to: number }[], gap = 0): number[] {
  const order = intervals
    .map((iv, i) => ({ ...iv, i }))
    .sort((a, b) => a.from - b.from || a.i - b.i);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(intervals.length).fill(0);
  for (const { from, to, i } of order) {
    let lane = laneEnds.findIndex((end) => end + gap <= from);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(to);
    } else laneEnds[lane] = to;
    lanes[i] = lane;
  }
  return lanes;
}

export type MarkerKind = 'goal' | 'milestone' | 'review';

export interface Band {
  id: string;
  name: string;
  label: string;
  x1: number;
  x2: number;
  y: number;
  /** No end date: the band runs to the end of the timeline. */
  open: boolean;
  starts: string;
  ends: string | null;
}

export interface Marker {
  id: string;
  kind: MarkerKind;
  title: string;
  label: string;
  date: string;
  x: number;
  /** Where the label's text starts or ends, depending on `anchor`; a small copy of the
   * marker sits at `x` on the label's line. */
  labelX: number;
  labelY: number;
  anchor: 'start' | 'end';
}

export interface TickMark extends Tick {
  x: number;
}

export interface Undated {
  kind: 'phase' | 'goal' | 'milestone';
  id: string;
  title: string;
}

export interface Timeline {
  width: number;
  height: number;
  left: number;
  right: number;
  range: Range | null;
  ticks: TickMark[];
  bands: Band[];
  markers: Marker[];
  /** The y of the line the markers sit on. */
  axisY: number;
  /** Where the grid lines start and stop. */
  gridTop: number;
  gridBottom: number;
  /** Today's x when it falls inside the timeline. */
  todayX: number | null;
  undated: Undated[];
}

export interface TimelineInput {
  phases: Phase[];
  goals: Goal[];
  milestones: Milestone[];
  /** The next review date from the plan settings, if any. */
  nextReview?: string | null;
  today?: string;
}

export const LAYOUT = {
  pad: 10,
  yearY: 14,
  monthY: 32,
  bandsTop: 44,
  laneHeight: 30,
  bandHeight: 24,
  bandFont: 14,
  labelFont: 13,
  labelLane: 19,
  maxLabel: 32,
  gap: 8,
  /** Room for the marker's small copy beside its label. */
  glyph: 9,
};

const nameOr = (s: string, fallback: string) => (s.trim() === '' ? fallback : s.trim());

/** Lays out the whole timeline at `width` units wide. */
export function layoutTimeline(input: TimelineInput, width = 720): Timeline {
  const L = LAYOUT;
  const left = L.pad;
  const right = width - L.pad;
  const undated: Undated[] = [];

  const phases = input.phases.flatMap((p) => {
    const s = dayNumber(p.starts_on);
    if (s === null) {
      undated.push({ kind: 'phase', id: p.id, title: nameOr(p.name, 'Untitled phase') });
      return [];
    }
    return [{ p, s, e: dayNumber(p.ends_on) }];
  });
  type Point = { id: string; kind: MarkerKind; title: string; date: string; day: number };
  const points: Point[] = [];
  for (const g of input.goals) {
    const d = dayNumber(g.due);
    if (d === null) undated.push({ kind: 'goal', id: g.id, title: nameOr(g.title, 'Untitled goal') });
    else points.push({ id: g.id, kind: 'goal', title: nameOr(g.title, 'Untitled goal'), date: g.due!, day: d });
  }
  for (const m of input.milestones) {
    const d = dayNumber(m.due);
    if (d === null) undated.push({ kind: 'milestone', id: m.id, title: nameOr(m.title, 'Untitled milestone') });
    else
      points.push({
        id: m.id,
        kind: 'milestone',
        title: nameOr(m.title, 'Untitled milestone'),
        date: m.due!,
        day: d,
      });
  }
  const review = dayNumber(input.nextReview);
  if (review !== null)
    points.push({ id: 'next-review', kind: 'review', title: 'Next review', date: input.nextReview!, day: review });

  const days = [
    ...phases.flatMap(({ s, e }) => (e === null ? [s] : [s, e])),
    ...points.map((p) => p.day),
  ];
  const range = monthRange(days);
  if (!range) {
    return {
      width,
      height: 0,
      left,
      right,
      range: null,
      ticks: [],
      bands: [],
      markers: [],
      axisY: 0,
      gridTop: 0,
      gridBottom: 0,
      todayX: null,
      undated,
    };
  }
  const x = (day: number) => xOf(day, range, left, right);

  const maxTicks = Math.max(2, Math.floor((right - left) / 46));
  const ticks = monthTicks(range, maxTicks).map((t) => ({ ...t, x: x(t.day) }));

  // Phases: bands in lanes; a band too narrow for its name reserves room for the name beside it.
  const charW = textWidth('x', L.bandFont);
  const bandBoxes = phases.map(({ p, s, e }) => {
    const x1 = x(s);
    const x2 = e === null ? right : Math.max(x(e + 1), x1 + 4);
    const name = nameOr(p.name, 'Untitled phase');
    const room = Math.max(x2 - x1 - 10, Math.min(right - x1 - 10, textWidth(name, L.bandFont)));
    const label = truncate(name, Math.max(3, Math.floor(room / charW)));
    return { p, x1, x2, label, name, e, to: Math.max(x2, x1 + 10 + textWidth(label, L.bandFont)) };
  });
  const bandLanes = assignLanes(
    bandBoxes.map((b) => ({ from: b.x1, to: b.to })),
    0,
  );
  const bandLaneCount = bandBoxes.length === 0 ? 0 : Math.max(...bandLanes) + 1;
  const bands: Band[] = bandBoxes.map((b, i) => ({
    id: b.p.id,
    name: b.name,
    label: b.label,
    x1: b.x1,
    x2: b.x2,
    y: L.bandsTop + (bandLanes[i] ?? 0) * L.laneHeight,
    open: b.e === null,
    starts: b.p.starts_on!,
    ends: b.p.ends_on,
  }));

  const axisY = L.bandsTop + bandLaneCount * L.laneHeight + 14;
  const labelsTop = axisY + 24;

  // Markers: each label to the right of its marker, or to the left near the right edge.
  const sorted = [...points].sort((a, b) => a.day - b.day);
  const boxes = sorted.map((p) => {
    const px = x(p.day);
    const label = truncate(p.title, L.maxLabel);
    const w = textWidth(label, L.labelFont);
    const anchor: 'start' | 'end' = px + L.glyph + w > right ? 'end' : 'start';
    return anchor === 'start'
      ? { p, px, label, anchor, from: px - L.glyph, to: px + L.glyph + w }
      : { p, px, label, anchor, from: px - L.glyph - w, to: px + L.glyph };
  });
  const labelLanes = assignLanes(boxes, L.gap);
  const markers: Marker[] = boxes.map((b, i) => ({
    id: b.p.id,
    kind: b.p.kind,
    title: b.p.title,
    label: b.label,
    date: b.p.date,
    x: b.px,
    labelX: b.anchor === 'start' ? b.px + L.glyph : b.px - L.glyph,
    labelY: labelsTop + (labelLanes[i] ?? 0) * L.labelLane,
    anchor: b.anchor,
  }));
  const labelLaneCount = markers.length === 0 ? 0 : Math.max(...labelLanes) + 1;
  const height = markers.length === 0 ? axisY + 12 : labelsTop + (labelLaneCount - 1) * L.labelLane + 10;

  const todayDay = dayNumber(input.today);
  const todayX = todayDay !== null && todayDay >= range.start && todayDay < range.end ? x(todayDay) : null;

  return {
    width,
    height,
    left,
    right,
    range,
    ticks,
    bands,
    markers,
    axisY,
    gridTop: L.monthY + 6,
    gridBottom: height - 4,
    todayX,
    undated,
  };
}

/** "March 2026" for a day number. */
export function monthYear(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${LONG_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** A sentence naming what the timeline shows, for those who cannot see it. */
export function describeTimeline(t: Timeline): string {
  if (!t.range) return 'The timeline is empty: nothing has a date yet.';
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const goals = t.markers.filter((m) => m.kind === 'goal').length;
  const milestones = t.markers.filter((m) => m.kind === 'milestone').length;
  const parts = [count(t.bands.length, 'phase', 'phases'), count(goals, 'goal', 'goals'), count(milestones, 'milestone', 'milestones')];
  return `Roadmap timeline from ${monthYear(t.range.start)} to ${monthYear(t.range.end - 1)}: ${parts[0]}, ${parts[1]} and ${parts[2]}.`;
}

/** True when a milestone's due date falls outside its phase's dates (when both are known). */
export function outsidePhase(m: Milestone, p: Phase | undefined): 'before' | 'after' | null {
  const due = dayNumber(m.due);
  if (due === null || !p) return null;
  const s = dayNumber(p.starts_on);
  const e = dayNumber(p.ends_on);
  if (s !== null && due < s) return 'before';
  if (e !== null && due > e) return 'after';
  return null;
}

/**
 * The moves (each "put this record at this position", applied one after the other) that put
 * dated records in date order, undated ones after them in their current order. Records
 * already in place need no move.
 */
export function dateOrderMoves<T extends { id: string }>(
  list: T[],
  due: (r: T) => string | null,
): { id: string; position: number }[] {
  const target = list
    .map((r, i) => ({ r, i, d: dayNumber(due(r)) }))
    .sort((a, b) => (a.d ?? Infinity) - (b.d ?? Infinity) || a.i - b.i)
    .map((x) => x.r.id);
  const current = list.map((r) => r.id);
  const moves: { id: string; position: number }[] = [];
  target.forEach((id, position) => {
    if (current[position] === id) return;
    current.splice(current.indexOf(id), 1);
    current.splice(position, 0, id);
    moves.push({ id, position });
  });
  return moves;
}
