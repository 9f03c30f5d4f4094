// The Home screen of the real app: a new database shows the demo plan; a file that is not a
// Stepwise database shows the core's message in the error banner and is left untouched.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appBinary, screenshot, startDriver } from '../support/app.mjs';
import { click, find, sel } from '../support/ui.mjs';

// The demo plan's organisation, as the core's demo module writes it (src/demo/context.rs).
const DEMO_ORGANISATION = 'Saint-Aurèle University';
const SCREENSHOT = process.env.STEPWISE_E2E_SCREENSHOT;

let driver;

before(async () => {
  assert.ok(existsSync(appBinary), `the app is not built at ${appBinary}`);
  driver = await startDriver();
});

after(async () => {
  await driver?.close();
});

test('a new database opens on Home with the demo plan and its organisation', { timeout: 120_000 }, async () => {
  const db = join(driver.scratch, 'first-launch.db');
  assert.ok(!existsSync(db), 'the database must not exist before the first launch');
  const app = await driver.launch(db);
  try {
    assert.equal(await app.getTitle(), 'Stepwise');
    const home = await app.$('[data-testid="home"]');
    await home.waitForExist({ timeout: 30_000, timeoutMsg: 'the Home screen never appeared' });

    await app.waitUntil(async () => (await app.$$('[data-testid="plan"]')).length > 0, {
      timeout: 30_000,
      timeoutMsg: 'no plan was listed on Home: the demo plan should be there on first launch',
    });
    const organisations = await app.$$('[data-testid="plan-organisation"]').map((e) => e.getText());
    assert.ok(
      organisations.includes(DEMO_ORGANISATION),
      `Home should list the demo plan of ${DEMO_ORGANISATION}; it lists: ${JSON.stringify(organisations)}`,
    );
    const names = await app.$$('[data-testid="plan-name"]').map((e) => e.getText());
    assert.ok(names.every((n) => n.trim().length > 0), `every plan shows a name: ${JSON.stringify(names)}`);
    const steps = await app.$$('[data-testid="plan"] ol li').map((e) => e.getText());
    assert.deepEqual(
      steps.slice(0, 11),
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'],
      'the plan shows its progress for each of the eleven steps',
    );

    const shownDb = await app.$('[data-testid="db-path"]').getText();
    assert.equal(shownDb, db, 'the app uses the database given with --db');
    assert.ok(existsSync(db), 'the database file was created');
    assert.equal(await app.$('[data-testid="error-banner"]').isExisting(), false, 'no error shown');
    if (SCREENSHOT) screenshot(SCREENSHOT);
  } finally {
    await app.deleteSession();
  }
});

test('a file that is not a Stepwise database is reported in the banner and left untouched', { timeout: 120_000 }, async () => {
  const db = join(driver.scratch, 'notes.db');
  const bytes = 'Meeting notes, definitely not SQLite.\n';
  writeFileSync(db, bytes);
  const app = await driver.launch(db);
  try {
    const banner = await app.$('[data-testid="error-banner"]');
    await banner.waitForExist({ timeout: 30_000, timeoutMsg: 'no error banner for a foreign file' });
    const message = await app.$('[data-testid="error-message"]').getText();
    assert.match(message, /notes\.db/, `the message names the file: ${message}`);
    assert.equal(await banner.getAttribute('data-code'), 'not_a_database');
    assert.equal((await app.$$('[data-testid="plan"]')).length, 0, 'no plans are listed');
  } finally {
    await app.deleteSession();
  }
  assert.equal(readFileSync(db, 'utf8'), bytes, 'the foreign file is byte-for-byte unchanged');
});

test('plans are renamed, duplicated and deleted from Home, deleting only after a confirmation', { timeout: 120_000 }, async () => {
  const app = await driver.launch(join(driver.scratch, 'actions.db'));
  const names = async () => app.$$(sel('plan-name')).map((e) => e.getText());
  try {
    await find(app, 'plan');
    await click(app, 'rename-plan');
    await (await find(app, 'rename-input')).setValue('Demo for the board');
    await app.keys('Enter');
    await app.waitUntil(async () => (await names()).includes('Demo for the board'), { timeoutMsg: 'the new name is not listed' });

    await click(app, 'rename-plan');
    await (await find(app, 'rename-input')).setValue('   ');
    await app.keys('Enter');
    const refusal = await (await find(app, 'home-error')).getText();
    assert.match(refusal, /name/, `an empty name is refused with a reason naming the field: ${refusal}`);
    await click(app, 'rename-cancel');

    await click(app, 'duplicate-plan');
    await app.waitUntil(async () => (await names()).includes('Demo for the board (copy)'), { timeoutMsg: 'no copy listed' });
    assert.equal((await names()).length, 2);

    let copy;
    for (const card of await app.$$(sel('plan'))) {
      if ((await card.getText()).includes('(copy)')) copy = card;
    }
    await (await copy.$(sel('delete-plan'))).click();
    await click(app, 'cancel-delete');
    assert.equal((await names()).length, 2, 'cancelling keeps the plan');
    await (await copy.$(sel('delete-plan'))).click();
    await click(app, 'confirm-delete-button');
    await app.waitUntil(async () => (await names()).length === 1, { timeoutMsg: 'the plan was not deleted' });
  } finally {
    await app.deleteSession();
  }
});
