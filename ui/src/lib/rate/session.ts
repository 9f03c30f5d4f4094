// What the rater's page shows, and the loop that keeps it in step with the room. The page is
// one `View` at a time; the session moves between them on the room's answers and refusals:
// a refused token goes back to joining, a closed room to "closed", a room that stops
// answering to "can't reach the room" after a few tries (never a spinner forever). While in
// the room it waits on the room's long poll, so when the facilitator moves, the phone moves.
import type { JoinMode, RaterPage, RoomWelcome, Score } from '../types';
import { isFailure, type RoomClient, type RoomFailure } from './client';
import type { Tokens } from './token';

export type Notice = { tone: 'info' | 'error'; text: string };

export type View =
  | { screen: 'loading' }
  | { screen: 'join'; welcome: RoomWelcome; joining: string | null; notice: Notice | null }
  /** A room joined with personal codes, and this device has none (or lost it). */
  | { screen: 'code'; welcome: RoomWelcome | null; notice: Notice | null }
  | {
      screen: 'room';
      page: RaterPage;
      join: JoinMode;
      /** The answer on its way to the room. */
      sending: Score | null;
      notice: Notice | null;
      /** The last request did not reach the room; trying again. */
      reconnecting: boolean;
    }
  | { screen: 'closed' }
  | { screen: 'unreachable'; checking: boolean }
  /** The room refuses this page outright (opened at another address than the room's). */
  | { screen: 'refused'; message: string };

/** Where the sub-facet on a rater's phone stands. */
export type Stage = 'between' | 'not_open' | 'scoring' | 'revealed';

export function stageOf(page: RaterPage): Stage {
  return page.focus ? page.focus.state : 'between';
}

/** Network failures in a row before the page says the room cannot be reached. */
export const UNREACHABLE_AFTER = 4;
/** How often a page that cannot reach the room tries again by itself. */
export const RECHECK_MS = 15_000;

/** The pause before try `n` (1, 2, 4 … seconds, at most 8). */
export function backoff(n: number): number {
  return Math.min(8_000, 1_000 * 2 ** Math.max(0, n - 1));
}

