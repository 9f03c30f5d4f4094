import { describe, expect, it, vi } from 'vitest';
import { PlanSession } from './plan.svelte';
import { fakeBackend } from './testing/fake';
import type { Edit, Plan, PlanState } from './types';

function state(name: string, undo = false): PlanState {
  const plan = { id: 'p1', name, settings: { organisation: 'Example College' } } as unknown as Plan;
  return { plan, steps: [], goal_findings: {}, measure_status: {}, can_undo: undo, can_redo: false };
}

describe('PlanSession', () => {
  it('sends edits one at a time in the order they were made', async () => {
    const seen: string[] = [];
    let release: () => void = () => {};
    const first = new Promise<void>((r) => (release = r));
    const backend = fakeBackend({
      applyEdits: async (_id: string, edits: Edit[]) => {
        const e = edits[0] as { op: 'rename_plan'; name: string };
        seen.push(`start ${e.name}`);
        if (e.name === 'A') await first;
        seen.push(`end ${e.name}`);
        return state(e.name, true);
      },
    });
    const session = new PlanSession(backend, 'p1');
    const a = session.rename('A');
    const b = session.rename('B');
    expect(session.status).toBe('saving');
    release();
    await Promise.all([a, b]);
    expect(seen).toEqual(['start A', 'end A', 'start B', 'end B']);
    expect(session.state?.plan.name).toBe('B');
    expect(session.status).toBe('saved');
  });

  it('keeps the refusal with its problems and reports the save as failed', async () => {
    const backend = fakeBackend({
      applyEdits: () =>
        Promise.reject({
          code: 'invalid_input',
          message: 'invalid input: name: a plan needs a name',
          problems: [{ path: 'name', reason: 'a plan needs a name' }],
        }),
    });
    const session = new PlanSession(backend, 'p1');
    const refused = await session.rename('');
    expect(refused?.problems[0]?.reason).toBe('a plan needs a name');
    expect(session.error?.code).toBe('invalid_input');
    expect(session.status).toBe('failed');
  });

  it('changes only the settings it is given, keeping the others as they are', async () => {
    const applyEdits = vi.fn(async () => state('x'));
    const session = new PlanSession(fakeBackend({ planState: async () => state('x'), applyEdits }), 'p1');
    await session.load();
    await session.settings({ size: '900 staff' });
    expect(applyEdits).toHaveBeenCalledWith('p1', [
      { op: 'set_settings', settings: { organisation: 'Example College', size: '900 staff' } },
    ]);
  });

  it('undo waits for the edits before it and adopts the state the shell returns', async () => {
    const order: string[] = [];
    const backend = fakeBackend({
      applyEdits: async () => {
        await new Promise((r) => setTimeout(r, 5));
        order.push('edit');
        return state('edited', true);
      },
      undo: async () => {
        order.push('undo');
        return state('original');
      },
    });
    const session = new PlanSession(backend, 'p1');
    void session.rename('edited');
    await session.undo();
    expect(order).toEqual(['edit', 'undo']);
    expect(session.state?.plan.name).toBe('original');
  });

  it('reports a plan that cannot be opened without throwing', async () => {
    const session = new PlanSession(
      fakeBackend({ planState: () => Promise.reject({ code: 'not_found', message: 'plan "x" not found' }) }),
      'x',
    );
    await session.load();
    expect(session.loadError).toEqual({ code: 'not_found', message: 'plan "x" not found', problems: [] });
    expect(session.state).toBeNull();
  });
});

describe('PlanSession with two quick changes to one record', () => {
  it('keeps both: the second is laid over the record as the first saved it', async () => {
    const goal = { id: 'g1', title: 'Launch', owner: '', due: null as string | null };
    const planWith = (g: typeof goal) => ({ ...state('x'), plan: { ...state('x').plan, goals: [g] } as unknown as Plan });
    let stored = { ...goal };
    const sent: unknown[] = [];
    const backend = fakeBackend({
      planState: async () => planWith(stored),
      applyEdits: async (_id: string, edits: Edit[]) => {
        await new Promise((r) => setTimeout(r, 5));
        const e = edits[0] as { op: 'put'; entity: { goal: typeof goal } };
        sent.push(e.entity.goal);
        stored = e.entity.goal;
        return planWith(stored);
      },
    });
    const session = new PlanSession(backend, 'p1');
    await session.load();
    // Both changes are made from the plan as shown, before the first has been saved.
    const shown = session.state!.plan.goals[0]!;
    const a = session.put('goal', { ...shown, owner: 'Dean of Studies' });
    const b = session.put('goal', { ...shown, due: '2026-06-30' });
    await Promise.all([a, b]);
    expect(stored).toEqual({ id: 'g1', title: 'Launch', owner: 'Dean of Studies', due: '2026-06-30' });
    expect(sent).toHaveLength(2);
  });
});

describe('PlanSession.patch', () => {
  it('changes the named fields of the record as the plan holds it, and refuses a record that is gone', async () => {
    const goal = { id: 'g1', title: 'Launch', owner: 'Ana' };
    const withGoals = (goals: unknown[]) => ({ ...state('x'), plan: { ...state('x').plan, goals } as unknown as Plan });
    const applyEdits = vi.fn(async () => withGoals([{ ...goal, owner: 'Bo' }]));
    const session = new PlanSession(fakeBackend({ planState: async () => withGoals([goal]), applyEdits }), 'p1');
    await session.load();
    await session.patch('goal', 'g1', { owner: 'Bo' });
    expect(applyEdits).toHaveBeenCalledWith('p1', [{ op: 'put', entity: { goal: { id: 'g1', title: 'Launch', owner: 'Bo' } } }]);
    const refused = await session.patch('goal', 'gone', { owner: 'Cy' });
    expect(refused?.code).toBe('not_found');
  });
});
