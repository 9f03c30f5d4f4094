// How the SMART builder shows the core's findings on a goal: the five parts with what to write
// in each, the findings grouped under the part they are about, and the short badge each goal
// carries in the list. The findings themselves come from the core (src/smart.rs).
import type { Catalog, Finding, Goal, Severity } from './types';

/** A goal field the findings can point at, in the order the builder shows them. */
export type FindingField = 'specific' | 'measurable' | 'achievable' | 'relevant' | 'due' | 'owner';

export type SmartPartField = 'specific' | 'measurable' | 'achievable' | 'relevant' | 'time_bound';

export interface SmartPart {
  field: SmartPartField;
  letter: string;
  label: string;
  /** One line on what to write. */
  prompt: string;
  placeholder: string;
  /** The finding field that speaks about this part. */
  finding: FindingField;
}

/** The five parts as the builder shows them: the words come from the built-in content
 * (assets/catalog/journey.json), the finding each part listens to from here. */
export function smartParts(catalog: Catalog): SmartPart[] {
  return catalog.smart_parts.map((p) => {
    const field = p.id as SmartPartField;
    return {
      field,
      letter: p.name.charAt(0),
      label: p.name,
      prompt: p.prompt,
      placeholder: p.placeholder,
      finding: field === 'time_bound' ? 'due' : field,
    };
  });
}

/** The order and names of the fields findings are grouped under. */
export const FINDING_FIELDS: readonly { field: FindingField; label: string }[] = [
  { field: 'specific', label: 'Specific' },
  { field: 'measurable', label: 'Measurable' },
  { field: 'achievable', label: 'Achievable' },
  { field: 'relevant', label: 'Relevant' },
  { field: 'due', label: 'Time-bound' },
  { field: 'owner', label: 'Owner' },
];

export { SEVERITY_LABEL } from './bindings/constants';

/** The name shown for a finding's field; a field the builder does not know keeps its own name. */
export function fieldLabel(field: string): string {
  const known = FINDING_FIELDS.find((f) => f.field === field);
  if (known) return known.label;
  const words = field.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The message without the part name the core puts in front ("Measurable: there is no number…"
 * → "There is no number…"), for showing under that part's name. */
export function plainMessage(finding: Finding): string {
  const prefix = /^(specific|measurable|achievable|relevant|time-bound|time bound)\s*:\s*/i;
  const rest = finding.message.replace(prefix, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

export interface FindingGroup {
  field: string;
  label: string;
  /** Must-fix findings first, then advice, each in the order the core gave them. */
  findings: Finding[];
  severity: Severity;
}

/** Findings grouped by the field they are about, in the builder's order (unknown fields last). */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const order = (field: string) => {
    const i = FINDING_FIELDS.findIndex((f) => f.field === field);
    return i === -1 ? FINDING_FIELDS.length : i;
  };
  const byField = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byField.get(f.field);
    if (list) list.push(f);
    else byField.set(f.field, [f]);
  }
  return [...byField.entries()]
    .map(([field, list]) => {
      const sorted = [...list.filter((f) => f.severity === 'missing'), ...list.filter((f) => f.severity !== 'missing')];
      return {
        field,
        label: fieldLabel(field),
        findings: sorted,
        severity: sorted.some((f) => f.severity === 'missing') ? ('missing' as const) : ('advice' as const),
      };
    })
    .sort((a, b) => order(a.field) - order(b.field));
}

/** The worst severity among the findings on one field, or null when it has none. */
export function severityOf(findings: readonly Finding[], field: string): Severity | null {
  const mine = findings.filter((f) => f.field === field);
  if (mine.length === 0) return null;
  return mine.some((f) => f.severity === 'missing') ? 'missing' : 'advice';
}

export type BadgeTone = 'smart' | 'advice' | 'missing';

export interface SmartBadge {
  text: string;
  tone: BadgeTone;
  missing: number;
  advice: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The short badge a goal carries in the list: "SMART ✓", "SMART ✓ · 1 to check" or
 * "3 things missing". A goal is SMART when nothing must be fixed; advice does not stop it. */
export function smartBadge(findings: readonly Finding[] | undefined): SmartBadge {
  const list = findings ?? [];
  const missing = list.filter((f) => f.severity === 'missing').length;
  const advice = list.length - missing;
  if (missing > 0) return { text: `${plural(missing, 'thing', 'things')} missing`, tone: 'missing', missing, advice };
  if (advice > 0) return { text: `SMART ✓ · ${advice} to check`, tone: 'advice', missing, advice };
  return { text: 'SMART ✓', tone: 'smart', missing, advice };
}

/** The sentence at the head of the findings panel. */
export function findingsSummary(findings: readonly Finding[]): string {
  const { missing, advice } = smartBadge(findings);
  if (missing === 0 && advice === 0) return 'This goal is SMART: specific, measurable, achievable, relevant and time-bound.';
  if (missing === 0) return `This goal is SMART. ${plural(advice, 'point is', 'points are')} worth a second look.`;
  return `Not SMART yet: ${plural(missing, 'thing', 'things')} to fix${advice > 0 ? `, ${advice} worth a look` : ''}.`;
}

/** The goal as it would be with the fields being typed (not saved yet) put in. */
export function draftGoal(goal: Goal, typing: Partial<Record<SmartPartField | 'title' | 'owner', string>>): Goal {
  return { ...goal, ...typing };
}

/** "Owner · due 2 March 2026" for a goal's line in the list; empty parts are left out. */
export function goalMeta(goal: Goal, formatDate: (iso: string) => string): string {
  const parts: string[] = [];
  if (goal.owner.trim()) parts.push(goal.owner.trim());
  if (goal.due) parts.push(`due ${formatDate(goal.due)}`);
  return parts.join(' · ');
}
