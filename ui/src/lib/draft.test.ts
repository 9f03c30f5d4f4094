import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Draft, SAVE_DELAY_MS } from './draft.svelte';

describe('Draft', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once typing pauses, not on every keystroke', async () => {
    const save = vi.fn(async () => null);
    const d = new Draft('', save);
    d.input('L');
    d.input('La');
    d.input('Launch');
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('Launch');
  });

  it('does not save when leaving a field that did not change', async () => {
    const save = vi.fn(async () => null);
    const d = new Draft('same', save);
    await d.flush();
    expect(save).not.toHaveBeenCalled();
  });

  it('keeps what was typed, with the reason, when the core refuses it', async () => {
    const d = new Draft('Pilot', async () => ({
      code: 'invalid_input' as const,
      message: 'invalid input',
      problems: [{ path: 'goal.title', reason: 'must not be empty' }],
    }));
    d.input('');
    await d.flush();
    expect(d.value).toBe('');
    expect(d.error).toBe('must not be empty');
    d.sync('Pilot');
    expect(d.value, 'a refused value is not overwritten behind the person’s back').toBe('');
  });

  it('takes the saved value from elsewhere (undo) when nothing is pending', async () => {
    const d = new Draft('before', async () => null);
    d.sync('after undo');
    expect(d.value).toBe('after undo');
    d.input('typing');
    d.sync('other');
    expect(d.value).toBe('typing');
  });
});
