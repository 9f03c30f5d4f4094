// One open plan: its state as the core computed it, and every change the screens make (edits,
// and the maturity workshop's intents), sent to the shell one at a time in the order they were
// made, so a slow save can never land after a newer one. The shell answers each edit with what
// it changed — records, progress, the SMART findings and measure statuses it touched — which
// is laid over the state held, so the screens never compute those themselves and an answer
// stays small however large the plan.
import { toUiError, type Backend, type UiError } from './backend';
import { LIST_OF } from './bindings/constants';
import type { Edit, Entity, Intent, Kind, Plan, PlanChanges, PlanSettings, PlanState, PlanUpdate } from './types';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

/** A record of any kind, as the plan lists hold them. */
export type AnyRecord = { id: string };

/** The `Entity` an edit carries: the record under its kind's name. */
export function entity<R extends AnyRecord>(kind: Kind, record: R): Entity {
  return { [kind]: record } as unknown as Entity;
}

export { LIST_OF };

export function findRecord(plan: Plan, kind: Kind, id: string): AnyRecord | undefined {
  const list = plan[LIST_OF[kind]] as unknown as AnyRecord[];
  return list.find((r) => r.id === id);
}

function listOf(plan: Plan, kind: Kind): AnyRecord[] {
  return plan[LIST_OF[kind]] as unknown as AnyRecord[];
}

/** Lays what an edit changed over the state held, in place, as the core describes it
 * (`stepwise::workspace::PlanChanges`): a record not yet in its list goes at the end. */
export function layOver(state: PlanState, c: PlanChanges): void {
  const plan = state.plan;
  if (c.name !== null) plan.name = c.name;
  if (c.settings !== null) plan.settings = c.settings;
  plan.updated_at = c.updated_at;
  for (const e of c.put) {
    const [kind, record] = Object.entries(e)[0] as [Kind, AnyRecord];
    const list = listOf(plan, kind);
    const at = list.findIndex((r) => r.id === record.id);
    if (at >= 0) list[at] = record;
    else list.push(record);
  }
  for (const r of c.removed) {
    const list = listOf(plan, r.kind);
    const at = list.findIndex((x) => x.id === r.id);
    if (at >= 0) list.splice(at, 1);
    if (r.kind === 'goal') delete state.goal_findings[r.id];
    if (r.kind === 'measure') delete state.measure_status[r.id];
  }
  for (const o of c.order) {
    const rank = new Map(o.ids.map((id, i) => [id, i]));
    listOf(plan, o.kind).sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  }
  Object.assign(state.goal_findings, c.goal_findings);
  Object.assign(state.measure_status, c.measure_status);
  // Only the steps whose checks the edit changed come back; the others stand as held.
  for (const p of c.steps) {
    const at = state.steps.findIndex((s) => s.step === p.step);
    if (at >= 0) state.steps[at] = p;
  }
  for (const k of c.checks) {
    const at = state.checks.findIndex((s) => s.step === k.step);
    if (at >= 0) state.checks[at] = k;
  }
  state.maturity = c.maturity;
  state.measure_tally = c.measure_tally;
  state.can_undo = c.can_undo;
  state.can_redo = c.can_redo;
}

/** The state after an answer: a whole state replaces what is held; changes are laid over it. */
function answered(held: PlanState | null, answer: PlanState | PlanUpdate): PlanState {
  if (!('type' in answer)) return answer;
  if (answer.type === 'whole' || !held) {
    if (answer.type === 'whole') return answer.value;
    throw new Error('changes arrived before the plan was loaded');
  }
  layOver(held, answer.value);
  return held;
}

