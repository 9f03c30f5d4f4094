// Step 8, communication and training: key-message answers kept in the catalog's prompt order
// (empty ones dropped), and the stakeholder groups that no plan addresses yet.
import type { Described, KeyMessage } from './types';

/** The answer to one prompt, or an empty string. */
export function messageText(messages: KeyMessage[], promptId: string): string {
  return messages.find((m) => m.prompt_id === promptId)?.text ?? '';
}

/**
 * The messages with the answer to `promptId` set to `text`: kept in the order of `prompts`
 * (answers to prompts the catalog no longer lists stay at the end), and dropped when the
 * answer is only spaces.
 */
export function withMessage(
  messages: KeyMessage[],
  prompts: Described[],
  promptId: string,
  text: string,
): KeyMessage[] {
  const others = messages.filter((m) => m.prompt_id !== promptId);
  const next = text.trim() === '' ? others : [...others, { prompt_id: promptId, text }];
  const order = (id: string) => {
    const i = prompts.findIndex((p) => p.id === id);
    return i < 0 ? prompts.length : i;
  };
  return next
    .map((m, i) => ({ m, i }))
    .sort((a, b) => order(a.m.prompt_id) - order(b.m.prompt_id) || a.i - b.i)
    .map((x) => x.m);
}

/** How many of the prompts have an answer. */
export function answered(messages: KeyMessage[], prompts: Described[]): number {
  return prompts.filter((p) => messageText(messages, p.id).trim() !== '').length;
}

/** The names in `groups` that no record in `covered` names as its audience (ignoring case). */
export function uncovered(groups: string[], covered: string[]): string[] {
  const norm = (s: string) => s.trim().toLocaleLowerCase();
  const taken = new Set(covered.map(norm));
  const seen = new Set<string>();
  return groups.filter((g) => {
    const n = norm(g);
    if (n === '' || taken.has(n) || seen.has(n)) return false;
    seen.add(n);
    return true;
  });
}
