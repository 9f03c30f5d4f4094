// Step 7, the maturity workshop, in the real app: an assessment is created, two raters score
// blind in turn, the facilitator reveals, sees the disagreement, agrees a stage, sets Phase 2
// targets (one refused, with its reason), drafts a goal from the largest gap and finds it among
// the goals, exports the scoring forms, imports a filled one (after a refused one lists its
// bad cell), and exports the PDF, whose text has the heatmap and radar sections.
//
// Test ids used (ui/src/components/maturity/):
//   maturity                      the step's root
//   assessment-name, assessment-date, create-assessment, assessment (data-assessment-id)
//   tab-grid | tab-results | tab-compare | tab-forms | tab-factors
//   rater-name-input, rater-role-input, add-rater, rater (data-rater-id), rater-name,
//   rater-progress, turn-rater (data-name), turn-facilitator, reveal, reveal-confirm, revealed
//   mode-score | mode-agree | mode-targets
//   maturity-grid, grid-row (data-subfacet), cell (data-subfacet, data-stage; a button with
//   aria-pressed when the grid can be scored, else text), mark-mine | mark-rater |
//   mark-agreed | mark-current | mark-target, row-status, disagreement, row-details,
//   row-detail, row-error
//   na-reason, mark-na, score-confidence, score-note, score-evidence, score-save-details, score-clear,
//   rater-evidence
//   agree-form, agree-stage, agree-rationale, agree-evidence, agree-save, agree-reason
//   phase-name, phase-start, phase-end, add-phase, target-phase, clear-target
//   heatmap (data-view), heatmap-row (data-subfacet; cells carry data-cell), heatmap-legend,
//   heatmap-view, results-phase, compare-example, example-heatmap, example-heatmap-row,
//   example-description, targets-note, radar, radar-current, radar-target, gap (data-subfacet),
//   gap-name, draft-goal, no-gaps, results-hidden
//   export-forms, exported-form, found-form (data-name), import-form, refresh-forms,
//   choose-form, import-result, import-problems, import-problem
//   compare-from, compare-to, compare, comparison, compare-summary
//   factor (data-factor), factor-status
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { appBinary, screenshot, startDriver } from '../support/app.mjs';
import { accessibilityProblems } from '../support/ui.mjs';

const POLICY = 'purpose-business-model';
const AUDIENCE = 'target-audience';
const COHORT = 'cohort-size';
const COHORT_EVIDENCE = 'Registrar enrolment report, fall term';
const SCREENSHOT = process.env.STEPWISE_E2E_SCREENSHOT_MATURITY;

let driver;

before(async () => {
  assert.ok(existsSync(appBinary), `the app is not built at ${appBinary}`);
  driver = await startDriver();
});

after(async () => {
  await driver?.close();
});

const T = { timeout: 20_000 };

async function type(app, selector, text) {
  const el = await app.$(selector);
  await el.waitForDisplayed(T);
  await el.setValue(text);
}

async function click(app, selector) {
  const el = await app.$(selector);
  await el.waitForClickable({ ...T, timeoutMsg: `${selector} never became clickable` });
  await el.scrollIntoView({ block: 'center' });
  await el.click();
}

const cell = (sf, stage) => `button[data-testid="cell"][data-subfacet="${sf}"][data-stage="${stage}"]`;
const row = (sf) => `[data-testid="grid-row"][data-subfacet="${sf}"]`;

async function pressed(app, sf, stage) {
  return (await app.$(cell(sf, stage)).getAttribute('aria-pressed')) === 'true';
}

async function waitPressed(app, sf, stage, what) {
  await app.waitUntil(() => pressed(app, sf, stage), { ...T, timeoutMsg: `${what}: ${sf} stage ${stage} never showed as chosen` });
}

async function rowStatus(app, sf) {
  return app.$(`${row(sf)} [data-testid="row-status"]`).getText();
}

async function raterProgress(app) {
  return app.$$('[data-testid="rater"]').map(async (r) => ({
    name: await r.$('[data-testid="rater-name"]').getText(),
    progress: await r.$('[data-testid="rater-progress"]').getText(),
  }));
}

/** Fills a rater's exported form: `answers` maps a 0-based sub-facet row to the stage text. */
async function fillForm(from, to, answers) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const sheet = wb.getWorksheet('Scores');
  assert.ok(sheet, 'the form has its Scores sheet');
  for (const [i, text] of answers) sheet.getCell(`H${7 + i}`).value = text;
  await wb.xlsx.writeFile(to);
}