/** For a put of a record the plan already holds: its kind, id and the fields it changes. */
function changesOf(
  plan: Plan,
  edit: Edit,
): { kind: Kind; id: string; fields: Record<string, unknown> } | null {
  if (edit.op !== 'put') return null;
  const [kind, record] = Object.entries(edit.entity)[0] as [Kind, AnyRecord & Record<string, unknown>];
  const before = findRecord(plan, kind, record.id) as Record<string, unknown> | undefined;
  if (!before) return null;
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (JSON.stringify(v) !== JSON.stringify(before[k])) fields[k] = v;
  }
  return { kind, id: record.id, fields };
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

  /** Applies edits as one step of the history. Resolves to the refusal, or null when saved.
   *
   * A screen builds a changed record from the plan it shows, e.g. `{ ...goal, due }`. If an
   * earlier change to the same record is still being saved, that copy is stale: sent as it
   * is, it would put back the earlier field. So a put carries only the fields that differ
   * from the plan as it stood when the change was made, laid over the record as it stands
   * when the edit is sent. */
  edit(edits: Edit[]): Promise<UiError | null> {
    const plan = this.state?.plan;
    const rebase = edits.map((e) => (plan ? changesOf(plan, e) : null));
    return this.#run(() => {
      const now = this.state?.plan;
      const sent = edits.map((e, i) => {
        const changes = rebase[i];
        if (!changes || !now || e.op !== 'put') return e;
        const current = findRecord(now, changes.kind, changes.id);
        return current ? { op: 'put' as const, entity: entity(changes.kind, { ...current, ...changes.fields }) } : e;
      });
      return this.#backend.applyEdits(this.id, sent);
    });
  }

  put<R extends AnyRecord>(kind: Kind, record: R): Promise<UiError | null> {
    return this.edit([{ op: 'put', entity: entity(kind, record) }]);
  }

  /** Changes some fields of a record the plan holds, keeping the others as they are. */
  patch<R extends AnyRecord>(kind: Kind, id: string, change: Partial<Omit<R, 'id'>>): Promise<UiError | null> {
    const current = this.state ? findRecord(this.state.plan, kind, id) : undefined;
    if (!current) {
      return Promise.resolve({ code: 'not_found', message: `this ${kind.replace('_', ' ')} no longer exists`, problems: [] });
    }
    return this.put(kind, { ...current, ...change });
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

  /** Asks the core to carry out an intent (the maturity workshop's writes) as one step of the
   * history, in order with every other change: the core works out its edits from the plan as
   * it stands when the intent arrives. Resolves to the refusal (or null) and the id of the
   * record the intent created, if any. */
  async intent(intent: Intent): Promise<{ error: UiError | null; created: string | null }> {
    const { error, answer } = await this.send(
      (b) => b.applyIntent(this.id, intent),
      (a) => a.state,
    );
    return { error, created: answer?.created ?? null };
  }

  /** Sends a write whose answer carries the new state beside more (an imported form's
   * count…), in order with every other change. */
  async send<T>(
    call: (backend: Backend) => Promise<T>,
    stateOf: (answer: T) => PlanState,
  ): Promise<{ error: UiError | null; answer: T | null }> {
    let answer = null as T | null;
    const error = await this.#run(async () => {
      const got = await call(this.#backend);
      answer = got;
      return stateOf(got);
    });
    return { error, answer };
  }

  /** Reads the plan again after it changed elsewhere (a rater answering from a phone), in
   * order with the edits sent from here, and without touching the save status: nothing of
   * this window's was saved. */
  refresh(): Promise<void> {
    const result = this.#queue.then(async () => {
      try {
        this.state = await this.#backend.planState(this.id);
      } catch {
        // The next refresh or edit tries again; the plan shown stays as it was.
      }
    });
    this.#queue = result;
    return result;
  }

  /** Resolves once every edit sent so far has been answered. */
  settled(): Promise<unknown> {
    return this.#queue;
  }

  #run(call: () => Promise<PlanState | PlanUpdate>): Promise<UiError | null> {
    this.#pending += 1;
    this.status = 'saving';
    const result = this.#queue.then(async () => {
      try {
        this.state = answered(this.state, await call());
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
