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
