// The findings on a goal while it is being typed: the core is asked once typing pauses, and an
// answer that arrives after a newer question is dropped, so the panel never goes backwards.
import type { Finding, Goal } from './types';

/** How long typing must pause before the goal is checked again. */
export const CHECK_DELAY_MS = 250;

export class LiveFindings {
  /** The findings on the latest draft checked, or null when there is no draft. */
  findings: Finding[] | null = $state(null);
  /** The id of the goal the findings are about. */
  goalId: string | null = $state(null);

  readonly #check: (goal: Goal) => Promise<Finding[]>;
  readonly #delay: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #asked = 0;

  constructor(check: (goal: Goal) => Promise<Finding[]>, delay = CHECK_DELAY_MS) {
    this.#check = check;
    this.#delay = delay;
  }

  /** The draft changed: check it once typing pauses. */
  request(goal: Goal): void {
    if (this.#timer) clearTimeout(this.#timer);
    if (this.goalId !== goal.id) {
      this.findings = null;
      this.goalId = goal.id;
    }
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#ask(goal);
    }, this.#delay);
  }

  /** The draft was saved or dropped: forget it (answers still on their way are ignored). */
  clear(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#asked += 1;
    this.findings = null;
    this.goalId = null;
  }

  /** The findings to show for `goalId`: the draft's when there is one, else `saved`. */
  for(goalId: string, saved: Finding[] | undefined): Finding[] {
    if (this.goalId === goalId && this.findings !== null) return this.findings;
    return saved ?? [];
  }

  async #ask(goal: Goal): Promise<void> {
    const n = ++this.#asked;
    try {
      const found = await this.#check(goal);
      if (n === this.#asked && this.goalId === goal.id) this.findings = found;
    } catch {
      // The saved findings stay on screen; the next keystroke asks again.
    }
  }
}
