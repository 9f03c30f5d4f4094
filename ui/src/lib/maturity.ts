// The maturity workshop's screen logic, kept out of the components so it is tested on its
// own: moving through the grid with the keyboard, the radar's geometry, the heatmap's cells,
// and how scores, spreads and people are written out.
import type {
  Aggregate,
  Assessment,
  Catalog,
  Cell,
  Facet,
  Heatmap,
  Rater,
  Rating,
  Score,
  SubFacet,
  WorkedExample,
} from './types';

export const STAGES = [1, 2, 3, 4, 5] as const;

/** A sub-facet in model order, with its facet and its row in the grid (0-based). */
export interface GridRow {
  row: number;
  facet: Facet;
  subfacet: SubFacet;
}

/** The twenty sub-facets of the model in order, each with its grid row. */
export function gridRows(catalog: Pick<Catalog, 'facets'>): GridRow[] {
  const rows: GridRow[] = [];
  for (const facet of catalog.facets) {
    for (const subfacet of facet.subfacets) rows.push({ row: rows.length, facet, subfacet });
  }
  return rows;
}

export interface GridPos {
  row: number;
  /** 0-based stage column: 0 is stage 1. */
  col: number;
}

/** Where a key moves the focus in a grid of `rows` × `cols` cells; `null` when the key is not
 * a move (it is then left to the browser). Moves stop at the edges rather than wrap. */
export function gridMove(
  pos: GridPos,
  key: string,
  rows: number,
  cols = 5,
  ctrl = false,
): GridPos | null {
  const clampRow = (r: number) => Math.max(0, Math.min(rows - 1, r));
  const clampCol = (c: number) => Math.max(0, Math.min(cols - 1, c));
  switch (key) {
    case 'ArrowUp':
      return { row: clampRow(pos.row - 1), col: pos.col };
    case 'ArrowDown':
      return { row: clampRow(pos.row + 1), col: pos.col };
    case 'ArrowLeft':
      return { row: pos.row, col: clampCol(pos.col - 1) };
    case 'ArrowRight':
      return { row: pos.row, col: clampCol(pos.col + 1) };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row: pos.row, col: 0 };
    case 'End':
      return ctrl ? { row: clampRow(rows - 1), col: cols - 1 } : { row: pos.row, col: cols - 1 };
    case 'PageUp':
      return { row: clampRow(pos.row - 5), col: pos.col };
    case 'PageDown':
      return { row: clampRow(pos.row + 5), col: pos.col };
    default:
      return null;
  }
}

export function stageName(catalog: Pick<Catalog, 'stages'>, stage: number): string {
  return catalog.stages.find((s) => s.number === stage)?.name ?? `Stage ${stage}`;
}

/** "3 Expansion", "N/A — no industry partners yet", "Don’t know", or "Not scored". */
export function scoreText(catalog: Pick<Catalog, 'stages'>, score: Score | null | undefined): string {
  if (!score) return 'Not scored';
  if ('stage' in score) return `${score.stage} ${stageName(catalog, score.stage)}`;
  if ('abstained' in score) return score.abstained ? `Don’t know — ${score.abstained}` : 'Don’t know';
  return `N/A — ${score.not_applicable}`;
}

export function scoreStage(score: Score | null | undefined): number | null {
  return score && 'stage' in score ? score.stage : null;
}

/** The label of a grid cell, for screen readers and tooltips:
 * "Governance › Policy: stage 3, Expansion — <descriptor>", then what is marked there. */
export function cellLabel(
  catalog: Pick<Catalog, 'stages'>,
  row: GridRow,
  stage: number,
  marks: string[] = [],
): string {
  const descriptor = row.subfacet.descriptors[stage - 1] ?? '';
  const base = `${row.facet.name} › ${row.subfacet.name}: stage ${stage}, ${stageName(catalog, stage)} — ${descriptor}`;
  return marks.length ? `${base} (${marks.join('; ')})` : base;
}

