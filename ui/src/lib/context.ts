// Step 1, context: which of the catalog's stakeholder groups a plan still lacks, and how a
// stakeholder group relates to the catalog.
import type { Described, Stakeholder } from './types';

/** The catalog's groups that no stakeholder of the plan stands for yet, in catalog order. */
export function groupsNotAdded(groups: Described[], stakeholders: Stakeholder[]): Described[] {
  const taken = new Set(stakeholders.map((s) => s.group).filter((g): g is string => g !== null));
  return groups.filter((g) => !taken.has(g.id));
}

/**
 * The catalog group a stakeholder stands for, or undefined for a group of the plan's own
 * (or one whose catalog entry is no longer known).
 */
export function catalogGroup(groups: Described[], stakeholder: Stakeholder): Described | undefined {
  return stakeholder.group === null ? undefined : groups.find((g) => g.id === stakeholder.group);
}

/**
 * The name a stakeholder should take when its catalog group changes: the new group's name when
 * the old name was still the old group's own name (or the "new" placeholder), otherwise the
 * name the team typed, which is theirs to keep.
 */
export function nameForGroup(
  groups: Described[],
  stakeholder: Stakeholder,
  group: string | null,
  placeholder: string,
): string {
  const next = group === null ? undefined : groups.find((g) => g.id === group);
  if (!next) return stakeholder.name;
  const old = catalogGroup(groups, stakeholder);
  const untouched = stakeholder.name.trim() === '' || stakeholder.name === placeholder || stakeholder.name === old?.name;
  return untouched ? next.name : stakeholder.name;
}
