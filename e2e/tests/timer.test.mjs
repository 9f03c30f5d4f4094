// The facilitator's timer on the real app: it starts at the session's minutes, counts down,
// pauses, takes a minute more, keeps a new default on this computer, and starts again for the
// next item when the facilitator moves to another step. (Time running out is tested with a
// fake clock in ui/src/lib/timer.test.ts: no test here waits minutes.)
//
// Test ids used (ui/src/components/journey/ItemTimer.svelte):
//   timer, timer-toggle, timer-time, timer-more, timer-reset, timer-minutes
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startDriver } from '../support/app.mjs';
import { accessibilityProblems, click, find, sel, step } from '../support/ui.mjs';

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.close();
});

const seconds = (text) => {
  const [m, s] = text.trim().split(':').map(Number);
  return m * 60 + s;
};

test('the item timer counts down, pauses, adds a minute, keeps its minutes and restarts per step', { timeout: 180_000 }, async () => {
  const app = await driver.launch(join(driver.scratch, 'timer.db'));
  try {
    await click(app, 'open-plan');
    await find(app, 'journey');
    const time = async () => (await find(app, 'timer-time')).getText();
    assert.equal(await time(), '3:00', 'the session default is three minutes');

    await click(app, 'timer-toggle');
    assert.equal(await (await find(app, 'timer-toggle')).getAttribute('aria-pressed'), 'true');
    await app.waitUntil(async () => seconds(await time()) < 180, {
      timeout: 10_000,
      timeoutMsg: 'the timer never counted down',
    });
    await click(app, 'timer-toggle');
    assert.equal(await (await find(app, 'timer-toggle')).getAttribute('aria-pressed'), 'false');
    const paused = seconds(await time());
    await app.pause(1500);
    assert.equal(seconds(await time()), paused, 'a paused timer stands still');
    await click(app, 'timer-more');
    assert.equal(seconds(await time()), paused + 60, 'a minute more');

    // Five minutes per item, kept for the session; reset goes back to it.
    await (await app.$(`${sel('timer')} summary`)).click();
    const minutes = await find(app, 'timer-minutes');
    await minutes.setValue('5');
    await app.execute((el) => el.dispatchEvent(new Event('change', { bubbles: true })), minutes);
    assert.equal(await time(), '5:00');
    assert.equal(await app.execute(() => localStorage.getItem('stepwise.timer.minutes')), '5');

    // A running timer starts again, stopped, for the next item.
    await click(app, 'timer-toggle');
    await app.waitUntil(async () => seconds(await time()) < 300, { timeout: 10_000 });
    await step(app, 'vision');
    assert.equal(await time(), '5:00');
    assert.equal(await (await find(app, 'timer-toggle')).getAttribute('aria-pressed'), 'false');
    assert.deepEqual(await accessibilityProblems(app), [], 'the toolbar with its timer passes axe');
  } finally {
    await app.deleteSession();
  }
});
