import { describe, expect, it } from 'vitest';
import { blankChange, changeNeeds, inOrder, measuresFor, reviewLine, rolledFrom, subject, withGoal } from './cycle';
import { blank } from './records';
import type { Plan } from './types';

function plan(): Plan {
  return {
    goals: [
      { id: 'g1', title: 'Endorsements' },
      { id: 'g2', title: 'Automation' },
    ],
    measures: [
      { id: 'm1', goal_id: 'g1', indicator: 'Employers endorsing' },
      { id: 'm2', goal_id: 'g2', indicator: 'Days to award' },
    ],
  } as unknown as Plan;
}

describe('subject', () => {
  it('names the goal and the measure the way the PDF and the workbook do', () => {
    expect(subject(plan(), 'g1', 'm1')).toBe('Endorsements — Employers endorsing');
    expect(subject(plan(), 'g2', null)).toBe('Automation');
    expect(subject(plan(), null, 'm2')).toBe('Days to award');
    expect(subject(plan(), null, null)).toBe('The program');
    expect(subject(plan(), 'deleted', null)).toBe('The program');
  });
});

describe('measuresFor and withGoal', () => {
  it('offers the chosen goal’s measures and drops a measure of another goal', () => {
    expect(measuresFor(plan(), 'g2').map((m) => m.id)).toEqual(['m2']);
    expect(measuresFor(plan(), null)).toHaveLength(2);
    const finding = { goal_id: 'g1', measure_id: 'm1', text: 'x' };
    expect(withGoal(plan(), finding, 'g2')).toEqual({ goal_id: 'g2', measure_id: null, text: 'x' });
    expect(withGoal(plan(), finding, null)).toEqual({ goal_id: null, measure_id: 'm1', text: 'x' });
    expect(withGoal(plan(), { ...finding, goal_id: null }, 'g1')).toEqual(finding);
  });
});

describe('changeNeeds', () => {
  it('asks a change to a goal or a measure to name it, and nothing else', () => {
    expect(changeNeeds('goal')).toBe('goal');
    expect(changeNeeds('measure')).toBe('measure');
    expect(changeNeeds('governance')).toBeNull();
    expect(changeNeeds(blankChange().area)).toBeNull();
  });
});

describe('reviews in order and their lines', () => {
  it('puts reviews by date and says how far each has got', () => {
    const april = { ...blank.review('annual'), held_on: '2027-04-15' };
    const checkpoint = {
      ...blank.review(),
      held_on: '2026-11-09',
      status: 'held' as const,
      findings: [{ goal_id: null, measure_id: null, text: 'On course' }],
    };
    expect(inOrder([april, checkpoint]).map((r) => r.held_on)).toEqual(['2026-11-09', '2027-04-15']);
    expect(reviewLine(checkpoint)).toMatch(/^Held .*2026 · 1 finding, 0 changes$/);
    expect(reviewLine(april)).toMatch(/^Planned for .*2027 · nothing recorded yet$/);
    expect(reviewLine(april)).not.toMatch(/\d+\/\d+\/\d+/);
  });
  it('names the cycle a plan was rolled forward from', () => {
    expect(rolledFrom(null)).toBeNull();
    const line = rolledFrom({ plan_id: 'p', plan_name: 'Pilot', cycle: '2026–27', rolled_on: '2027-05-02' })!;
    expect(line.before).toBe('Rolled forward from “Pilot”');
    expect(line.cycle).toBe('(2026–27)');
    expect(line.after).toMatch(/^on .*2027\.$/);
  });
});
