import { describe, expect, it } from 'vitest';
import { Patcher } from './smart.patch';

type Rec = { id: string; a: string; b: string };

/** A store whose saves take a while, like the shell's. */
function slowStore(initial: Rec[]) {
  const records = new Map(initial.map((r) => [r.id, r]));
  const puts: Rec[] = [];
  const put = (r: Rec) =>
    new Promise<null>((resolve) =>
      setTimeout(() => {
        puts.push(r);
        records.set(r.id, r);
        resolve(null);
      }, 5),
    );
  return { records, puts, put, find: (id: string) => records.get(id) };
}

describe('Patcher', () => {
  it('keeps both of two quick changes to the same record', async () => {
    const s = slowStore([{ id: 'r', a: '', b: '' }]);
    const p = new Patcher(s.find, s.put);
    const first = p.patch('r', { a: 'typed' });
    const second = p.patch('r', { b: 'picked' });
    expect(await first).toBeNull();
    expect(await second).toBeNull();
    expect(s.records.get('r')).toEqual({ id: 'r', a: 'typed', b: 'picked' });
    expect(s.puts).toHaveLength(2);
  });

  it('goes on after a refusal, and refuses a record that is gone', async () => {
    const records = new Map([['r', { id: 'r', a: 'x', b: 'y' }]]);
    const p = new Patcher<Rec>(
      (id) => records.get(id),
      async (r) => {
        if (r.a === '') return { code: 'invalid_input', message: 'a is required', problems: [{ path: 'a', reason: 'is required' }] };
        records.set(r.id, r);
        return null;
      },
    );
    const refused = await p.patch('r', { a: '' });
    expect(refused?.message).toBe('a is required');
    expect(await p.patch('r', { b: 'z' })).toBeNull();
    expect(records.get('r')).toEqual({ id: 'r', a: 'x', b: 'z' });
    expect((await p.patch('gone', { b: 'z' }))?.message).toMatch(/deleted/);
  });

  it('is not stuck after a save that throws', async () => {
    let fail = true;
    const p = new Patcher<Rec>(
      () => ({ id: 'r', a: '', b: '' }),
      async () => {
        if (fail) {
          fail = false;
          throw new Error('boom');
        }
        return null;
      },
    );
    await expect(p.patch('r', { a: '1' })).rejects.toThrow('boom');
    expect(await p.patch('r', { a: '2' })).toBeNull();
  });
});
