// Step 6, standards and skills: which of the catalog's frameworks the plan does not name yet,
// and what the register of objections says at a glance.
import type { Described, Framework, Objection } from './types';

/** The catalog's frameworks the plan has not chosen yet, in catalog order. */
export function frameworksToAdd(catalog: Described[], chosen: Framework[]): Described[] {
  const taken = new Set(chosen.map((f) => f.catalog_id).filter((id) => id !== null));
  return catalog.filter((f) => !taken.has(f.id));
}

/** The catalog's name for a framework chosen from it, or null for one named freely. */
export function catalogName(catalog: Described[], framework: Framework): string | null {
  return catalog.find((f) => f.id === framework.catalog_id)?.name ?? null;
}

/** One line on the register: how many doubts are answered and how many still open. */
export function objectionsLine(objections: Objection[]): string {
  if (objections.length === 0) return 'No objections recorded yet.';
  const open = objections.filter((o) => o.status === 'open').length;
  if (open === 0) return `All ${objections.length} answered.`;
  return `${open} of ${objections.length} still open.`;
}

/** Why an objection cannot be marked answered yet, or null when it can. */
export function cannotAnswer(objection: Objection): string | null {
  return objection.answer.trim() === '' ? 'Write the answer before marking it answered.' : null;
}
