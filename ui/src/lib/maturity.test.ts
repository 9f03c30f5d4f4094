import { describe, expect, it } from 'vitest';
import {
  cellLabel,
  disagreementText,
  gridMove,
  gridRows,
  EXAMPLE_PHASE,
  exampleHeatmap,
  heatCellClass,
  heatCellShort,
  heatCellText,
  initials,
  isoDay,
  latestAssessment,
  meanText,
  orderedPhases,
  refusalText,
  radarLabel,
  radarPoint,
  radarPolygon,
  radarRings,
  ratersAt,
  scoreText,
  spreadText,
} from './maturity';
import model from '../../../assets/catalog/maturity-model.json';
import type { Aggregate, Facet, Rating, StageInfo, WorkedExample } from './types';

const stages: StageInfo[] = ['Exploratory', 'Focused Launch', 'Expansion', 'Enterprise', 'Immersive'].map(
  (name, i) => ({ number: i + 1, name, summary: '' }),
);

function facet(id: string, name: string, subs: string[]): Facet {
  return {
    id,
    name,
    summary: '',
    subfacets: subs.map((s) => ({
      id: s.toLowerCase(),
      facet_id: id,
      name: s,
      summary: '',
      descriptors: ['one', 'two', 'three', 'four', 'five'],
    })),
  };
}

const catalog = { stages, facets: [facet('gov', 'Governance', ['Policy', 'Funding']), facet('sys', 'Systems', ['Data'])] };

function aggregate(over: Partial<Aggregate>): Aggregate {
  return {
    count: 0,
    median: null,
    min: null,
    max: null,
    spread: 0,
    distribution: [0, 0, 0, 0, 0],
    not_applicable: 0,
    abstained: 0,
    reasons: [],
    disagreement: false,
    ...over,
  };
}

describe('the grid', () => {
  it('lists the sub-facets in model order, numbering rows across facets', () => {
    const rows = gridRows(catalog);
    expect(rows.map((r) => [r.row, r.facet.id, r.subfacet.name])).toEqual([
      [0, 'gov', 'Policy'],
      [1, 'gov', 'Funding'],
      [2, 'sys', 'Data'],
    ]);
  });

  it('moves with the arrow keys and stops at the edges instead of wrapping', () => {
    expect(gridMove({ row: 1, col: 2 }, 'ArrowUp', 20)).toEqual({ row: 0, col: 2 });
    expect(gridMove({ row: 0, col: 2 }, 'ArrowUp', 20)).toEqual({ row: 0, col: 2 });
    expect(gridMove({ row: 19, col: 2 }, 'ArrowDown', 20)).toEqual({ row: 19, col: 2 });
    expect(gridMove({ row: 3, col: 4 }, 'ArrowRight', 20)).toEqual({ row: 3, col: 4 });
    expect(gridMove({ row: 3, col: 0 }, 'ArrowLeft', 20)).toEqual({ row: 3, col: 0 });
    expect(gridMove({ row: 3, col: 1 }, 'ArrowRight', 20)).toEqual({ row: 3, col: 2 });
  });

  it('jumps with Home, End and the page keys, and leaves other keys to the browser', () => {
    expect(gridMove({ row: 3, col: 3 }, 'Home', 20)).toEqual({ row: 3, col: 0 });
    expect(gridMove({ row: 3, col: 1 }, 'End', 20)).toEqual({ row: 3, col: 4 });
    expect(gridMove({ row: 3, col: 3 }, 'Home', 20, 5, true)).toEqual({ row: 0, col: 0 });
    expect(gridMove({ row: 3, col: 1 }, 'End', 20, 5, true)).toEqual({ row: 19, col: 4 });
    expect(gridMove({ row: 2, col: 1 }, 'PageUp', 20)).toEqual({ row: 0, col: 1 });
    expect(gridMove({ row: 17, col: 1 }, 'PageDown', 20)).toEqual({ row: 19, col: 1 });
    expect(gridMove({ row: 2, col: 1 }, 'Enter', 20)).toBeNull();
    expect(gridMove({ row: 2, col: 1 }, 'a', 20)).toBeNull();
  });

  it('labels a cell with the facet, sub-facet, stage, descriptor and what is marked there', () => {
    const row = gridRows(catalog)[0]!;
    expect(cellLabel(catalog, row, 3)).toBe('Governance › Policy: stage 3, Expansion — three');
    expect(cellLabel(catalog, row, 1, ['your score', 'agreed'])).toBe(
      'Governance › Policy: stage 1, Exploratory — one (your score; agreed)',
    );
  });
});

