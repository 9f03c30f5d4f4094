import { describe, expect, it } from 'vitest';
import { addMonths, formatDate, formatMoment, monthGrid, parseDate } from './dates';

describe('formatDate', () => {
  it('names the month in words, in the locale given', () => {
    expect(formatDate('2026-12-02', 'en-GB')).toBe('2 Dec 2026');
    expect(formatDate('2026-12-02', 'en-US')).toBe('Dec 2, 2026');
    expect(formatDate('2026-02-12', 'fr-FR')).toBe('12 févr. 2026');
    expect(formatDate('2026-12-02', 'en-GB')).not.toMatch(/\d+\/\d+\/\d+/);
  });
  it('never slips a day, whatever the time zone', () => {
    expect(formatDate('2026-01-01', 'en-GB')).toBe('1 Jan 2026');
    expect(formatDate('2026-12-31', 'en-GB')).toBe('31 Dec 2026');
  });
  it('shows nothing for no date and the text itself for something that is not a day', () => {
    expect(formatDate(null, 'en-GB')).toBe('');
    expect(formatDate('', 'en-GB')).toBe('');
    expect(formatDate('soon', 'en-GB')).toBe('soon');
    expect(formatDate('2026-02-30', 'en-GB')).toBe('2026-02-30');
  });
  it('falls back to the default locale when the system names one Intl cannot use', () => {
    expect(formatDate('2026-12-02', 'c')).toBe(formatDate('2026-12-02', undefined));
    expect(formatDate('2026-12-02', 'not a locale!')).toBe(formatDate('2026-12-02', undefined));
    expect(parseDate('2 Dec 2026', 'c')).toEqual({ ok: true, value: '2026-12-02' });
  });
  it('formats a timestamp as its day', () => {
    expect(formatMoment('2026-12-02T12:00:00Z', 'en-GB')).toBe('2 Dec 2026');
    expect(formatMoment('nope', 'en-GB')).toBe('nope');
  });
});

describe('parseDate', () => {
  const ok = (text: string, locale = 'en-GB') => parseDate(text, locale);
  it('reads ISO days and the words people type, in any order', () => {
    expect(ok('2026-12-02')).toEqual({ ok: true, value: '2026-12-02' });
    expect(ok('2026-2-5')).toEqual({ ok: true, value: '2026-02-05' });
    expect(ok('2 Dec 2026')).toEqual({ ok: true, value: '2026-12-02' });
    expect(ok('  2 december 2026 ')).toEqual({ ok: true, value: '2026-12-02' });
    expect(ok('Dec 2, 2026')).toEqual({ ok: true, value: '2026-12-02' });
    expect(ok('December 2nd 2026')).toEqual({ ok: true, value: '2026-12-02' });
    expect(ok('2-Sept-2026')).toEqual({ ok: true, value: '2026-09-02' });
  });
  it('reads back what formatDate shows, in the same locale', () => {
    for (const locale of ['en-GB', 'en-US', 'fr-FR', 'de-DE', 'es-ES']) {
      for (const day of ['2026-12-02', '2027-02-28', '2028-02-29', '2026-05-01']) {
        expect(parseDate(formatDate(day, locale), locale)).toEqual({ ok: true, value: day });
      }
    }
  });
  it('takes an empty field as no date', () => {
    expect(ok('')).toEqual({ ok: true, value: null });
    expect(ok('   ')).toEqual({ ok: true, value: null });
  });
  it('refuses all-number dates, which read differently from country to country', () => {
    const r = ok('12/02/2026');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('is all numbers');
    if (!r.ok) expect(r.reason).toContain('2 Dec 2026');
    expect(ok('2.12.2026').ok).toBe(false);
    expect(ok('2026/12/02').ok).toBe(false);
  });
  it('refuses days that do not exist and text that is not a date, saying why', () => {
    expect(ok('31 Feb 2026')).toEqual({ ok: false, reason: 'there is no day 31 in February 2026' });
    expect(ok('2026-02-30')).toEqual({ ok: false, reason: 'there is no such day as 2026-02-30' });
    expect(ok('29 Feb 2027').ok).toBe(false);
    expect(ok('29 Feb 2028')).toEqual({ ok: true, value: '2028-02-29' });
    const junk = ok('next Tuesday');
    expect(junk.ok).toBe(false);
    if (!junk.ok) expect(junk.reason).toBe('"next Tuesday" is not a date Stepwise can read; type it as a day, a month in words and a year, e.g. 2 Dec 2026, or as 2026-12-02');
    expect(ok('Dec 2026').ok).toBe(false);
    expect(ok('2 Dec 26').ok).toBe(false);
    expect(ok('2 3 Dec 2026').ok).toBe(false);
  });
});

describe('monthGrid', () => {
  it('lays a month out in weeks starting on Monday', () => {
    const weeks = monthGrid(2026, 12);
    // 1 December 2026 is a Tuesday.
    expect(weeks[0]).toEqual([null, '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(monthGrid(2027, 2).flat().filter(Boolean)).toHaveLength(28);
  });
  it('moves across years', () => {
    expect(addMonths(2026, 12, 1)).toEqual([2027, 1]);
    expect(addMonths(2026, 1, -1)).toEqual([2025, 12]);
    expect(addMonths(2026, 6, 0)).toEqual([2026, 6]);
  });
});
