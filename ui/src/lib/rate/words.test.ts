import { describe, expect, it } from 'vitest';
import { answerLabel, isAbstained, isNotApplicable, isStage, revealSummary } from './words';

const stages = [1, 2, 3, 4, 5].map((n) => ({ number: n, name: ['Exploratory', 'Emerging', 'Defined', 'Embedded', 'Immersive'][n - 1]!, descriptor: '' }));

describe('answer words', () => {
  it('names the answer as the rater gave it', () => {
    expect(answerLabel({ stage: 3 }, stages)).toBe('3 · Defined');
    expect(answerLabel({ abstained: '' }, stages)).toBe('Don’t know');
    expect(answerLabel({ not_applicable: ' no branch libraries ' }, stages)).toBe('Not applicable: no branch libraries');
    expect(isStage({ stage: 2 }, 2)).toBe(true);
    expect(isStage({ abstained: '' }, 2)).toBe(false);
    expect(isAbstained({ abstained: '' })).toBe(true);
    expect(isNotApplicable({ not_applicable: 'x' })).toBe(true);
    expect(isNotApplicable(null)).toBe(false);
  });

  it('sums up the reveal as the projector does', () => {
    expect(revealSummary({ dots: [0, 1, 2, 0, 0], names: null, median: 2.5, spread: 1, abstained: 1, not_applicable: 0 })).toEqual([
      'Median 2.5 · spread 1',
      '1 don’t know',
    ]);
    expect(revealSummary({ dots: [0, 0, 0, 0, 0], names: null, median: null, spread: 0, abstained: 0, not_applicable: 2 })).toEqual([
      'No stage given',
      '2 not applicable',
    ]);
  });
});
