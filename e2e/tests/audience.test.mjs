// Focus mode and the audience view on the real app. Three raters score one sub-facet in focus
// mode while the test reads the room's view: before the reveal it holds no score, no rater's
// name and no note; after the reveal it has three anonymous dots; with "show names" on, the
// names appear. The audience window itself is opened with "Present" and read through its own
// WebDriver window handle when WebKitWebDriver offers one; the same payload is also read in the
// main window's one-screen view (what a facilitator with no projector uses). axe-core runs on
// both views and on focus mode, and the layout check on every state.
//
// Set STEPWISE_E2E_SCREENSHOTS=<dir> to keep a picture of every state (at the Xvfb screen's size).
//
// Test ids used (ui/src/components/focus/):
//   focus, queue-<kind>, present, to-projector, stop-presenting, audience-toggle, audience-here,
//   audience-back, show-names, focus-prev, focus-next, focus-position, focus-subfacet,
//   focus-stages, focus-stage-<n>, open-round, focus-scored, focus-turn (data-name),
//   rater-at-keyboard, pick-stage-<n>, pick-dont-know, pick-na, reveal-round, focus-summary,
//   focus-ask, second-round, agree-stage-<n>, agree-form, agree-rationale, agree-save,
//   focus-agreed, focus-names-<n>
//   audience, audience-title, audience-timer, audience-blank, audience-subfacet,
//   audience-stage-<n>, audience-dots-<n>, audience-dot, audience-names-<n>, audience-status
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appBinary, screenshot, startDriver } from '../support/app.mjs';
import { describe, layoutProblems } from '../support/layout.mjs';
import { accessibilityProblems, assessmentInFocus, click, find, presentBeside } from '../support/ui.mjs';

const RATERS = [
  ['Ada Quist', 'Registrar', 1],
  ['Bram Veldt', 'Faculty of Science', 4],
  ['Cleo Marsh', 'Library', 2],
];
const SHOTS = process.env.STEPWISE_E2E_SCREENSHOTS;
const T = { timeout: 20_000 };

let driver;
before(async () => {
  assert.ok(existsSync(appBinary), `the app is not built at ${appBinary}`);
  driver = await startDriver();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await driver?.close();
});

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