test('a committee scores blind, reveals, agrees, targets Phase 2, drafts a goal, uses scoring forms and exports the PDF', { timeout: 600_000 }, async () => {
  const db = join(driver.scratch, 'maturity.db');
  const exportDir = driver.exportDir ?? join(driver.scratch, 'exports');
  const app = await driver.launch(db);
  try {
    await app.$('[data-testid="home"]').waitForExist({ timeout: 30_000 });
    await click(app, '[data-testid="new-plan"]');
    await type(app, '[data-testid="new-plan-name"]', 'Maturity workshop');
    await click(app, '[data-testid="create-plan"]');
    await app.$('[data-testid="journey"]').waitForExist({ timeout: 30_000 });
    await click(app, '[data-testid="nav-maturity"]');
    await app.$('[data-testid="maturity"]').waitForExist(T);

    // ---- Create the assessment and add two raters ----
    await type(app, '[data-testid="assessment-name"]', 'Baseline — e2e');
    // Dates are typed as people write them, month in words.
    await type(app, '[data-testid="assessment-date"]', '1 Nov 2026');
    await click(app, '[data-testid="create-assessment"]');
    await app.waitUntil(async () => (await app.$$('[data-testid="assessment"]')).length === 1, {
      ...T,
      timeoutMsg: 'the new assessment was never listed',
    });
    const listed = await app.$('[data-testid="assessment"] .date').getText();
    assert.ok(/Nov/.test(listed) && /2026/.test(listed) && !/\d+\/\d+\/\d+/.test(listed), `the day shows unambiguously: ${listed}`);
    for (const [name, role] of [
      ['Ada Lovelace', 'Registrar'],
      ['Ben Okafor', 'Faculty'],
    ]) {
      const before = (await app.$$('[data-testid="rater"]')).length;
      await type(app, '[data-testid="rater-name-input"]', name);
      await type(app, '[data-testid="rater-role-input"]', role);
      await click(app, '[data-testid="add-rater"]');
      await app.waitUntil(async () => (await app.$$('[data-testid="rater"]')).length === before + 1, {
        ...T,
        timeoutMsg: `${name} was never listed as a rater`,
      });
    }

    // ---- Ada scores: a click, the keyboard, and N/A with a reason ----
    await click(app, '[data-testid="turn-rater"][data-name="Ada Lovelace"]');
    await click(app, cell(POLICY, 1));
    await waitPressed(app, POLICY, 1, 'Ada’s click');
    // Arrow keys move the focus through the grid; Enter scores the focused cell.
    await app.keys(['ArrowDown']);
    await app.keys(['ArrowRight']);
    await app.keys(['ArrowRight']);
    const focused = await app.execute(() => {
      const el = document.activeElement;
      return el ? `${el.getAttribute('data-subfacet')}:${el.getAttribute('data-stage')}` : '';
    });
    assert.equal(focused, `${AUDIENCE}:3`, 'down once and right twice lands on the next sub-facet, stage 3');
    await app.keys(['Enter']);
    await waitPressed(app, AUDIENCE, 3, 'Ada’s Enter');
    const label = await app.$(cell(AUDIENCE, 3)).getAttribute('aria-label');
    assert.match(label, /^Scope › Target audience: stage 3, Expansion — /, `the cell's label names where it is: ${label}`);
    await click(app, `${row(COHORT)} [data-testid="row-details"]`);
    await click(app, '[data-testid="mark-na"]');
    const naProblem = await app.$('[data-testid="row-detail"] .error').getText();
    assert.match(naProblem, /N\/A reason/, `an N/A without a reason is refused by name: ${naProblem}`);
    await type(app, '[data-testid="na-reason"]', 'One cohort only this year');
    await click(app, '[data-testid="mark-na"]');
    await app.waitUntil(async () => (await rowStatus(app, COHORT)).includes('N/A — One cohort only this year'), {
      ...T,
      timeoutMsg: 'the N/A answer with its reason never showed',
    });
    // The evidence behind her answer, in her own words.
    await type(app, '[data-testid="score-evidence"]', COHORT_EVIDENCE);
    await click(app, '[data-testid="score-save-details"]');
    await app.$('[data-testid="row-detail"] .ok').waitForExist({ ...T, timeoutMsg: 'the evidence was never saved' });
    if (process.env.STEPWISE_SHOTS) {
      mkdirSync(process.env.STEPWISE_SHOTS, { recursive: true });
      await app.$('[data-testid="score-evidence"]').scrollIntoView({ block: 'center' });
      await app.pause(500);
      screenshot(join(process.env.STEPWISE_SHOTS, 'maturity-score-evidence.png'));
    }

    // ---- Ben's turn: none of Ada's answers may show ----
    await click(app, '[data-testid="turn-rater"][data-name="Ben Okafor"]');
    await app.waitUntil(
      async () => (await app.$('[data-testid="maturity-grid"] caption').getText()).startsWith('Ben Okafor'),
      { ...T, timeoutMsg: 'the grid never switched to Ben' },
    );
    assert.equal((await app.$$('button[data-testid="cell"][aria-pressed="true"]')).length, 0, 'Ben sees no chosen cell');
    assert.equal((await app.$$('[data-testid="mark-mine"]')).length, 0, 'no score marker for Ben yet');
    for (const sf of [POLICY, AUDIENCE, COHORT]) {
      assert.equal(await rowStatus(app, sf), 'Not scored yet', `Ben's row ${sf} shows none of Ada's answer`);
    }
    const bodyText = await app.$('[data-testid="maturity"]').getText();
    assert.ok(!bodyText.includes('One cohort only this year'), 'Ada’s N/A reason is not on Ben’s screen');
    await click(app, cell(POLICY, 4));
    await waitPressed(app, POLICY, 4, 'Ben’s click');
    await click(app, cell(AUDIENCE, 3));
    await waitPressed(app, AUDIENCE, 3, 'Ben’s second click');

    // ---- The facilitator sees counts only, then reveals ----
    await click(app, '[data-testid="turn-facilitator"]');
    await app.waitUntil(
      async () => (await app.$('[data-testid="maturity-grid"] caption').getText()).startsWith('Scores are hidden'),
      { ...T, timeoutMsg: 'the facilitator’s hidden view never showed' },
    );
    assert.deepEqual(await raterProgress(app), [
      { name: 'Ada Lovelace', progress: '3 of 20 scored' },
      { name: 'Ben Okafor', progress: '2 of 20 scored' },
    ]);
    assert.equal((await app.$$('[data-testid="mark-rater"]')).length, 0, 'no score is shown before the reveal');
    await click(app, '[data-testid="tab-results"]');
    await app.$('[data-testid="results-hidden"]').waitForExist(T);
    await click(app, '[data-testid="tab-grid"]');
    await click(app, '[data-testid="reveal"]');
    await click(app, '[data-testid="reveal-confirm"]');
    await app.$('[data-testid="revealed"]').waitForExist(T);

    // ---- The disagreement is flagged; the facilitator agrees a stage with its rationale ----
    await click(app, '[data-testid="mode-agree"]');
    const flag = await app.$(`${row(POLICY)} [data-testid="disagreement"]`);
    await flag.waitForExist({ ...T, timeoutMsg: 'no disagreement flag where the raters gave 1 and 4' });
    assert.match(await flag.getText(), /Disagreement: raters are 3 stages apart/);
    assert.equal(await app.$(`${row(AUDIENCE)} [data-testid="disagreement"]`).isExisting(), false, 'raters who agree are not flagged');
    const raterMarks = await app.$$(`${cell(POLICY, 4)} [data-testid="mark-rater"]`).map((m) => m.getText());
    assert.deepEqual(raterMarks, ['BO'], 'after the reveal each score shows who gave it');
    await click(app, cell(POLICY, 2));
    await app.$('[data-testid="agree-form"]').waitForExist(T);
    assert.equal(await app.$('[data-testid="agree-stage"]').getValue(), '2', 'the clicked stage is the one to agree');
    await type(app, '[data-testid="agree-rationale"]', 'Two pilots, both run by hand');
    await type(app, '[data-testid="agree-evidence"]', 'Pilot reports 2026');
    await click(app, '[data-testid="agree-save"]');
    await app.waitUntil(async () => (await rowStatus(app, POLICY)).includes('Agreed: 2 Focused Launch'), {
      ...T,
      timeoutMsg: 'the agreed stage never showed on the row',
    });
    // What each rater cited shows beside their answer when the stage is discussed.
    await click(app, `${row(COHORT)} [data-testid="row-details"]`);
    const cited = await app.$('[data-testid="rater-evidence"]');
    await cited.waitForExist({ ...T, timeoutMsg: 'the rater’s evidence is not beside her answer' });
    assert.match(await cited.getText(), new RegExp(COHORT_EVIDENCE));

    // ---- Phase 2 and its targets; a refused target says why ----
    await click(app, '[data-testid="mode-targets"]');
    const targetsNote = await app.$('[data-testid="targets-note"]');
    await targetsNote.waitForDisplayed({ ...T, timeoutMsg: 'the targets view does not say Immersive is not needed everywhere' });
    assert.match(await targetsNote.getText(), /Immersive is not the goal for every facet/);
    await type(app, '[data-testid="phase-name"]', 'Phase 2');
    await type(app, '[data-testid="phase-start"]', '1 Jan 2027');
    await type(app, '[data-testid="phase-end"]', '2027-12-31');
    await click(app, '[data-testid="add-phase"]');
    await app.$('[data-testid="target-phase"]').waitForExist(T);
    await click(app, cell(POLICY, 5));
    await waitPressed(app, POLICY, 5, 'the Phase 2 target');
    await click(app, cell(AUDIENCE, 2));
    const refusal = await app.$('[data-testid="row-error"]');
    await refusal.waitForExist({ ...T, timeoutMsg: 'a target below the current stage was not refused' });
    assert.match(await refusal.getText(), /at least stage 3/, 'the refusal says which stage is allowed');
    assert.equal(await pressed(app, AUDIENCE, 2), false, 'the refused target was not set');
    await click(app, cell(AUDIENCE, 4));
    await waitPressed(app, AUDIENCE, 4, 'the second Phase 2 target');

    // ---- Results: heatmap, radar, gaps; a goal from the largest gap ----
    await click(app, '[data-testid="tab-results"]');
    await app.$('[data-testid="heatmap"]').waitForExist(T);
    const hm = `[data-testid="heatmap-row"][data-subfacet="${POLICY}"] td`;
    const cells = await app.$$(hm).map((c) => c.getAttribute('data-cell'));
    assert.deepEqual(cells, ['empty', 'current', 'empty', 'empty', 'target'], 'current at stage 2, Phase 2 target at 5');
    assert.match(await app.$('[data-testid="heatmap-legend"]').getText(), /Phase 2/);
    assert.ok(await app.$('[data-testid="radar-current"]').isExisting(), 'the radar draws the current stages');
    assert.equal((await app.$$('[data-testid="radar-target"]')).length, 1, 'and one target polygon for Phase 2');
    const gaps = await app.$$('[data-testid="gap"]').map((g) => g.getAttribute('data-subfacet'));
    assert.deepEqual(gaps, [POLICY, AUDIENCE], 'gaps come largest first (3 stages, then 1)');
    if (SCREENSHOT) screenshot(SCREENSHOT);
    // The model's second worked example, read-only beside the plan's heatmap, and closed again.
    assert.equal(await app.$('[data-testid="example-heatmap"]').isExisting(), false, 'no example until one is chosen');
    const compareWith = await app.$('[data-testid="compare-example"]');
    await compareWith.scrollIntoView({ block: 'center' });
    await compareWith.selectByAttribute('value', 'subsequent-expansion');
    await app.$('[data-testid="example-heatmap"]').waitForExist({ ...T, timeoutMsg: 'the example did not open' });
    const exCells = (sub) => app.$$(`[data-testid="example-heatmap-row"][data-subfacet="${sub}"] td`).map((c) => c.getAttribute('data-cell'));
    assert.deepEqual(await exCells('analytics'), ['current', 'empty', 'empty', 'target', 'empty'], 'analytics: Exploratory now, Enterprise in Phase 2');
    assert.deepEqual(await exCells('delivery-mode'), ['empty', 'empty', 'current_and_target', 'empty', 'empty'], 'blended delivery stays');
    assert.equal((await app.$$('[data-testid="example-heatmap-row"]')).length, 20, 'every sub-facet of the model');
    assert.deepEqual(await app.$$(hm).map((c) => c.getAttribute('data-cell')), cells, "the plan's own heatmap is unchanged beside it");
    assert.equal((await app.$$('[data-testid="example-heatmap"] button, [data-testid="example-heatmap"] input')).length, 0, 'read-only');
    assert.match(await app.$('[data-testid="example-description"]').getText(), /Example 2: Subsequent Expansion/);
    assert.deepEqual(await accessibilityProblems(app), [], 'the two heatmaps side by side pass axe-core');
    await compareWith.scrollIntoView({ block: 'center' });
    await compareWith.selectByAttribute('value', '');
    await app.waitUntil(async () => !(await app.$('[data-testid="example-heatmap"]').isExisting()), { ...T, timeoutMsg: 'the example did not close' });
    await click(app, `[data-testid="gap"][data-subfacet="${POLICY}"] [data-testid="draft-goal"]`);
    await app.$('[data-testid="step-goals"]').waitForExist(T);
    const title = 'Bring Purpose/Business model from Focused Launch to Immersive by Phase 2';
    await app.waitUntil(
      async () => (await app.$$('[data-testid="goal-card"]').map((g) => g.getAttribute('aria-label'))).includes(`Goal: ${title}`),
      { ...T, timeoutMsg: `the drafted goal “${title}” is not among the goals` },
    );

    // ---- Scoring forms: export, a refused import listing its cell, a filled import ----
    await click(app, '[data-testid="nav-maturity"]');
    await click(app, '[data-testid="tab-forms"]');
    await click(app, '[data-testid="export-forms"]');
    await app.waitUntil(async () => (await app.$$('[data-testid="exported-form"]')).length === 2, {
      ...T,
      timeoutMsg: 'one form per rater was not listed',
    });
    const adaForm = join(exportDir, 'scoring-form-baseline-e2e-ada-lovelace.xlsx');
    assert.ok(existsSync(adaForm), `Ada's form is in the exports folder: ${readdirSync(exportDir)}`);
    const all = Array.from({ length: 20 }, (_, i) => [i, '2 Focused Launch']);
    await fillForm(adaForm, join(exportDir, 'scoring-form-wrong-ada.xlsx'), [...all.slice(1), [0, '7']]);
    await fillForm(adaForm, join(exportDir, 'scoring-form-filled-ada.xlsx'), all);
    await click(app, '[data-testid="refresh-forms"]');
    await click(app, '[data-testid="found-form"][data-name="scoring-form-wrong-ada.xlsx"] [data-testid="import-form"]');
    await app.$('[data-testid="import-problems"]').waitForExist({ ...T, timeoutMsg: 'the bad form was not refused' });
    const problems = await app.$$('[data-testid="import-problem"]').map((p) => p.getText());
    assert.equal(problems.length, 1, `one bad cell: ${JSON.stringify(problems)}`);
    assert.match(problems[0], /^Scores!H7: /, 'the refused cell is named');
    await click(app, '[data-testid="found-form"][data-name="scoring-form-filled-ada.xlsx"] [data-testid="import-form"]');
    const result = await app.$('[data-testid="import-result"]');
    await result.waitForExist({ ...T, timeoutMsg: 'the filled form was not imported' });
    assert.match(await result.getText(), /20 answers read for Ada Lovelace/);
    assert.equal(await app.$('[data-testid="import-problems"]').isExisting(), false, 'the old refusal is gone');
    await click(app, '[data-testid="tab-grid"]');
    await app.waitUntil(async () => (await raterProgress(app))[0]?.progress === '20 of 20 scored', {
      ...T,
      timeoutMsg: 'Ada’s imported answers are not counted',
    });

    // ---- The PDF carries the heatmap and the radar ----
    await click(app, '[data-testid="nav-export"]');
    await click(app, '[data-testid="export-pdf"]');
    const done = await app.$('[data-testid="export-result-pdf"]');
    await done.waitForExist({ timeout: 60_000, timeoutMsg: 'the PDF export never finished' });
    const pdf = await done.getAttribute('data-path');
    assert.ok(pdf && existsSync(pdf), `the PDF was written: ${pdf}`);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(text.includes('Heatmap: current stage and Phase 2'), 'the PDF has the Phase 2 heatmap');
    assert.ok(text.includes('Facets: current stage against Phase 2'), 'the PDF has the facet radar');
    assert.ok(text.includes('Purpose/Business model'), 'the heatmap lists the sub-facets');

    // ---- Anonymised, the workbook attributes the scores to numbered raters ----
    await click(app, '[data-testid="export-anonymise"]');
    await click(app, '[data-testid="export-xlsx"]');
    const xlsxDone = await app.$('[data-testid="export-result-xlsx"]');
    await xlsxDone.waitForExist({ timeout: 60_000, timeoutMsg: 'the XLSX export never finished' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await xlsxDone.getAttribute('data-path'));
    const rated = [];
    wb.getWorksheet('Ratings').eachRow((row) => row.eachCell((c) => rated.push(String(c.value ?? ''))));
    assert.ok(rated.includes('Rater 1') && rated.includes('Rater 2'), 'the scores are Rater 1 and Rater 2’s');
    for (const gone of ['Ada Lovelace', 'Ben Okafor', 'Registrar', 'Faculty']) {
      assert.ok(!rated.includes(gone), `the anonymised workbook does not name ${gone}`);
    }
  } finally {
    await app.deleteSession();
  }
});
