// The room's log on screen: what the capture form builds, where an item came up, and the
// panel's filter. The records themselves, their checks and the turning of an action into a
// goal or milestone are the core's; this module only shapes what the screens show and send.
import { newId } from './ids';
import type * as T from './types';

/** The log's three kinds, in the order every screen lists them. */
export const LOG_KINDS = ['parked_item', 'decision', 'action'] as const;
export type LogKind = (typeof LOG_KINDS)[number];
export type LogItem = T.ParkedItem | T.Decision | T.Action;

/** The capture form's choice of kind, as a facilitator says it. */
export const CAPTURE_LABEL: Record<LogKind, string> = {
  parked_item: 'Parked question',
  decision: 'Decision',
  action: 'Action',
};

/** The label of the person field for each kind. */
export const WHO_LABEL: Record<LogKind, string> = {
  parked_item: 'Raised by',
  decision: 'Proposed by',
  action: 'Owner',
};

/** Where an item came up: the step it was captured on and, on the maturity grid, the
 * sub-facet in focus. */
export type Origin = { step: T.Step | null; subfacet_id: string | null };

/** What the capture form holds before it is saved. */
export type CaptureDraft = { kind: LogKind; text: string; who: string; due: string };

/** The record a filled capture form becomes; `today` is the person's local date. */
export function captured(d: CaptureDraft, origin: Origin, today: string): { kind: LogKind; record: LogItem } {
  const base = { id: newId(), text: d.text.trim(), step: origin.step, subfacet_id: origin.subfacet_id, created_on: today };
  switch (d.kind) {
    case 'parked_item':
      return { kind: d.kind, record: { ...base, raised_by: d.who.trim(), resolved_on: null, resolution: '' } };
    case 'decision':
      return { kind: d.kind, record: { ...base, raised_by: d.who.trim() } };
    case 'action':
      return {
        kind: d.kind,
        record: { ...base, owner: d.who.trim(), due: d.due || null, status: 'open', goal_id: null, milestone_id: null },
      };
  }
}

/** The sub-facet an element sits in (a row or cell of the maturity grid), if any. */
export function subfacetAt(el: Element | null): string | null {
  return el?.closest('[data-subfacet]')?.getAttribute('data-subfacet') ?? null;
}

/** "Maturity self-assessment — Integration", "Governance", or "" when it came from nowhere. */
export function originLabel(
  item: { step: T.Step | null; subfacet_id: string | null },
  steps: T.StepProgress[],
  catalog: T.Catalog | null,
): string {
  const step = item.step ? (steps.find((s) => s.step === item.step)?.title ?? item.step) : '';
  let sub = '';
  if (item.subfacet_id) {
    sub = item.subfacet_id;
    for (const f of catalog?.facets ?? []) {
      const found = f.subfacets.find((s) => s.id === item.subfacet_id);
      if (found) sub = found.name;
    }
  }
  return [step, sub].filter((x) => x !== '').join(' — ');
}

/** The items the panel shows for a filter, each with its kind. */
export function listed(plan: T.Plan, filter: LogKind | 'all'): { kind: LogKind; item: LogItem }[] {
  const out: { kind: LogKind; item: LogItem }[] = [];
  if (filter === 'all' || filter === 'parked_item') out.push(...plan.parked_items.map((item) => ({ kind: 'parked_item' as const, item })));
  if (filter === 'all' || filter === 'decision') out.push(...plan.decisions.map((item) => ({ kind: 'decision' as const, item })));
  if (filter === 'all' || filter === 'action') out.push(...plan.actions.map((item) => ({ kind: 'action' as const, item })));
  return out;
}

/** What is still waiting: parked questions not resolved and actions not done. */
export function openCount(plan: T.Plan): number {
  return plan.parked_items.filter((p) => p.resolved_on === null).length + plan.actions.filter((a) => a.status === 'open').length;
}

/** How many items each filter shows. */
export function counts(plan: T.Plan): Record<LogKind | 'all', number> {
  const parked_item = plan.parked_items.length;
  const decision = plan.decisions.length;
  const action = plan.actions.length;
  return { all: parked_item + decision + action, parked_item, decision, action };
}

/** The goal and milestone an action became, by title. */
export function became(plan: T.Plan, a: T.Action): { goal: string | null; milestone: string | null } {
  return {
    goal: a.goal_id ? (plan.goals.find((g) => g.id === a.goal_id)?.title ?? null) : null,
    milestone: a.milestone_id ? (plan.milestones.find((m) => m.id === a.milestone_id)?.title ?? null) : null,
  };
}

/** Ctrl+Shift+L (⌘⇧L on a Mac): capture into the room's log from any step. */
export function isCaptureKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'l';
}
