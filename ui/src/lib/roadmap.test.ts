import { describe, expect, it } from 'vitest';
import {
  assignLanes,
  dayNumber,
  describeTimeline,
  layoutTimeline,
  monthRange,
  monthTicks,
  textWidth,
  tickStep,
  truncate,
  xOf,
  type Band,
  LAYOUT,
  outsidePhase,
  dateOrderMoves,
} from './roadmap';
import type { Goal, Milestone, Phase } from './types';

const phase = (id: string, starts_on: string | null, ends_on: string | null, name = id): Phase => ({
  id,
  name,
  description: '',
  starts_on,
  ends_on,
});
const goal = (id: string, due: string | null, title = id): Goal => ({
  id,
  title,
  specific: '',
  measurable: '',
  achievable: '',
  relevant: '',
  time_bound: '',
  owner: '',
  due,
  statement_ids: [],
  priority_ids: [],
});
const milestone = (id: string, due: string | null, title = id): Milestone => ({
  id,
  title,
  due,
  phase_id: null,
  goal_id: null,
  status: 'planned',
  done_on: null,
  cycle: null,
});

describe('dayNumber', () => {
  it('counts days from 1970 and refuses what is not a date', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-03-01')! - dayNumber('2026-02-01')!).toBe(28);
    expect(dayNumber('2026-02-30')).toBeNull();
    expect(dayNumber('soon')).toBeNull();
    expect(dayNumber(null)).toBeNull();
  });
});

describe('monthRange', () => {
  it('runs from the first of the first month to the end of the last', () => {
    const r = monthRange([dayNumber('2026-03-15')!, dayNumber('2026-08-02')!])!;
    expect(r.start).toBe(dayNumber('2026-03-01'));
    expect(r.end).toBe(dayNumber('2026-09-01'));
  });
  it('is at least three months long, and null without dates', () => {
    const r = monthRange([dayNumber('2026-11-10')!])!;
    expect(r.start).toBe(dayNumber('2026-11-01'));
    expect(r.end).toBe(dayNumber('2027-02-01'));
    expect(monthRange([])).toBeNull();
  });
});

describe('xOf', () => {
  it('maps the range onto the width, in proportion', () => {
    const r = { start: 0, end: 100 };
    expect(xOf(0, r, 10, 710)).toBe(10);
    expect(xOf(100, r, 10, 710)).toBe(710);
    expect(xOf(25, r, 10, 710)).toBe(185);
  });
});

describe('ticks', () => {
  it('picks the smallest step that fits', () => {
    expect(tickStep(12, 15)).toBe(1);
    expect(tickStep(24, 15)).toBe(2);
    expect(tickStep(36, 15)).toBe(3);
    expect(tickStep(60, 15)).toBe(6);
    expect(tickStep(120, 15)).toBe(12);
    expect(tickStep(600, 15)).toBe(48);
  });
  it('labels months, with the year on the first tick and on January', () => {
    const r = monthRange([dayNumber('2026-11-03')!, dayNumber('2027-02-20')!])!;
    const t = monthTicks(r, 15);
    expect(t.map((x) => x.label)).toEqual(['Nov', 'Dec', 'Jan', 'Feb']);
    expect(t.map((x) => x.year)).toEqual(['2026', null, '2027', null]);
  });
  it('keeps quarterly ticks on quarter starts', () => {
    const r = monthRange([dayNumber('2026-02-03')!, dayNumber('2028-12-20')!])!;
    const t = monthTicks(r, 15);
    expect(t[0]?.label).toBe('Apr');
    expect(t[0]?.year).toBe('2026');
    expect(new Set(t.map((x) => x.label))).toEqual(new Set(['Jan', 'Apr', 'Jul', 'Oct']));
    expect(t.length).toBeLessThanOrEqual(15);
  });
  it('labels years alone over a long span', () => {
    const r = monthRange([dayNumber('2025-06-01')!, dayNumber('2034-06-01')!])!;
    const t = monthTicks(r, 15);
    expect(t.map((x) => x.label)).toEqual(['2026', '2027', '2028', '2029', '2030', '2031', '2032', '2033', '2034']);
  });
});

describe('assignLanes', () => {
  it('puts non-overlapping intervals in one lane and overlapping ones below', () => {
    const lanes = assignLanes(
      [
        { from: 0, to: 50 },
        { from: 60, to: 100 },
        { from: 20, to: 70 },
        { from: 55, to: 58 },
      ],
      4,
    );
    expect(lanes).toEqual([0, 2, 1, 0]);
  });
  it('reuses a freed lane', () => {
    expect(assignLanes([{ from: 0, to: 10 }, { from: 5, to: 30 }, { from: 12, to: 20 }])).toEqual([0, 1, 0]);
  });
});

describe('truncate', () => {
  it('cuts long text with an ellipsis', () => {
    expect(truncate('Launch the pilot', 40)).toBe('Launch the pilot');
    expect(truncate('Launch the pilot', 8)).toBe('Launch…');
    expect(truncate('Launch the pilot', 8).length).toBeLessThanOrEqual(8);
  });
});

