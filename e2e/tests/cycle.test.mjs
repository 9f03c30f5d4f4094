// The evaluation cycle in the real app: with the demo plan open on the roadmap step, the
// facilitator names the plan's cycle, adds a review held today with a new assessment, a finding
// about a measure and a change to it (refused first while it names no measure), finds it in the
// PDF, the workbook and the plan file, then starts the next cycle.
// The new plan opens on its roadmap with the cycle advanced, says which plan it came from, and
// holds last year's history: the review just added, the check-ins, the past assessments and
// the open actions of the room's log. Pictures of the new parts are taken at 1024×768
// (STEPWISE_SHOTS names the folder).
//
// Test ids used (ui/src/components/roadmap/ReviewsSection.svelte, CyclePart.svelte):
//   settings-cycle, roll-forward, rolled-from, add-review, review-card, review-name,
//   review-status, review-line, review-new-assessment, review-assessment_id, add-finding,
//   finding-goal-0, finding-measure-0, finding-text-0,
//   add-change, change-area-0, change-measure-0, change-text-0, history-point, assessment,
//   open-room-log, room-filter-action, log-item, nav-<step>, step-<step>
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { appBinary, screenshot, startDriver } from '../support/app.mjs';
import { accessibilityProblems, choose, click, fill, find, saved, sel, step, lastCard } from '../support/ui.mjs';

const CYCLE = '2026–27';
const NEXT = '2027–28';
const REVIEW = 'Registrar’s audit of the badge pipeline';
const FINDING = 'Two courses still upload grades by hand, so their badges wait a week.';
const CHANGE = 'Days to award is reported per course, starting next term.';

let driver;
before(async () => {
  assert.ok(existsSync(appBinary), `the app is not built at ${appBinary}`);
  driver = await startDriver();
});
after(async () => {
  await driver?.close();
});