describe('scores and people', () => {
  it('writes a score as a stage, a reason, or not scored', () => {
    expect(scoreText(catalog, { stage: 3 })).toBe('3 Expansion');
    expect(scoreText(catalog, { not_applicable: 'No partners yet' })).toBe('N/A — No partners yet');
    expect(scoreText(catalog, null)).toBe('Not scored');
  });

  it('makes initials from one or several words', () => {
    expect(initials('Ada Ng')).toBe('AN');
    expect(initials('  ada  ')).toBe('AD');
    expect(initials('Mary Ann de Souza')).toBe('MS');
    expect(initials('')).toBe('?');
  });

  it('finds the raters who gave a stage, in the order they were added', () => {
    const raters = [
      { id: 'b', name: 'Ben' },
      { id: 'a', name: 'Ada' },
    ];
    const ratings: Rating[] = [
      { id: '1', rater_id: 'a', subfacet_id: 'policy', round: 1, score: { stage: 2 }, confidence: null, note: '', evidence: '' },
      { id: '2', rater_id: 'b', subfacet_id: 'policy', round: 1, score: { stage: 2 }, confidence: null, note: '', evidence: '' },
      { id: '3', rater_id: 'b', subfacet_id: 'data', round: 1, score: { stage: 2 }, confidence: null, note: '', evidence: '' },
    ];
    expect(ratersAt(ratings, raters, 'policy', 2).map((r) => r.name)).toEqual(['Ben', 'Ada']);
    expect(ratersAt(ratings, raters, 'policy', 3)).toEqual([]);
  });

  it('describes the spread and flags a disagreement in words', () => {
    const split = aggregate({ count: 2, min: 1, max: 4, spread: 3, disagreement: true, not_applicable: 1 });
    expect(spreadText(split)).toBe('Stages 1–4 (spread 3) · 1 N/A');
    expect(disagreementText(split)).toBe('Disagreement: raters are 3 stages apart');
    const same = aggregate({ count: 3, min: 2, max: 2 });
    expect(spreadText(same)).toBe('All 3 at stage 2');
    expect(disagreementText(same)).toBeNull();
    expect(spreadText(aggregate({}))).toBe('No stage given');
  });

  it('opens on the latest assessment', () => {
    const a = (id: string, assessed_on: string) => ({ id, name: id, assessed_on, revealed: false });
    expect(latestAssessment([a('x', '2026-01-01'), a('y', '2026-05-01'), a('z', '2025-12-31')])?.id).toBe('y');
    expect(latestAssessment([])).toBeNull();
  });

  it('writes today as YYYY-MM-DD', () => {
    expect(isoDay(new Date(2026, 2, 5))).toBe('2026-03-05');
  });
});

describe('the heatmap', () => {
  it('gives each kind of cell its own class and word', () => {
    expect(heatCellClass('current')).toBe('hm-current');
    expect(heatCellClass('target')).toBe('hm-target');
    expect(heatCellClass('current_and_target')).toBe('hm-both');
    expect(heatCellClass('empty')).toBe('hm-empty');
    expect(heatCellText('target', 'Phase 2')).toBe('Phase 2');
    expect(heatCellText('current_and_target', 'Phase 2')).toBe('Current & Phase 2');
    expect(heatCellText('current', null)).toBe('Current');
    expect(heatCellText('empty', 'Phase 2')).toBe('');
  });
});