/** Up to two letters for a person's marker in a cell: "Ada Ng" → "AN". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const letters = words.length === 1 ? [...words[0]!].slice(0, 2) : [words[0]![0], words[words.length - 1]![0]];
  return letters.join('').toUpperCase();
}

/** Each sub-facet's answers from its latest round only: a sub-facet scored again in focus
 * mode shows what the raters said last, as the results do. */
export function latestRound(ratings: Rating[]): Rating[] {
  const last = new Map<string, number>();
  for (const r of ratings) last.set(r.subfacet_id, Math.max(last.get(r.subfacet_id) ?? 1, r.round));
  return ratings.filter((r) => r.round === (last.get(r.subfacet_id) ?? 1));
}

/** The raters whose score for a sub-facet is `stage`, in the order the raters were added. */
export function ratersAt(ratings: Rating[], raters: Pick<Rater, 'id' | 'name'>[], subfacetId: string, stage: number) {
  const who = new Set(
    ratings.filter((r) => r.subfacet_id === subfacetId && scoreStage(r.score) === stage).map((r) => r.rater_id),
  );
  return raters.filter((r) => who.has(r.id));
}

/** One line on how the raters scored a sub-facet: "Stages 1–4 (spread 3) · 1 N/A". */
export function spreadText(a: Aggregate): string {
  const parts: string[] = [];
  if (a.count === 0) parts.push('No stage given');
  else if (a.min === a.max) parts.push(`All ${a.count} at stage ${a.min}`);
  else parts.push(`Stages ${a.min}–${a.max} (spread ${a.spread})`);
  if (a.not_applicable > 0) parts.push(`${a.not_applicable} N/A`);
  return parts.join(' · ');
}

/** The text that flags a disagreement, so it never rests on colour alone. */
export function disagreementText(a: Aggregate): string | null {
  return a.disagreement ? `Disagreement: raters are ${a.spread} stages apart` : null;
}

/** The assessment a screen opens on: the latest by date, the last listed among equals. */
export function latestAssessment(list: Assessment[]): Assessment | null {
  let best: Assessment | null = null;
  for (const a of list) if (!best || a.assessed_on >= best.assessed_on) best = a;
  return best;
}

