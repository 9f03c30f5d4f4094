import { describe, expect, it, vi } from 'vitest';
import { layOver, PlanSession } from './plan.svelte';
import { fakeBackend } from './testing/fake';
import type { Edit, Intent, Plan, PlanChanges, PlanState, PlanUpdate } from './types';

const whole = (s: PlanState): PlanUpdate => ({ type: 'whole', value: s });

function state(name: string, undo = false): PlanState {
  const plan = { id: 'p1', name, settings: { organisation: 'Example College' } } as unknown as Plan;
  return {
    plan,
    steps: [],
    checks: [],
    maturity: null,
    measure_tally: [],
    goal_findings: {},
    measure_status: {},
    can_undo: undo,
    can_redo: false,
  };
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
        return whole(state(e.name, true));
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
    const applyEdits = vi.fn(async () => whole(state('x')));
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
        return whole(state('edited', true));
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

  it('sends a maturity intent through the same queue: a slow score cannot land after a newer one', async () => {
    const seen: string[] = [];
    let release: () => void = () => {};
    const slow = new Promise<void>((r) => (release = r));
    const score = (stage: number): Intent => ({
      intent: 'record_scores',
      scores: [{ rater_id: 'r1', subfacet_id: 'analytics', score: { stage }, confidence: null, note: '', evidence: null }],
    });
    const backend = fakeBackend({
      applyIntent: async (_id: string, intent: Intent) => {
        const stage = intent.intent === 'record_scores' ? (intent.scores[0]!.score as { stage: number }).stage : 0;
        seen.push(`start ${stage}`);
        if (stage === 2) await slow;
        seen.push(`end ${stage}`);
        return { created: null, state: state(`stage ${stage}`, true) };
      },
      applyEdits: async () => {
        seen.push('edit');
        return whole(state('renamed', true));
      },
    });
    const session = new PlanSession(backend, 'p1');
    const first = session.intent(score(2));
    const second = session.intent(score(4));
    const rename = session.rename('renamed');
    release();
    await Promise.all([first, second, rename]);
    expect(seen).toEqual(['start 2', 'end 2', 'start 4', 'end 4', 'edit']);
    expect(session.state?.plan.name).toBe('renamed');
  });

  it('answers an intent with the id of the record it created, or with its refusal', async () => {
    let refuse = false;
    const backend = fakeBackend({
      applyIntent: async () => {
        if (refuse) throw { code: 'invalid_input', message: 'assessed_on: not a date', problems: [{ path: 'assessed_on', reason: 'not a date' }] };
        return { created: 'a1', state: state('x', true) };
      },
    });
    const session = new PlanSession(backend, 'p1');
    const made = await session.intent({ intent: 'create_assessment', name: 'Baseline', assessed_on: '2027-03-01' });
    expect(made).toEqual({ error: null, created: 'a1' });
    refuse = true;
    const refused = await session.intent({ intent: 'create_assessment', name: 'Baseline', assessed_on: 'soon' });
    expect(refused.created).toBeNull();
    expect(refused.error?.problems[0]?.path).toBe('assessed_on');
    expect(session.status).toBe('failed');
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
        return whole(planWith(stored));
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
    const applyEdits = vi.fn(async () => whole(withGoals([{ ...goal, owner: 'Bo' }])));
    const session = new PlanSession(fakeBackend({ planState: async () => withGoals([goal]), applyEdits }), 'p1');
    await session.load();
    await session.patch('goal', 'g1', { owner: 'Bo' });
    expect(applyEdits).toHaveBeenCalledWith('p1', [{ op: 'put', entity: { goal: { id: 'g1', title: 'Launch', owner: 'Bo' } } }]);
    const refused = await session.patch('goal', 'gone', { owner: 'Cy' });
    expect(refused?.code).toBe('not_found');
  });
});

describe('layOver', () => {
  const changes = (c: Partial<PlanChanges>): PlanChanges => ({
    name: null,
    settings: null,
    updated_at: '2026-12-02T10:00:00Z',
    put: [],
    removed: [],
    order: [],
    steps: [],
    checks: [],
    maturity: null,
    measure_tally: [],
    goal_findings: {},
    measure_status: {},
    can_undo: true,
    can_redo: false,
    ...c,
  });
  const held = (): PlanState => {
    const s = state('x');
    (s.plan as unknown as { goals: unknown[]; measures: unknown[] }).goals = [
      { id: 'g1', title: 'One' },
      { id: 'g2', title: 'Two' },
    ];
    (s.plan as unknown as { measures: unknown[] }).measures = [{ id: 'm1', goal_id: 'g2' }];
    s.goal_findings = { g1: [], g2: [] };
    s.measure_status = { m1: 'not_measured' } as unknown as PlanState['measure_status'];
    return s;
  };

  it('replaces a changed record in its place, appends a new one and drops a removed one', () => {
    const s = held();
    layOver(
      s,
      changes({
        put: [{ goal: { id: 'g2', title: 'Two, renamed' } }, { goal: { id: 'g3', title: 'Three' } }] as unknown as PlanChanges['put'],
        removed: [{ kind: 'goal', id: 'g1' }, { kind: 'measure', id: 'm1' }],
      }),
    );
    expect(s.plan.goals.map((g) => g.title)).toEqual(['Two, renamed', 'Three']);
    expect(s.plan.measures).toEqual([]);
    expect(Object.keys(s.goal_findings)).toEqual(['g2']);
    expect(s.measure_status).toEqual({});
    expect(s.can_undo).toBe(true);
  });

  it('replaces the steps whose checks changed and keeps the others, so the navigator and the screens count the same', () => {
    const s = held();
    s.steps = [
      { step: 'context', title: 'Context', done: 1, total: 7, missing: ['the size'] },
      { step: 'goals', title: 'SMART goals', done: 0, total: 2, missing: ['a', 'b'] },
    ];
    s.checks = [
      { step: 'context', checks: [{ part: 'size', done: false, missing: 'the size' }] },
      { step: 'goals', checks: [{ part: 'g2', done: false, missing: 'b' }] },
    ];
    const checks: PlanChanges['checks'] = [{ step: 'goals', checks: [{ part: 'g2', done: true, missing: '' }] }];
    const steps: PlanChanges['steps'] = [{ step: 'goals', title: 'SMART goals', done: 2, total: 2, missing: [] }];
    const tally: PlanChanges['measure_tally'] = [{ status: 'on_track', count: 1 }];
    layOver(s, changes({ steps, checks, measure_tally: tally }));
    expect(s.checks.map((c) => c.step)).toEqual(['context', 'goals']);
    expect(s.checks[1]).toEqual(checks[0]);
    expect(s.checks[0]!.checks[0]!.part).toBe('size');
    expect(s.steps[1]!.done).toBe(2);
    expect(s.steps[0]!.done).toBe(1);
    expect(s.measure_tally).toEqual(tally);
    expect(s.maturity).toBeNull();
  });

  it('puts a list in the order given and takes a new name and settings', () => {
    const s = held();
    layOver(
      s,
      changes({
        order: [{ kind: 'goal', ids: ['g2', 'g1'] }],
        name: 'Renamed',
        settings: { organisation: 'Other College' } as unknown as PlanChanges['settings'],
      }),
    );
    expect(s.plan.goals.map((g) => g.id)).toEqual(['g2', 'g1']);
    expect(s.plan.name).toBe('Renamed');
    expect(s.plan.settings.organisation).toBe('Other College');
  });
});