describe('a worked example beside the heatmap', () => {
  const example = (current: Record<string, number>, phase2: Record<string, number> = {}): WorkedExample => ({
    id: 'ex',
    name: 'Example 2: Subsequent Expansion',
    description: '',
    current,
    phase2,
    unchanged: [],
  });

  it('draws the current stages alone when the example has no Phase 2', () => {
    const h = exampleHeatmap(catalog, example({ policy: 1, funding: 3, data: 5 }));
    expect(h.view).toBe('current');
    expect(h.phase_name).toBeNull();
    expect(h.assessment_name).toBe('Example 2: Subsequent Expansion');
    expect(h.facets.map((f) => f.rows.map((r) => r.subfacet_id))).toEqual([['policy', 'funding'], ['data']]);
    expect(h.facets[0]!.rows[1]!.cells).toEqual(['empty', 'empty', 'current', 'empty', 'empty']);
    expect(h.facets[1]!.rows[0]!.cells).toEqual(['empty', 'empty', 'empty', 'empty', 'current']);
  });

  it('marks Phase 2 apart from the current stage, and one cell for both where nothing moves', () => {
    const h = exampleHeatmap(catalog, example({ policy: 1, funding: 3, data: 2 }, { policy: 3, funding: 3, data: 4 }));
    expect(h.view).toBe('both');
    expect(h.phase_name).toBe(EXAMPLE_PHASE);
    const [policy, funding] = h.facets[0]!.rows;
    expect(policy!.cells).toEqual(['current', 'empty', 'target', 'empty', 'empty']);
    expect(funding!.cells).toEqual(['empty', 'empty', 'current_and_target', 'empty', 'empty']);
    expect(h.facets[1]!.rows[0]!.cells).toEqual(['empty', 'current', 'empty', 'target', 'empty']);
  });

  it('leaves a row empty where the example is silent, and ignores a stage outside 1 to 5', () => {
    const h = exampleHeatmap(catalog, example({ policy: 0, funding: 6 }));
    for (const row of h.facets.flatMap((f) => f.rows)) {
      expect(row.cells).toEqual(['empty', 'empty', 'empty', 'empty', 'empty']);
      expect(row.not_applicable).toBeNull();
    }
  });

  it('shows the built-in examples with one current cell on every row, and both where the model keeps a sub-facet', () => {
    const facets = model.facets.map((f) => ({ ...f, subfacets: f.subfacets.map((s) => ({ ...s, facet_id: f.id })) })) as Facet[];
    const examples = model.worked_examples as WorkedExample[];
    expect(examples.map((w) => w.name)).toEqual(['Example 1: Exploratory Pilot', 'Example 2: Subsequent Expansion']);
    for (const w of examples) {
      const rows = exampleHeatmap({ facets }, w).facets.flatMap((f) => f.rows);
      expect(rows).toHaveLength(20);
      for (const row of rows) {
        const current = row.cells.filter((c) => c === 'current' || c === 'current_and_target');
        expect(current, `${w.id} ${row.subfacet_id}`).toHaveLength(1);
      }
      const both = rows.filter((r) => r.cells.includes('current_and_target')).map((r) => r.subfacet_id);
      expect(both.sort()).toEqual([...w.unchanged].sort());
    }
  });

  it('puts a short word in each compact cell', () => {
    expect(heatCellShort('current')).toBe('Now');
    expect(heatCellShort('target')).toBe('Target');
    expect(heatCellShort('current_and_target')).toBe('Both');
    expect(heatCellShort('empty')).toBe('');
  });
});

describe('the radar', () => {
  const g = { cx: 100, cy: 100, radius: 50, max: 5 };

  it('puts spoke 0 straight up and goes clockwise', () => {
    expect(radarPoint(g, 0, 4, 5)).toEqual({ x: 100, y: 50 });
    expect(radarPoint(g, 1, 4, 5)).toEqual({ x: 150, y: 100 });
    expect(radarPoint(g, 2, 4, 5)).toEqual({ x: 100, y: 150 });
    expect(radarPoint(g, 3, 4, 5)).toEqual({ x: 50, y: 100 });
  });

  it('scales a value along its spoke and keeps it on the scale', () => {
    expect(radarPoint(g, 0, 4, 2.5)).toEqual({ x: 100, y: 75 });
    expect(radarPoint(g, 0, 4, 9)).toEqual({ x: 100, y: 50 });
    expect(radarPoint(g, 0, 4, -1)).toEqual({ x: 100, y: 100 });
  });

  it('draws a polygon through the values, a missing one at the centre', () => {
    expect(radarPolygon(g, [5, null, 5, 0])).toBe('100,50 100,100 100,150 100,100');
  });

  it('draws one ring per stage', () => {
    const rings = radarRings(g, 4);
    expect(rings).toHaveLength(5);
    expect(rings[4]).toBe('100,50 150,100 100,150 50,100');
  });

  it('anchors labels so they read away from the chart', () => {
    expect(radarLabel(g, 0, 4).anchor).toBe('middle');
    expect(radarLabel(g, 1, 4).anchor).toBe('start');
    expect(radarLabel(g, 3, 4).anchor).toBe('end');
    expect(radarLabel(g, 0, 4, 10)).toMatchObject({ x: 100, y: 40 });
  });

  it('writes a mean to one decimal, or a dash', () => {
    expect(meanText(2.456)).toBe('2.4');
    expect(meanText(1.96)).toBe('1.9');
    expect(meanText(2)).toBe('2.0');
    expect(meanText(null)).toBe('—');
  });
});

describe('phases', () => {
  it('come in time order, undated ones last, ties in plan order', () => {
    const p = (id: string, starts_on: string | null) => ({ id, starts_on });
    const list = [p('late', '2027-01-01'), p('undated', null), p('early', '2026-01-01'), p('tie', '2026-01-01')];
    expect(orderedPhases(list).map((x) => x.id)).toEqual(['early', 'tie', 'late', 'undated']);
  });
});

describe('refusals', () => {
  it('give every reason, or the message when there is none', () => {
    const problems = [
      { path: 'target.stage', reason: 'stage 1 is below the current stage.' },
      { path: 'target.stage', reason: 'a later phase cannot aim lower.' },
    ];
    expect(refusalText({ message: 'invalid input', problems })).toBe(
      'stage 1 is below the current stage. a later phase cannot aim lower.',
    );
    expect(refusalText({ message: 'plan not found', problems: [] })).toBe('plan not found');
  });
});
