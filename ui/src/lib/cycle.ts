// Step 9's evaluation cycle: what a review's finding or change is about, in the words the
// PDF and the workbook use, the measures a finding can name once its goal is chosen, and a
// finding or change as the "Add" buttons start them.
import type { ChangeArea, Measure, Plan, Review, ReviewChange, ReviewFinding, RolledFrom } from './types';
import { formatDate } from './dates';

/** "Goal — measure", the goal or the measure alone, or "The program" when it names neither. */
export function subject(plan: Plan, goalId: string | null, measureId: string | null): string {
  const goal = plan.goals.find((g) => g.id === goalId);
  const measure = plan.measures.find((m) => m.id === measureId);
  if (goal && measure) return `${goal.title} — ${measure.indicator}`;
  return goal?.title ?? measure?.indicator ?? 'The program';
}

/** The measures a finding or change may name: the chosen goal's, or every one. */
export function measuresFor(plan: Plan, goalId: string | null): Measure[] {
  return goalId ? plan.measures.filter((m) => m.goal_id === goalId) : plan.measures;
}

/** Reviews in the order they were or are to be held. */
export function inOrder(reviews: Review[]): Review[] {
  return [...reviews].sort((a, b) => a.held_on.localeCompare(b.held_on));
}

/** What a change to this part of the plan must name, if anything. */
export function changeNeeds(area: ChangeArea): 'goal' | 'measure' | null {
  return area === 'goal' ? 'goal' : area === 'measure' ? 'measure' : null;
}

export const blankFinding = (): ReviewFinding => ({ goal_id: null, measure_id: null, text: '' });
export const blankChange = (): ReviewChange => ({ area: 'governance', goal_id: null, measure_id: null, text: '' });

/** A finding with its goal changed: a measure of another goal no longer fits, so it goes. */
export function withGoal<T extends { goal_id: string | null; measure_id: string | null }>(
  plan: Plan,
  item: T,
  goalId: string | null,
): T {
  const measure = plan.measures.find((m) => m.id === item.measure_id);
  const keep = !goalId || !measure || measure.goal_id === goalId;
  return { ...item, goal_id: goalId, measure_id: keep ? item.measure_id : null };
}

/** The line about the cycle the plan came from, in parts so the cycle ("2026–27") is never
 * broken at its dash; null for a plan that started afresh. */
export function rolledFrom(from: RolledFrom | null): { before: string; cycle: string; after: string } | null {
  if (!from) return null;
  return {
    before: `Rolled forward from “${from.plan_name}”`,
    cycle: `(${from.cycle})`,
    after: `on ${formatDate(from.rolled_on)}.`,
  };
}

/** How far a review has got, for its card's heading. */
export function reviewLine(review: Review): string {
  const found = review.findings.length;
  const changed = review.changes.length;
  const when = `${review.status === 'held' ? 'Held' : 'Planned for'} ${formatDate(review.held_on)}`;
  if (found + changed === 0) return `${when} · nothing recorded yet`;
  return `${when} · ${found} finding${found === 1 ? '' : 's'}, ${changed} change${changed === 1 ? '' : 's'}`;
}
