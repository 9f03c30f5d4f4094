import { describe, expect, it } from 'vitest';
import { answered, messageText, uncovered, withMessage } from './outreach';
import type { Described, KeyMessage } from './types';

const prompts: Described[] = ['why', 'now', 'benefits'].map((id) => ({ id, name: id, description: '' }));

describe('withMessage', () => {
  it('adds an answer in prompt order', () => {
    const start: KeyMessage[] = [{ prompt_id: 'benefits', text: 'B' }];
    expect(withMessage(start, prompts, 'why', 'W')).toEqual([
      { prompt_id: 'why', text: 'W' },
      { prompt_id: 'benefits', text: 'B' },
    ]);
  });
  it('replaces an answer without duplicating it', () => {
    const start: KeyMessage[] = [{ prompt_id: 'why', text: 'old' }];
    expect(withMessage(start, prompts, 'why', 'new')).toEqual([{ prompt_id: 'why', text: 'new' }]);
  });
  it('drops an answer emptied to spaces', () => {
    const start: KeyMessage[] = [
      { prompt_id: 'why', text: 'W' },
      { prompt_id: 'now', text: 'N' },
    ];
    expect(withMessage(start, prompts, 'why', '  ')).toEqual([{ prompt_id: 'now', text: 'N' }]);
  });
  it('keeps answers to unknown prompts at the end', () => {
    const start: KeyMessage[] = [{ prompt_id: 'retired', text: 'R' }];
    expect(withMessage(start, prompts, 'now', 'N').map((m) => m.prompt_id)).toEqual(['now', 'retired']);
  });
});

describe('messageText and answered', () => {
  const messages: KeyMessage[] = [
    { prompt_id: 'why', text: 'W' },
    { prompt_id: 'now', text: ' ' },
  ];
  it('reads one answer', () => {
    expect(messageText(messages, 'why')).toBe('W');
    expect(messageText(messages, 'benefits')).toBe('');
  });
  it('counts only real answers', () => {
    expect(answered(messages, prompts)).toBe(1);
  });
});

describe('uncovered', () => {
  it('lists groups no record addresses, ignoring case, blanks and repeats', () => {
    expect(uncovered(['Students', 'Faculty', ' ', 'Staff', 'staff'], ['faculty '])).toEqual(['Students', 'Staff']);
  });
});
