// Badges and issuing (step 7) in the real app: with the demo plan open, the facilitator adds a
// badge and watches its missing-metadata list shrink field by field until it is ready to
// publish (an impossible expiry is refused on the way); builds a pathway from it and an existing
// badge, drawn as a chain to its credential; the step's count follows. The PDF and the workbook
// carry both, and pictures of the step are taken (STEPWISE_SHOTS names the folder).
//
// Test ids used (ui/src/components/badges/*.svelte): badges-count, add-badge, badge-card,
//   badge-name, badge-description, badge-level_id, badge-criteria, badge-evidence, badge-skills,
//   badge-issuer, badge-owner, badge-expiry_months, badge-gap, badge-ready, add-badge_pathway,
//   badge_pathway-card, badge_pathway-name, badge_pathway-credential, badge_pathway-badge_ids,
//   chain-badge, chain-credential, pilot-summary
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { appBinary, screenshot, startDriver } from '../support/app.mjs';
import { accessibilityProblems, choose, click, fill, find, saved, sel, step, lastCard } from '../support/ui.mjs';

const BADGE = 'Spreadsheet Modelling';
const CRITERIA = 'Builds a three-scenario budget model that the rubric scores proficient on every row.';
const CREDENTIAL = 'Analytics Foundations micro-certificate';

let driver;
before(async () => {
  assert.ok(existsSync(appBinary), `the app is not built at ${appBinary}`);
  driver = await startDriver();
});
after(async () => {
  await driver?.close();
});


/** The names of the policy items the card still lacks. */
const gaps = (card) => card.$$(sel('badge-gap')).map((e) => e.getText());

/** Ticks the checkbox labelled `label` in the check list with test id `id`. */
async function tick(app, id, label, within) {
  const list = await find(app, id, within);
  const box = await list.$(`label=${label}`);
  await box.scrollIntoView({ block: 'center' });
  await box.click();
  await saved(app);
}

test('a badge loses its missing metadata as it is filled, joins a pathway and is exported', { timeout: 600_000 }, async () => {
  const app = await driver.launch(join(driver.scratch, 'badges.db'));
  try {
    await click(app, 'open-plan');
    await find(app, 'journey');
    await step(app, 'badges');
    const count = await find(app, 'badges-count');
    assert.match(await count.getText(), /11 of 11/, 'the demo plan fills every part of the step');
    assert.match(await (await find(app, 'pilot-summary')).getText(), /Compass: Campus Navigator/, 'the pilot badges are named');

    await click(app, 'add-badge');
    await saved(app);
    const card = await lastCard(app, 'badge-card');
    assert.deepEqual(
      await gaps(card),
      ['Description', 'Level', 'Criteria', 'Evidence', 'Skills alignment', 'Issuer', 'Owner'],
      'a new badge lacks everything the policy asks',
    );
    await app.waitUntil(async () => /11 of 12/.test(await count.getText()), {
      timeout: 10_000,
      timeoutMsg: 'a badge not ready to publish should leave the step at 11 of 12',
    });
    await fill(app, 'badge-name', BADGE, card);
    await fill(app, 'badge-description', 'Models a budget in a spreadsheet with named assumptions.', card);
    assert.equal((await gaps(card)).length, 6);
    await choose(app, 'badge-level_id', 'level-performance', card);
    await fill(app, 'badge-criteria', CRITERIA, card);
    assert.deepEqual(await gaps(card), ['Evidence', 'Skills alignment', 'Issuer', 'Owner'], 'each field filled takes one away');
    await fill(app, 'badge-evidence', 'The workbook and the scored rubric.', card);
    await fill(app, 'badge-skills', 'Financial modelling; spreadsheet formulas.', card);
    await fill(app, 'badge-issuer', 'Faculty of Business and Computing', card);
    assert.deepEqual(await gaps(card), ['Owner']);

    // An expiry of no months is refused, naming why; two years is kept.
    const expiry = await find(app, 'badge-expiry_months', card);
    await expiry.scrollIntoView({ block: 'center' });
    await expiry.setValue('0');
    await app.execute(() => document.activeElement && document.activeElement.blur());
    const alert = await card.$('[role="alert"]');
    await alert.waitForExist({ timeout: 10_000, timeoutMsg: 'an expiry of 0 months should be refused' });
    assert.match(await alert.getText(), /whole number of months/);
    await fill(app, 'badge-expiry_months', '24', card);

    await fill(app, 'badge-owner', 'Prof. Samuel Adeyemi', card);
    await find(app, 'badge-ready', card);
    assert.deepEqual(await gaps(card), [], 'nothing is missing any more');
    await app.waitUntil(async () => /12 of 12/.test(await count.getText()), {
      timeout: 10_000,
      timeoutMsg: 'a badge ready to publish should bring the step to 12 of 12',
    });

    // A pathway of the new badge and an existing one, drawn as a chain to its credential.
    await click(app, 'add-badge_pathway');
    await saved(app);
    const pathway = await lastCard(app, 'badge_pathway-card');
    await fill(app, 'badge_pathway-name', 'Analytics Foundations', pathway);
    await fill(app, 'badge_pathway-credential', CREDENTIAL, pathway);
    await tick(app, 'badge_pathway-badge_ids', BADGE, pathway);
    await tick(app, 'badge_pathway-badge_ids', 'Data Literacy', pathway);
    const chain = await pathway.$$(sel('chain-badge')).map((e) => e.getText());
    assert.deepEqual(chain, [BADGE, 'Data Literacy'], 'the chain follows the order the badges were ticked');
    assert.equal(await (await find(app, 'chain-credential', pathway)).getText(), CREDENTIAL);
    assert.deepEqual(await accessibilityProblems(app), [], 'axe-core finds no serious problem on the step');

    const shots = process.env.STEPWISE_SHOTS;
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await card.scrollIntoView({ block: 'start' });
      screenshot(join(shots, 'badges-card.png'));
      await pathway.scrollIntoView({ block: 'start' });
      screenshot(join(shots, 'badges-pathway.png'));
      await (await app.$('#badges-issuing')).scrollIntoView({ block: 'start' });
      screenshot(join(shots, 'badges-issuing.png'));
    }

    // Both are in the PDF and the workbook.
    await step(app, 'export');
    await click(app, 'export-pdf');
    const pdf = await (await find(app, 'export-result-pdf')).getAttribute('data-path');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const said of ['Badges and issuing', 'Badge catalogue', BADGE, 'Pathways to a credential', CREDENTIAL, 'Issuing plan', '2 years']) {
      assert.ok(text.includes(said), `the PDF has "${said}"`);
    }
    await click(app, 'export-xlsx');
    const xlsx = await (await find(app, 'export-result-xlsx')).getAttribute('data-path');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const cellsOf = (name) => {
      const ws = wb.getWorksheet(name);
      assert.ok(ws, `the workbook has the "${name}" sheet`);
      const cells = [];
      ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.text ?? ''))));
      return cells;
    };
    const badges = cellsOf('Badges');
    for (const said of [BADGE, CRITERIA, 'Ready to publish', '2 years']) {
      assert.ok(badges.includes(said), `the Badges sheet has "${said}"`);
    }
    assert.ok(cellsOf('Pathways').includes(`${BADGE} → Data Literacy`), 'the Pathways sheet has the chain');
    assert.ok(cellsOf('Issuing').includes('Yes'), 'the Issuing sheet marks the pilot');
  } finally {
    await app.deleteSession();
  }
});
