// The risk register's score as the screens show it: likelihood × impact, read against the
// core's bands (RISK_HIGH, RISK_MEDIUM from the generated constants), so the app, the PDF and
// the workbook colour a risk alike; RISK_BAND_LABEL names the bands.
import { RISK_HIGH, RISK_MEDIUM, type Risk, type RiskBand } from './types';

export function riskScore(r: Pick<Risk, 'likelihood' | 'impact'>): number {
  return r.likelihood * r.impact;
}

export function riskBand(score: number): RiskBand {
  if (score >= RISK_HIGH) return 'high';
  if (score >= RISK_MEDIUM) return 'medium';
  return 'low';
}

/** The choices of a 1–5 scale, "3 — Possible". */
export function scaleOptions(words: string[]): { value: string; label: string }[] {
  return words.map((w, i) => ({ value: String(i + 1), label: `${i + 1} — ${w}` }));
}
