import { describe, expect, it } from 'vitest';
import {
  byRank,
  hasUnranked,
  moveRank,
  nextRank,
  pickedMetric,
  rankAfterDelete,
  rerank,
  sourceLabel,
  unchosen,
} from './requirements';
import type { Requirement, RequirementChoice, RequirementMetric } from './types';

const req = (id: string, rank: number | null, catalog_id: string | null = null): RequirementChoice => ({
  id,
  catalog_id,
  name: id.toUpperCase(),
  description: '',
  rank,
});

const ranks = (list: RequirementChoice[]) => Object.fromEntries(list.map((r) => [r.id, r.rank]));

describe('byRank', () => {
  it('puts rank 1 first and unranked last, keeping their order', () => {
    const list = [req('c', null), req('a', 2), req('b', 1), req('d', null)];
    expect(byRank(list).map((r) => r.id)).toEqual(['b', 'a', 'c', 'd']);
  });
  it('does not change the list it was given', () => {
    const list = [req('a', 2), req('b', 1)];
    byRank(list);
    expect(list.map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('rerank', () => {
  it('returns only the records whose rank changes', () => {
    const out = rerank([req('a', 1), req('b', 3), req('c', null)]);
    expect(ranks(out)).toEqual({ b: 2, c: 3 });
  });
});

describe('moveRank', () => {
  const list = [req('a', 1), req('b', 2), req('c', 3)];
  it('moving up swaps two neighbours', () => {
    expect(ranks(moveRank(list, 'c', 1))).toEqual({ c: 2, b: 3 });
  });
  it('moving down swaps two neighbours', () => {
    expect(ranks(moveRank(list, 'a', 1))).toEqual({ a: 2, b: 1 });
  });
  it('moving to the top shifts the others down', () => {
    expect(ranks(moveRank(list, 'c', 0))).toEqual({ c: 1, a: 2, b: 3 });
  });
  it('ranks unranked requirements too, so every one ends up ranked', () => {
    const mixed = [req('a', 1), req('x', null), req('y', null)];
    expect(ranks(moveRank(mixed, 'y', 1))).toEqual({ y: 2, x: 3 });
  });
  it('clamps positions past either end and ignores unknown ids', () => {
    expect(moveRank(list, 'a', -3)).toEqual([]);
    expect(ranks(moveRank(list, 'a', 99))).toEqual({ a: 3, b: 1, c: 2 });
    expect(moveRank(list, 'nope', 0)).toEqual([]);
  });
});

describe('rankAfterDelete', () => {
  it('closes the gap', () => {
    const list = [req('a', 1), req('b', 2), req('c', 3)];
    expect(ranks(rankAfterDelete(list, 'a'))).toEqual({ b: 1, c: 2 });
    expect(rankAfterDelete(list, 'c')).toEqual([]);
  });
});

describe('nextRank', () => {
  it('comes after every requirement', () => {
    expect(nextRank([])).toBe(1);
    expect(nextRank([req('a', 1), req('b', 2)])).toBe(3);
    expect(nextRank([req('a', 1), req('b', null), req('c', null)])).toBe(4);
    expect(nextRank([req('a', 7)])).toBe(8);
  });
});

describe('hasUnranked', () => {
  it('spots a requirement without a rank', () => {
    expect(hasUnranked([req('a', 1)])).toBe(false);
    expect(hasUnranked([req('a', 1), req('b', null)])).toBe(true);
  });
});

const catalog: Requirement[] = [
  { id: 'renewals', source: 'accredible', name: 'Renewals', description: '', metrics: ['Shares'] },
  { id: 'pathways', source: 'accredible', name: 'Pathways', description: '', metrics: [] },
  { id: 'retention', source: 'wcet', name: 'Retention', description: '', metrics: [] },
];

describe('unchosen', () => {
  it('leaves out what the plan has chosen and keeps to one source', () => {
    const chosen = [req('x', 1, 'renewals'), req('y', 2)];
    expect(unchosen(catalog, chosen, 'accredible').map((r) => r.id)).toEqual(['pathways']);
    expect(unchosen(catalog, chosen, 'wcet').map((r) => r.id)).toEqual(['retention']);
  });
});

describe('pickedMetric', () => {
  const metrics: RequirementMetric[] = [
    { id: 'm1', requirement_id: 'r1', name: 'Completion rate ', measure_id: null },
    { id: 'm2', requirement_id: 'r2', name: 'Drop-off rate', measure_id: null },
  ];
  it('matches names ignoring case and spaces, within one requirement', () => {
    expect(pickedMetric(metrics, 'r1', 'completion rate')?.id).toBe('m1');
    expect(pickedMetric(metrics, 'r1', 'Drop-off rate')).toBeUndefined();
  });
});

describe('sourceLabel', () => {
  it('names the source', () => {
    expect(sourceLabel(req('a', 1, 'renewals'), catalog)).toBe('Accredible framework');
    expect(sourceLabel(req('a', 1, 'retention'), catalog)).toBe('WCET institutional driver');
    expect(sourceLabel(req('a', 1), catalog)).toBe('Your own');
  });
});
