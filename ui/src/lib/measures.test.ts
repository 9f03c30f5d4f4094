import { describe, expect, it } from 'vitest';
import {
  checkInsNewestFirst,
  FREQUENCY_LABEL,
  FREQUENCY_OPTIONS,
  latestCheckIn,
  percent,
  progress,
  progressSentence,
  siblingMovePosition,
  standingOf,
  staleSentence,
  thresholdSentence,
  historyChart,
  STATUS_LABEL,
  withUnit,
} from './measures';
import type { CheckIn, Measure } from './types';

const ci = (id: string, measure_id: string, date: string, value: number): CheckIn => ({
  id,
  measure_id,
  date,
  value,
  note: '',
  confidence: null,
});

const measure: Measure = {
  id: 'm1',
  goal_id: 'g1',
  indicator: 'Learners with a badge',
  unit: '%',
  baseline: 20,
  baseline_date: '2025-01-01',
  target: 60,
  target_date: '2026-01-01',
  data_source: 'Badge platform',
  owner: 'Dana',
  frequency: 'each_term',
  better: 'higher',
  on_track_at: null,
  red_line: null,
};

describe('labels', () => {
  it('names every frequency and status in words', () => {
    expect(FREQUENCY_OPTIONS.map((o) => o.value)).toEqual(['weekly', 'monthly', 'each_term', 'quarterly', 'yearly']);
    expect(FREQUENCY_LABEL.each_term).toBe('Each term');
    expect(STATUS_LABEL.off_track).toBe('Off track');
    const s = { status: 'at_risk', judged_on: '2025-03-01', next_due: null, stale: false } as const;
    expect(standingOf({ m1: s }, 'm1')).toEqual(s);
    expect(standingOf({}, 'm2').status).toBe('not_measured');
    expect(standingOf({}, 'm2').stale).toBe(false);
  });
});

describe('check-ins', () => {
  const list = [
    ci('a', 'm1', '2025-03-01', 25),
    ci('b', 'm2', '2025-09-01', 99),
    ci('c', 'm1', '2025-06-01', 35),
    ci('d', 'm1', '2025-01-15', 21),
    ci('e', 'm1', '2025-06-01', 33),
  ];

  it('lists a measure’s own check-ins newest first, the last added first on the same day', () => {
    expect(checkInsNewestFirst(list, 'm1').map((c) => c.id)).toEqual(['e', 'c', 'a', 'd']);
    expect(checkInsNewestFirst(list, 'none')).toEqual([]);
  });

  it('finds the latest as the status judges it', () => {
    expect(latestCheckIn(list, 'm1')?.id).toBe('e');
    expect(latestCheckIn(list, 'm2')?.value).toBe(99);
    expect(latestCheckIn(list, 'none')).toBeNull();
  });
});

describe('progress', () => {
  it('measures the way from baseline to target', () => {
    expect(progress(20, 60, 40)).toEqual({ share: 0.5, bar: 0.5 });
    expect(progress(20, 60, 20)).toEqual({ share: 0, bar: 0 });
  });

  it('works for a target below the baseline', () => {
    expect(progress(30, 10, 25)).toEqual({ share: 0.25, bar: 0.25 });
  });

  it('keeps the bar between empty and full but the share as it is', () => {
    expect(progress(20, 60, 80)).toEqual({ share: 1.5, bar: 1 });
    expect(progress(20, 60, 10)).toEqual({ share: -0.25, bar: 0 });
  });

  it('treats a target equal to the baseline as reached only when hit', () => {
    expect(progress(5, 5, 5)?.share).toBe(1);
    expect(progress(5, 5, 4)?.share).toBe(0);
  });

  it('is null when something is missing', () => {
    expect(progress(null, 60, 40)).toBeNull();
    expect(progress(20, null, 40)).toBeNull();
    expect(progress(20, 60, null)).toBeNull();
  });
});

describe('formatting', () => {
  it('writes percentages and values with units', () => {
    expect(percent(0.456)).toBe('46%');
    expect(withUnit(42, '%')).toBe('42%');
    expect(withUnit(1250, 'learners')).toBe('1,250 learners');
    expect(withUnit(3.456, '')).toBe('3.46');
    expect(withUnit(null, '%')).toBe('—');
  });

  it('sums up the latest check-in against the target', () => {
    expect(progressSentence(measure, null)).toBe('No check-in yet.');
    expect(progressSentence(measure, ci('x', 'm1', '2025-06-01', 40))).toBe(
      'Latest: 40%: 50% of the way from 20% to 60%.',
    );
    expect(progressSentence(measure, ci('x', 'm1', '2025-06-01', 65))).toBe(
      'Latest: 65%: target of 60% reached (from 20%).',
    );
    expect(progressSentence(measure, ci('x', 'm1', '2025-06-01', 10))).toMatch(/below the baseline/);
    expect(progressSentence({ ...measure, target: null }, ci('x', 'm1', '2025-06-01', 10))).toBe(
      'Latest: 10%. Set a baseline and a target to see progress.',
    );
  });
});