test('a review is recorded and the plan rolled forward into the next cycle', { timeout: 600_000 }, async () => {
  const app = await driver.launch(join(driver.scratch, 'cycle.db'));
  try {
    await click(app, 'open-plan');
    await find(app, 'journey');
    await step(app, 'roadmap');
    assert.equal((await app.$$(sel('review-card'))).length, 2, 'the demo has a checkpoint held and the April review ahead');
    await fill(app, 'settings-cycle', CYCLE);

    // A review held today, with a finding about a measure.
    await click(app, 'add-review');
    await saved(app);
    let card = await lastCard(app, 'review-card');
    await fill(app, 'review-name', REVIEW, card);
    await choose(app, 'review-status', 'held', card);
    // A new maturity assessment, started from the review and linked to it.
    await click(app, 'review-new-assessment', card);
    await saved(app);
    await app.waitUntil(async () => (await (await find(app, 'review-assessment_id', card)).getValue()) !== '', {
      timeout: 10_000,
      timeoutMsg: 'the new assessment should be linked to the review',
    });
    await click(app, 'add-finding', card);
    await saved(app);
    await choose(app, 'finding-goal-0', 'goal-automation', card);
    await choose(app, 'finding-measure-0', 'measure-days-to-award', card);
    await fill(app, 'finding-text-0', FINDING, card);

    // A change to a measure that names none is refused, naming what is missing.
    await click(app, 'add-change', card);
    await saved(app);
    await choose(app, 'change-area-0', 'measure', card);
    const text = await find(app, 'change-text-0', card);
    await text.scrollIntoView({ block: 'center' });
    await text.setValue(CHANGE);
    await app.execute(() => document.activeElement && document.activeElement.blur());
    const alert = await card.$('[role="alert"]');
    await alert.waitForExist({ timeout: 10_000, timeoutMsg: 'a change to no measure should be refused' });
    assert.match(await alert.getText(), /which measure/);
    await choose(app, 'change-measure-0', 'measure-days-to-award', card);
    await fill(app, 'change-text-0', CHANGE, card);
    assert.match(await (await find(app, 'review-line', card)).getText(), /^Held .* · 1 finding, 1 change$/);
    assert.doesNotMatch(await (await find(app, 'review-line', card)).getText(), /\d+\/\d+\/\d+/, 'dates are unambiguous');
    assert.deepEqual(await accessibilityProblems(app), [], 'axe-core finds no serious problem on the step');

    const shots = process.env.STEPWISE_SHOTS;
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await (await app.$('#evaluation-heading')).scrollIntoView({ block: 'start' });
      await app.pause(500);
      screenshot(join(shots, 'roadmap-cycle.png'));
      await (await find(app, 'review-line', card)).scrollIntoView({ block: 'start' });
      await app.pause(500);
      screenshot(join(shots, 'roadmap-review.png'));
      await (await find(app, 'change-text-0', card)).scrollIntoView({ block: 'center' });
      await app.pause(500);
      screenshot(join(shots, 'roadmap-review-change.png'));
    }

    // The review in the PDF, the workbook and the plan file.
    await step(app, 'export');
    await click(app, 'export-pdf');
    const pdf = await (await find(app, 'export-result-pdf')).getAttribute('data-path');
    const printed = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const said of [`This plan is the plan of the ${CYCLE} cycle.`, REVIEW, FINDING, CHANGE, 'Change to measure']) {
      assert.ok(printed.includes(said), `the PDF has "${said}"`);
    }
    await click(app, 'export-xlsx');
    const xlsx = await (await find(app, 'export-result-xlsx')).getAttribute('data-path');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('Reviews');
    assert.ok(ws, 'the workbook has the "Reviews" sheet');
    const cells = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c.value === null ? '' : String(c.text ?? ''))));
    for (const said of [CYCLE, REVIEW, FINDING, CHANGE, 'Change: measure']) {
      assert.ok(cells.includes(said), `the sheet has "${said}"`);
    }
    await click(app, 'export-json');
    const json = await (await find(app, 'export-result-json')).getAttribute('data-path');
    const file = JSON.parse(readFileSync(json, 'utf8'));
    assert.equal(file.plan.settings.cycle, CYCLE);
    const stored = file.plan.reviews.find((r) => r.name === REVIEW);
    assert.equal(stored.findings[0].text, FINDING);
    assert.deepEqual([stored.changes[0].area, stored.changes[0].measure_id], ['measure', 'measure-days-to-award']);
    await step(app, 'roadmap');

    // The next cycle: a new plan, opened on its roadmap.
    await click(app, 'roll-forward');
    await app
      .waitUntil(async () => (await (await find(app, 'settings-cycle')).getValue()) === NEXT, { timeout: 20_000 })
      .catch(async () => {
        const refused = await app.$(sel('roll-forward-error'));
        const why = (await refused.isExisting()) ? await refused.getText() : 'no refusal shown';
        throw new Error(`the new plan should open with the cycle ${NEXT} (${why})`);
      });
    const from = await (await find(app, 'rolled-from')).getText();
    assert.ok(from.includes(`(${CYCLE})`), `the new plan says where it came from: ${from}`);
    const reviews = await app.$$(sel('review-card'));
    assert.equal(reviews.length, 3, 'the reviews are kept');
    assert.equal(await (await find(app, 'review-name', reviews[2])).getValue(), REVIEW);
    assert.equal(await (await find(app, 'finding-text-0', reviews[2])).getValue(), FINDING);
    if (shots) {
      await (await find(app, 'rolled-from')).scrollIntoView({ block: 'center' });
      await app.pause(500);
      screenshot(join(shots, 'roadmap-rolled-forward.png'));
    }

    // Last year's check-ins and assessments are there.
    await step(app, 'measures');
    assert.ok((await app.$$(sel('history-point'))).length >= 10, 'the check-ins are kept');
    await step(app, 'maturity');
    await find(app, 'assessment');
    assert.equal((await app.$$(sel('assessment'))).length, 3, 'the past assessments and the review’s new one are kept');

    // The room's log carries the open actions only.
    await click(app, 'open-room-log');
    await find(app, 'room-log');
    await click(app, 'room-filter-action');
    const actions = await app.$$(sel('log-item'));
    // One request at a time: WebKitWebDriver drops the session on parallel ones.
    const texts = [];
    for (const a of actions) texts.push(await (await find(app, 'log-text', a)).getValue());
    assert.equal(actions.length, 2, `the two open actions: ${texts.join(' | ')}`);
    assert.ok(texts.some((t) => t.includes('Ask IT Services to name a member')), texts.join(' | '));
    assert.ok(!texts.some((t) => t.includes('Send the mid-pilot heatmap')), 'a done action stays with last year');
  } finally {
    await app.deleteSession();
  }
});
