// Small steps the end-to-end tests take on the app's screens, by test id.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const sel = (id) => `[data-testid="${id}"]`;

/** The first element with test id `id`, once it exists. */
export async function find(app, id, within = app) {
  const el = await within.$(sel(id));
  await el.waitForExist({ timeout: 20_000, timeoutMsg: `nothing with data-testid="${id}" appeared` });
  return el;
}

export async function click(app, id, within = app) {
  const el = await find(app, id, within);
  await el.scrollIntoView({ block: 'center' });
  await el.click();
  return el;
}

/** Types `text` into the field with test id `id` (replacing what was there), leaves the field so
 * it saves, and waits until the app says everything is saved. */
/** The last card with test id `id` (the one just added). */
export async function lastCard(app, id) {
  await find(app, id);
  const cards = await app.$$(sel(id));
  return cards[cards.length - 1];
}

export async function fill(app, id, text, within = app) {
  const el = await find(app, id, within);
  await el.scrollIntoView({ block: 'center' });
  await el.setValue(text);
  await app.execute(() => document.activeElement && document.activeElement.blur());
  await saved(app);
  return el;
}

/** Picks the option with value `value` in the select with test id `id`. */
export async function choose(app, id, value, within = app) {
  const el = await find(app, id, within);
  await el.scrollIntoView({ block: 'center' });
  await el.selectByAttribute('value', value);
  await saved(app);
  return el;
}

/** Waits until every edit sent has been saved. */
export async function saved(app) {
  const state = await find(app, 'save-state');
  await app.waitUntil(async () => (await state.getAttribute('data-status')) !== 'saving', {
    timeout: 20_000,
    timeoutMsg: 'the app kept saving',
  });
  const status = await state.getAttribute('data-status');
  if (status === 'failed') {
    const msg = await app.$(sel('edit-error')).getText().catch(() => '');
    throw new Error(`an edit was refused: ${msg}`);
  }
}

/**
 * From Home: opens the demo plan's maturity step, creates an assessment with these raters
 * ([name, role] pairs) and goes to focus mode on its first sub-facet.
 */
export async function assessmentInFocus(app, name, raters) {
  const T = { timeout: 20_000 };
  await click(app, 'open-plan');
  await find(app, 'journey');
  await click(app, 'nav-maturity');
  await find(app, 'maturity');
  await (await find(app, 'assessment-name')).setValue(name);
  await (await find(app, 'assessment-date')).setValue('2026-12-03');
  await click(app, 'create-assessment');
  await app.waitUntil(async () => (await app.$$(sel('rater'))).length === 0 && (await app.$(sel('rater-name-input')).isExisting()), T);
  for (const [rater, role] of raters) {
    const before = (await app.$$(sel('rater'))).length;
    await (await find(app, 'rater-name-input')).setValue(rater);
    await (await find(app, 'rater-role-input')).setValue(role);
    await click(app, 'add-rater');
    await app.waitUntil(async () => (await app.$$(sel('rater'))).length === before + 1, T);
  }
  await click(app, 'tab-focus');
  await find(app, 'focus');
  await app.waitUntil(async () => (await (await find(app, 'focus-position')).getText()) === '1 of 20', T);
}

/**
 * Presses Present and answers the audience window's WebDriver handle, moved beside the
 * facilitator's window (Xvfb has one screen; a projector would be there), or null when
 * WebKitWebDriver shows one webview only. The main window stays current.
 */
export async function presentBeside(app) {
  await click(app, 'present');
  await find(app, 'to-projector');
  const main = await app.getWindowHandle();
  let handle = null;
  await app
    .waitUntil(
      async () => {
        handle = (await app.getWindowHandles()).find((h) => h !== main) ?? null;
        return handle !== null;
      },
      { timeout: 10_000 },
    )
    .catch(() => {});
  if (handle) {
    const beside = (await app.execute(() => window.screen.width)) + 50;
    await app.switchToWindow(handle);
    await app.setWindowRect(beside, 0, 1024, 768).catch((e) => console.log('cannot move the audience window:', e.message));
    await app.switchToWindow(main);
  }
  return { main, handle };
}

/** Goes to a step of the open plan by the navigator. */
export async function step(app, name) {
  await click(app, `nav-${name}`);
  await find(app, `step-${name}`);
}

/** Runs axe-core on the current screen; returns the serious and critical violations. */
export async function accessibilityProblems(app) {
  const loaded = await app.execute(() => typeof window.axe !== 'undefined');
  if (!loaded) await app.execute(AXE_SOURCE);
  const result = await app.executeAsync((done) => {
    window.axe
      .run(document, { resultTypes: ['violations'] })
      .then((r) => done(JSON.stringify(r.violations)))
      .catch((e) => done(JSON.stringify([{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: [] }])));
  });
  return JSON.parse(result)
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
