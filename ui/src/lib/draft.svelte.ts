// What a field holds while the person types: saved after a short pause and when they leave the
// field, kept (with the reason) when the core refuses it, and replaced by the saved value when
// that changes from elsewhere (undo, another screen) while nothing is pending here.
import type { UiError } from './backend';

/** How long typing must pause before the text is saved. */
export const SAVE_DELAY_MS = 600;

export class Draft<T> {
  value: T = $state() as T;
  error: string | null = $state(null);
  #saved: T;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #inFlight = 0;
  readonly #save: (v: T) => Promise<UiError | null> | void;
  readonly #same: (a: T, b: T) => boolean;

  constructor(
    initial: T,
    save: (v: T) => Promise<UiError | null> | void,
    same: (a: T, b: T) => boolean = (a, b) => a === b,
  ) {
    this.value = initial;
    this.#saved = initial;
    this.#save = save;
    this.#same = same;
  }

  /** True while a change is waiting or being saved: the saved value must not overwrite it. */
  get busy(): boolean {
    return this.#timer !== null || this.#inFlight > 0;
  }

  /** The value the plan now holds for this field (after any edit anywhere). */
  sync(saved: T): void {
    if (this.busy || this.error) return;
    this.#saved = saved;
    this.value = saved;
  }

  /** The person typed: save after a pause. */
  input(v: T): void {
    this.value = v;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Save now if anything changed (on leaving the field, or before undo). */
  async flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    const v = this.value;
    if (this.#same(v, this.#saved) && !this.error) return;
    this.#inFlight += 1;
    try {
      const refused = await this.#save(v);
      if (refused) {
        this.error = reason(refused);
      } else {
        this.error = null;
        this.#saved = v;
      }
    } finally {
      this.#inFlight -= 1;
    }
  }

  /** A value the field itself rejects before it reaches the core (e.g. not a number). */
  reject(message: string): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.error = message;
  }
}

function reason(e: UiError): string {
  const first = e.problems[0];
  return first ? first.reason : e.message;
}
