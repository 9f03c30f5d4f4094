// A Backend for unit tests: every call fails loudly unless the test supplies it.
import type { Backend } from '../backend';

export function fakeBackend(calls: Partial<Backend>): Backend {
  const missing = (name: string) => () => Promise.reject(new Error(`the test did not expect ${name}`));
  return new Proxy(calls, {
    get: (given, name) => (given as Record<string | symbol, unknown>)[name] ?? missing(String(name)),
  }) as Backend;
}
