import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  draftGoal,
  fieldLabel,
  findingsSummary,
  goalMeta,
  groupFindings,
  plainMessage,
  severityOf,
  smartBadge,
  smartParts,
} from './smart';
import { LiveFindings } from './smart.svelte';
import type { Catalog, Finding, Goal } from './types';

const missing = (field: string, message = `${field} missing`): Finding => ({ field, severity: 'missing', message });
const advice = (field: string, message = `${field} advice`): Finding => ({ field, severity: 'advice', message });

const goal: Goal = {
  id: 'g1',
  title: 'Launch the pilot',
  specific: '',
  measurable: '',
  achievable: '',
  relevant: '',
  time_bound: '',
  owner: '',
  due: null,
  statement_ids: [],
  priority_ids: [],
};

describe('groupFindings', () => {
  it('groups by field in the order of the builder, whatever order the core used', () => {
    const groups = groupFindings([missing('owner'), missing('due'), missing('specific'), advice('relevant')]);
    expect(groups.map((g) => g.field)).toEqual(['specific', 'relevant', 'due', 'owner']);
    expect(groups.map((g) => g.label)).toEqual(['Specific', 'Relevant', 'Time-bound', 'Owner']);
  });

  it('puts must-fix findings before advice in a group and takes the worst severity', () => {
    const [g] = groupFindings([advice('specific', 'a'), missing('specific', 'm')]);
    expect(g!.findings.map((f) => f.message)).toEqual(['m', 'a']);
    expect(g!.severity).toBe('missing');
    expect(groupFindings([advice('relevant')])[0]!.severity).toBe('advice');
  });

  it('keeps a field it does not know, at the end, with a readable name', () => {
    const groups = groupFindings([missing('budget_line'), missing('measurable')]);
    expect(groups.map((g) => g.field)).toEqual(['measurable', 'budget_line']);
    expect(groups[1]!.label).toBe('Budget line');
    expect(fieldLabel('due')).toBe('Time-bound');
  });

  it('is empty without findings', () => {
    expect(groupFindings([])).toEqual([]);
  });
});

describe('severityOf', () => {
  it('gives the worst severity on a field, or null', () => {
    const list = [advice('specific'), missing('specific'), advice('relevant')];
    expect(severityOf(list, 'specific')).toBe('missing');
    expect(severityOf(list, 'relevant')).toBe('advice');
    expect(severityOf(list, 'owner')).toBeNull();
  });
});

describe('smartBadge', () => {
  it('says SMART when nothing is found', () => {
    expect(smartBadge([])).toMatchObject({ text: 'SMART ✓', tone: 'smart' });
    expect(smartBadge(undefined)).toMatchObject({ text: 'SMART ✓', tone: 'smart' });
  });

  it('counts what is missing, in the singular and the plural', () => {
    expect(smartBadge([missing('owner')]).text).toBe('1 thing missing');
    expect(smartBadge([missing('owner'), missing('due'), missing('specific'), advice('relevant')])).toMatchObject({
      text: '3 things missing',
      tone: 'missing',
      missing: 3,
      advice: 1,
    });
  });

  it('still calls a goal with only advice SMART', () => {
    expect(smartBadge([advice('specific'), advice('relevant')])).toMatchObject({
      text: 'SMART ✓ · 2 to check',
      tone: 'advice',
    });
  });
});

describe('findingsSummary', () => {
  it('says clearly when the goal is SMART', () => {
    expect(findingsSummary([])).toMatch(/^This goal is SMART/);
    expect(findingsSummary([advice('relevant')])).toBe('This goal is SMART. 1 point is worth a second look.');
    expect(findingsSummary([missing('owner'), missing('due'), advice('relevant')])).toBe(
      'Not SMART yet: 2 things to fix, 1 worth a look.',
    );
  });
});

describe('plainMessage', () => {
  it('drops the part name the core puts in front', () => {
    expect(plainMessage(missing('measurable', 'Measurable: there is no number to measure against.'))).toBe(
      'There is no number to measure against.',
    );
    expect(plainMessage(missing('due', 'Time-bound: the due date 2020-01-01 has already passed.'))).toBe(
      'The due date 2020-01-01 has already passed.',
    );
    expect(plainMessage(missing('owner', 'No owner: name the person.'))).toBe('No owner: name the person.');
  });
});

