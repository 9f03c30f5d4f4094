import { describe, expect, it } from 'vitest';
import type { RaterFocus, RaterPage, RoomWelcome } from '../types';
import { RoomClient, type Fetch } from './client';
import { backoff, RateSession, RECHECK_MS, REMOVED, REMOVED_CODE, sentence, stageOf, UNREACHABLE_AFTER, type View } from './session';
import { fragmentToken, memoryStore, roomCode, Tokens } from './token';

const TOKEN = '0123456789abcdef0123456789abcdef';

const welcome = (join: RoomWelcome['join'] = 'pick_name'): RoomWelcome => ({
  title: 'Library plan',
  assessment: 'Baseline',
  join,
  raters: join === 'pick_name' ? [
    { id: 'r1', name: 'Ana', taken: false },
    { id: 'r2', name: 'Bo', taken: true },
  ] : [],
});

const focus = (over: Partial<RaterFocus> = {}): RaterFocus => ({
  subfacet_id: 'sf1',
  facet: 'Culture',
  name: 'Leadership',
  asks: 'Do leaders back it?',
  stages: [1, 2, 3, 4, 5].map((n) => ({ number: n, name: `Stage ${n}`, descriptor: `What stage ${n} looks like` })),
  round: 1,
  state: 'scoring',
  mine: null,
  scored: 0,
  raters: 3,
  reveal: null,
  ...over,
});

const page = (version: number, f: RaterFocus | null = focus()): RaterPage => ({
  version,
  title: 'Library plan',
  assessment: 'Baseline',
  rater: 'Ana',
  focus: f,
});

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'network';
type Call = { method: string; path: string; auth: string | null; body: unknown };

/** A stand-in room: replies queued per "METHOD path" (without the query); a wait with
 * nothing queued is held like the real long poll, until the page aborts it. */
