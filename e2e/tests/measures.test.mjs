// Step 4's thresholds, staleness and history on the real app, and the app's one date format:
// the demo plan's stale measure is flagged and its off-track one shows its red line and its
// history chart; an off-track check-in without a note is refused naming the note, then
// accepted with one; thresholds set on screen change the status; a date field refuses an
// all-number date by name, takes "2 Dec 2027" and shows it back unambiguously; no screen of
// the step shows an all-number date.
//
// Test ids used (ui/src/components/measures/, ui/src/components/fields/DateInput.svelte):
//   measure-card, measure-indicator, measure-status (data-status), measure-stale,
//   measure-stale-note, measure-thresholds, measure-better, measure-on_track_at,
//   measure-red_line, measure-history, history-point, history-red-line, stale-count,
//   check_in-new-value, check_in-new-note, check_in-new-confidence, add-check_in,
//   check_in-card, check_in-confidence, measure-target_date (data-value),
//   measure-target_date-pick
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startDriver } from '../support/app.mjs';
import { accessibilityProblems, click, fill, find, saved, sel, step } from '../support/ui.mjs';

const EMPLOYERS = 'Employers with a signed endorsement';
const ADULTS = 'Continuing Education learners enrolled';
const ALL_NUMBERS = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.close();
});

/** The measure card whose indicator starts with `indicator`. */
async function card(app, indicator) {
  await find(app, 'measure-card');
  for (const c of await app.$$(sel('measure-card'))) {
    const value = await (await c.$(sel('measure-indicator'))).getValue();
    if (value.startsWith(indicator)) return c;
  }
  throw new Error(`no measure card for "${indicator}"`);
}

/** Empties a field as a person deleting its text would (WebDriver cannot type nothing), then
 * leaves it so it saves. */
async function emptyField(app, el) {
  await el.scrollIntoView({ block: 'center' });
  await app.execute((e) => {
    e.focus();
    e.value = '';
    e.dispatchEvent(new Event('input', { bubbles: true }));
    e.dispatchEvent(new Event('change', { bubbles: true }));
    e.blur();
  }, el);
  await saved(app);
}

async function waitStatus(app, c, status) {
  await app.waitUntil(async () => (await statusOf(c)) === status, {
    timeout: 10_000,
    timeoutMsg: `the status did not become ${status}`,
  });
}

async function statusOf(c) {
  return (await c.$(sel('measure-status'))).getAttribute('data-status');
}

