// The device's token is kept per room code, so a phone that reloads the page (or comes back
// after the screen locked) is still in the room, and a token from last week's room is never
// sent to this one. Personal codes arrive in the URL's fragment (`#t=…`, never sent to the
// server in a request line or a Referer), are stored and then wiped from the address bar.

/** The parts of `localStorage` used; a Map stands in when storage is off (private browsing). */
export type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function memoryStore(): Store {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

/** The browser's storage if it can be written, else one that lasts until the page closes. */
export function deviceStore(): Store {
  try {
    const probe = 'stepwise-rate-probe';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    return memoryStore();
  }
}

/** The room code: the first part of the page's path (`/k7qm3p/` → `k7qm3p`). */
export function roomCode(pathname: string): string {
  return pathname.split('/').find((p) => p.length > 0) ?? '';
}

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/** The token in a fragment like `#t=…`, or null. */
export function fragmentToken(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const t = params.get('t');
  return t && TOKEN.test(t) ? t : null;
}

export class Tokens {
  constructor(
    private readonly store: Store,
    private readonly code: string,
  ) {}

  private get key() {
    return `stepwise-rate:${this.code}`;
  }

  get(): string | null {
    try {
      const t = this.store.getItem(this.key);
      return t && TOKEN.test(t) ? t : null;
    } catch {
      return null;
    }
  }

  set(token: string) {
    try {
      this.store.setItem(this.key, token);
    } catch {
      // Storage full or refused: the token still lives in the page until it is closed.
    }
  }

  clear() {
    try {
      this.store.removeItem(this.key);
    } catch {
      // nothing to clear
    }
  }
}
