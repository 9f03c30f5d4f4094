// The facilitator's screens at projector scale, on the real app with the demo plan: no word is
// broken across two lines and no field is too small for its text on any step (nor on the
// maturity tabs or an opened goal) at 1024×768, then again with the window at 1366×768. On the
// maturity step at 1024 px the navigator folds to numbered icons with their counts, each
// still named for the step, and the grid scrolls with the step, not in a box of its own.
//
// The check reads the DOM's line boxes (support/layout.mjs); it is first shown to find a word
// it should find, so a check that sees nothing cannot pass for a screen that is fine.
//
// Test ids used: plan, open-plan, nav-<step>, step-<step>, maturity, tab-<tab>, goal-toggle,
// maturity-grid, grid-scroller, journey.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appBinary, startDriver } from '../support/app.mjs';
import { describe, layoutProblems } from '../support/layout.mjs';
import { click, find, step } from '../support/ui.mjs';

const STEPS = ['context', 'vision', 'goals', 'measures', 'requirements', 'governance', 'badges', 'maturity', 'communication', 'roadmap', 'export'];
const TABS = ['results', 'compare', 'forms', 'factors', 'focus', 'grid'];

let driver;
before(async () => {
  assert.ok(existsSync(appBinary), `the app is not built at ${appBinary}`);
  driver = await startDriver();
});
after(async () => {
  await driver?.close();
});

/** Every screen of the demo plan, with what the layout check finds on each. */
async function walk(app) {
  const found = [];
  const look = async (screen) => {
    await new Promise((r) => setTimeout(r, 300));
    for (const f of await layoutProblems(app)) found.push(`${screen}: ${describe([f])}`);
  };
  await click(app, 'back-home');
  await find(app, 'plan');
  await look('home');
  await click(app, 'open-plan');
  for (const s of STEPS) {
    await step(app, s);
    await look(s);
  }
  await step(app, 'goals');
  await click(app, 'goal-toggle');
  await look('goals, a goal open');
  await step(app, 'maturity');
  for (const tab of TABS) {
    await click(app, `tab-${tab}`);
    await look(`maturity, ${tab}`);
  }
  return [...new Set(found)];
}

test('the layout check finds a word broken across lines and a button cut off, and only those', { timeout: 120_000 }, async () => {
  const app = await driver.launch(join(driver.scratch, 'check.db'));
  try {
    await find(app, 'plan');
    await app.execute(() => {
      const box = (id, css, text) => {
        const d = document.createElement('div');
        d.dataset.testid = id;
        d.style.cssText = `width: 4.5rem; ${css}`;
        d.textContent = text;
        document.body.append(d);
      };
      box('narrow-anywhere', 'overflow-wrap: anywhere;', 'Communication and training');
      box('narrow-hyphen', '', 'micro-credentials');
      box('narrow-spaces', '', 'one two three four');
      // A toolbar that hides its overflow, with a button running past its right edge.
      const bar = document.createElement('div');
      bar.dataset.testid = 'narrow-bar';
      bar.style.cssText = 'width: 6rem; overflow: hidden; white-space: nowrap;';
      const b = document.createElement('button');
      b.textContent = 'A button wider than its bar';
      bar.append(b);
      document.body.append(bar);
    });
    const found = await layoutProblems(app);
    await app.execute(() => document.querySelectorAll('[data-testid^="narrow-"]').forEach((d) => d.remove()));
    const broken = found.filter((f) => f.kind === 'broken-word');
    assert.equal(broken.length, 1, `exactly the one broken word is found:\n${describe(found)}`);
    assert.match(broken[0].word, /^Com\w*\/\w+n$/, 'the finding shows where the word breaks');
    assert.match(broken[0].where, /narrow-anywhere/, 'the finding names the element');
    const cut = found.filter((f) => f.kind === 'cut-off');
    assert.equal(cut.length, 1, `exactly the one cut-off button is found:\n${describe(found)}`);
    assert.match(cut[0].where, /narrow-bar/, 'the finding names where it is cut off');
  } finally {
    await app.deleteSession();
  }
});

test('no screen breaks a word or cuts a field at 1024×768 and 1366×768', { timeout: 600_000 }, async () => {
  const app = await driver.launch(join(driver.scratch, 'screens.db'));
  try {
    await find(app, 'plan');
    await click(app, 'open-plan');
    await find(app, 'journey');
    const width = () => app.execute(() => window.innerWidth);
    assert.ok((await width()) <= 1100, `the window fits the 1024×768 screen (${await width()} px wide)`);

    // The maturity step at projector width: the navigator folds, the grid has the width.
    await step(app, 'maturity');
    await find(app, 'maturity-grid');
    const nav = await app.execute(() =>
      [...document.querySelectorAll('[data-testid^="nav-"]')].map((b) => ({
        title: b.getAttribute('title') ?? '',
        name: b.textContent.replace(/\s+/g, ' ').trim(),
        width: b.getBoundingClientRect().width,
      })),
    );
    assert.equal(nav.length, 11, 'eleven steps in the navigator');
    for (const b of nav) {
      assert.ok(b.width < 80, `a folded step button is an icon (${b.width} px): ${b.name}`);
      assert.match(b.title, /^\d+\. .+ — \d+ of \d+ done$/, `its tooltip names the step: ${b.title}`);
    }
    assert.match(nav[7].name, /Maturity self-assessment/, `the step's name stays its accessible name: ${nav[7].name}`);
    const scrolls = await app.execute(() => {
      const grid = document.querySelector('[data-testid="maturity-grid"]');
      const boxes = [];
      for (let e = grid?.parentElement; e && !e.classList.contains('main'); e = e.parentElement) {
        const s = getComputedStyle(e);
        if (/(auto|scroll)/.test(s.overflowX + s.overflowY)) boxes.push(e.dataset.testid ?? e.className);
      }
      const main = document.querySelector('.main');
      return { boxes, gridWidth: grid?.getBoundingClientRect().width ?? 0, mainWidth: main?.clientWidth ?? 0 };
    });
    assert.deepEqual(scrolls.boxes, [], 'nothing between the grid and the step column scrolls');
    assert.ok(scrolls.gridWidth > 850, `the grid has the width at 1024 px (${scrolls.gridWidth} px)`);

    const small = await walk(app);
    assert.deepEqual(small, [], `at 1024×768:\n${small.join('\n')}`);

    await app.setWindowSize(1366, 768);
    await app.waitUntil(async () => (await width()) >= 1300, { timeout: 10_000, timeoutMsg: 'the window did not widen to 1366 px' });
    const wide = await walk(app);
    assert.deepEqual(wide, [], `at 1366×768:\n${wide.join('\n')}`);
    const folded = await app.execute(() => document.querySelector('[data-testid="journey"]')?.classList.contains('compact'));
    assert.equal(folded, false, 'at 1366 px the navigator keeps its names');
  } finally {
    await app.deleteSession();
  }
});
