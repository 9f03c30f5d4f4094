/** Reads a number as a person types it: "1,250", " 42 ", "12.5" or "12,5"; empty is "none". */
export function parseNumber(
  text: string,
): { ok: true; value: number | null } | { ok: false; reason: string } {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return { ok: true, value: null };
  // A single comma followed by one or two digits is a decimal comma; otherwise commas group.
  const normalised = /^-?\d+,\d{1,2}$/.test(t) ? t.replace(',', '.') : t.replace(/,/g, '');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalised)) {
    return { ok: false, reason: `"${text.trim()}" is not a number` };
  }
  const value = Number(normalised);
  if (!Number.isFinite(value)) return { ok: false, reason: 'the number is too large' };
  return { ok: true, value };
}
