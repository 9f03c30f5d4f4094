// Step 7, badges and issuing: what a badge still lacks under the metadata policy (the
// catalog's items, each met by any of its fields, as the core's `model::meets_policy` reads them),
// and small readings of pathways and issuing routes.
import type { Badge, BadgePathway, IssuingRoute, PolicyItem } from './types';

const filled = (s: string) => s.trim() !== '';

/** Whether a badge meets one item of the policy: any of the item's fields filled (the catalog's rule, read as the core reads it). */
export function meetsPolicy(badge: Badge, item: PolicyItem): boolean {
  const fields = badge as unknown as Record<string, unknown>;
  return item.fields.some((f) => {
    const v = fields[f];
    if (typeof v === 'string') return v.trim() !== '';
    if (Array.isArray(v)) return v.length > 0;
    return v !== null && v !== undefined;
  });
}

/** The policy's items a badge lacks before it can be published, in the policy's order. */
export function metadataGaps(badge: Badge, policy: PolicyItem[]): PolicyItem[] {
  return policy.filter((item) => !meetsPolicy(badge, item));
}

/** How many badges could be published today, as a line for the step. */
export function readyLine(badges: Badge[], policy: PolicyItem[]): string {
  if (badges.length === 0) return 'No badges yet.';
  const ready = badges.filter((b) => metadataGaps(b, policy).length === 0).length;
  if (ready === badges.length) return `All ${badges.length} ready to publish.`;
  return `${ready} of ${badges.length} ready to publish.`;
}

/** How long a badge stays valid, in words. */
export function expiryText(months: number | null): string {
  if (months === null) return 'Does not expire';
  if (months % 12 === 0) return months === 12 ? '1 year' : `${months / 12} years`;
  return months === 1 ? '1 month' : `${months} months`;
}

/** Why a typed expiry cannot be kept, or null when it can (empty means it does not expire). */
export function expiryProblem(months: number | null): string | null {
  if (months === null) return null;
  if (!Number.isInteger(months) || months < 1 || months > 600)
    return 'Give a whole number of months from 1 to 600, or leave it empty if the badge does not expire.';
  return null;
}

/** The badges a pathway or route names, in its order, skipping any no longer in the plan. */
export function badgesOf(ids: string[], badges: Badge[]): Badge[] {
  const byId = new Map(badges.map((b) => [b.id, b]));
  return ids.flatMap((id) => {
    const b = byId.get(id);
    return b ? [b] : [];
  });
}

/** A pathway as its chain of names ending in its credential: "A → B → Certificate". */
export function chainText(pathway: BadgePathway, badges: Badge[]): string {
  const names = badgesOf(pathway.badge_ids, badges).map((b) => b.name);
  names.push(pathway.credential.trim() || 'credential not named yet');
  return names.join(' → ');
}

/** The pilot badges: those issued by a route marked as the pilot, each once. */
export function pilotBadges(routes: IssuingRoute[], badges: Badge[]): Badge[] {
  const ids = [...new Set(routes.filter((r) => r.pilot).flatMap((r) => r.badge_ids))];
  return badgesOf(ids, badges);
}
