import { describe, expect, it } from 'vitest';
import { abstainers, currentIn, namesByStage, neighbour, scoredText, whoToAsk } from './focusmode';
import type { FocusAnswer, FocusView } from './types';

const answers: FocusAnswer[] = [
  { rater_id: 'a', name: 'Ada', scored: true, score: { stage: 1 } },
  { rater_id: 'b', name: 'Bram', scored: true, score: { stage: 4 } },
  { rater_id: 'c', name: 'Cleo', scored: true, score: { abstained: '' } },
  { rater_id: 'd', name: 'Dev', scored: false, score: null },
];

describe('focus mode', () => {
  it('keeps the chosen sub-facet while it is in the queue, else starts at the first', () => {
    expect(currentIn(['x', 'y'], 'y')).toBe('y');
    expect(currentIn(['x', 'y'], 'gone')).toBe('x');
    expect(currentIn([], null)).toBeNull();
  });

  it('moves to the next and previous sub-facet and stops at the ends', () => {
    expect(neighbour(['x', 'y', 'z'], 'y', 1)).toBe('z');
    expect(neighbour(['x', 'y', 'z'], 'y', -1)).toBe('x');
    expect(neighbour(['x', 'y', 'z'], 'z', 1)).toBeNull();
    expect(neighbour(['x'], 'gone', 1)).toBeNull();
  });

  it('tells the room how many have scored, never what', () => {
    expect(scoredText(6, 9)).toBe('6 of 9 have scored');
    expect(scoredText(1, 1)).toBe('1 of 1 has scored');
  });

  it('groups names by stage, leaving out "don\'t know" and the unscored', () => {
    expect(namesByStage(answers)).toEqual([['Ada'], [], [], ['Bram'], []]);
    expect(abstainers(answers)).toEqual(['Cleo']);
  });

  it('names the highest and lowest scorers as the people to ask', () => {
    const v = {
      aggregate: { min: 1, max: 4 },
      highest: ['Bram'],
      lowest: ['Ada'],
    } as unknown as FocusView;
    expect(whoToAsk(v)).toBe('Ask Bram (stage 4) and Ada (stage 1) why.');
    expect(whoToAsk({ ...v, aggregate: null })).toBeNull();
  });
});

describe('a sub-facet scored again', () => {
  it('shows only its latest round on the grid', async () => {
    const { latestRound } = await import('./maturity');
    const r = (id: string, subfacet_id: string, round: number) => ({
      id,
      rater_id: 'a',
      subfacet_id,
      round,
      score: { stage: round },
      confidence: null,
      note: '',
      evidence: '',
    });
    const kept = latestRound([r('1', 'x', 1), r('2', 'x', 2), r('3', 'y', 1)]).map((x) => x.id);
    expect(kept).toEqual(['2', '3']);
  });
});
