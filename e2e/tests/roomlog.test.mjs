// The room's log in the real app: a facilitator presses Ctrl+Shift+L on the maturity grid to
// park a question (the sub-facet in focus comes with it), on governance to record a decision
// and on the goals step to give someone an action; opens the log from the navigator, resolves
// the question with a note, turns the action into a goal (and undoes and redoes it with the
// keyboard), finds the goal on the goals step, and exports the PDF and the workbook, where
// every item is found again. axe-core checks the capture form and the panel.
//
// Test ids used (ui/src/components/roomlog/ and journey/Journey.svelte):
//   capture (toolbar button), open-room-log (navigator), capture-form, capture-kind-<kind>,
//   capture-text, capture-who, capture-due, capture-origin, capture-save, capture-error,
//   room-log, room-log-add, room-log-close, room-filter-<all|kind>, room-log-notice,
//   log-item (data-kind, data-id), log-state, log-text, log-who, log-due, log-resolve,
//   log-resolve-note, log-resolve-save, log-reopen, log-resolution, log-done, log-undone,
//   log-to-goal, log-to-milestone, log-became, log-delete
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { appBinary, startDriver } from '../support/app.mjs';
import { accessibilityProblems, click, find, saved, sel, step } from '../support/ui.mjs';

const QUESTION = 'Who maintains the LTI connector once the pilot ends?';
const DECISION = 'Every new badge proposal names an academic sponsor before review.';
const ACTION = 'Publish the badge catalogue on the student portal';
const OWNER = 'Jonah Whitfield';
const DUE = '2027-02-15';
/** The due date as a person types it. */
const DUE_TYPED = '15 Feb 2027';
const NOTE = 'IT Services owns it from launch; agreed with the CIO.';

let driver;
before(async () => {
  assert.ok(existsSync(appBinary), `the app is not built at ${appBinary}`);
  driver = await startDriver();
});
after(async () => {
  await driver?.close();
});

/** Presses the capture shortcut and waits for the form. */
async function shortcut(app) {
  await app.keys(['Control', 'Shift', 'l']);
  return find(app, 'capture-form');
}

/** Fills and saves the open capture form; waits until it is gone and saved. */
async function captureItem(app, kind, text, who, due = null) {
  await click(app, `capture-kind-${kind}`);
  await (await find(app, 'capture-text')).setValue(text);
  await (await find(app, 'capture-who')).setValue(who);
  if (due) await (await find(app, 'capture-due')).setValue(due);
  await click(app, 'capture-save');
  await app.waitUntil(async () => !(await app.$(sel('capture-form')).isExisting()), {
    timeout: 20_000,
    timeoutMsg: 'the capture form did not close after saving',
  });
  await saved(app);
}

/** The log's card of the item whose text is `text`. */
async function card(app, text) {
  await find(app, 'log-item');
  let found = null;
  await app.waitUntil(
    async () => {
      for (const c of await app.$$(sel('log-item'))) {
        const v = await (await c.$(sel('log-text'))).getValue().catch(() => '');
        if (v === text) {
          found = c;
          return true;
        }
      }
      return false;
    },
    { timeout: 20_000, timeoutMsg: `no item "${text}" in the room's log` },
  );
  return found;
}

