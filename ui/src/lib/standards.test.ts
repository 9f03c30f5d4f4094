import { describe, expect, it } from 'vitest';
import { blank } from './records';
import { cannotAnswer, catalogName, frameworksToAdd, objectionsLine } from './standards';
import type { Described } from './types';

const CATALOG: Described[] = [
  { id: 'esco', name: 'ESCO', description: '' },
  { id: 'onet', name: 'O*NET', description: '' },
  { id: 'own', name: "The organisation's own framework", description: '' },
];

describe('frameworksToAdd', () => {
  it('leaves out the catalog frameworks already chosen, keeping catalog order', () => {
    const chosen = [blank.framework('onet', 'O*NET'), blank.framework(null, 'Our graduate attributes')];
    expect(frameworksToAdd(CATALOG, chosen).map((f) => f.id)).toEqual(['esco', 'own']);
  });
  it('offers every framework to an empty plan and none once all are chosen', () => {
    expect(frameworksToAdd(CATALOG, [])).toHaveLength(3);
    const all = CATALOG.map((c) => blank.framework(c.id, c.name));
    expect(frameworksToAdd(CATALOG, all)).toEqual([]);
  });
});

describe('catalogName', () => {
  it('names a framework chosen from the catalog and nothing for one named freely', () => {
    expect(catalogName(CATALOG, blank.framework('esco', 'ESCO (skills pillar)'))).toBe('ESCO');
    expect(catalogName(CATALOG, blank.framework(null, 'Provincial framework'))).toBeNull();
  });
});

describe('objectionsLine', () => {
  it('says how many objections are still open', () => {
    const a = blank.objection();
    const b = { ...blank.objection(), answer: 'Only assessed levels align', status: 'answered' as const };
    expect(objectionsLine([])).toBe('No objections recorded yet.');
    expect(objectionsLine([a, b])).toBe('1 of 2 still open.');
    expect(objectionsLine([b])).toBe('All 1 answered.');
  });
});

describe('cannotAnswer', () => {
  it('asks for the answer before an objection is marked answered', () => {
    const o = blank.objection();
    expect(cannotAnswer(o)).toMatch(/answer/);
    expect(cannotAnswer({ ...o, answer: '  ' })).toMatch(/answer/);
    expect(cannotAnswer({ ...o, answer: 'Employers endorse the skills' })).toBeNull();
  });
});