/** Today as YYYY-MM-DD in local time, the way a date field writes it. */
export function isoDay(d: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// ---- Heatmap ----

/** The class of a heatmap cell: the model's worked examples shade the current stage, outline
 * the target, and mark both where a sub-facet stays put. */
export function heatCellClass(cell: Cell): string {
  switch (cell) {
    case 'current':
      return 'hm-current';
    case 'target':
      return 'hm-target';
    case 'current_and_target':
      return 'hm-both';
    default:
      return 'hm-empty';
  }
}

/** The name the model gives the later state in its worked examples. */
export const EXAMPLE_PHASE = 'Phase 2';

/** One sub-facet's row of an example: its current cell, its Phase 2 cell, or one cell that is
 * both when the example keeps it where it is; an empty row where the example is silent. */
function exampleCells(current: number | undefined, phase2: number | undefined): [Cell, Cell, Cell, Cell, Cell] {
  const cells: [Cell, Cell, Cell, Cell, Cell] = ['empty', 'empty', 'empty', 'empty', 'empty'];
  if (phase2 !== undefined && phase2 >= 1 && phase2 <= 5) cells[phase2 - 1] = 'target';
  if (current !== undefined && current >= 1 && current <= 5) {
    cells[current - 1] = cells[current - 1] === 'target' ? 'current_and_target' : 'current';
  }
  return cells;
}

/** One of the model's worked examples as a heatmap in the model's layout, the shape the core
 * gives for an assessment: current stages only, or current and Phase 2 where it has one. */
export function exampleHeatmap(catalog: Pick<Catalog, 'facets'>, example: WorkedExample): Heatmap {
  const withPhase = Object.keys(example.phase2).length > 0;
  return {
    view: withPhase ? 'both' : 'current',
    assessment_name: example.name,
    phase_name: withPhase ? EXAMPLE_PHASE : null,
    facets: catalog.facets.map((f) => ({
      facet_id: f.id,
      name: f.name,
      rows: f.subfacets.map((s) => ({
        subfacet_id: s.id,
        name: s.name,
        cells: exampleCells(example.current[s.id], withPhase ? example.phase2[s.id] : undefined),
        not_applicable: null,
      })),
    })),
  };
}

/** A heatmap cell in a word or two, for the narrow side-by-side heatmaps; the legend and the
 * cell's accessible name carry the full sentence. */
export function heatCellShort(cell: Cell): string {
  switch (cell) {
    case 'current':
      return 'Now';
    case 'target':
      return 'Target';
    case 'current_and_target':
      return 'Both';
    default:
      return '';
  }
}

/** The word in a heatmap cell (the legend explains it): colour is never the only cue. */
export function heatCellText(cell: Cell, phaseName: string | null): string {
  switch (cell) {
    case 'current':
      return 'Current';
    case 'target':
      return phaseName ?? 'Target';
    case 'current_and_target':
      return `Current & ${phaseName ?? 'target'}`;
    default:
      return '';
  }
}

// ---- Radar ----

export interface Point {
  x: number;
  y: number;
}

export interface RadarGeometry {
  cx: number;
  cy: number;
  radius: number;
  /** The highest value on the scale (stage 5). */
  max: number;
}

/** Where a value sits on spoke `i` of `n`: spoke 0 points straight up, then clockwise. */
export function radarPoint(g: RadarGeometry, i: number, n: number, value: number): Point {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const r = (Math.max(0, Math.min(g.max, value)) / g.max) * g.radius;
  return { x: round(g.cx + r * Math.cos(angle)), y: round(g.cy + r * Math.sin(angle)) };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** The SVG `points` of a polygon through one value per spoke; a missing value sits at the
 * centre (nothing scored there). */
export function radarPolygon(g: RadarGeometry, values: (number | null | undefined)[]): string {
  return values
    .map((v, i) => radarPoint(g, i, values.length, v ?? 0))
    .map((p) => `${p.x},${p.y}`)
    .join(' ');
}

/** The rings of the scale, one per stage, as polygons. */
export function radarRings(g: RadarGeometry, n: number): string[] {
  const rings: string[] = [];
  for (let level = 1; level <= g.max; level++) rings.push(radarPolygon(g, Array(n).fill(level)));
  return rings;
}

/** Where a spoke's label goes, just past its end, and how it is anchored so it reads away
 * from the chart. */
export function radarLabel(
  g: RadarGeometry,
  i: number,
  n: number,
  gap = 14,
): Point & { anchor: 'start' | 'middle' | 'end' } {
  const p = radarPoint({ ...g, radius: g.radius + gap }, i, n, g.max);
  const dx = p.x - g.cx;
  const anchor = Math.abs(dx) < 1 ? 'middle' : dx > 0 ? 'start' : 'end';
  return { ...p, anchor };
}

/** "2.4" for a mean stage, "—" when there is none. Rounded down to a tenth, as the core's
 * `StageMean` does, so 1.96 reads 1.9: a mean never shows a stage it has not reached. */
export function meanText(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : (Math.floor(v * 10 + 1e-9) / 10).toFixed(1);
}

/** Phases in time order, as the core orders them: by start date, undated ones last, and
 * phases starting the same day in the order the plan lists them. */
export function orderedPhases<P extends { starts_on: string | null }>(phases: P[]): P[] {
  return phases
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const x = a.p.starts_on;
      const y = b.p.starts_on;
      if (x === y) return a.i - b.i;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -1 : 1;
    })
    .map(({ p }) => p);
}

/** A refusal as one line under the thing refused: every reason the core gave, or its message. */
export function refusalText(e: { message: string; problems: { path: string; reason: string }[] }): string {
  return e.problems.length ? e.problems.map((p) => p.reason).join(' ') : e.message;
}
