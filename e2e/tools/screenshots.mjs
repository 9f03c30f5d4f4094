// Takes a picture of every screen of the real app with the demo plan open, at the size of the
// Xvfb screen it runs under (scripts/screenshots.sh runs it at 1024×768 and 1366×768).
// Long steps are captured page by page as the main column scrolls. Every screen is also checked
// for words broken across lines and fields too small for their text (support/layout.mjs); the
// findings go to layout.txt beside the pictures and make the tool exit with status 1.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { screenshot as capture, startDriver } from '../support/app.mjs';
import { layoutProblems } from '../support/layout.mjs';
import { click, find, sel } from '../support/ui.mjs';

const STEPS = ['context', 'vision', 'goals', 'measures', 'requirements', 'governance', 'badges', 'maturity', 'communication', 'roadmap', 'export'];
const out = resolve(process.argv[2] ?? 'screenshots');
const pagesPerStep = Number(process.env.PAGES ?? 3);
mkdirSync(out, { recursive: true });

const problems = new Map(); // finding -> the first screen it was seen on
const driver = await startDriver();
try {
  const app = await driver.launch(join(driver.scratch, 'screens.db'));
  const screenshot = async (file) => {
    capture(file);
    for (const f of await layoutProblems(app)) {
      const key = `${f.kind}: ${f.word} — ${f.where}`;
      if (!problems.has(key)) problems.set(key, file.split('/').pop());
    }
  };
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  await find(app, 'plan');
  await pause(500);
  await screenshot(join(out, '00-home.png'));
  await click(app, 'open-plan');
  for (const [i, step] of STEPS.entries()) {
    await click(app, `nav-${step}`);
    await find(app, `step-${step}`);
    await pause(700);
    for (let page = 0; page < pagesPerStep; page++) {
      const more = await app.execute((p) => {
        const main = document.querySelector('.main');
        if (!main) return false;
        main.scrollTop = p * (main.clientHeight - 60);
        return p === 0 || main.scrollTop + 5 >= p * (main.clientHeight - 60) - 5;
      }, page);
      if (!more) break;
      await pause(250);
      const name = `${String(i + 1).padStart(2, '0')}-${step}${page ? `-${page + 1}` : ''}.png`;
      await screenshot(join(out, name));
      const atEnd = await app.execute(() => {
        const main = document.querySelector('.main');
        return !main || main.scrollTop + main.clientHeight >= main.scrollHeight - 2;
      });
      if (atEnd) break;
    }
  }
  // The parts of steps that open on demand: a goal in the SMART builder, the maturity tabs.
  const extra = async (name, actions) => {
    for (const a of actions) await a();
    await pause(600);
    await screenshot(join(out, name));
  };
  await click(app, 'nav-goals');
  await extra('03-goals-builder.png', [() => click(app, 'goal-toggle')]);
  // Step 4's flags: the stale measure, the off-track one with its red line and history, and
  // the date field's calendar.
  await click(app, 'nav-measures');
  await find(app, 'step-measures');
  const showMeasure = (testid) =>
    app.execute((id) => {
      const card = document.querySelector(`[data-testid="${id}"]`)?.closest('[data-testid="measure-card"]');
      card?.scrollIntoView({ block: 'start' });
    }, testid);
  await extra('04-measures-stale.png', [() => showMeasure('measure-stale')]);
  await extra('04-measures-off-track.png', [
    () =>
      app.execute(() => {
        const status = document.querySelector('[data-testid="measure-status"][data-status="off_track"]');
        status?.closest('[data-testid="measure-card"]')?.querySelector('[data-testid="measure-thresholds"]')?.scrollIntoView({ block: 'center' });
      }),
  ]);
  await extra('04-measures-calendar.png', [
    () =>
      app.execute(() => {
        const pick = document.querySelector('[data-testid="measure-target_date-pick"]');
        pick?.scrollIntoView({ block: 'center' });
        pick?.click();
      }),
  ]);
  await click(app, 'nav-maturity');
  await find(app, 'maturity');
  await extra('08-maturity-grid.png', [() => app.execute(() => document.querySelector('[data-testid="maturity-grid"]')?.scrollIntoView())]);
  for (const tab of ['results', 'compare', 'forms', 'factors']) {
    await extra(`08-maturity-${tab}.png`, [
      () => click(app, `tab-${tab}`),
      () => app.execute(() => {
        const t = document.querySelector('[data-testid="tab-grid"]');
        t?.scrollIntoView({ block: 'start' });
      }),
    ]);
  }
  await click(app, 'tab-results');
  await extra('08-maturity-results-2.png', [() => app.execute(() => document.querySelector('[data-testid="radar"]')?.scrollIntoView({ block: 'center' }))]);
  await extra('08-maturity-results-3.png', [() => app.execute(() => document.querySelector('[data-testid="gap"]')?.scrollIntoView({ block: 'start' }))]);
  // A worked example of the model open read-only beside the plan's heatmap, top and bottom.
  const compare = async (value) => {
    const el = await find(app, 'compare-example');
    await el.scrollIntoView({ block: 'center' });
    await el.selectByAttribute('value', value);
  };
  await extra('08-maturity-results-example.png', [
    () => compare('subsequent-expansion'),
    () => app.execute(() => document.querySelector('[data-testid="compare-example"]')?.scrollIntoView({ block: 'start' })),
  ]);
  await extra('08-maturity-results-example-2.png', [
    () => app.execute(() => document.querySelector('[data-testid="example-description"]')?.scrollIntoView({ block: 'end' })),
  ]);
  await compare('');
  // Targets: the note that not every facet has to reach Immersive.
  await click(app, 'tab-grid');
  await extra('08-maturity-targets.png', [
    () => click(app, 'mode-targets'),
    () => app.execute(() => document.querySelector('[data-testid="mode-targets"]')?.scrollIntoView({ block: 'start' })),
  ]);
  await click(app, 'mode-score');
  // The room's log: the capture form over the grid (a sub-facet in focus), then the panel.
  await click(app, 'tab-grid');
  await app.execute(() => document.querySelector('[data-testid="row-details"]')?.focus());
  await extra('12-room-log-capture.png', [() => app.keys(['Control', 'Shift', 'l']), () => find(app, 'capture-form')]);
  await extra('12-room-log-capture-action.png', [() => click(app, 'capture-kind-action')]);
  await app.keys(['Escape']);
  await extra('12-room-log.png', [() => click(app, 'open-room-log'), () => find(app, 'room-log')]);
  await extra('12-room-log-actions.png', [() => click(app, 'room-filter-action')]);
  await extra('12-room-log-actions-2.png', [
    () => app.execute(() => {
      const p = document.querySelector('[data-testid="room-log"]');
      if (p) p.scrollTop = p.scrollHeight;
    }),
  ]);
  await click(app, 'room-log-close');
  // The roadmap's decisions requested, risk register, evaluation cycle and reviews, each from
  // its heading.
  await click(app, 'nav-roadmap');
  await find(app, 'step-roadmap');
  for (const [name, heading] of [
    ['10-roadmap-asks.png', 'asks-heading'],
    ['10-roadmap-risks.png', 'risks-heading'],
    ['10-roadmap-evaluation.png', 'evaluation-heading'],
    ['10-roadmap-reviews.png', 'reviews-heading'],
  ]) {
    await extra(name, [
      () =>
        app.execute((id) => {
          // Just below the bar that stays at the top of the column.
          const h = document.getElementById(id);
          const main = document.querySelector('.main');
          if (h && main) main.scrollTop += h.getBoundingClientRect().top - main.getBoundingClientRect().top - 70;
        }, heading),
    ]);
  }
  // The committee's published requirements and approval criteria, under the workflow.
  await click(app, 'nav-governance');
  await find(app, 'step-governance');
  await extra('06-governance-workflow-inputs.png', [
    () =>
      app.execute(() => {
        // Just below the bar that stays at the top of the column.
        const box = document.querySelector('[data-testid="workflow-inputs"]');
        const main = document.querySelector('.main');
        if (box && main) main.scrollTop += box.getBoundingClientRect().top - main.getBoundingClientRect().top - 70;
      }),
  ]);
  // A badge just added, with everything the metadata policy still asks of it (last, so no
  // other picture shows it).
  await click(app, 'nav-badges');
  await find(app, 'step-badges');
  await click(app, 'add-badge');
  await extra('07-badges-new.png', [
    () =>
      app.execute(() => {
        const cards = document.querySelectorAll('[data-testid="badge-card"]');
        cards[cards.length - 1]?.scrollIntoView({ block: 'start' });
      }),
  ]);
  await app.$(sel('back-home')).click();
  await app.deleteSession();
} finally {
  await driver.close();
}
console.log(`screenshots in ${out}`);
const report = [...problems].map(([k, file]) => `${file}: ${k}`).join('\n');
writeFileSync(join(out, 'layout.txt'), report ? `${report}\n` : '');
if (problems.size) {
  console.error(`layout problems (${problems.size}):\n${report}`);
  process.exitCode = 1;
}
