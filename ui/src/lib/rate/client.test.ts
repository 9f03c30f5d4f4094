import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoomClient, type Fetch, type RoomFailure } from './client';

const failureOf = async (p: Promise<unknown>): Promise<RoomFailure> => {
  try {
    await p;
  } catch (e) {
    return e as RoomFailure;
  }
  throw new Error('the call did not fail');
};

describe('the room client', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the token and JSON to relative URLs, and reads a 204 as nothing', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const fetcher: Fetch = async (url, init) => {
      seen.push({ url, init });
      return url.endsWith('leave') ? new Response(null, { status: 204 }) : Response.json({ token: 'x' });
    };
    const c = new RoomClient(fetcher);
    expect(await c.join('r1')).toBe('x');
    c.token = 'abc';
    await c.leave();
    expect(seen[0]).toMatchObject({ url: './api/join', init: { method: 'POST', body: '{"rater_id":"r1"}' } });
    expect((seen[0]!.init.headers as Record<string, string>).Authorization).toBeUndefined();
    expect(seen[1]).toMatchObject({ url: './api/leave', init: { method: 'POST', headers: { Authorization: 'Bearer abc' } } });
  });

  it('turns refusals into the room\'s code and the reasons it gave', async () => {
    const c = new RoomClient(async () =>
      Response.json(
        { code: 'invalid_input', message: 'invalid input: round: round 2 is open now', problems: [{ path: 'round', reason: 'round 2 is open now' }] },
        { status: 422 },
      ),
    );
    expect(await failureOf(c.page())).toEqual({ kind: 'refused', status: 422, code: 'invalid_input', message: 'round 2 is open now', retryAfter: null });

    const busy = new RoomClient(async () => new Response('slow down', { status: 429, headers: { 'Retry-After': '3' } }));
    expect(await failureOf(busy.page())).toMatchObject({ kind: 'refused', code: 'too_many', retryAfter: 3 });

    const gone = new RoomClient(async () => new Response(null, { status: 410 }));
    expect(await failureOf(gone.page())).toMatchObject({ code: 'closed' });
  });

  it('counts a room that does not answer in time as unreachable', async () => {
    vi.useFakeTimers();
    const hang: Fetch = (_url, init) =>
      new Promise((_, fail) => init.signal?.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError'))));
    const c = new RoomClient(hang);
    const pending = failureOf(c.page());
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await pending).toMatchObject({ kind: 'network' });

    const stop = new AbortController();
    const waiting = failureOf(c.wait(3, stop.signal));
    stop.abort();
    expect(await waiting).toEqual({ kind: 'network', message: 'stopped' });
  });
});
