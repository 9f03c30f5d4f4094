// One open plan: its state as the core computed it, and every change the screens make,
// sent to the shell one at a time in the order they were made. The shell answers each edit
// with the whole new state (progress, SMART findings, measure statuses), so the screens never
// compute those themselves.
import { toUiError, type Backend, type UiError } from './backend';
import type { Edit, Entity, Kind, Plan, PlanSettings, PlanState } from './types';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

/** A record of any kind, as the plan lists hold them. */
export type AnyRecord = { id: string };

/** The `Entity` an edit carries: the record under its kind's name. */
export function entity(kind: Kind, record: AnyRecord): Entity {
  return { [kind]: record } as unknown as Entity;
}

export class PlanSession {
  state: PlanState | null = $state(null);
  status: SaveStatus = $state('idle');
  /** The last refusal or failure, until the next edit succeeds. */
  error: UiError | null = $state(null);
  loadError: UiError | null = $state(null);
  savedAt: Date | null = $state(null);

  readonly id: string;
  readonly #backend: Backend;
  #queue: Promise<unknown> = Promise.resolve();
  #pending = 0;

  constructor(backend: Backend, id: string) {
    this.#backend = backend;
    this.id = id;
  }

  get plan(): Plan | null {
    return this.state?.plan ?? null;
  }

  async load(): Promise<void> {
    try {
      this.state = await this.#backend.planState(this.id);
      this.loadError = null;
    } catch (e) {
      this.loadError = toUiError(e);
    }
  }

  /** Applies edits as one step of the history. Resolves to the refusal, or null when saved. */
  edit(edits: Edit[]): Promise<UiError | null> {
    return this.#run(() => this.#backend.applyEdits(this.id, edits));
  }

  put(kind: Kind, record: AnyRecord): Promise<UiError | null> {
    return this.edit([{ op: 'put', entity: entity(kind, record) }]);
  }

  remove(kind: Kind, id: string): Promise<UiError | null> {
    return this.edit([{ op: 'delete', kind, id }]);
  }

  move(kind: Kind, id: string, position: number): Promise<UiError | null> {
    return this.edit([{ op: 'move', kind, id, position: Math.max(0, position) }]);
  }

  /** Changes some of the plan's settings, keeping the others as they are at that moment. */
  settings(patch: Partial<PlanSettings>): Promise<UiError | null> {
    return this.#run(() => {
      const current = this.state?.plan.settings;
      if (!current) return this.#backend.planState(this.id);
      return this.#backend.applyEdits(this.id, [
        { op: 'set_settings', settings: { ...current, ...patch } },
      ]);
    });
  }

  rename(name: string): Promise<UiError | null> {
    return this.edit([{ op: 'rename_plan', name }]);
  }

  undo(): Promise<UiError | null> {
    return this.#run(() => this.#backend.undo(this.id));
  }

  redo(): Promise<UiError | null> {
    return this.#run(() => this.#backend.redo(this.id));
  }

  /** Resolves once every edit sent so far has been answered. */
  settled(): Promise<unknown> {
    return this.#queue;
  }

  #run(call: () => Promise<PlanState>): Promise<UiError | null> {
    this.#pending += 1;
    this.status = 'saving';
    const result = this.#queue.then(async () => {
      try {
        this.state = await call();
        this.error = null;
        this.savedAt = new Date();
        return null;
      } catch (e) {
        const err = toUiError(e);
        this.error = err;
        return err;
      } finally {
        this.#pending -= 1;
        if (this.#pending === 0) this.status = this.error ? 'failed' : 'saved';
      }
    });
    this.#queue = result;
    return result;
  }
}
