import { describe, expect, it } from 'vitest';
import { catalogGroup, groupsNotAdded, nameForGroup } from './context';
import type { Described, Stakeholder } from './types';

const groups: Described[] = [
  { id: 'students', name: 'Students / learners', description: '' },
  { id: 'faculty', name: 'Faculty', description: '' },
  { id: 'employers', name: 'Employers / industry', description: '' },
];
const sh = (group: string | null, name: string): Stakeholder => ({ id: `${group}-${name}`, group, name, notes: '' });

describe('groupsNotAdded', () => {
  it('lists every catalog group for an empty plan, in catalog order', () => {
    expect(groupsNotAdded(groups, []).map((g) => g.id)).toEqual(['students', 'faculty', 'employers']);
  });

  it('leaves out groups already added, whatever they were renamed to, and ignores custom groups', () => {
    const added = [sh('faculty', 'Teaching staff'), sh(null, 'Alumni'), sh(null, 'Students / learners')];
    expect(groupsNotAdded(groups, added).map((g) => g.id)).toEqual(['students', 'employers']);
  });

  it('is empty when all are added', () => {
    expect(groupsNotAdded(groups, groups.map((g) => sh(g.id, g.name)))).toEqual([]);
  });
});

describe('catalogGroup', () => {
  it('finds the catalog entry of a stakeholder, or none for a custom or unknown group', () => {
    expect(catalogGroup(groups, sh('faculty', 'x'))?.name).toBe('Faculty');
    expect(catalogGroup(groups, sh(null, 'x'))).toBeUndefined();
    expect(catalogGroup(groups, sh('gone', 'x'))).toBeUndefined();
  });
});

describe('nameForGroup', () => {
  const NEW = 'New stakeholder group';
  it('takes the group’s name when the name was still the placeholder or the old group’s name', () => {
    expect(nameForGroup(groups, sh(null, NEW), 'faculty', NEW)).toBe('Faculty');
    expect(nameForGroup(groups, sh('students', 'Students / learners'), 'employers', NEW)).toBe('Employers / industry');
    expect(nameForGroup(groups, sh(null, '  '), 'students', NEW)).toBe('Students / learners');
  });

  it('keeps a name the team typed', () => {
    expect(nameForGroup(groups, sh(null, 'Adjunct instructors'), 'faculty', NEW)).toBe('Adjunct instructors');
    expect(nameForGroup(groups, sh('faculty', 'Adjuncts'), 'students', NEW)).toBe('Adjuncts');
  });

  it('keeps the name when the group is cleared', () => {
    expect(nameForGroup(groups, sh('faculty', 'Faculty'), null, NEW)).toBe('Faculty');
  });
});