describe('layoutTimeline', () => {
  const phases = [
    phase('pilot', '2026-01-01', '2026-06-30', 'Pilot'),
    phase('launch', '2026-07-01', '2026-12-31', 'Launch'),
    phase('scale', '2027-01-01', null, 'Scale'),
    phase('later', null, null, 'Later'),
  ];
  const goals = [goal('g1', '2026-06-30', 'Issue 500 badges'), goal('g2', null, 'Train staff')];
  const milestones = [
    milestone('m1', '2026-06-30', 'Committee approves the first badges'),
    milestone('m2', '2026-06-28', 'Pilot review'),
    milestone('m3', '2027-03-01', 'Scale-up decision'),
    milestone('m4', null, 'Employer panel'),
  ];
  const t = layoutTimeline({ phases, goals, milestones, nextReview: '2027-04-15', today: '2026-03-01' }, 720);

  it('spans every date and stays inside the width', () => {
    expect(t.range!.start).toBe(dayNumber('2026-01-01'));
    expect(t.range!.end).toBe(dayNumber('2027-05-01'));
    for (const m of t.markers) {
      expect(m.x).toBeGreaterThanOrEqual(t.left);
      expect(m.x).toBeLessThanOrEqual(t.right);
      const w = textWidth(m.label, LAYOUT.labelFont);
      if (m.anchor === 'start') expect(m.labelX + w).toBeLessThanOrEqual(t.right);
      else expect(m.labelX - w).toBeGreaterThanOrEqual(t.left);
    }
  });

  it('draws consecutive phases in one lane and an open phase to the end', () => {
    const [pilot, launch, scale] = t.bands as [Band, Band, Band];
    expect(pilot.y).toBe(launch.y);
    expect(pilot.x2).toBeLessThanOrEqual(launch.x1 + 0.001);
    expect(scale.open).toBe(true);
    expect(scale.x2).toBe(t.right);
  });

  it('never lets two labels in the same lane overlap', () => {
    for (const a of t.markers)
      for (const b of t.markers) {
        if (a === b || a.labelY !== b.labelY) continue;
        const box = (m: typeof a): [number, number] => {
          const w = textWidth(m.label, LAYOUT.labelFont);
          return m.anchor === 'start' ? [m.labelX, m.labelX + w] : [m.labelX - w, m.labelX];
        };
        const [a1, a2] = box(a);
        const [b1, b2] = box(b);
        expect(a2 <= b1 || b2 <= a1).toBe(true);
      }
    const close = t.markers.filter((m) => ['g1', 'm1', 'm2'].includes(m.id));
    expect(new Set(close.map((m) => m.labelY)).size).toBe(3);
  });

  it('puts markers in date order below the phases, with the review', () => {
    expect(t.markers.map((m) => m.id)).toEqual(['m2', 'g1', 'm1', 'm3', 'next-review']);
    expect(t.markers.find((m) => m.id === 'next-review')!.kind).toBe('review');
    expect(t.axisY).toBeGreaterThan(Math.max(...t.bands.map((b) => b.y)));
    expect(t.height).toBeGreaterThan(Math.max(...t.markers.map((m) => m.labelY)));
  });

  it('lists what has no date and shows today when it is inside', () => {
    expect(t.undated.map((u) => `${u.kind}:${u.id}`)).toEqual(['phase:later', 'goal:g2', 'milestone:m4']);
    expect(t.todayX).not.toBeNull();
    expect(layoutTimeline({ phases, goals, milestones, today: '2030-01-01' }).todayX).toBeNull();
  });

  it('describes itself in words', () => {
    expect(describeTimeline(t)).toBe(
      'Roadmap timeline from January 2026 to April 2027: 3 phases, 1 goal and 3 milestones.',
    );
  });

  it('is empty when nothing is dated', () => {
    const empty = layoutTimeline({ phases: [phase('p', null, null)], goals: [], milestones: [] });
    expect(empty.range).toBeNull();
    expect(empty.undated).toHaveLength(1);
    expect(describeTimeline(empty)).toMatch(/empty/);
  });
});

describe('outsidePhase', () => {
  const p = phase('p', '2026-01-01', '2026-06-30');
  it('says whether a milestone is due before or after its phase', () => {
    expect(outsidePhase(milestone('a', '2025-12-31'), p)).toBe('before');
    expect(outsidePhase(milestone('a', '2026-07-01'), p)).toBe('after');
    expect(outsidePhase(milestone('a', '2026-06-30'), p)).toBeNull();
    expect(outsidePhase(milestone('a', null), p)).toBeNull();
    expect(outsidePhase(milestone('a', '2030-01-01'), phase('q', '2026-01-01', null))).toBeNull();
    expect(outsidePhase(milestone('a', '2030-01-01'), undefined)).toBeNull();
  });
});

describe('dateOrderMoves', () => {
  const apply = (ids: string[], moves: { id: string; position: number }[]) => {
    const out = [...ids];
    for (const m of moves) {
      out.splice(out.indexOf(m.id), 1);
      out.splice(m.position, 0, m.id);
    }
    return out;
  };
  it('sorts by date with undated ones last, moving only what must move', () => {
    const list = [
      milestone('c', '2026-09-01'),
      milestone('x', null),
      milestone('a', '2026-01-01'),
      milestone('b', '2026-05-01'),
    ];
    const moves = dateOrderMoves(list, (m) => m.due);
    expect(apply(list.map((m) => m.id), moves)).toEqual(['a', 'b', 'c', 'x']);
    expect(moves.length).toBeLessThanOrEqual(3);
    const sorted = [milestone('a', '2026-01-01'), milestone('b', '2026-05-01')];
    expect(dateOrderMoves(sorted, (m) => m.due)).toEqual([]);
  });
});
