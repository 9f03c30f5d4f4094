// What the plan asks of the board, on the real app: on the roadmap step a consultant adds a
// decision requested of leadership with its cost and a risk with its likelihood, impact and
// owner; the roadmap's progress counts both; the exported PDF's executive summary (page 3)
// lists the decision with its cost and the risk with its owner, so does the Word board pack,
// and the workbook has them on their own sheets.
//
// Test ids used (ui/src/components/roadmap/): add-ask, ask-card, ask-title, ask-cost_amount,
// ask-currency, ask-cost_fte, ask-cost_months, ask-decider, add-risk, risk-card, risk-title,
// risk-likelihood, risk-impact, risk-score, risk-owner, risk-mitigation, risk-no-owner.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { appBinary, startDriver } from '../support/app.mjs';
import { accessibilityProblems, choose, click, fill, find, saved, sel, step } from '../support/ui.mjs';

const ASK = 'Fund a badge platform licence for three years';
const RISK = 'Faculty do not have time to write rubrics';

let driver;
before(async () => {
  assert.ok(existsSync(appBinary), `the app is not built at ${appBinary}`);
  driver = await startDriver();
});
after(async () => {
  await driver?.close();
});

async function progress(app, name) {
  const text = await (await find(app, `nav-${name}`)).getText();
  const m = /(\d+)\/(\d+)/.exec(text);
  assert.ok(m, `the navigator shows the progress of ${name}: ${text}`);
  return Number(m[1]);
}

test('a decision and a risk added on the roadmap step reach the executive summary and the workbook', { timeout: 600_000 }, async () => {
  const app = await driver.launch(join(driver.scratch, 'board.db'));
  try {
    await find(app, 'plan');
    await click(app, 'new-plan');
    await (await find(app, 'new-plan-name')).setValue('Harbour Institute board pack');
    await click(app, 'create-plan');
    await find(app, 'journey');
    await fill(app, 'settings-organisation', 'Harbour Institute');

    await step(app, 'roadmap');
    const before = await progress(app, 'roadmap');

    await click(app, 'add-ask');
    const ask = await find(app, 'ask-card');
    await fill(app, 'ask-title', ASK, ask);
    await fill(app, 'ask-cost_amount', '45000', ask);
    await fill(app, 'ask-currency', 'EUR', ask);
    await fill(app, 'ask-cost_fte', '1.5', ask);
    await fill(app, 'ask-cost_months', '36', ask);
    await fill(app, 'ask-decider', 'Board of Governors', ask);
    assert.equal(await progress(app, 'roadmap'), before + 1, 'a decision requested counts on the roadmap');

    await click(app, 'add-risk');
    const risk = await find(app, 'risk-card');
    await fill(app, 'risk-title', RISK, risk);
    await choose(app, 'risk-likelihood', '4', risk);
    await choose(app, 'risk-impact', '5', risk);
    const score = await (await find(app, 'risk-score', risk)).getText();
    assert.match(score, /Score 20 · High/, `the score is likelihood × impact, banded: ${score}`);
    assert.ok(await (await risk.$(sel('risk-no-owner'))).isExisting(), 'a risk without an owner is flagged');
    assert.equal(await progress(app, 'roadmap'), before + 1, 'a risk nobody owns does not count yet');
    await fill(app, 'risk-owner', 'Dean of Teaching', risk);
    await fill(app, 'risk-mitigation', 'Two rubric-writing days each term, with examples.', risk);
    assert.equal(await progress(app, 'roadmap'), before + 2, 'an owned risk register counts');
    const problems = await accessibilityProblems(app);
    assert.deepEqual(problems, [], 'the roadmap step with its new sections passes axe-core');

    await step(app, 'export');
    await click(app, 'export-pdf');
    const pdf = await (await find(app, 'export-result-pdf')).getAttribute('data-path');
    const page3 = execFileSync('pdftotext', ['-f', '3', '-l', '3', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of ['Executive summary', ASK, 'EUR 45,000 · 1.5 FTE · 36 months', 'Board of Governors', RISK, '20 High', 'Dean of Teaching']) {
      assert.ok(page3.includes(expected), `page 3 of the PDF has "${expected}": ${page3}`);
    }

    // The Word board pack says the same, under a real heading style.
    await click(app, 'export-docx');
    const docx = await (await find(app, 'export-result-docx')).getAttribute('data-path');
    assert.match(docx, /\.docx$/, `a .docx file: ${docx}`);
    const body = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
    assert.match(body, /<w:pStyle w:val="Heading1"\/>(<[^>]+>)*Executive summary/, 'the summary is a Heading 1');
    for (const expected of [ASK, 'EUR 45,000 · 1.5 FTE · 36 months', RISK, 'Dean of Teaching']) {
      assert.ok(body.includes(expected), `the Word file has "${expected}"`);
    }

    await click(app, 'export-xlsx');
    const xlsx = await (await find(app, 'export-result-xlsx')).getAttribute('data-path');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const decisions = wb.getWorksheet('Decisions requested');
    const risks = wb.getWorksheet('Risks');
    assert.ok(decisions && risks, 'the workbook has a Decisions requested and a Risks sheet');
    const rowWith = (sheet, text) => {
      let found = null;
      sheet.eachRow((row) => {
        if (row.values.some((v) => v === text)) found = row;
      });
      return found;
    };
    const askRow = rowWith(decisions, ASK);
    assert.ok(askRow, 'the decision is on its sheet');
    assert.ok(askRow.values.includes(45000), 'with its cost as a number');
    const riskRow = rowWith(risks, RISK);
    assert.ok(riskRow, 'the risk is on its sheet');
    const scoreCell = riskRow.getCell(4).value;
    assert.equal(scoreCell.result, 20, `the score is a formula worth 20: ${JSON.stringify(scoreCell)}`);
    assert.ok(riskRow.values.includes('Dean of Teaching'), 'with its owner');
    const summary = wb.getWorksheet('Summary');
    assert.ok(rowWith(summary, '1 decision requested (EUR 45,000 and 1.5 FTE); 1 open risk, 1 high'), 'the summary counts them');
    await saved(app);
  } finally {
    await app.deleteSession();
  }
});
