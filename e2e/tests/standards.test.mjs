// Standards and skills on the governance step, in the real app: with the demo plan open, the
// facilitator picks SFIA from the common frameworks, says how badges align to it and ticks a
// level; records a new doubt about rigour, is refused when marking it answered with no answer,
// then answers it with evidence; the step's count follows. The PDF and the workbook carry both,
// and a picture of the section is taken at 1024×768 (STEPWISE_SHOTS names the folder).
//
// Test ids used (ui/src/components/governance/FrameworksSection.svelte, ObjectionsSection.svelte):
//   #gov-frameworks, #gov-objections (sections, by id), framework-card, framework-name,
//   framework-alignment, framework-level_ids, add-objection, objection-card,
//   objection-objection, objection-raised_by, objection-status, objection-answer,
//   objection-evidence, objections-summary, governance-count
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { appBinary, screenshot, startDriver } from '../support/app.mjs';
import { accessibilityProblems, click, fill, find, saved, sel, step, lastCard } from '../support/ui.mjs';

const ALIGNMENT = 'The analytics badges cite SFIA skills at levels 2 and 3; the program owner checks each proposal.';
const OBJECTION = 'Industry wants a say over what we teach: badges hand the curriculum to employers.';
const RAISED_BY = 'Faculty association';
const ANSWER = 'Employers review the skill tags; Senate keeps sole authority over outcomes and assessment.';
const EVIDENCE = 'Senate policy on academic approval; the employer panel’s terms of reference.';

let driver;
before(async () => {
  assert.ok(existsSync(appBinary), `the app is not built at ${appBinary}`);
  driver = await startDriver();
});
after(async () => {
  await driver?.close();
});


test('a framework and an objection are added on the governance step and exported', { timeout: 600_000 }, async () => {
  const app = await driver.launch(join(driver.scratch, 'standards.db'));
  try {
    await click(app, 'open-plan');
    await find(app, 'journey');
    await step(app, 'governance');
    const count = await find(app, 'governance-count');
    assert.match(await count.getText(), /11 of 11/, 'the demo plan fills every governance section');

    // A framework from the catalog, in one click.
    const section = await app.$('#gov-frameworks');
    await section.waitForExist({ timeout: 20_000 });
    const sfia = await section.$('button=+ SFIA');
    await sfia.scrollIntoView({ block: 'center' });
    await sfia.click();
    await saved(app);
    let card = await lastCard(app, 'framework-card');
    assert.equal(await (await find(app, 'framework-name', card)).getValue(), 'SFIA');
    await fill(app, 'framework-alignment', ALIGNMENT, card);
    const level = await (await find(app, 'framework-level_ids', card)).$('input[type="checkbox"]');
    await level.scrollIntoView({ block: 'center' });
    await level.click();
    await saved(app);
    assert.equal(await (await section.$('button=+ SFIA')).isExisting(), false, 'a chosen framework leaves the common list');

    // A doubt about rigour: open, it keeps the section from counting.
    await click(app, 'add-objection');
    await saved(app);
    card = await lastCard(app, 'objection-card');
    await fill(app, 'objection-objection', OBJECTION, card);
    await fill(app, 'objection-raised_by', RAISED_BY, card);
    await app.waitUntil(async () => /10 of 11/.test(await count.getText()), {
      timeout: 10_000,
      timeoutMsg: 'an open objection should leave the step at 10 of 11',
    });
    assert.match(await (await find(app, 'objections-summary')).getText(), /1 of 3 still open/);

    // Marked answered with no answer: the core refuses it, naming the answer.
    const status = await find(app, 'objection-status', card);
    await status.scrollIntoView({ block: 'center' });
    await status.selectByAttribute('value', 'answered');
    const alert = await card.$('[role="alert"]');
    await alert.waitForExist({ timeout: 10_000, timeoutMsg: 'marking an unanswered objection answered should be refused' });
    assert.match(await alert.getText(), /answer/i);

    await fill(app, 'objection-answer', ANSWER, card);
    await fill(app, 'objection-evidence', EVIDENCE, card);
    // The refused choice went back to Open. WebKitWebDriver still takes "Answered" for the
    // picked option after that reset and sends no change event, so the pick is made as the
    // browser reports a person's pick: the value set and a change event.
    assert.equal(await status.getValue(), 'open', 'the refused status is not kept');
    await app.execute((el) => {
      el.value = 'answered';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, status);
    await saved(app);
    await app.waitUntil(async () => /11 of 11/.test(await count.getText()), {
      timeout: 10_000,
      timeoutMsg: 'every objection answered should bring the step back to 11 of 11',
    });
    assert.deepEqual(await accessibilityProblems(app), [], 'axe-core finds no serious problem on the step');

    const shots = process.env.STEPWISE_SHOTS;
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await (await app.$('#gov-frameworks')).scrollIntoView({ block: 'start' });
      screenshot(join(shots, 'governance-frameworks.png'));
      await (await app.$('#gov-objections')).scrollIntoView({ block: 'start' });
      screenshot(join(shots, 'governance-objections.png'));
    }

    // Both are in the PDF and the workbook.
    await step(app, 'export');
    await click(app, 'export-pdf');
    const pdf = await (await find(app, 'export-result-pdf')).getAttribute('data-path');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const said of ['Standards and skills', 'All 3 doubts about rigour raised so far are answered.', 'SFIA', OBJECTION, `Raised by ${RAISED_BY}`]) {
      assert.ok(text.includes(said), `the PDF has "${said}"`);
    }
    await click(app, 'export-xlsx');
    const xlsx = await (await find(app, 'export-result-xlsx')).getAttribute('data-path');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('Standards and skills');
    assert.ok(ws, 'the workbook has the "Standards and skills" sheet');
    const cells = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.text ?? ''))));
    for (const said of ['SFIA', ALIGNMENT, OBJECTION, ANSWER, EVIDENCE, RAISED_BY]) {
      assert.ok(cells.includes(said), `the sheet has "${said}"`);
    }
  } finally {
    await app.deleteSession();
  }
});