test('thresholds, a stale flag, a history chart and a required note on the demo plan', { timeout: 300_000 }, async () => {
  const app = await driver.launch(join(driver.scratch, 'measures.db'));
  try {
    await click(app, 'open-plan');
    await find(app, 'journey');
    await step(app, 'measures');

    // The demo's stale measure is flagged, with since when, and counted at the top.
    const adults = await card(app, ADULTS);
    await adults.scrollIntoView({ block: 'center' });
    await (await adults.$(sel('measure-stale'))).waitForExist({ timeout: 10_000 });
    const staleNote = await (await adults.$(sel('measure-stale-note'))).getText();
    assert.match(staleNote, /^No check-in since .+; one was due by .+ \(collected each term\)/, staleNote);
    assert.doesNotMatch(staleNote, ALL_NUMBERS);
    assert.equal((await (await find(app, 'stale-count')).getText()).trim(), '1 stale');

    // The off-track measure shows its red line, drawn on its history chart.
    const employers = await card(app, EMPLOYERS);
    await employers.scrollIntoView({ block: 'center' });
    assert.equal(await statusOf(employers), 'off_track');
    assert.equal(
      (await (await employers.$(sel('measure-thresholds'))).getText()).trim(),
      'Red line: off track below 6 employers.',
    );
    const chart = await employers.$(sel('measure-history'));
    await chart.waitForExist({ timeout: 10_000 });
    assert.equal((await chart.$$(sel('history-point'))).length, 2, 'both check-ins are drawn');
    assert.ok(await (await chart.$(sel('history-red-line'))).isExisting(), 'the red line is drawn');

    // A check-in below the red line without a note is refused, naming the note.
    await (await employers.$(sel('check_in-new-value'))).setValue('5');
    await click(app, 'add-check_in', employers);
    const err = await employers.$('.check-ins .error');
    await err.waitForExist({ timeout: 10_000 });
    const message = await err.getText();
    assert.match(message, /^Note: is required: it is below the red line of 6/, message);
    assert.equal((await employers.$$(sel('check_in-card'))).length, 2, 'nothing was added');
    // With a note and a confidence it is accepted.
    await (await employers.$(sel('check_in-new-note'))).setValue('Two endorsements still with legal; one more signed.');
    await (await employers.$(sel('check_in-new-confidence'))).selectByAttribute('value', 'medium');
    await click(app, 'add-check_in', employers);
    await saved(app);
    await app.waitUntil(async () => (await employers.$$(sel('check_in-card'))).length === 3, {
      timeout: 10_000,
      timeoutMsg: 'the check-in with a note was not added',
    });
    assert.equal(await (await employers.$(sel('check_in-confidence'))).getValue(), 'medium');

    // Thresholds set on screen change the status: the latest reading is now 5.
    await fill(app, 'measure-red_line', '4', employers);
    await waitStatus(app, employers, 'on_track');
    await fill(app, 'measure-on_track_at', '7', employers);
    await waitStatus(app, employers, 'at_risk');
    // Lines that read the wrong way round are refused, naming the field.
    await (await employers.$(sel('measure-better'))).selectByAttribute('value', 'lower');
    const betterError = await employers.$('.thresholds .error');
    await betterError.waitForExist({ timeout: 10_000 });
    assert.equal(
      await betterError.getText(),
      'Which way is better: on track at (7) must be at or below the red line (4) when lower is better',
    );
    assert.equal(await statusOf(employers), 'at_risk', 'nothing changed');
    // The refused choice does not stay on screen: the field shows what is stored, higher.
    await app.waitUntil(async () => (await (await employers.$(sel('measure-better'))).getValue()) === 'higher', {
      timeout: 10_000,
      timeoutMsg: 'the refused choice stayed on screen',
    });
    // With the red line gone and lower better, 5 is at or below 7: on track.
    await emptyField(app, await employers.$(sel('measure-red_line')));
    // WebKitWebDriver still takes "lower" for the picked option after the field went back to
    // what is stored, and sends no change event for the same pick; so the pick is made as the
    // browser reports a person's: the value set and a change event.
    await app.execute((el) => {
      el.value = 'lower';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, await employers.$(sel('measure-better')));
    await saved(app);
    await waitStatus(app, employers, 'on_track');

    // A date field refuses an all-number date by name and keeps the saved one.
    const targetDate = await employers.$(sel('measure-target_date'));
    const was = await targetDate.getAttribute('data-value');
    await targetDate.scrollIntoView({ block: 'center' });
    await targetDate.clearValue();
    await targetDate.setValue('12/02/2026');
    await app.execute(() => document.activeElement && document.activeElement.blur());
    const dateError = await employers.$('.date-input .error');
    await dateError.waitForExist({ timeout: 10_000 });
    assert.match(await dateError.getText(), /^Target date: "12\/02\/2026" is all numbers/);
    assert.equal(await targetDate.getAttribute('data-value'), '', 'the field holds no date while the text is not one');
    // Words are read, saved as the day, and shown back in the app's one format.
    await targetDate.clearValue();
    await targetDate.setValue('2 Dec 2027');
    await app.execute(() => document.activeElement && document.activeElement.blur());
    await saved(app);
    await app.waitUntil(async () => (await targetDate.getAttribute('data-value')) === '2027-12-02', {
      timeout: 10_000,
      timeoutMsg: `the typed date was not saved (it was ${was})`,
    });
    const shown = await targetDate.getValue();
    assert.match(shown, /2027/);
    assert.match(shown, /Dec/);
    assert.doesNotMatch(shown, ALL_NUMBERS);

    // The picker: open it, pick a day, and the field shows and saves it.
    await click(app, 'measure-target_date-pick', employers);
    const day = await employers.$('.calendar [data-day$="-15"]');
    await day.waitForExist({ timeout: 10_000 });
    await day.click();
    await saved(app);
    await app.waitUntil(async () => (await targetDate.getAttribute('data-value')) === '2027-12-15', {
      timeout: 10_000,
      timeoutMsg: 'the picked day was not saved',
    });

    // Nowhere on the step is a date shown as numbers only.
    const text = await app.execute(() => document.querySelector('[data-testid="step-measures"]').innerText);
    assert.doesNotMatch(text, ALL_NUMBERS, 'no all-number date on the measures step');
    const problems = await accessibilityProblems(app);
    assert.deepEqual(problems, [], 'the measures step passes axe-core');
  } finally {
    await app.deleteSession();
  }
});
