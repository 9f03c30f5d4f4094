import { describe, expect, it } from 'vitest';
import type { Backend } from './backend';
import { fakeBackend as fake } from './testing/fake';
import { formatEdited, HomeState, planProgress, stepState } from './home.svelte';
import { STEPS, type AppInfo, type PlanSummary, type StepProgress } from './types';

function steps(done: number[]): StepProgress[] {
  return STEPS.map((step, i) => ({
    step,
    title: `Step ${i + 1}`,
    done: done[i] ?? 0,
    total: 4,
    missing: [],
  }));
}

const plan: PlanSummary = {
  id: 'p1',
  name: 'Credentials strategy 2025',
  organisation: 'Example College',
  created_at: '2025-01-01T09:00:00Z',
  updated_at: '2025-03-01T09:00:00Z',
  steps: steps([4, 4, 2]),
};

const info: AppInfo = { version: '0.1.0', db_path: '/tmp/test.db', export_dir: '/tmp/exports', paper: 'a4' };

function fakeBackend(listPlans: () => Promise<PlanSummary[]>): Backend {
  return fake({ listPlans, appInfo: async () => info });
}

describe('HomeState', () => {
  it('starts loading and shows the plans once the backend answers', async () => {
    const home = new HomeState(fakeBackend(async () => [plan]));
    expect(home.status).toBe('loading');
    await home.load();
    expect(home.status).toBe('ready');
    expect(home.plans.map((p) => p.organisation)).toEqual(['Example College']);
    expect(home.isEmpty).toBe(false);
    expect(home.error).toBeNull();
  });

  it('reports an empty database as empty, not as an error', async () => {
    const home = new HomeState(fakeBackend(async () => []));
    await home.load();
    expect(home.isEmpty).toBe(true);
    expect(home.error).toBeNull();
  });

  it('keeps the code and message of a failed command for the banner', async () => {
    const home = new HomeState(
      fakeBackend(() =>
        Promise.reject({ code: 'newer_database', message: 'written by a newer version' }),
      ),
    );
    await home.load();
    expect(home.status).toBe('failed');
    expect(home.error).toEqual({ code: 'newer_database', message: 'written by a newer version', problems: [] });
    expect(home.plans).toEqual([]);
    expect(home.isEmpty).toBe(false);
  });

  it('turns anything else a command throws into an unexpected error with its text', async () => {
    const home = new HomeState(fakeBackend(() => Promise.reject('ipc closed')));
    await home.load();
    expect(home.error).toEqual({ code: 'unexpected', message: 'ipc closed', problems: [] });
  });

  it('clears an earlier error when a reload succeeds', async () => {
    let fail = true;
    const home = new HomeState(
      fakeBackend(async () => {
        if (fail) throw new Error('busy');
        return [plan];
      }),
    );
    await home.load();
    expect(home.status).toBe('failed');
    fail = false;
    await home.load();
    expect(home.status).toBe('ready');
    expect(home.error).toBeNull();
    expect(home.plans).toHaveLength(1);
  });
});

describe('HomeState actions', () => {
  it('creates a plan, returns its id and lists it', async () => {
    const plans: PlanSummary[] = [];
    const home = new HomeState(
      fake({
        listPlans: async () => plans,
        appInfo: async () => info,
        createPlan: async (name: string) => {
          plans.push({ ...plan, id: 'new', name });
          return 'new';
        },
      }),
    );
    await home.load();
    expect(await home.create('Pilot')).toBe('new');
    expect(home.plans.map((p) => p.name)).toEqual(['Pilot']);
    expect(home.actionError).toBeNull();
  });

  it('keeps a refused rename as an action error and leaves the list alone', async () => {
    const home = new HomeState(
      fake({
        listPlans: async () => [plan],
        appInfo: async () => info,
        applyEdits: () =>
          Promise.reject({ code: 'invalid_input', message: 'invalid input: name: a plan needs a name', problems: [] }),
      }),
    );
    await home.load();
    expect(await home.rename('p1', '')).toBe(false);
    expect(home.actionError?.message).toMatch(/a plan needs a name/);
    expect(home.error).toBeNull();
    expect(home.plans).toHaveLength(1);
  });

  it('deletes a plan and lists what is left', async () => {
    let plans = [plan, { ...plan, id: 'p2', name: 'Other' }];
    const home = new HomeState(
      fake({
        listPlans: async () => plans,
        appInfo: async () => info,
        deletePlan: async (id: string) => {
          plans = plans.filter((p) => p.id !== id);
        },
      }),
    );
    await home.load();
    expect(await home.remove('p1')).toBe(true);
    expect(home.plans.map((p) => p.id)).toEqual(['p2']);
  });
});

describe('step progress', () => {
  it('tells complete, started and not-started steps apart', () => {
    const [first, , third, fourth] = plan.steps;
    expect(stepState(first!)).toBe('complete');
    expect(stepState(third!)).toBe('started');
    expect(stepState(fourth!)).toBe('not-started');
  });

  it('does not count a step with nothing to do as complete', () => {
    expect(stepState({ step: 'export', title: 'Export', done: 0, total: 0, missing: [] })).toBe(
      'not-started',
    );
  });

  it('counts complete steps and names the first step left to do', () => {
    expect(planProgress(plan.steps)).toEqual({
      complete: 2,
      total: 11,
      next: { number: 3, title: 'Step 3' },
    });
    expect(planProgress(steps(Array(11).fill(4))).next).toBeNull();
  });
});

describe('formatEdited', () => {
  const now = new Date('2025-03-10T12:00:00Z');
  it.each([
    ['2025-03-10T11:59:30Z', 'just now'],
    ['2025-03-10T11:59:00Z', '1 minute ago'],
    ['2025-03-10T11:15:00Z', '45 minutes ago'],
    ['2025-03-10T09:00:00Z', '3 hours ago'],
    ['2025-03-09T10:00:00Z', 'yesterday'],
    ['2025-03-06T12:00:00Z', '4 days ago'],
    ['2025-03-01T09:00:00Z', '1 Mar 2025'],
    ['not a date', 'unknown'],
  ])('shows %s as "%s"', (updatedAt, expected) => {
    expect(formatEdited(updatedAt, now, 'en-GB')).toBe(expected);
  });
});
