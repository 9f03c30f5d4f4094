// The raters' page in WebKit, the engine of Safari on every iPhone: WebKitGTK's MiniBrowser
// driven by WebKitWebDriver against `stepwise room serve`. Chromium covers the layout and the
// many screens (phone.test.mjs); this checks the page runs at all in WebKit — joining, scoring,
// not applicable with a reason, the reveal and the room closing — so a feature missing from
// Safari shows here, not in a committee meeting.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { remote } from 'webdriverio';
import { freePort } from '../support/app.mjs';
import { lastLine, requireFiles, scratchDb, serve } from '../support/room.mjs';

const MINIBROWSER = process.env.STEPWISE_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
requireFiles([[MINIBROWSER, 'install libwebkit2gtk-4.1-0 (the desktop app needs it too), or set STEPWISE_MINIBROWSER']]);
if (!process.env.DISPLAY) throw new Error('no DISPLAY: run the end-to-end tests under xvfb-run (scripts/test.sh does)');


async function until(what, f, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('the raters\' page in WebKit', { timeout: 180_000 }, () => {
  const scratch = scratchDb();
  const { db, run } = scratch;
  let driver;
  let browser;
  let room;
  let plan;
  let assessment;

  const screen = () => browser.execute(() => document.querySelector('[data-testid="rate"]')?.getAttribute('data-screen') ?? '');
  const stage = () => browser.execute(() => document.querySelector('[data-testid="rate-room"]')?.getAttribute('data-stage') ?? '');
  const mine = () => browser.execute(() => document.querySelector('[data-testid="rate-mine-label"]')?.textContent ?? '');
  const tap = (id) => browser.$(`[data-testid="${id}"]`).click();

  before(async () => {
    assert.ok(existsSync('/usr/bin/WebKitWebDriver'), 'WebKitWebDriver is installed (webkit2gtk-driver)');
    plan = lastLine(run('create', 'Library plan'));
    assessment = lastLine(run('assess', 'create', plan, 'Baseline', '--date', '2027-03-01'));
    run('assess', 'rater', plan, assessment, 'Ana');
    run('assess', 'rater', plan, assessment, 'Bo');
    room = await serve(db, plan, assessment);
    const port = await freePort();
    driver = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: ['ignore', 'ignore', 'inherit'] });
    await until('WebKitWebDriver', async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/status`)).ok;
      } catch {
        return false;
      }
    });
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      connectionRetryCount: 0,
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', '--private'] },
      },
    });
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.kill('SIGTERM');
    await room?.stop('SIGKILL');
    scratch.remove();
  });

  it('joins, scores, changes to "not applicable" with a reason, sees the reveal and the room close', async () => {
    await browser.url(room.url);
    await until('the join screen', async () => (await screen()) === 'join');
    await browser.$('button=Ana').click();
    await until('the room', async () => (await stage()) === 'between');

    run('assess', 'open-round', plan, assessment, 'analytics');
    await until('scoring', async () => (await stage()) === 'scoring');
    await tap('rate-stage-3');
    await until('the answer', async () => (await mine()) === '3 · Expansion');
    assert.equal(await browser.$('[data-testid="rate-stage-3"]').getAttribute('aria-pressed'), 'true');

    await tap('rate-na');
    await browser.$('[data-testid="rate-na-reason"]').setValue('No analytics platform yet.');
    await tap('rate-na-send');
    await until('not applicable', async () => (await mine()) === 'Not applicable');

    run('assess', 'reveal-round', plan, assessment, 'analytics');
    await until('the reveal', async () => (await stage()) === 'revealed');
    const summary = await browser.execute(() => document.querySelector('[data-testid="rate-summary"]')?.textContent ?? '');
    assert.match(summary, /1 not applicable/);

    await room.stop('SIGTERM');
    await until('the closed screen', async () => (await screen()) === 'closed');
  });
});
