import { describe, expect, it } from 'vitest';
import type { Described, VisionAnswer, VisionQuestion, VisionStatement } from './types';
import { answerKey, answersByKey, answerToSave, groupAnswers, unlinkedStatements } from './vision';

const questions: VisionQuestion[] = [
  { id: 'why', text: 'Why?', help: 'Say why.', per_perspective: false, perspectives: [] },
  { id: 'purpose', text: 'Purpose?', help: 'Per group.', per_perspective: true, perspectives: ['faculty', 'students', 'mystery'] },
];
const perspectives: Described[] = [
  { id: 'students', name: 'Students', description: '' },
  { id: 'faculty', name: 'Faculty', description: '' },
];
const answer = (id: string, question_id: string, perspective: string | null, text: string): VisionAnswer => ({
  id,
  question_id,
  perspective,
  text,
});

describe('answerKey', () => {
  it('tells a general answer from a per-perspective one', () => {
    expect(answerKey('q', null)).not.toBe(answerKey('q', 'students'));
    expect(answerKey('q', 'students')).toBe(answerKey('q', 'students'));
    expect(answersByKey([answer('a', 'q', 'students', 'x')]).get(answerKey('q', 'students'))?.id).toBe('a');
  });
});

describe('groupAnswers', () => {
  it('gives one place to a general question and one per listed perspective, in the question’s order', () => {
    const groups = groupAnswers(questions, perspectives, []);
    expect(groups.map((g) => g.question.id)).toEqual(['why', 'purpose']);
    expect(groups[0]!.slots.map((s) => [s.perspective, s.label])).toEqual([[null, '']]);
    expect(groups[1]!.slots.map((s) => [s.perspective, s.label])).toEqual([
      ['faculty', 'Faculty'],
      ['students', 'Students'],
      ['mystery', 'mystery'],
    ]);
    expect(groups.every((g) => g.answered === 0 && g.slots.every((s) => s.answer === undefined))).toBe(true);
  });

  it('puts each answer in its question and perspective and counts only non-blank ones', () => {
    const answers = [
      answer('a1', 'purpose', 'students', 'Proof of skills'),
      answer('a2', 'why', null, 'Employers asked'),
      answer('a3', 'purpose', 'faculty', '   '),
      answer('a4', 'other-question', null, 'ignored'),
    ];
    const groups = groupAnswers(questions, perspectives, answers);
    const [why, purpose] = groups;
    expect(why!.slots[0]!.answer?.id).toBe('a2');
    expect(why!.answered).toBe(1);
    expect(purpose!.slots.find((s) => s.perspective === 'students')!.answer?.id).toBe('a1');
    expect(purpose!.slots.find((s) => s.perspective === 'faculty')!.answer?.id).toBe('a3');
    expect(purpose!.answered).toBe(1);
  });

  it('does not count a question as answered by a blank answer', () => {
    const groups = groupAnswers(questions, perspectives, [answer('a', 'why', null, '')]);
    expect(groups.every((g) => g.answered === 0)).toBe(true);
  });
});

describe('answerToSave', () => {
  const create = (q: string, p: string | null, text: string) => answer('new-id', q, p, text);

  it('creates nothing for a blank first answer', () => {
    expect(answerToSave(undefined, undefined, 'why', null, '  ', create)).toBeNull();
  });

  it('creates a new answer for the first non-blank text', () => {
    expect(answerToSave(undefined, undefined, 'purpose', 'students', 'Jobs', create)).toEqual(
      answer('new-id', 'purpose', 'students', 'Jobs'),
    );
  });

  it('updates the existing answer, keeping its id, even to blank', () => {
    const existing = answer('a1', 'why', null, 'Old');
    expect(answerToSave(existing, undefined, 'why', null, 'New', create)).toEqual(answer('a1', 'why', null, 'New'));
    expect(answerToSave(existing, undefined, 'why', null, '', create)).toEqual(answer('a1', 'why', null, ''));
    expect(answerToSave(existing, undefined, 'why', null, 'Old', create)).toBeNull();
  });

  it('rewrites an answer still on its way instead of creating a second one', () => {
    expect(answerToSave(undefined, 'sent-id', 'why', null, 'More text', create)).toEqual(
      answer('sent-id', 'why', null, 'More text'),
    );
    expect(answerToSave(undefined, 'sent-id', 'why', null, '', create)?.id).toBe('sent-id');
  });
});

describe('unlinkedStatements', () => {
  it('finds statements that serve no existing priority', () => {
    const s = (id: string, priority_ids: string[]): VisionStatement => ({ id, text: id, priority_ids });
    const found = unlinkedStatements([s('a', ['p1']), s('b', []), s('c', ['gone'])], ['p1', 'p2']);
    expect(found.map((x) => x.id)).toEqual(['b', 'c']);
  });
});
