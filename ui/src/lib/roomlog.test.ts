import { describe, expect, it } from 'vitest';
import { became, captured, counts, isCaptureKey, listed, openCount, originLabel, subfacetAt } from './roomlog';
import type { Catalog, Plan, StepProgress } from './types';

const origin = { step: 'maturity' as const, subfacet_id: 'integration' };

function plan(): Plan {
  return {
    goals: [{ id: 'g1', title: 'Connect the gradebook' }],
    milestones: [],
    parked_items: [
      { id: 'p1', text: 'Who pays?', raised_by: 'Helen', step: null, subfacet_id: null, created_on: '2027-03-01', resolved_on: null, resolution: '' },
      { id: 'p2', text: 'Settled', raised_by: '', step: null, subfacet_id: null, created_on: '2027-03-01', resolved_on: '2027-03-02', resolution: 'Yes' },
    ],
    decisions: [{ id: 'd1', text: 'Rubrics', raised_by: 'Amara', step: 'governance', subfacet_id: null, created_on: '2027-03-01' }],
    actions: [
      { id: 'a1', text: 'Connect', owner: 'Helen', due: null, step: null, subfacet_id: null, created_on: '2027-03-01', status: 'open', goal_id: 'g1', milestone_id: null },
      { id: 'a2', text: 'Send', owner: '', due: null, step: null, subfacet_id: null, created_on: '2027-03-01', status: 'done', goal_id: null, milestone_id: null },
    ],
  } as unknown as Plan;
}

describe('captured', () => {
  it('builds each kind with its own person field and the origin and day it was captured', () => {
    const p = captured({ kind: 'parked_item', text: ' Who pays? ', who: ' Helen ', due: '2027-05-01' }, origin, '2027-03-01');
    expect(p.kind).toBe('parked_item');
    expect(p.record).toMatchObject({ text: 'Who pays?', raised_by: 'Helen', step: 'maturity', subfacet_id: 'integration', created_on: '2027-03-01', resolved_on: null, resolution: '' });
    expect(p.record).not.toHaveProperty('due');
    const a = captured({ kind: 'action', text: 'Book the room', who: 'Léa', due: '' }, { step: 'goals', subfacet_id: null }, '2027-03-01');
    expect(a.record).toMatchObject({ owner: 'Léa', due: null, status: 'open', goal_id: null, milestone_id: null, step: 'goals' });
    const d = captured({ kind: 'decision', text: 'Go', who: 'Marc', due: '2027-01-01' }, origin, '2027-03-01');
    expect(d.record).toMatchObject({ raised_by: 'Marc' });
    expect(Object.keys(d.record).sort()).toEqual(['created_on', 'id', 'raised_by', 'step', 'subfacet_id', 'text']);
  });
});

describe('subfacetAt', () => {
  it('reads the sub-facet of the nearest grid row or cell, or none', () => {
    const row = { getAttribute: (n: string) => (n === 'data-subfacet' ? 'analytics' : null) };
    const inRow = { closest: (s: string) => (s === '[data-subfacet]' ? row : null) } as unknown as Element;
    expect(subfacetAt(inRow)).toBe('analytics');
    const outside = { closest: () => null } as unknown as Element;
    expect(subfacetAt(outside)).toBeNull();
    expect(subfacetAt(null)).toBeNull();
  });
});

describe('originLabel', () => {
  const steps = [{ step: 'maturity', title: 'Maturity self-assessment' }] as StepProgress[];
  const catalog = { facets: [{ subfacets: [{ id: 'integration', name: 'Integration' }] }] } as unknown as Catalog;
  it('names the step and the sub-facet as the screens call them', () => {
    expect(originLabel(origin, steps, catalog)).toBe('Maturity self-assessment — Integration');
    expect(originLabel({ step: 'maturity', subfacet_id: null }, steps, catalog)).toBe('Maturity self-assessment');
    expect(originLabel({ step: null, subfacet_id: null }, steps, catalog)).toBe('');
    expect(originLabel({ step: null, subfacet_id: 'gone' }, steps, catalog)).toBe('gone');
  });
});

describe('the panel', () => {
  it('filters by kind, counts each and counts what is still open', () => {
    const p = plan();
    expect(listed(p, 'all').map((x) => x.item.id)).toEqual(['p1', 'p2', 'd1', 'a1', 'a2']);
    expect(listed(p, 'action').map((x) => x.kind)).toEqual(['action', 'action']);
    expect(counts(p)).toEqual({ all: 5, parked_item: 2, decision: 1, action: 2 });
    expect(openCount(p)).toBe(2);
    expect(became(p, p.actions[0]!)).toEqual({ goal: 'Connect the gradebook', milestone: null });
    expect(became(p, p.actions[1]!)).toEqual({ goal: null, milestone: null });
  });
});

describe('isCaptureKey', () => {
  const k = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>>) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it('is Ctrl+Shift+L or Cmd+Shift+L and nothing near it', () => {
    expect(isCaptureKey(k('L', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isCaptureKey(k('l', { metaKey: true, shiftKey: true }))).toBe(true);
    expect(isCaptureKey(k('l', { ctrlKey: true }))).toBe(false);
    expect(isCaptureKey(k('L', { ctrlKey: true, shiftKey: true, altKey: true }))).toBe(false);
    expect(isCaptureKey(k('z', { ctrlKey: true, shiftKey: true }))).toBe(false);
  });
});
