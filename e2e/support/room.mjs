// The room's server without the desktop app, for the phones' tests: `stepwise room serve` on a
// scratch database, with the facilitator's moves made by the same CLI on the same database.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..', '..');

// The command-line tool is built next to the app (scripts/test.sh names the app's path).
export const cli =
  process.env.STEPWISE_CLI ??
  (process.env.STEPWISE_APP ? join(dirname(resolve(process.env.STEPWISE_APP)), 'stepwise') : join(repo, 'target', 'debug', 'stepwise'));
export const pageDir = join(repo, 'ui', 'dist');

/** Fails, saying what to build or install, when something the tests need is missing: never a
 * silent pass. */
export function requireFiles(extra = []) {
  for (const [path, how] of [
    [cli, 'build the command-line tool: cargo build --bin stepwise (scripts/test.sh does in "cargo test")'],
    [join(pageDir, 'rate.html'), 'build the UI: npm --prefix ui run build'],
    ...extra,
  ]) {
    if (!existsSync(path)) throw new Error(`the phone tests need ${path}: ${how}`);
  }
}

export const lastLine = (out) => out.trim().split('\n').at(-1).trim();

/** A scratch database with the CLI bound to it; `remove()` deletes it. */
export function scratchDb() {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-phone-'));
  const db = join(dir, 'room.db');
  return {
    db,
    run: (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8', timeout: 30_000 }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `stepwise room serve` on 127.0.0.1, with its address (the first line it prints) and all it
 * printed before "Ctrl+C" (the personal codes among it). */
export async function serve(db, plan, assessment, ...args) {
  const proc = spawn(cli, ['--db', db, 'room', 'serve', plan, '--assessment', assessment, '--address', '127.0.0.1', '--page-dir', pageDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => (err += d));
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`room serve printed no address within 20 s: ${err}`)), 20_000);
    proc.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Ctrl+C')) {
        clearTimeout(timer);
        ok(out.split('\n')[0].trim());
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`room serve exited with ${code}: ${err}`));
    });
  });
  const exited = new Promise((r) => proc.once('exit', r));
  return {
    url,
    out,
    /** Stops the server: SIGTERM closes the room as Ctrl+C does, SIGKILL just vanishes. */
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
}
