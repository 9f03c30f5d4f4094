// Step 5, business requirements: the order the chosen requirements are ranked in, the rank
// changes a reorder, an addition or a deletion needs, and which catalog metrics are still free.
import type { Requirement, RequirementChoice, RequirementMetric, RequirementSource } from './types';

/** The chosen requirements, most important first; unranked ones last, in the order they were added. */
export function byRank(list: RequirementChoice[]): RequirementChoice[] {
  return list
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const ra = a.r.rank ?? Number.POSITIVE_INFINITY;
      const rb = b.r.rank ?? Number.POSITIVE_INFINITY;
      return ra === rb ? a.i - b.i : ra - rb;
    })
    .map((x) => x.r);
}

/**
 * The records whose rank must change so that `ordered` reads 1, 2, 3… in that order.
 * Records already holding the right rank are left out, so an edit touches only what moved.
 */
export function rerank(ordered: RequirementChoice[]): RequirementChoice[] {
  return ordered.flatMap((r, i) => (r.rank === i + 1 ? [] : [{ ...r, rank: i + 1 }]));
}

/** The rank changes that move requirement `id` to position `to` (0-based) of the ranked list. */
export function moveRank(list: RequirementChoice[], id: string, to: number): RequirementChoice[] {
  const ordered = byRank(list);
  const from = ordered.findIndex((r) => r.id === id);
  if (from < 0) return [];
  const target = Math.max(0, Math.min(ordered.length - 1, to));
  const moved = ordered.splice(from, 1);
  ordered.splice(target, 0, ...moved);
  return rerank(ordered);
}

/** The rank changes that close the gap left when requirement `id` is deleted. */
export function rankAfterDelete(list: RequirementChoice[], id: string): RequirementChoice[] {
  return rerank(byRank(list).filter((r) => r.id !== id));
}

/** The rank a newly chosen requirement gets: just after every requirement already in the plan. */
export function nextRank(list: RequirementChoice[]): number {
  const ranked = list.reduce((max, r) => Math.max(max, r.rank ?? 0), 0);
  return Math.max(ranked, list.length) + 1;
}

/** True when some chosen requirement has no rank yet. */
export function hasUnranked(list: RequirementChoice[]): boolean {
  return list.some((r) => r.rank === null);
}

/** The catalog requirements of one source that the plan has not chosen yet. */
export function unchosen(
  catalog: Requirement[],
  chosen: RequirementChoice[],
  source: RequirementSource,
): Requirement[] {
  const taken = new Set(chosen.map((c) => c.catalog_id).filter((c): c is string => c !== null));
  return catalog.filter((r) => r.source === source && !taken.has(r.id));
}

/** Compares metric names the way a person would: case and surrounding spaces do not count. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/** The metric of a requirement with this name, if one was picked. */
export function pickedMetric(
  metrics: RequirementMetric[],
  requirementId: string,
  name: string,
): RequirementMetric | undefined {
  return metrics.find((m) => m.requirement_id === requirementId && sameName(m.name, name));
}

/** Where a requirement comes from, in words. */
export function sourceLabel(choice: RequirementChoice, catalog: Requirement[]): string {
  if (choice.catalog_id === null) return 'Your own';
  const source = catalog.find((r) => r.id === choice.catalog_id)?.source;
  if (source === 'accredible') return 'Accredible framework';
  if (source === 'wcet') return 'WCET institutional driver';
  return 'Catalog';
}