describe('siblingMovePosition', () => {
  // The plan's list interleaves the measures of two goals.
  const all = [{ id: 'A' }, { id: 'x' }, { id: 'B' }, { id: 'y' }, { id: 'C' }];
  const siblings = [{ id: 'A' }, { id: 'B' }, { id: 'C' }];

  // What the core does with a move: take the record out, put it back at the position.
  function apply(ids: string[], id: string, position: number): string[] {
    const rest = ids.filter((i) => i !== id);
    rest.splice(Math.min(position, rest.length), 0, id);
    return rest;
  }
  const ids = all.map((r) => r.id);
  const own = (list: string[]) => list.filter((i) => i === i.toUpperCase());

  it('moves a measure down past its next sibling', () => {
    const pos = siblingMovePosition(all, siblings, 0, 1)!;
    expect(own(apply(ids, 'A', pos))).toEqual(['B', 'A', 'C']);
  });

  it('moves a measure up past its previous sibling', () => {
    const pos = siblingMovePosition(all, siblings, 2, 1)!;
    expect(own(apply(ids, 'C', pos))).toEqual(['A', 'C', 'B']);
  });

  it('refuses moves off either end or to the same place', () => {
    expect(siblingMovePosition(all, siblings, 0, -1)).toBeNull();
    expect(siblingMovePosition(all, siblings, 2, 3)).toBeNull();
    expect(siblingMovePosition(all, siblings, 1, 1)).toBeNull();
  });
});

describe('thresholds and staleness in words', () => {
  it('reads the thresholds the way the measure improves', () => {
    expect(thresholdSentence(measure)).toBeNull();
    expect(thresholdSentence({ ...measure, on_track_at: 50, red_line: 30 })).toBe('On track at 50% or more; off track below 30%.');
    expect(thresholdSentence({ ...measure, unit: 'days', better: 'lower', on_track_at: 3, red_line: 7 })).toBe(
      'On track at 3 days or less; off track above 7 days.',
    );
    expect(thresholdSentence({ ...measure, red_line: 30 })).toBe('Red line: off track below 30%.');
    expect(thresholdSentence({ ...measure, on_track_at: 50 })).toBe('On track at 50% or more; short of it is at risk.');
  });
  it('says since when a stale measure has had no check-in', () => {
    const text = staleSentence(
      { ...measure, frequency: 'monthly' },
      { status: 'on_track', judged_on: '2026-01-31', next_due: '2026-02-28', stale: true },
    );
    expect(text).toMatch(/^No check-in since .*2026; one was due by .*2026 \(collected every month\)\./);
    expect(text).not.toMatch(/\d+\/\d+\/\d+/);
  });
});

describe('history chart', () => {
  const list = [ci('a', 'm1', '2025-03-01', 25), ci('b', 'm1', '2025-01-01', 20), ci('c', 'm1', '2025-05-01', 40), ci('x', 'm2', '2025-02-01', 99)];
  it('places the check-ins oldest first from left to right, higher values higher', () => {
    const c = historyChart({ ...measure, on_track_at: 30, red_line: 22 }, list, 300, 100, { left: 40, right: 10, top: 10, bottom: 20 })!;
    expect(c.points.map((p) => p.date)).toEqual(['2025-01-01', '2025-03-01', '2025-05-01']);
    expect(c.points[0]!.x).toBe(40);
    expect(c.points[2]!.x).toBe(290);
    // The scale runs from the lowest value (20) to the target (60), the highest line drawn.
    expect([c.min, c.max]).toEqual([20, 60]);
    expect(c.points[0]!.y).toBe(80);
    expect(c.target).toBe(10);
    expect(c.onTrack! < c.redLine!).toBe(true);
  });
  it('draws one check-in in the middle and none without any', () => {
    const one = historyChart({ ...measure, target: null }, [ci('a', 'm1', '2025-03-01', 25)], 300, 100, { left: 40, right: 10, top: 10, bottom: 20 })!;
    expect(one.points[0]!.x).toBe(165);
    expect([one.min, one.max]).toEqual([24, 26]);
    expect(historyChart(measure, [], 300, 100)).toBeNull();
  });
});