describe('the SMART parts', () => {
  it('take their words from the built-in content and listen to the finding of their field', () => {
    const fields = ['specific', 'measurable', 'achievable', 'relevant', 'time_bound'];
    const names = ['Specific', 'Measurable', 'Achievable', 'Relevant', 'Time-bound'];
    const catalog = {
      smart_parts: fields.map((id, i) => ({ id, name: names[i]!, prompt: `What to write in ${id}`, placeholder: 'e.g. x' })),
    } as unknown as Catalog;
    const parts = smartParts(catalog);
    expect(parts.map((p) => p.letter).join('')).toBe('SMART');
    expect(parts.map((p) => p.field)).toEqual(fields);
    expect(parts.map((p) => p.finding)).toEqual(['specific', 'measurable', 'achievable', 'relevant', 'due']);
    expect(parts[0]!.prompt).toBe('What to write in specific');
  });
});

describe('draftGoal and goalMeta', () => {
  it('puts the typed text over the saved goal', () => {
    const d = draftGoal({ ...goal, owner: 'Dana' }, { measurable: '300 badges' });
    expect(d.measurable).toBe('300 badges');
    expect(d.owner).toBe('Dana');
    expect(d.id).toBe('g1');
  });

  it('describes owner and due date, leaving out what is empty', () => {
    expect(goalMeta(goal, (d) => d)).toBe('');
    expect(goalMeta({ ...goal, owner: ' Dana ', due: '2026-06-30' }, (d) => `[${d}]`)).toBe('Dana · due [2026-06-30]');
  });
});

describe('LiveFindings', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks the core once typing pauses, with the latest draft only', async () => {
    const check = vi.fn(async (g: Goal) => (g.owner ? [] : [missing('owner')]));
    const live = new LiveFindings(check, 250);
    live.request({ ...goal, owner: 'D' });
    live.request({ ...goal, owner: 'Da' });
    await vi.advanceTimersByTimeAsync(200);
    expect(check).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(check).toHaveBeenCalledTimes(1);
    expect(check.mock.calls[0]![0].owner).toBe('Da');
    expect(live.for('g1', [missing('owner')])).toEqual([]);
  });

  it('shows the saved findings when there is no draft, or for another goal', async () => {
    const live = new LiveFindings(async () => [advice('specific')], 10);
    const saved = [missing('due')];
    expect(live.for('g1', saved)).toBe(saved);
    live.request(goal);
    await vi.advanceTimersByTimeAsync(20);
    expect(live.for('g1', saved)).toEqual([advice('specific')]);
    expect(live.for('g2', saved)).toBe(saved);
    expect(live.for('g2', undefined)).toEqual([]);
    live.clear();
    expect(live.for('g1', saved)).toBe(saved);
  });

  it('drops an answer that arrives after a newer question', async () => {
    const answers: ((f: Finding[]) => void)[] = [];
    const live = new LiveFindings(() => new Promise<Finding[]>((resolve) => answers.push(resolve)), 10);
    live.request({ ...goal, owner: 'old' });
    await vi.advanceTimersByTimeAsync(20);
    live.request({ ...goal, owner: 'new' });
    await vi.advanceTimersByTimeAsync(20);
    answers[1]!([]);
    await vi.advanceTimersByTimeAsync(0);
    answers[0]!([missing('owner')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(live.findings).toEqual([]);
  });

  it('ignores an answer that arrives after the draft was saved', async () => {
    let answer: (f: Finding[]) => void = () => {};
    const live = new LiveFindings(() => new Promise<Finding[]>((resolve) => (answer = resolve)), 10);
    live.request(goal);
    await vi.advanceTimersByTimeAsync(20);
    live.clear();
    answer([missing('owner')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(live.findings).toBeNull();
  });

  it('keeps the saved findings when the check fails', async () => {
    const live = new LiveFindings(() => Promise.reject(new Error('shell gone')), 10);
    live.request(goal);
    await vi.advanceTimersByTimeAsync(20);
    expect(live.for('g1', [missing('due')])).toEqual([missing('due')]);
  });
});
