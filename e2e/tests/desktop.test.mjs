// The app as a desktop program: one running app per database (a second launch on the same
// file hands over to the first, which comes to the front, and exits; a launch on another file
// runs on its own), and a window that opens where it was left. The handover goes over the
// D-Bus session bus, so scripts/test.sh runs the tests in one.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appBinary, startDriver } from '../support/app.mjs';
import { find } from '../support/ui.mjs';

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.close();
});

/** Starts the app binary directly; resolves with its exit code, or 'running' after `ms`. */
function launchDirect(db, ms) {
  const child = spawn(appBinary, ['--db', db], { env: driver.env, stdio: 'ignore' });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('running');
    }, ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

test('a second launch on the same database focuses the running app and exits', { timeout: 120_000 }, async (t) => {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    t.skip('no D-Bus session bus: run under dbus-run-session (scripts/test.sh does)');
    return;
  }
  const db = join(driver.scratch, 'single.db');
  const app = await driver.launch(db);
  try {
    await find(app, 'plan');
    const opened = (text) => (text.match(/database open/g) ?? []).length;
    const openedBefore = opened(readFileSync(driver.logFile, 'utf8'));
    assert.equal(await launchDirect(db, 20_000), 0, 'the second launch hands over and exits cleanly');
    const log = readFileSync(driver.logFile, 'utf8');
    assert.equal(opened(log), openedBefore, 'the second launch handed over before opening the database');
    assert.match(log, /a second launch asked for the window/, 'the running app was asked to come forward');
    assert.equal(await app.getTitle(), 'Stepwise', 'the first app still runs');

    const other = join(driver.scratch, 'other.db');
    assert.equal(await launchDirect(other, 6_000), 'running', 'a launch on another database runs on its own');
  } finally {
    await app.deleteSession();
  }
});

test('the window opens at the size and place it was left at', { timeout: 120_000 }, async () => {
  const db = join(driver.scratch, 'window.db');
  let app = await driver.launch(db);
  try {
    await find(app, 'plan');
    const first = await app.getWindowRect();
    assert.ok(first.width <= 1024 && first.height <= 768, `the first window fits the screen: ${JSON.stringify(first)}`);
    await app.setWindowRect(10, 20, 900, 700);
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    await app.deleteSession();
  }
  app = await driver.launch(db);
  try {
    await find(app, 'plan');
    const rect = await app.getWindowRect();
    assert.deepEqual(
      [rect.x, rect.y, rect.width, rect.height],
      [10, 20, 900, 700],
      'the relaunched window has the size and place it was left at',
    );
  } finally {
    await app.deleteSession();
  }
});
