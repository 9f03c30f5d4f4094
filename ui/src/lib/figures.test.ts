import { describe, expect, it } from 'vitest';
import { checksOf, countLine, partDone, partsDone, shownTally, stepCount } from './figures';
import type { PlanState, StepChecks } from './types';

/** A state as the core sends it: `steps` counted from `checks`, as `StepProgress::of` does. */
function state(checks: StepChecks[]): PlanState {
  return {
    plan: {} as PlanState['plan'],
    steps: checks.map((c) => ({
      step: c.step,
      title: c.step,
      done: c.checks.filter((x) => x.done).length,
      total: c.checks.length,
      missing: c.checks.filter((x) => !x.done).map((x) => x.missing),
    })),
    checks,
    maturity: null,
    measure_tally: [
      { status: 'achieved', count: 1 },
      { status: 'on_track', count: 0 },
      { status: 'at_risk', count: 2 },
      { status: 'off_track', count: 0 },
      { status: 'not_measured', count: 3 },
    ],
    goal_findings: {},
    measure_status: {},
    can_undo: false,
    can_redo: false,
  };
}

const check = (part: string, done: boolean) => ({ part, done, missing: done ? '' : `missing ${part}` });

const s = state([
  { step: 'goals', checks: [check('g1', true), check('g2', false), check('g3', true)] },
  {
    step: 'governance',
    checks: ['roles', 'committee', 'workflow', 'proposal', 'raci', 'cadence', 'levels', 'pathways', 'metadata'].map((p) =>
      check(p, p !== 'pathways'),
    ),
  },
  { step: 'vision', checks: [check('why', true), check('purpose', false), check('stmt-1', true)] },
]);

describe('the screens’ summary lines', () => {
  it('say the navigator’s own numbers', () => {
    for (const step of ['goals', 'governance', 'vision'] as const) {
      const nav = stepCount(s, step)!;
      expect(countLine(s, step, 'x')).toBe(`${nav.done} of ${nav.total} x`);
    }
    expect(countLine(s, 'goals', 'SMART')).toBe('2 of 3 SMART');
    expect(countLine(s, 'governance', 'sections complete')).toBe('8 of 9 sections complete');
  });

  it('tick the parts the core ticked', () => {
    expect(checksOf(s, 'governance')).toHaveLength(9);
    expect(partDone(s, 'governance', 'roles')).toBe(true);
    expect(partDone(s, 'governance', 'pathways')).toBe(false);
    expect(partsDone(s, 'vision', ['why', 'purpose'])).toBe(1);
    expect(checksOf(s, 'export')).toEqual([]);
  });

  it('list only the statuses that have measures, in the core’s order', () => {
    expect(shownTally(s.measure_tally).map((t) => t.status)).toEqual(['achieved', 'at_risk', 'not_measured']);
  });
});