function fakeRoom() {
  const queues = new Map<string, Reply[]>();
  const calls: Call[] = [];
  const held: Array<(r: Reply) => void> = [];
  const reply = (key: string, ...r: Reply[]) => {
    queues.set(key, [...(queues.get(key) ?? []), ...r]);
  };
  const fetcher: Fetch = (url, init) => {
    const path = url.replace(/^\.\//, '').split('?')[0]!;
    const method = init.method ?? 'GET';
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({ method, path, auth: headers.Authorization ?? null, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const r = queues.get(`${method} ${path}`)?.shift();
    if (!r) {
      if (path === 'api/wait') {
        return new Promise((ok, fail) => {
          init.signal?.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError')));
          held.push((r) => (r === 'network' ? fail(new TypeError('Failed to fetch')) : ok(respond(r))));
        });
      }
      return Promise.reject(new Error(`nothing queued for ${method} ${path}`));
    }
    if (r === 'network') return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(respond(r));
  };
  const respond = (r: Exclude<Reply, 'network'>) =>
    new Response(r.body === undefined ? null : JSON.stringify(r.body), { status: r.status, headers: r.headers });
  /** Answers the oldest wait the room is holding. */
  const release = (r: Reply) => held.shift()?.(r);
  return { fetcher, reply, calls, release };
}

function setup(stored: string | null = null) {
  const room = fakeRoom();
  const store = memoryStore();
  const tokens = new Tokens(store, 'k7qm3p');
  if (stored) tokens.set(stored);
  const views: View[] = [];
  const slept: number[] = [];
  const session = new RateSession({
    client: new RoomClient(room.fetcher),
    tokens,
    onView: (v) => views.push(v),
    // A macrotask, so loops never starve the test; the slow recheck of an unreachable room
    // never comes by itself (the tests retry by hand).
    sleep: (ms) => {
      slept.push(ms);
      return ms >= RECHECK_MS ? new Promise(() => {}) : new Promise((r) => setTimeout(r, 0));
    },
  });
  return { room, store, tokens, views, slept, session };
}

/** Lets the session's promises run. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

const refused = (status: number, code: string, message: string) => ({ status, body: { code, message, problems: [] } });

describe('the room code and personal code in the URL', () => {
  it('reads the room code from the path and the token from the fragment', () => {
    expect(roomCode('/k7qm3p/')).toBe('k7qm3p');
    expect(roomCode('/k7qm3p')).toBe('k7qm3p');
    expect(fragmentToken(`#t=${TOKEN}`)).toBe(TOKEN);
    expect(fragmentToken('#t=<script>')).toBeNull();
    expect(fragmentToken('')).toBeNull();
  });

  it('keeps a token per room code, so another room never gets it', () => {
    const store = memoryStore();
    new Tokens(store, 'aaaaaa').set(TOKEN);
    expect(new Tokens(store, 'aaaaaa').get()).toBe(TOKEN);
    expect(new Tokens(store, 'bbbbbb').get()).toBeNull();
  });
});

describe('the rater page session', () => {
  it('lists the names to pick from, joins with one and keeps the token', async () => {
    const { room, session, tokens, views } = setup();
    room.reply('GET api/room', { status: 200, body: welcome() }, { status: 200, body: welcome() });
    room.reply('POST api/join', { status: 200, body: { token: TOKEN } });
    room.reply('GET api/page', { status: 200, body: page(3) });
    await session.start();
    expect(session.view.screen).toBe('join');
    await session.pick('r1');
    await settle();
    expect(tokens.get()).toBe(TOKEN);
    expect(room.calls.find((c) => c.path === 'api/join')?.body).toEqual({ rater_id: 'r1' });
    expect(room.calls.find((c) => c.path === 'api/page')?.auth).toBe(`Bearer ${TOKEN}`);
    expect(session.view.screen).toBe('room');
    expect(views.some((v) => v.screen === 'join' && v.joining === 'r1')).toBe(true);
    // It then waits on the room for anything newer than what it shows.
    expect(room.calls.at(-1)).toMatchObject({ method: 'GET', path: 'api/wait' });
    session.stop();
  });

  it('uses a personal code from the URL, and asks for one when a personal-code room has none', async () => {
    const a = setup();
    a.room.reply('GET api/room', { status: 200, body: welcome('personal_codes') });
    a.room.reply('GET api/page', { status: 200, body: page(1) });
    await a.session.start(TOKEN);
    expect(a.tokens.get()).toBe(TOKEN);
    expect(a.session.view.screen).toBe('room');
    a.session.stop();

    const b = setup();
    b.room.reply('GET api/room', { status: 200, body: welcome('personal_codes') });
    await b.session.start();
    expect(b.session.view).toMatchObject({ screen: 'code', notice: null });
  });

  it('goes back to joining, without the token, when the room no longer knows it', async () => {
    const { room, session, tokens } = setup(TOKEN);
    room.reply('GET api/room', { status: 200, body: welcome() });
    room.reply('GET api/page', refused(401, 'not_in_room', 'this device is not in the room'));
    await session.start();
    expect(session.view).toMatchObject({ screen: 'join', notice: { tone: 'error', text: REMOVED } });
    expect(tokens.get()).toBeNull();
  });

  it('follows the facilitator, and shows "closed" when the room closes', async () => {
    const { room, session } = setup(TOKEN);
    room.reply('GET api/room', { status: 200, body: welcome() });
    room.reply('GET api/page', { status: 200, body: page(1, null) });
    room.reply(
      'GET api/wait',
      { status: 200, body: page(2, focus({ state: 'not_open' })) },
      { status: 200, body: page(3, focus({ name: 'Budget', subfacet_id: 'sf2' })) },
      refused(410, 'closed', 'the facilitator has closed the room'),
    );
    const seen: string[] = [];
    const s2 = session as unknown as { onView: (v: View) => void };
    const show = s2.onView;
    s2.onView = (v) => {
      if (v.screen === 'room') seen.push(`${stageOf(v.page)}:${v.page.focus?.name ?? '-'}`);
      show(v);
    };
    await session.start();
    await settle();
    expect(seen).toEqual(['between:-', 'not_open:Leadership', 'scoring:Budget']);
    expect(session.view.screen).toBe('closed');
    const waits = room.calls.filter((c) => c.path === 'api/wait');
    expect(waits.length).toBe(3);
  });

  it('says it is reconnecting, then that the room cannot be reached, never spinning forever', async () => {
    const { room, session, views, slept } = setup(TOKEN);
    room.reply('GET api/room', { status: 200, body: welcome() });
    room.reply('GET api/page', { status: 200, body: page(1) });
    room.reply('GET api/wait', ...Array<Reply>(UNREACHABLE_AFTER).fill('network'));
    await session.start();
    await settle();
    expect(views.some((v) => v.screen === 'room' && v.reconnecting)).toBe(true);
    expect(session.view.screen).toBe('unreachable');
    expect(slept.slice(0, 3)).toEqual([backoff(1), backoff(2), backoff(3)]);
    // It looks again by itself; when the room answers, the page is back.
    room.reply('GET api/room', { status: 200, body: welcome() }, { status: 200, body: welcome() });
    room.reply('GET api/page', { status: 200, body: page(5) });
    await session.retry();
    await settle();
    expect(session.view).toMatchObject({ screen: 'room', reconnecting: false });
    session.stop();
  });

  it('cannot reach a room that is gone when the page opens, after a few tries', async () => {
    const { room, session } = setup();
    room.reply('GET api/room', ...Array<Reply>(UNREACHABLE_AFTER).fill('network'));
    await session.start();
    expect(session.view.screen).toBe('unreachable');
    session.stop();
  });

  it('sends an answer for the round on screen and shows the room\'s page back', async () => {
    const { room, session } = setup(TOKEN);
    room.reply('GET api/room', { status: 200, body: welcome() });
    room.reply('GET api/page', { status: 200, body: page(4, focus({ round: 2 })) });
    room.reply('POST api/answer', { status: 200, body: page(4, focus({ round: 2, mine: { stage: 3 }, scored: 1 })) });
    await session.start();
    expect(await session.send({ stage: 3 })).toBe(true);
    expect(room.calls.find((c) => c.path === 'api/answer')?.body).toEqual({ subfacet_id: 'sf1', round: 2, score: { stage: 3 } });
    expect(session.view).toMatchObject({ screen: 'room', sending: null, page: { focus: { mine: { stage: 3 } } } });
    session.stop();
  });

  it('says why an answer was refused and shows the room as it is now', async () => {
    const { room, session } = setup(TOKEN);
    room.reply('GET api/room', { status: 200, body: welcome() });
    room.reply(
      'GET api/page',
      { status: 200, body: page(4) },
      { status: 200, body: page(5, focus({ state: 'revealed' })) },
    );
    room.reply('POST api/answer', {
      status: 422,
      body: {
        code: 'invalid_input',
        message: 'invalid input: round: round 1 has been revealed; scores can no longer change',
        problems: [{ path: 'round', reason: 'round 1 has been revealed; scores can no longer change' }],
      },
    });
    await session.start();
    expect(await session.send({ abstained: '' })).toBe(false);
    expect(session.view).toMatchObject({
      screen: 'room',
      notice: { tone: 'error', text: 'Round 1 has been revealed; scores can no longer change.' },
      page: { version: 5, focus: { state: 'revealed' } },
    });
    session.stop();
  });

  it('drops a message about the last sub-facet when the room moves on', async () => {
    const { room, session } = setup(TOKEN);
    room.reply('GET api/room', { status: 200, body: welcome() });
    room.reply('GET api/page', { status: 200, body: page(4) }, { status: 200, body: page(4) });
    room.reply('POST api/answer', refused(409, 'conflict', 'the answer could not be saved; try again'));
    await session.start();
    await session.send({ stage: 2 });
    expect(session.view).toMatchObject({ screen: 'room', notice: { text: 'The answer could not be saved; try again.' } });
    // A change on the same sub-facet keeps the message; the next sub-facet drops it.
    room.release({ status: 200, body: page(5, focus({ scored: 2 })) });
    await settle();
    expect(session.view).toMatchObject({ screen: 'room', page: { version: 5 }, notice: { tone: 'error' } });
    room.release({ status: 200, body: page(6, focus({ subfacet_id: 'sf2', name: 'Budget' })) });
    await settle();
    expect(session.view).toMatchObject({ screen: 'room', page: { version: 6 }, notice: null });
    session.stop();
  });

  it('keeps the answer screen when an answer does not reach the room, saying so', async () => {
    const { room, session } = setup(TOKEN);
    room.reply('GET api/room', { status: 200, body: welcome() });
    room.reply('GET api/page', { status: 200, body: page(4) });
    room.reply('POST api/answer', 'network');
    await session.start();
    expect(await session.send({ not_applicable: 'no such service here' })).toBe(false);
    expect(session.view).toMatchObject({ screen: 'room', sending: null, notice: { tone: 'error' } });
    session.stop();
  });

  it('shows the list again with the reason when the name was taken meanwhile', async () => {
    const { room, session } = setup();
    const taken = welcome();
    taken.raters[0]!.taken = true;
    room.reply('GET api/room', { status: 200, body: welcome() }, { status: 200, body: taken });
    room.reply('POST api/join', refused(409, 'conflict', 'someone is already scoring under this name on another device'));
    await session.start();
    await session.pick('r1');
    expect(session.view).toMatchObject({
      screen: 'join',
      joining: null,
      notice: { text: 'Someone is already scoring under this name on another device.' },
      welcome: { raters: [{ taken: true }, { taken: true }] },
    });
  });

  it('gives the name back on "Not you?" and forgets the token', async () => {
    const { room, session, tokens } = setup(TOKEN);
    room.reply('GET api/room', { status: 200, body: welcome() }, { status: 200, body: welcome() });
    room.reply('GET api/page', { status: 200, body: page(1) });
    room.reply('POST api/leave', { status: 204 });
    await session.start();
    await session.leave();
    expect(room.calls.some((c) => c.method === 'POST' && c.path === 'api/leave' && c.auth === `Bearer ${TOKEN}`)).toBe(true);
    expect(tokens.get()).toBeNull();
    expect(session.view).toMatchObject({ screen: 'join', notice: null });
  });

  it('asks a personal-code rater who was removed for a new code', async () => {
    const { room, session } = setup(TOKEN);
    room.reply('GET api/room', { status: 200, body: welcome('personal_codes') });
    room.reply('GET api/page', { status: 200, body: page(1) });
    room.reply('GET api/wait', refused(401, 'not_in_room', 'this device is not in the room'));
    await session.start();
    await settle();
    expect(session.view).toMatchObject({ screen: 'code', notice: { text: REMOVED_CODE } });
  });

  it('waits as the room asks when it is too busy', async () => {
    const { room, session, slept } = setup(TOKEN);
    room.reply('GET api/room', { status: 429, body: { code: 'too_many', message: 'wait', problems: [] }, headers: { 'Retry-After': '2' } }, { status: 200, body: welcome() });
    room.reply('GET api/page', { status: 200, body: page(1) });
    await session.start();
    expect(slept[0]).toBe(2000);
    expect(session.view.screen).toBe('room');
    session.stop();
  });

  it('shows the room\'s refusal when the page is opened at an address the room does not answer', async () => {
    const { room, session } = setup();
    room.reply('GET api/room', refused(421, 'wrong_host', 'this room answers only at http://10.0.0.2:5000/'));
    await session.start();
    expect(session.view).toEqual({ screen: 'refused', message: 'This room answers only at http://10.0.0.2:5000/.' });
  });
});

describe('words', () => {
  it('turns the room\'s clauses into sentences', () => {
    expect(sentence('the room has moved on to Budget')).toBe('The room has moved on to Budget.');
    expect(sentence('Done.')).toBe('Done.');
  });
});
