// Changes to records of one kind, sent one after another and each laid over the record as the
// plan holds it once the change before has been answered. Without this, two quick edits to
// the same record (type a SMART part, then pick the due date at once) each spread the record
// as it was before either was saved, and the second would put back what the first changed.
// (Used by the goal and measure screens; a general `session.patch` would make it unneeded.)
import type { UiError } from './backend';

export class Patcher<R extends { id: string }> {
  readonly #find: (id: string) => R | undefined;
  readonly #put: (record: R) => Promise<UiError | null>;
  #chain: Promise<unknown> = Promise.resolve();

  constructor(find: (id: string) => R | undefined, put: (record: R) => Promise<UiError | null>) {
    this.#find = find;
    this.#put = put;
  }

  /** Saves `change` over record `id`; resolves to the refusal, or null when saved. */
  patch(id: string, change: Partial<Omit<R, 'id'>>): Promise<UiError | null> {
    const run = this.#chain.then((): Promise<UiError | null> => {
      const current = this.#find(id);
      if (!current) {
        return Promise.resolve({ code: 'unexpected', message: 'it was deleted meanwhile', problems: [] });
      }
      return this.#put({ ...current, ...change });
    });
    this.#chain = run.catch(() => null);
    return run;
  }
}