test('parked question, decision and action are captured by shortcut, worked in the log, and exported', { timeout: 600_000 }, async () => {
  const app = await driver.launch(join(driver.scratch, 'roomlog.db'));
  const a11y = {};
  try {
    await click(app, 'open-plan');
    await find(app, 'journey');

    // On the maturity grid, with a sub-facet's row in focus: park a question.
    await step(app, 'maturity');
    const details = await find(app, 'row-details', await find(app, 'grid-row'));
    const subfacet = await (await find(app, 'grid-row')).getAttribute('data-subfacet');
    const subfacetName = await app.execute(
      (id) => document.querySelector(`[data-testid="grid-row"][data-subfacet="${id}"] .sf-name`)?.textContent ?? '',
      subfacet,
    );
    assert.ok(subfacetName !== '', 'the grid row names its sub-facet');
    await details.scrollIntoView({ block: 'center' });
    await app.execute((el) => el.focus(), details);
    await shortcut(app);
    const origin = await (await find(app, 'capture-origin')).getText();
    assert.equal(origin, `Came up in: Maturity self-assessment — ${subfacetName}`, 'the grid\'s sub-facet comes with the question');
    a11y.capture = await accessibilityProblems(app);
    // An empty question is not saved, and says why.
    await click(app, 'capture-save');
    assert.ok(await app.$('[data-testid="capture-form"] [role="alert"]').isExisting(), 'an empty question says what is missing');
    await captureItem(app, 'parked_item', QUESTION, 'Helen Tsosie');

    // On governance: a decision.
    await step(app, 'governance');
    await shortcut(app);
    assert.equal(await (await find(app, 'capture-origin')).getText(), 'Came up in: Governance');
    await captureItem(app, 'decision', DECISION, 'Prof. Marc-André Gauthier');

    // On the goals step: an action with an owner and a due date.
    await step(app, 'goals');
    await shortcut(app);
    await captureItem(app, 'action', ACTION, OWNER, DUE_TYPED);

    // The log, from the navigator.
    await click(app, 'open-room-log');
    await find(app, 'room-log');
    a11y.panel = await accessibilityProblems(app);
    const parked = await card(app, QUESTION);
    assert.equal(await parked.getAttribute('data-kind'), 'parked_item');
    assert.match(await parked.getText(), /Open/);
    assert.ok(
      (await parked.getText()).includes(`Maturity self-assessment — ${subfacetName}`),
      'the question says which sub-facet it came up on',
    );

    // Resolve the question with a note.
    await click(app, 'log-resolve', parked);
    await (await find(app, 'log-resolve-note', parked)).setValue(NOTE);
    await click(app, 'log-resolve-save', parked);
    await saved(app);
    await app.waitUntil(async () => /Resolved/.test(await (await find(app, 'log-state', await card(app, QUESTION))).getText()), {
      timeout: 10_000,
      timeoutMsg: 'the question was not marked resolved',
    });

    // Only actions: turn ours into a goal; undo and redo it as one step.
    await click(app, 'room-filter-action');
    const kinds = await app.$$(sel('log-item')).map((c) => c.getAttribute('data-kind'));
    assert.ok(kinds.length >= 4 && kinds.every((k) => k === 'action'), `only actions are listed: ${kinds}`);
    let action = await card(app, ACTION);
    assert.equal(await (await find(app, 'log-due', action)).getAttribute('data-value'), DUE);
    assert.doesNotMatch(await (await find(app, 'log-due', action)).getValue(), /\d+\/\d+\/\d+/, 'the due date shows unambiguously');
    await click(app, 'log-to-goal', action);
    await saved(app);
    await find(app, 'log-became', await card(app, ACTION));
    assert.match(await (await find(app, 'room-log-notice')).getText(), /Added the goal/);
    await app.keys(['Control', 'z']);
    await saved(app);
    await app.waitUntil(async () => !(await (await card(app, ACTION)).$(sel('log-became')).isExisting()), {
      timeout: 10_000,
      timeoutMsg: 'Ctrl+Z did not take the goal back',
    });
    await app.keys(['Control', 'Shift', 'z']);
    await saved(app);
    action = await card(app, ACTION);
    const became = await find(app, 'log-became', action);
    assert.match(await became.getText(), new RegExp(`the goal “${ACTION}”`));
    await click(app, 'log-done', action);
    await saved(app);
    assert.equal(await (await find(app, 'log-state', await card(app, ACTION))).getText(), 'Done');

    // The goal link takes the facilitator to the goal on the goals step.
    await (await became.$('button')).click();
    await find(app, 'step-goals');
    await app.waitUntil(async () => !(await app.$(sel('room-log')).isExisting()), { timeout: 10_000, timeoutMsg: 'the log stayed open' });
    const titles = await app.$$(sel('goal-card')).map((c) => c.getText());
    assert.ok(titles.some((t) => t.includes(ACTION)), `the action is a goal now: ${JSON.stringify(titles)}`);

    // Export: the PDF's appendix and the workbook's sheets carry the items.
    await step(app, 'export');
    await click(app, 'export-pdf');
    const pdf = await (await find(app, 'export-result-pdf')).getAttribute('data-path');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // The title's first mention is the contents' entry; the next is the appendix itself (the
    // appendix can start part-way down a page and run onto pages headed with its title).
    const title = 'Appendix — The room’s log';
    const appendix = text.slice(text.indexOf(title, text.indexOf(title) + 1));
    for (const said of ['Decisions taken', DECISION, 'Actions', ACTION, OWNER, '15 Feb 2027', 'Open questions', 'Questions settled', QUESTION, NOTE]) {
      assert.ok(appendix.includes(said), `the PDF's appendix has "${said}"`);
    }
    await click(app, 'export-xlsx');
    const xlsx = await (await find(app, 'export-result-xlsx')).getAttribute('data-path');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const cells = (name) => {
      const ws = wb.getWorksheet(name);
      assert.ok(ws, `the workbook has the "${name}" sheet`);
      const out = [];
      ws.eachRow((row) => row.eachCell((c) => out.push(String(c.text ?? ''))));
      return out;
    };
    assert.ok(cells('Parked questions').includes(QUESTION) && cells('Parked questions').includes(NOTE), 'the question and its resolution');
    assert.ok(cells('Decisions taken').includes(DECISION), 'the decision');
    const actions = cells('Actions');
    assert.ok(actions.includes(ACTION) && actions.includes(OWNER) && actions.includes('Done'), 'the action, its owner and status');
    assert.ok(actions.some((c) => c.includes(`the goal "${ACTION}"`)), 'and the goal it became');

    for (const [where, problems] of Object.entries(a11y)) {
      assert.deepEqual(problems, [], `axe-core finds no serious or critical problem on the ${where}`);
    }
  } finally {
    await app.deleteSession();
  }
});
