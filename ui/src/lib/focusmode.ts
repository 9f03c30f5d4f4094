// Focus mode's small decisions, kept apart from the screen so they are unit-tested: moving
// through the queue, what the room is told while scoring, and who to ask after the reveal.
import type { FocusAnswer, FocusView } from './types';

/** The sub-facet in focus: the one chosen if it is still in the queue, else the first. */
export function currentIn(queue: string[], chosen: string | null): string | null {
  return chosen && queue.includes(chosen) ? chosen : (queue[0] ?? null);
}

/** The neighbour of `id` in the queue (`step` -1 or +1), or null at either end. */
export function neighbour(queue: string[], id: string | null, step: 1 | -1): string | null {
  const i = id ? queue.indexOf(id) : -1;
  if (i < 0) return null;
  return queue[i + step] ?? null;
}

/** "6 of 9 have scored"; "1 of 1 has scored". */
export function scoredText(scored: number, raters: number): string {
  return `${scored} of ${raters} ${raters === 1 ? 'has' : 'have'} scored`;
}

/** The names behind each stage's dots, Exploratory (index 0) to Immersive (index 4). */
export function namesByStage(answers: FocusAnswer[]): string[][] {
  const out: string[][] = [[], [], [], [], []];
  for (const a of answers) {
    const s = a.score && 'stage' in a.score ? a.score.stage : null;
    if (s && s >= 1 && s <= 5) out[s - 1]!.push(a.name);
  }
  return out;
}

/** Whom to ask first after the reveal: the highest and the lowest scorers, with their stages. */
export function whoToAsk(v: FocusView): string | null {
  const a = v.aggregate;
  if (!a || a.max === null || a.min === null || v.highest.length === 0 || v.lowest.length === 0) return null;
  return `Ask ${v.highest.join(' and ')} (stage ${a.max}) and ${v.lowest.join(' and ')} (stage ${a.min}) why.`;
}

/** Those who answered "don't know" in the revealed round. */
export function abstainers(answers: FocusAnswer[]): string[] {
  return answers.filter((a) => a.score && 'abstained' in a.score).map((a) => a.name);
}