/** The room's messages are lower-case clauses; the page shows them as sentences. */
export function sentence(message: string): string {
  const m = message.trim();
  if (!m) return m;
  const s = m[0]!.toUpperCase() + m.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

export const REMOVED =
  'This device is no longer in the room: the facilitator may have removed it, or it left. Pick your name to join again.';
export const REMOVED_CODE =
  'This device is no longer in the room: the facilitator may have removed it. Ask the facilitator for a new personal code.';

export interface SessionDeps {
  client: RoomClient;
  tokens: Tokens;
  onView: (view: View) => void;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class RateSession {
  view: View = { screen: 'loading' };
  private readonly client: RoomClient;
  private readonly tokens: Tokens;
  private readonly onView: (view: View) => void;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Each wait loop's number; a loop whose number is no longer current stops. */
  private run = 0;
  private abort: AbortController | null = null;
  private welcome: RoomWelcome | null = null;

  constructor(deps: SessionDeps) {
    this.client = deps.client;
    this.tokens = deps.tokens;
    this.onView = deps.onView;
    this.sleep = deps.sleep ?? realSleep;
  }

  private show(view: View) {
    this.view = view;
    this.onView(view);
  }

  /** Opens the page: a personal code from the URL is kept, then the room is asked who we are. */
  async start(codeFromUrl: string | null = null) {
    if (codeFromUrl) this.tokens.set(codeFromUrl);
    this.client.token = this.tokens.get();
    await this.enter(null);
  }

  /** Reads the room afresh and shows the screen this device belongs on. */
  private async enter(notice: Notice | null) {
    const run = this.stopLoop();
    for (let tries = 1; ; tries++) {
      try {
        this.welcome = await this.client.welcome();
        break;
      } catch (e) {
        if (run !== this.run) return;
        const f = failure(e);
        if (f.kind === 'refused' && f.code === 'too_many') {
          await this.sleep((f.retryAfter ?? 1) * 1000);
          continue;
        }
        if (f.kind === 'network' && tries < UNREACHABLE_AFTER) {
          await this.sleep(backoff(tries));
          continue;
        }
        this.fail(f);
        return;
      }
    }
    if (run !== this.run) return;
    if (!this.client.token) {
      this.showEntry(notice);
      return;
    }
    try {
      const page = await this.client.page();
      if (run !== this.run) return;
      this.enterRoom(page, notice);
    } catch (e) {
      if (run === this.run) this.fail(failure(e));
    }
  }

  private showEntry(notice: Notice | null) {
    const welcome = this.welcome;
    if (welcome && welcome.join === 'pick_name') {
      this.show({ screen: 'join', welcome, joining: null, notice });
    } else {
      this.show({ screen: 'code', welcome, notice });
    }
  }

  private enterRoom(page: RaterPage, notice: Notice | null) {
    this.show({
      screen: 'room',
      page,
      join: this.welcome?.join ?? 'pick_name',
      sending: null,
      notice,
      reconnecting: false,
    });
    void this.follow(this.run);
  }

  /** The rater picked their name. */
  async pick(raterId: string) {
    const v = this.view;
    if (v.screen !== 'join' || v.joining) return;
    this.show({ ...v, joining: raterId, notice: null });
    try {
      const token = await this.client.join(raterId);
      this.tokens.set(token);
      this.client.token = token;
      await this.enter(null);
    } catch (e) {
      const f = failure(e);
      if (f.kind === 'refused' && (f.code === 'conflict' || f.code === 'invalid_input' || f.code === 'forbidden')) {
        // Someone took the name meanwhile, or the list changed: show the list as it is now.
        await this.enter({ tone: 'error', text: sentence(f.message) });
      } else if (f.kind === 'network') {
        this.show({ ...v, joining: null, notice: { tone: 'error', text: NOT_SENT } });
      } else {
        this.fail(f);
      }
    }
  }

  /** Sends the rater's answer to the sub-facet and round on the screen. True once saved. */
  async send(score: Score): Promise<boolean> {
    const v = this.view;
    if (v.screen !== 'room' || v.sending || !v.page.focus) return false;
    const focus = v.page.focus;
    this.show({ ...v, sending: score, notice: null });
    try {
      const page = await this.client.answer({ subfacet_id: focus.subfacet_id, round: focus.round, score });
      const now = this.view;
      if (now.screen === 'room') {
        this.show({ ...now, page: newer(now.page, page), sending: null, notice: null, reconnecting: false });
      }
      return true;
    } catch (e) {
      const f = failure(e);
      const now = this.view;
      if (now.screen !== 'room') return false;
      if (f.kind === 'network') {
        this.show({ ...now, sending: null, notice: { tone: 'error', text: NOT_SENT } });
      } else if (f.code === 'too_many') {
        this.show({ ...now, sending: null, notice: { tone: 'error', text: 'Too many taps at once: wait a moment, then try again.' } });
      } else if (f.code === 'too_large') {
        this.show({ ...now, sending: null, notice: { tone: 'error', text: 'That is too long to send: shorten it and try again.' } });
      } else if (f.code === 'closed' || f.code === 'not_in_room') {
        this.fail(f);
      } else {
        // The room moved on, the round was revealed, or the answer was refused: say why,
        // and show the room as it is now.
        this.show({ ...now, sending: null, notice: { tone: 'error', text: sentence(f.message) } });
        await this.refresh();
      }
      return false;
    }
  }

  /** "Not you?": gives the name back and returns to the list. */
  async leave() {
    this.stopLoop();
    try {
      await this.client.leave();
    } catch {
      // The room may already be gone; the device forgets its token either way.
    }
    this.forget();
    await this.enter(null);
  }

  /** "Try again" on the unreachable screen, or the phone woke up: read the room afresh. */
  async retry() {
    const v = this.view;
    if (v.screen === 'unreachable') this.show({ screen: 'unreachable', checking: true });
    await this.enter(null);
  }

  /** The page came back to the screen (a phone's screen locks): catch up at once. */
  async wake() {
    const v = this.view;
    if (v.screen === 'room' || v.screen === 'unreachable') await this.retry();
  }

  /** Stops the loop for good (the page is going away). */
  stop() {
    this.stopLoop();
  }

  private stopLoop(): number {
    this.run++;
    this.abort?.abort();
    this.abort = new AbortController();
    return this.run;
  }

  private forget() {
    this.tokens.clear();
    this.client.token = null;
  }

  private async refresh() {
    try {
      const page = await this.client.page();
      const now = this.view;
      if (now.screen === 'room') this.show({ ...now, page: newer(now.page, page), reconnecting: false });
    } catch (e) {
      const f = failure(e);
      if (f.kind === 'refused' && (f.code === 'closed' || f.code === 'not_in_room' || f.code === 'not_found')) this.fail(f);
    }
  }

  /** Follows the room: each answer of the long poll is the page as it is now. */
  private async follow(run: number) {
    let failures = 0;
    while (run === this.run) {
      const v = this.view;
      if (v.screen !== 'room') return;
      const started = Date.now();
      try {
        const page = await this.client.wait(v.page.version, this.abort?.signal);
        if (run !== this.run) return;
        failures = 0;
        const now = this.view;
        if (now.screen !== 'room') return;
        if (now.reconnecting || page.version >= now.page.version) {
          const shown = newer(now.page, page);
          // A message about the last sub-facet or round means nothing on the next one.
          const notice = where(shown) === where(now.page) ? now.notice : null;
          this.show({ ...now, page: shown, notice, reconnecting: false });
        }
        // A room that answers at once with nothing new would otherwise be asked in a tight loop.
        if (page.version <= v.page.version && Date.now() - started < 1_000) await this.sleep(1_000);
      } catch (e) {
        if (run !== this.run) return;
        const f = failure(e);
        if (f.kind === 'network') {
          failures++;
          if (failures >= UNREACHABLE_AFTER) {
            this.unreachable(run);
            return;
          }
          const now = this.view;
          if (now.screen === 'room' && !now.reconnecting) this.show({ ...now, reconnecting: true });
          await this.sleep(backoff(failures));
        } else if (f.code === 'too_many') {
          await this.sleep((f.retryAfter ?? 1) * 1000);
        } else if (f.code === 'closed' || f.code === 'not_in_room' || f.code === 'not_found' || f.code === 'wrong_host') {
          this.fail(f);
          return;
        } else {
          await this.sleep(2_000);
        }
      }
    }
  }

  /** "Can't reach the room", and a quiet look every little while in case it comes back. */
  private unreachable(run: number) {
    this.show({ screen: 'unreachable', checking: false });
    void (async () => {
      while (run === this.run && this.view.screen === 'unreachable') {
        await this.sleep(RECHECK_MS);
        if (run !== this.run || this.view.screen !== 'unreachable') return;
        try {
          await this.client.welcome();
        } catch (e) {
          const f = failure(e);
          if (f.kind === 'refused' && f.code === 'closed') {
            if (run === this.run) this.show({ screen: 'closed' });
            return;
          }
          continue;
        }
        if (run === this.run) await this.enter(null);
        return;
      }
    })();
  }

  /** The screen a failure leads to when nothing on this screen can answer it. */
  private fail(f: RoomFailure) {
    const run = this.stopLoop();
    if (f.kind === 'network') {
      this.unreachable(run);
      return;
    }
    switch (f.code) {
      case 'closed':
        this.show({ screen: 'closed' });
        return;
      case 'not_in_room':
      case 'not_found': {
        this.forget();
        const text = this.welcome?.join === 'personal_codes' ? REMOVED_CODE : REMOVED;
        if (this.welcome) this.showEntry({ tone: 'error', text });
        else void this.enter({ tone: 'error', text });
        return;
      }
      case 'wrong_host':
      case 'forbidden':
        this.show({ screen: 'refused', message: sentence(f.message) });
        return;
      default:
        this.show({ screen: 'refused', message: sentence(f.message) });
    }
  }
}

const NOT_SENT =
  'That did not reach the room. Check this phone is on the room’s Wi-Fi, then try again.';

/** Which sub-facet and round a page is on. */
function where(page: RaterPage): string {
  return page.focus ? `${page.focus.subfacet_id}#${page.focus.round}` : '';
}

/** The page to show of two: the later one, unless it is older than the one on screen. */
function newer(shown: RaterPage, arrived: RaterPage): RaterPage {
  return arrived.version >= shown.version ? arrived : shown;
}

function failure(e: unknown): RoomFailure {
  if (isFailure(e)) return e;
  return { kind: 'network', message: e instanceof Error ? e.message : String(e) };
}
