// Step 6, the RACI grid: activities down the side, roles across the top, one letter per cell.
// The core keeps at most one assignment per activity and role; this module reads the grid out of
// the plan's assignments, says what a change of one cell means as an edit, and checks each row
// for the rule that every activity has exactly one Accountable role.
import { newId } from './ids';
import { entity } from './plan.svelte';
import type { Edit, Raci, RaciActivity, RaciAssignment, Role } from './types';

export const RACI_CODES: readonly Raci[] = ['R', 'A', 'C', 'I'];

/** What each letter means, in a few words for the legend and the cell choices. */
export const RACI_MEANING: Record<Raci, string> = {
  R: 'Responsible — does the work',
  A: 'Accountable — owns the result and signs off',
  C: 'Consulted — asked before it is done',
  I: 'Informed — told once it is done',
};

export function isRaci(v: string): v is Raci {
  return (RACI_CODES as readonly string[]).includes(v);
}

/** The key of one cell: an activity and a role. */
export function cellKey(activityId: string, roleId: string): string {
  return `${activityId}|${roleId}`;
}

/** The plan's assignments by `cellKey`. */
export function assignmentsByCell(assignments: RaciAssignment[]): Map<string, RaciAssignment> {
  const map = new Map<string, RaciAssignment>();
  for (const a of assignments) map.set(cellKey(a.activity_id, a.role_id), a);
  return map;
}

/**
 * The edit that gives a cell the letter `code` (or clears it when `code` is null): a new
 * assignment, the existing one with its letter changed, or its deletion. Null when the cell
 * already holds that letter.
 */
export function cellEdit(
  assignments: RaciAssignment[],
  activityId: string,
  roleId: string,
  code: Raci | null,
  makeId: () => string = newId,
): Edit | null {
  const current = assignments.find((a) => a.activity_id === activityId && a.role_id === roleId);
  if (!current) {
    if (code === null) return null;
    const record: RaciAssignment = { id: makeId(), activity_id: activityId, role_id: roleId, code };
    return { op: 'put', entity: entity('raci_assignment', record) };
  }
  if (code === null) return { op: 'delete', kind: 'raci_assignment', id: current.id };
  if (current.code === code) return null;
  const changed: RaciAssignment = { ...current, code };
  return { op: 'put', entity: entity('raci_assignment', changed) };
}

export interface RaciCell {
  role: Role;
  code: Raci | null;
}

export interface RaciRow {
  activity: RaciActivity;
  cells: RaciCell[];
  /** How many roles are Accountable for the activity (among the roles shown). */
  accountable: number;
  /** What is wrong with the row, in words; null when it has exactly one A. */
  problem: string | null;
}

/** What is wrong with a row that has `accountable` A's, or null when it has exactly one. */
export function accountableProblem(accountable: number, roles: number): string | null {
  if (roles === 0) return null;
  if (accountable === 0) return 'No one is accountable: mark exactly one role with A.';
  if (accountable > 1)
    return `${accountable} roles are accountable: only one role should carry the A, so one person owns the result.`;
  return null;
}

/** The grid, row by row in the activities' order, each cell in the roles' order. */
export function raciRows(activities: RaciActivity[], roles: Role[], assignments: RaciAssignment[]): RaciRow[] {
  const byCell = assignmentsByCell(assignments);
  return activities.map((activity) => {
    const cells = roles.map((role) => ({
      role,
      code: byCell.get(cellKey(activity.id, role.id))?.code ?? null,
    }));
    const accountable = cells.filter((c) => c.code === 'A').length;
    return { activity, cells, accountable, problem: accountableProblem(accountable, roles.length) };
  });
}

/** How many rows break the one-Accountable rule. */
export function rowsWithProblems(rows: RaciRow[]): number {
  return rows.filter((r) => r.problem !== null).length;
}

/** The accessible name of a cell, e.g. "Approve the proposal — Program owner". */
export function cellLabel(activityName: string, roleName: string): string {
  const a = activityName.trim() || 'Unnamed activity';
  const r = roleName.trim() || 'Unnamed role';
  return `${a} — ${r}`;
}
