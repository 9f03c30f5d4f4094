import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clock, defaultMinutes, keepDefault, Timer } from './timer.svelte';

describe('timer', () => {
  let now = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    now = 1_000_000;
  });
  afterEach(() => vi.useRealTimers());
  const pass = (ms: number) => {
    now += ms;
    vi.advanceTimersByTime(ms);
  };

  it('counts down from the clock, pauses, takes a minute more and says when time is up', () => {
    let ups = 0;
    const t = new Timer(3, () => ups++, () => now);
    expect(clock(t.left)).toBe('3:00');
    t.start();
    pass(61_000);
    expect(clock(t.left)).toBe('1:59');
    t.pause();
    pass(30_000);
    expect(clock(t.left)).toBe('1:59');
    expect(t.running).toBe(false);
    t.addMinute();
    expect(clock(t.left)).toBe('2:59');
    t.start();
    pass(179_000);
    expect(t.up).toBe(true);
    expect(t.running).toBe(false);
    expect(clock(t.left)).toBe('0:00');
    expect(ups).toBe(1);
    t.addMinute();
    expect(t.up).toBe(false);
    t.reset(5);
    expect(clock(t.left)).toBe('5:00');
    expect(t.running).toBe(false);
  });

  it('keeps the default minutes per item, refusing what is not 1 to 120 whole minutes', () => {
    const kept = new Map<string, string>();
    const store = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
    expect(defaultMinutes(store)).toBe(3);
    expect(keepDefault(store, 5)).toBeNull();
    expect(defaultMinutes(store)).toBe(5);
    expect(keepDefault(store, 0)).toMatch(/Minutes per item/);
    expect(keepDefault(store, 2.5)).toMatch(/whole number/);
    expect(defaultMinutes({ getItem: () => 'lots' })).toBe(3);
  });
});
