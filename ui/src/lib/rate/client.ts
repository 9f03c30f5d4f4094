// The rater's page talks to the room over plain HTTP, with relative URLs under the room's
// code (`./api/...`), so it works at whatever address and port the room was opened on. Every
// failure becomes a `RoomFailure`: the room's own refusal (its code and message), or the
// network (the room cannot be reached at all).
import type { Joined, RaterAnswer, RaterPage, RoomError, RoomErrorCode, RoomWelcome } from '../types';

export type RoomFailure =
  | { kind: 'refused'; status: number; code: RoomErrorCode; message: string; retryAfter: number | null }
  | { kind: 'network'; message: string };

export function isFailure(e: unknown): e is RoomFailure {
  return typeof e === 'object' && e !== null && 'kind' in e && (e.kind === 'refused' || e.kind === 'network');
}

/** The part of `fetch` the client uses, so tests can stand in for the room. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** How long a request may take before the room counts as unreachable; a wait is held by the
 * room for 25 s, so it gets longer. */
const TIMEOUT_MS = 15_000;
const WAIT_TIMEOUT_MS = 40_000;

export class RoomClient {
  token: string | null = null;

  constructor(
    private readonly fetcher: Fetch,
    private readonly base = './',
  ) {}

  welcome(): Promise<RoomWelcome> {
    return this.call<RoomWelcome>('GET', 'api/room');
  }

  async join(raterId: string): Promise<string> {
    const joined = await this.call<Joined>('POST', 'api/join', { rater_id: raterId });
    return joined.token;
  }

  page(): Promise<RaterPage> {
    return this.call<RaterPage>('GET', 'api/page');
  }

  /** The page once it is newer than `after`, or after the room's wait anyway. */
  wait(after: number, signal?: AbortSignal): Promise<RaterPage> {
    return this.call<RaterPage>('GET', `api/wait?after=${after}`, undefined, signal, WAIT_TIMEOUT_MS);
  }

  answer(answer: RaterAnswer): Promise<RaterPage> {
    return this.call<RaterPage>('POST', 'api/answer', answer);
  }

  async leave(): Promise<void> {
    await this.call<null>('POST', 'api/leave');
  }

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    timeout = TIMEOUT_MS,
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // AbortSignal.timeout and AbortSignal.any are newer than Safari 15: one controller does both.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    const stop = () => controller.abort();
    signal?.addEventListener('abort', stop);
    let response: Response;
    try {
      response = await this.fetcher(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        credentials: 'omit',
        signal: controller.signal,
      });
    } catch (e) {
      const aborted = signal?.aborted ?? false;
      throw {
        kind: 'network',
        message: aborted ? 'stopped' : e instanceof Error ? e.message : String(e),
      } satisfies RoomFailure;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
    }
    if (response.status === 204) return null as T;
    let payload: unknown = null;
    try {
      payload = await response.json();
    } catch {
      payload = null;
    }
    if (!response.ok) throw refusal(response, payload);
    return payload as T;
  }
}

function refusal(response: Response, payload: unknown): RoomFailure {
  const error = payload as Partial<RoomError> | null;
  const retry = Number(response.headers.get('Retry-After'));
  return {
    kind: 'refused',
    status: response.status,
    code: error?.code ?? codeOfStatus(response.status),
    message: messageOf(error, response.status),
    retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null,
  };
}

/** What to tell the rater: the reasons the core gave (its `message` prefixes them with the
 * field's path, which means nothing on a phone), else the room's message. */
function messageOf(error: Partial<RoomError> | null, status: number): string {
  const reasons = Array.isArray(error?.problems) ? error.problems.map((p) => p.reason).filter(Boolean) : [];
  if (reasons.length > 0) return reasons.join('; ');
  return typeof error?.message === 'string' && error.message ? error.message : `the room answered ${status}`;
}

/** A refusal without the room's JSON (a proxy, or a page from something else on that port). */
function codeOfStatus(status: number): RoomErrorCode {
  switch (status) {
    case 401:
      return 'not_in_room';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 410:
      return 'closed';
    case 413:
      return 'too_large';
    case 421:
      return 'wrong_host';
    case 429:
      return 'too_many';
    default:
      return status >= 500 ? 'conflict' : 'invalid_input';
  }
}
