// Step 6, governance: reading and writing who holds a role, what the "start from the standard…"
// and quick-add buttons add, the order of a pathway's levels, and small checks the screen shows.
import { newId } from './ids';
import { entity } from './plan.svelte';
import type {
  BadgeLevel,
  BadgeLevelTemplate,
  Described,
  Edit,
  Pathway,
  RaciActivity,
  Role,
  WorkflowStage,
  WorkflowTemplate,
} from './types';

/** The people of a role from what was typed: one person per line. A line may carry a title
 * after a comma ("Dr Évelyne Roy, Provost"), so commas do not separate people. */
export function parsePeople(text: string): string[] {
  const seen = new Set<string>();
  const people: string[] = [];
  for (const part of text.split('\n')) {
    const name = part.trim().replace(/\s+/g, ' ');
    const key = name.toLowerCase();
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    people.push(name);
  }
  return people;
}

/** The people of a role as text to edit, one per line. */
export function formatPeople(people: string[]): string {
  return people.join('\n');
}

/** Whether two lists of people are the same names in the same order. */
export function samePeople(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const norm = (s: string) => s.trim().toLowerCase();

/** The catalog entries whose name no record in `existing` has yet (ignoring case and spaces). */
export function notYetAdded<T extends { name: string }>(catalog: T[], existing: { name: string }[]): T[] {
  const have = new Set(existing.map((e) => norm(e.name)));
  return catalog.filter((c) => !have.has(norm(c.name)));
}

/** The role of `roles` with that name, ignoring case and spaces. */
export function roleNamed(roles: Role[], name: string): Role | undefined {
  const n = norm(name);
  return roles.find((r) => norm(r.name) === n);
}

/**
 * The edits that lay down the standard badge-request workflow: each stage with the role that
 * carries it out, that role taken from the plan when it has one of that name and otherwise
 * added from the catalog's roles first, so every stage has someone responsible.
 */
export function standardWorkflowEdits(
  templates: WorkflowTemplate[],
  catalogRoles: Described[],
  planRoles: Role[],
  makeId: () => string = newId,
): Edit[] {
  const edits: Edit[] = [];
  const roles = [...planRoles];
  const stages: WorkflowStage[] = [];
  for (const t of templates) {
    let responsible: string | null = null;
    if (t.responsible.trim() !== '') {
      let role = roleNamed(roles, t.responsible);
      if (!role) {
        const known = catalogRoles.find((r) => norm(r.name) === norm(t.responsible));
        role = { id: makeId(), name: t.responsible.trim(), description: known?.description ?? '', people: [] };
        roles.push(role);
        edits.push({ op: 'put', entity: entity('role', role) });
      }
      responsible = role.id;
    }
    stages.push({
      id: makeId(),
      name: t.name,
      description: t.description,
      responsible_role_id: responsible,
      inputs: t.inputs,
      outputs: t.outputs,
      expected_time: t.expected_time,
    });
  }
  for (const s of stages) edits.push({ op: 'put', entity: entity('workflow_stage', s) });
  return edits;
}

/** The edits that add the standard badge levels the plan does not have yet, in catalog order. */
export function standardLevelEdits(
  templates: BadgeLevelTemplate[],
  existing: BadgeLevel[],
  makeId: () => string = newId,
): Edit[] {
  return notYetAdded(templates, existing).map((t) => {
    const level: BadgeLevel = {
      id: makeId(),
      name: t.name,
      description: t.description,
      assessment: t.assessment,
      evidence: t.evidence,
      visual_cue: t.visual_cue,
    };
    return { op: 'put', entity: entity('badge_level', level) };
  });
}

/** A RACI activity for each workflow stage that has no activity of its name yet. */
export function activitiesFromStages(
  stages: WorkflowStage[],
  activities: RaciActivity[],
  makeId: () => string = newId,
): RaciActivity[] {
  const seen = new Set(activities.map((a) => norm(a.name)));
  const added: RaciActivity[] = [];
  for (const s of stages) {
    const n = norm(s.name);
    if (n === '' || seen.has(n)) continue;
    seen.add(n);
    added.push({ id: makeId(), name: s.name.trim() });
  }
  return added;
}

/** `ids` with the one at `from` moved to `to` (clamped to the list). */
export function moveWithin(ids: string[], from: number, to: number): string[] {
  if (from < 0 || from >= ids.length) return ids;
  const target = Math.max(0, Math.min(ids.length - 1, to));
  if (target === from) return ids;
  const next = [...ids];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved!);
  return next;
}

/** The badge levels a pathway climbs through, in its order, skipping any no longer in the plan. */
export function pathwayLevels(pathway: Pathway, levels: BadgeLevel[]): BadgeLevel[] {
  const byId = new Map(levels.map((l) => [l.id, l]));
  return pathway.level_ids.flatMap((id) => {
    const level = byId.get(id);
    return level ? [level] : [];
  });
}

/** Whether a YYYY-MM-DD date is before `today` (also YYYY-MM-DD). */
export function isPast(date: string | null, today: string): boolean {
  return date !== null && date !== '' && date < today;
}

/** The name of the role with that id, or a fallback for none or a role no longer there. */
export function roleName(roles: Role[], id: string | null, none = 'No one yet'): string {
  if (id === null) return none;
  return roles.find((r) => r.id === id)?.name || none;
}
