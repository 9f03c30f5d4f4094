// Every date the app shows goes through `formatDate`: the day, the month as a word and the
// year, in the system's locale ("2 Dec 2026", "Dec 2, 2026", "2 déc. 2026"), never an
// all-number form such as 12/02/2026 that reads differently on each side of the Atlantic.
// `parseDate` reads what a person types back: an ISO date, or a day, a month named in words
// and a four-digit year in any order, in English or the system's language.

/** The system's locale, as the webview reports it; `undefined` (Intl's default) when it
 * reports none or one Intl cannot use (a POSIX "C" locale comes through as "c"). */
export function systemLocale(): string | undefined {
  const lang = typeof navigator !== 'undefined' ? navigator.language : undefined;
  return usable(lang);
}

function usable(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : undefined;
  } catch {
    return undefined;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(given: string | undefined): Intl.DateTimeFormat {
  const locale = usable(given);
  const key = locale ?? '';
  let f = formatters.get(key);
  if (!f) {
    // UTC both ways, so a date never slips a day in a time zone west of Greenwich.
    f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
}

/** The parts of an ISO day (YYYY-MM-DD), or null when it is not one. */
function isoParts(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return realDay(y, mo, d) ? [y, mo, d] : null;
}

function realDay(y: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(y, month, 0)).getUTCDate();
}

function iso(y: number, month: number, day: number): string {
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2 Dec 2026" (in the system's locale) for "2026-12-02"; an empty string for no date, and
 * the text itself when it is not an ISO day (so nothing is ever hidden). */
export function formatDate(value: string | null | undefined, locale: string | undefined = systemLocale()): string {
  if (!value) return '';
  const parts = isoParts(value.slice(0, 10));
  if (!parts) return value;
  const [y, m, d] = parts;
  return formatter(locale).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A moment (an RFC 3339 timestamp) as its day in the person's time zone, formatted. */
export function formatMoment(value: string, locale: string | undefined = systemLocale()): string {
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) return value;
  return formatDate(iso(t.getFullYear(), t.getMonth() + 1, t.getDate()), locale);
}

/** Month names, short and long, lower-case and without dots, mapped to 1–12. */
function monthNames(locale: string | undefined): Map<string, number> {
  const names = new Map<string, number>();
  for (const loc of ['en', usable(locale)]) {
    for (const month of ['short', 'long'] as const) {
      let f: Intl.DateTimeFormat;
      try {
        f = new Intl.DateTimeFormat(loc, { month, timeZone: 'UTC' });
      } catch {
        continue;
      }
      for (let m = 1; m <= 12; m++) {
        names.set(word(f.format(new Date(Date.UTC(2000, m - 1, 1)))), m);
      }
    }
  }
  // English abbreviations people type that Intl does not produce.
  names.set('sept', 9);
  return names;
}

function word(s: string): string {
  return s.toLocaleLowerCase().replace(/\./g, '').trim();
}

export type Parsed = { ok: true; value: string | null } | { ok: false; reason: string };

const HOW = 'type it as a day, a month in words and a year, e.g. 2 Dec 2026, or as 2026-12-02';

/** Reads a typed date. Empty text is no date; anything else must name its month in words
 * (or be ISO), because 12/02/2026 means 2 December in one country and 12 February in another. */
export function parseDate(text: string, locale: string | undefined = systemLocale()): Parsed {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(t)) {
    const [y, m, d] = t.split('-').map(Number) as [number, number, number];
    if (!realDay(y, m, d)) return { ok: false, reason: `there is no such day as ${t}` };
    return { ok: true, value: iso(y, m, d) };
  }
  if (/^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(t)) {
    return { ok: false, reason: `"${t}" is all numbers, which means a different day from one country to the next; ${HOW}` };
  }
  const tokens = t
    .split(/[\s,/-]+/)
    .map(word)
    .filter((x) => x !== '' && x !== 'de' && x !== 'of');
  const names = monthNames(locale);
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  for (const tok of tokens) {
    const num = /^(\d{1,4})(st|nd|rd|th|er|e)?$/.exec(tok);
    if (num) {
      const n = Number(num[1]);
      if (num[1]!.length === 4 && year === null) year = n;
      else if (num[1]!.length <= 2 && day === null) day = n;
      else return { ok: false, reason: `"${text.trim()}" is not a date Stepwise can read; ${HOW}` };
      continue;
    }
    const m = names.get(tok);
    if (m !== undefined && month === null) {
      month = m;
      continue;
    }
    return { ok: false, reason: `"${text.trim()}" is not a date Stepwise can read; ${HOW}` };
  }
  if (day === null || month === null || year === null) {
    const missing = month === null ? 'the month in words' : day === null ? 'the day' : 'the four-digit year';
    return { ok: false, reason: `"${text.trim()}" lacks ${missing}; ${HOW}` };
  }
  if (!realDay(year, month, day)) {
    return { ok: false, reason: `there is no day ${day} in ${formatMonth(year, month, locale)}` };
  }
  return { ok: true, value: iso(year, month, day) };
}

function formatMonth(y: number, m: number, locale: string | undefined): string {
  return new Intl.DateTimeFormat(usable(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The weeks of a month for a calendar, Monday first: each day as ISO, or null for padding. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay(); // 0 = Sunday
  const lead = (first + 6) % 7;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(iso(year, month, d));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The month and year as a calendar's heading: "December 2026". */
export function monthTitle(year: number, month: number, locale: string | undefined = systemLocale()): string {
  return formatMonth(year, month, locale);
}

/** The year and month (1–12) after moving `by` months. */
export function addMonths(year: number, month: number, by: number): [number, number] {
  const n = year * 12 + (month - 1) + by;
  return [Math.floor(n / 12), (n % 12) + 1];
}