test('three raters score in focus mode; the room sees no score, name or note before the reveal, then anonymous dots', { timeout: 600_000 }, async () => {
  const app = await driver.launch(join(driver.scratch, 'audience.db'));
  const layout = [];
  const shot = async (name) => {
    await pause(400);
    for (const f of await layoutProblems(app)) layout.push(`${name}: ${describe([f])}`);
    if (SHOTS) screenshot(join(SHOTS, `${name}.png`));
  };
  try {
    // The demo plan, a new assessment with three raters.
    await assessmentInFocus(app, 'Focus session', RATERS);
    await shot('focus-1-not-open');
    assert.deepEqual(await accessibilityProblems(app), [], 'focus mode passes axe');

    // Present: the audience window. Read through its own handle if WebKitWebDriver has one.
    const { main, handle: audienceHandle } = await presentBeside(app);
    console.log(audienceHandle ? 'the audience window has its own WebDriver handle' : 'WebKitWebDriver shows one webview only: the audience is read in the one-screen view');

    /** The room's view as text and its dots, from the audience window or the one-screen view. */
    const room = async () => {
      if (!audienceHandle) return here();
      await app.switchToWindow(audienceHandle);
      try {
        await find(app, 'audience');
        await pause(500);
        return await app.execute(() => ({
          text: document.body.innerText,
          html: document.body.innerHTML,
          dots: document.querySelectorAll('[data-testid="audience-dot"]').length,
        }));
      } finally {
        await app.switchToWindow(main);
      }
    };
    /** The same through the one-screen view in the main window. WebKitWebDriver answers slowly
     * while it is shown (seconds a command under Xvfb), so it is read in one go. */
    const jsClick = (id) => app.execute((i) => document.querySelector(`[data-testid="${i}"]`).click(), id);
    const here = async (name) => {
      await jsClick('audience-toggle');
      await find(app, 'audience-here');
      await pause(500);
      const seen = await app.execute(() => {
        const box = document.querySelector('[data-testid="audience-here"]');
        const el = document.querySelector('[data-testid="audience"]');
        return {
          text: box.innerText,
          html: box.innerHTML,
          dots: box.querySelectorAll('[data-testid="audience-dot"]').length,
          fontSize: parseFloat(getComputedStyle(el).fontSize),
          scrolls: el.scrollHeight > el.clientHeight + 1,
        };
      });
      if (name) {
        await shot(name);
        assert.deepEqual(await accessibilityProblems(app), [], `the audience view (${name}) passes axe`);
      }
      await jsClick('audience-back');
      await find(app, 'focus');
      return seen;
    };
    const secrets = ['Ada', 'Bram', 'Cleo', 'Quist', 'Veldt', 'Marsh', 'Registrar', 'Median', 'spread', driver.scratch];
    const assertBlind = (seen, when) => {
      for (const s of secrets) assert.ok(!seen.text.includes(s) && !seen.html.includes(s), `${when}: the room must not see "${s}"`);
      assert.equal(seen.dots, 0, `${when}: no dot before the reveal`);
      // Notes of the demo plan's own ratings never reach the room either.
      assert.ok(!seen.text.includes('Seen the dashboard'), `${when}: no note`);
    };

    await click(app, 'open-round');
    await app.waitUntil(async () => (await (await find(app, 'focus-scored')).getText()) === '0 of 3 have scored', T);
    await shot('focus-2-scoring');
    let seen = await here('audience-1-scoring');
    assert.ok(seen.text.includes('0 of 3 have scored'), seen.text);
    assert.ok(seen.fontSize >= 24, `body text at least 24 px (${seen.fontSize})`);
    assert.ok(!seen.scrolls, 'the audience view does not scroll');
    assertBlind(seen, 'scoring open');

    for (const [i, [name, , stage]] of RATERS.entries()) {
      await click(app, `focus-turn"][data-name="${name}`);
      await find(app, 'rater-at-keyboard');
      if (i === 0) {
        await shot('focus-3-rater-at-keyboard');
        const blank = await here('audience-2-blank');
        assert.ok(blank.text.includes('A rater is scoring'), blank.text);
        assert.ok(!blank.text.includes('have scored'), 'while a rater is at the keyboard the room sees nothing of the item');
        await find(app, 'rater-at-keyboard');
      }
      await click(app, `pick-stage-${stage}`);
      await app.waitUntil(async () => (await (await find(app, 'focus-scored')).getText()) === `${i + 1} of 3 have scored`, T);
      seen = await room();
      assert.ok(seen.text.includes(`${i + 1} of 3 have scored`), seen.text);
      assertBlind(seen, `after ${i + 1} scored`);
    }

    await click(app, 'reveal-round');
    await find(app, 'focus-ask');
    assert.match(await (await find(app, 'focus-ask')).getText(), /Bram Veldt \(stage 4\).*Ada Quist \(stage 1\)/);
    await shot('focus-4-revealed');
    seen = await room();
    assert.equal(seen.dots, 3, 'three dots after the reveal');
    for (const s of ['Ada', 'Bram', 'Cleo']) assert.ok(!seen.text.includes(s), `no name with names off: ${s}`);
    assert.match(seen.text, /Median 2/);
    await here('audience-3-revealed');

    await click(app, 'show-names');
    await pause(500);
    seen = await room();
    for (const [name] of RATERS) assert.ok(seen.text.includes(name), `${name} shown with names on`);
    await here('audience-4-names');
    await click(app, 'show-names');

    // A second round, then agree in one click with the facilitator's rationale.
    await click(app, 'second-round');
    await app.waitUntil(async () => (await (await find(app, 'focus-scored')).getText()) === '0 of 3 have scored', T);
    assertBlind(await room(), 'round 2 open');
    for (const [name] of RATERS.slice(0, 2)) {
      await click(app, `focus-turn"][data-name="${name}`);
      await click(app, 'pick-stage-2');
      await find(app, 'focus-scored');
    }
    await click(app, `focus-turn"][data-name="Cleo Marsh`);
    await click(app, 'pick-dont-know');
    await app.waitUntil(async () => (await (await find(app, 'focus-scored')).getText()) === '3 of 3 have scored', T);
    await click(app, 'reveal-round');
    await app.waitUntil(async () => /1 abstained/.test(await (await find(app, 'focus-summary')).getText()), T);
    seen = await room();
    assert.equal(seen.dots, 2, 'an abstention is no dot');
    assert.match(seen.text, /1 abstained/);
    await click(app, 'agree-stage-2');
    await (await find(app, 'agree-rationale')).setValue('SECRET-RATIONALE one report, built once');
    await shot('focus-5-agreeing');
    await click(app, 'agree-save');
    await find(app, 'focus-agreed');
    await shot('focus-6-agreed');
    seen = await here('audience-5-agreed');
    assert.match(seen.text, /Agreed: 2/);
    assert.ok(!seen.text.includes('SECRET-RATIONALE'), 'the rationale stays with the facilitator');

    await click(app, 'focus-next');
    await app.waitUntil(async () => (await (await find(app, 'focus-position')).getText()) === '2 of 20', T);
    await click(app, 'stop-presenting');
    assert.deepEqual(layout, [], `the layout check finds nothing:\n${layout.join('\n')}`);
  } finally {
    await app.deleteSession();
  }
});
