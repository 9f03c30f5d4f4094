import { describe, expect, it } from 'vitest';
import {
  accountableProblem,
  assignmentsByCell,
  cellEdit,
  cellKey,
  cellLabel,
  isRaci,
  raciRows,
  rowsWithProblems,
} from './raci';
import type { RaciActivity, RaciAssignment, Role } from './types';

const role = (id: string, name: string): Role => ({ id, name, description: '', people: [] });
const owner = role('r1', 'Program owner');
const admin = role('r2', 'Badge administrators');
const committee = role('r3', 'Approval committee');
const approve: RaciActivity = { id: 'a1', name: 'Approve the proposal' };
const build: RaciActivity = { id: 'a2', name: 'Build the badge' };
const review: RaciActivity = { id: 'a3', name: 'Yearly review' };

const assignments: RaciAssignment[] = [
  { id: 'x1', activity_id: 'a1', role_id: 'r1', code: 'A' },
  { id: 'x2', activity_id: 'a1', role_id: 'r3', code: 'R' },
  { id: 'x3', activity_id: 'a2', role_id: 'r2', code: 'R' },
  { id: 'x4', activity_id: 'a3', role_id: 'r1', code: 'A' },
  { id: 'x5', activity_id: 'a3', role_id: 'r3', code: 'A' },
];

describe('cellEdit', () => {
  it('puts a new assignment for an empty cell', () => {
    const edit = cellEdit(assignments, 'a2', 'r1', 'A', () => 'new');
    expect(edit).toEqual({
      op: 'put',
      entity: { raci_assignment: { id: 'new', activity_id: 'a2', role_id: 'r1', code: 'A' } },
    });
  });

  it('changes the letter of the existing assignment, keeping its id', () => {
    const edit = cellEdit(assignments, 'a1', 'r3', 'C', () => 'new');
    expect(edit).toEqual({
      op: 'put',
      entity: { raci_assignment: { id: 'x2', activity_id: 'a1', role_id: 'r3', code: 'C' } },
    });
  });

  it('deletes the assignment when the cell is cleared', () => {
    expect(cellEdit(assignments, 'a1', 'r1', null)).toEqual({ op: 'delete', kind: 'raci_assignment', id: 'x1' });
  });

  it('does nothing when the cell already holds the letter or stays empty', () => {
    expect(cellEdit(assignments, 'a1', 'r1', 'A')).toBeNull();
    expect(cellEdit(assignments, 'a2', 'r1', null)).toBeNull();
  });
});

describe('raciRows', () => {
  const rows = raciRows([approve, build, review], [owner, admin, committee], assignments);

  it('lays out every activity with a cell per role in the roles’ order', () => {
    expect(rows.map((r) => r.activity.id)).toEqual(['a1', 'a2', 'a3']);
    expect(rows[0]!.cells.map((c) => [c.role.id, c.code])).toEqual([
      ['r1', 'A'],
      ['r2', null],
      ['r3', 'R'],
    ]);
  });

  it('flags a row with no A and a row with more than one', () => {
    expect(rows[0]!.problem).toBeNull();
    expect(rows[1]!.accountable).toBe(0);
    expect(rows[1]!.problem).toMatch(/no one is accountable/i);
    expect(rows[2]!.accountable).toBe(2);
    expect(rows[2]!.problem).toMatch(/only one role/i);
    expect(rowsWithProblems(rows)).toBe(2);
  });

  it('ignores assignments of roles not shown', () => {
    const only = raciRows([review], [owner], assignments);
    expect(only[0]!.accountable).toBe(1);
    expect(only[0]!.problem).toBeNull();
  });

  it('says nothing is wrong while there are no roles to assign', () => {
    expect(raciRows([approve], [], [])[0]!.problem).toBeNull();
    expect(accountableProblem(0, 0)).toBeNull();
  });
});

describe('cells', () => {
  it('indexes assignments by activity and role', () => {
    expect(assignmentsByCell(assignments).get(cellKey('a3', 'r3'))?.id).toBe('x5');
  });

  it('names a cell by its activity and role', () => {
    expect(cellLabel('Approve the proposal', 'Program owner')).toBe('Approve the proposal — Program owner');
    expect(cellLabel(' ', '')).toBe('Unnamed activity — Unnamed role');
  });

  it('knows the four letters', () => {
    expect(['R', 'A', 'C', 'I'].every(isRaci)).toBe(true);
    expect(isRaci('')).toBe(false);
    expect(isRaci('X')).toBe(false);
  });
});
