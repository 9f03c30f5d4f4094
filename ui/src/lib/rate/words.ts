// How a rater's answer and the room's reveal read on the phone.
import type { AudienceReveal, AudienceStage, Score } from '../types';

/** The rater's answer in words: "3 · Defined", "Don't know", "Not applicable: …". */
export function answerLabel(score: Score, stages: AudienceStage[]): string {
  if ('stage' in score) {
    const st = stages.find((s) => s.number === score.stage);
    return st ? `${st.number} · ${st.name}` : `Stage ${score.stage}`;
  }
  if ('abstained' in score) return 'Don’t know';
  return score.not_applicable.trim() ? `Not applicable: ${score.not_applicable.trim()}` : 'Not applicable';
}

/** Whether `score` is this stage, "don't know" or "not applicable". */
export function isStage(score: Score | null, n: number): boolean {
  return score !== null && 'stage' in score && score.stage === n;
}
export function isAbstained(score: Score | null): boolean {
  return score !== null && 'abstained' in score;
}
export function isNotApplicable(score: Score | null): boolean {
  return score !== null && 'not_applicable' in score;
}

export function median(m: number): string {
  return Number.isInteger(m) ? String(m) : m.toFixed(1);
}

/** The reveal's summary, as the projector words it, in parts to show joined by " · ". */
export function revealSummary(r: AudienceReveal): string[] {
  return [
    r.median !== null ? `Median ${median(r.median)} · spread ${r.spread}` : 'No stage given',
    r.abstained ? `${r.abstained} don’t know` : '',
    r.not_applicable ? `${r.not_applicable} not applicable` : '',
  ].filter(Boolean);
}

export function raters(n: number): string {
  return n === 1 ? '1 rater' : `${n} raters`;
}

/** The longest reason a "not applicable" may carry from a phone: well inside the room's
 * request limit even in a script of four-byte characters. */
export const REASON_MAX = 600;
