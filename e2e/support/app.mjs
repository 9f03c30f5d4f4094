// Starts tauri-driver (which drives Debian's WebKitWebDriver) and opens WebDriver sessions on
// the real Stepwise binary. Each session gets its own database through the app's --db flag;
// XDG folders point into a temporary directory so nothing touches the user's real data.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { remote } from 'webdriverio';

const repo = resolve(import.meta.dirname, '..', '..');

export const appBinary = (() => {
  const p = process.env.STEPWISE_APP ?? join(repo, 'target', 'debug', 'stepwise-app');
  return isAbsolute(p) ? p : resolve(process.cwd(), p);
})();

export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

async function waitForStatus(port, driver, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`tauri-driver exited with code ${driver.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`tauri-driver did not answer on port ${port} within ${timeoutMs} ms`);
}

/** A running tauri-driver plus a scratch folder; `close()` stops both. */
export async function startDriver() {
  if (!process.env.DISPLAY) {
    throw new Error('no DISPLAY: run the end-to-end tests under xvfb-run (scripts/test.sh does)');
  }
  const scratch = mkdtempSync(join(tmpdir(), 'stepwise-e2e-'));
  const port = await freePort();
  const nativePort = await freePort();
  const env = {
    ...process.env,
    XDG_DATA_HOME: join(scratch, 'data'),
    XDG_CONFIG_HOME: join(scratch, 'config'),
    XDG_CACHE_HOME: join(scratch, 'cache'),
    STEPWISE_DB: join(scratch, 'unused-default.db'),
    STEPWISE_EXPORT_DIR: join(scratch, 'exports'),
    // Software rendering: Xvfb has no GPU, and the DMA-BUF renderer is needless there.
    WEBKIT_DISABLE_DMABUF_RENDERER: '1',
  };
  const bin = process.env.TAURI_DRIVER ?? 'tauri-driver';
  const driver = spawn(bin, ['--port', String(port), '--native-port', String(nativePort)], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    // Its own process group, so closing stops WebKitWebDriver and the app with it.
    detached: true,
  });
  const spawned = new Promise((ok, fail) => {
    driver.once('spawn', ok);
    driver.once('error', (e) => fail(new Error(`cannot start ${bin}: ${e.message}`)));
  });
  await spawned;
  await waitForStatus(port, driver, 20_000);

  return {
    scratch,
    env,
    exportDir: join(scratch, 'exports'),
    logFile: join(scratch, 'data', 'stepwise', 'stepwise-app.log'),
    /** Opens the app on `db` (a path inside the scratch folder unless absolute). */
    async launch(db) {
      return remote({
        hostname: '127.0.0.1',
        port,
        logLevel: 'error',
        connectionRetryCount: 0,
        capabilities: {
          // tauri-driver's own capability; plain WebDriver classic, no BiDi.
          'tauri:options': { application: appBinary, args: ['--db', db] },
          'wdio:enforceWebDriverClassic': true,
        },
      });
    },
    async close() {
      const exited = new Promise((r) => (driver.exitCode !== null ? r() : driver.once('exit', r)));
      signalGroup(driver.pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(driver.pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      signalGroup(driver.pid, 'SIGKILL'); // anything of the group still left
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Saves a picture of the whole (virtual) screen. WebDriver's own screenshot command hangs
 * with WebKitWebDriver under Xvfb, so this uses ImageMagick's `import` instead. */
export function screenshot(file) {
  execFileSync('import', ['-window', 'root', file], { stdio: 'inherit', timeout: 20_000 });
}
