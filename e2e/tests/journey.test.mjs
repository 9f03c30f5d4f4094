// The planning journey on the real app: a consultant creates a plan and fills every step,
// turns a requirement's metric into a measure, exports the PDF and the workbook through the
// app, undoes an edit, types markup as a goal title and sees it as text, then quits and finds
// everything still there after a relaunch. axe-core checks every step on the way.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startDriver } from '../support/app.mjs';
import { accessibilityProblems, choose, click, fill, find, saved, sel, step, lastCard } from '../support/ui.mjs';

const PLAN = 'Riverside College credentials plan';
const ORG = 'Riverside College';
const GOAL = 'Launch 12 stackable badges in the data analytics certificate by June 2027';
const XSS = '<img src=x onerror=alert(1)>';

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.close();
});


async function noAlert(app) {
  try {
    const text = await app.getAlertText();
    return `an alert is open: ${text}`;
  } catch {
    return null;
  }
}

test('a plan is filled step by step, exported, undone, and still there after a relaunch', { timeout: 600_000 }, async () => {
  const db = join(driver.scratch, 'journey.db');
  const a11y = {};
  let app = await driver.launch(db);
  try {
    // Home: create the plan.
    await find(app, 'plan');
    a11y.home = await accessibilityProblems(app);
    await click(app, 'new-plan');
    await (await find(app, 'new-plan-name')).setValue(PLAN);
    await click(app, 'create-plan');
    await find(app, 'journey');
    await find(app, 'step-context');

    // 1. Context
    await fill(app, 'settings-organisation', ORG);
    await fill(app, 'settings-size', '6,200 learners, 410 staff');
    await click(app, 'add-program');
    await fill(app, 'program-name', 'Data analytics certificate', await lastCard(app, 'program-card'));
    await click(app, 'add-stakeholder-students');
    await saved(app);
    await click(app, 'add-priority');
    await fill(app, 'priority-title', 'Widen access to lifelong learning', await lastCard(app, 'priority-card'));
    await click(app, 'add-core_value');
    await fill(app, 'core_value-name', 'Openness', await lastCard(app, 'core_value-card'));
    a11y.context = await accessibilityProblems(app);

    // 2. Vision
    await step(app, 'vision');
    const why = await find(app, 'vision-question-why-adopt');
    await fill(app, 'vision_answer-text', 'Employers ask for proof of skills our transcripts do not show.', why);
    await click(app, 'add-vision_statement');
    const statement = await lastCard(app, 'vision_statement-card');
    await fill(app, 'vision_statement-text', 'Every learner leaves with skills the region recognises.', statement);
    await (await statement.$(`${sel('vision_statement-priority_ids')} input[type="checkbox"]`)).click();
    await saved(app);
    a11y.vision = await accessibilityProblems(app);

    // 3. SMART goals, one of them titled with markup
    await step(app, 'goals');
    await click(app, 'add-goal');
    await fill(app, 'goal-title', GOAL);
    await fill(app, 'goal-specific', 'Twelve badges across the four certificate courses');
    await fill(app, 'goal-measurable', '12 badges published, 300 learners earning one');
    await fill(app, 'goal-owner', 'Director of Continuing Education');
    await fill(app, 'goal-due', '2027-06-30');
    const findings = await find(app, 'goal-findings');
    assert.ok(['true', 'false'].includes(await findings.getAttribute('data-smart')), 'the builder judges the goal');
    a11y.goals = await accessibilityProblems(app);

    await click(app, 'add-goal');
    await fill(app, 'goal-title', XSS);
    assert.equal(await noAlert(app), null, 'typing markup runs no script');
    const titles = await app.$$(sel('goal-card')).map((c) => c.getText());
    assert.ok(titles.some((t) => t.includes(XSS)), `the markup is shown as text: ${JSON.stringify(titles)}`);
    assert.equal((await app.$$(`${sel('journey')} img`)).length, 0, 'no image element was created from the title');

    // 4. Success measures
    await step(app, 'measures');
    await click(app, 'add-measure');
    const measure = await lastCard(app, 'measure-card');
    await fill(app, 'measure-indicator', 'Learners holding at least one badge', measure);
    await fill(app, 'measure-baseline', '0', measure);
    await fill(app, 'measure-target', '300', measure);
    await fill(app, 'measure-target_date', '2027-06-30', measure);
    await (await find(app, 'check_in-new-value', measure)).setValue('40');
    await click(app, 'add-check_in', measure);
    await saved(app);
    await find(app, 'check_in-card', measure);
    assert.notEqual((await (await find(app, 'measure-status', measure)).getText()).trim(), '', 'the status is shown');
    a11y.measures = await accessibilityProblems(app);

    // 5. Business requirements: choose one, pick a metric, make it a measure on the goal
    await step(app, 'requirements');
    const catalogRow = await find(app, 'catalog-requirement');
    await click(app, 'add-requirement', catalogRow);
    await saved(app);
    const requirement = await lastCard(app, 'requirement-card');
    await (await find(app, 'metric-option', requirement)).click();
    await saved(app);
    const metric = await lastCard(app, 'requirement_metric-card');
    const metricName = await (await find(app, 'requirement_metric-name', metric)).getValue();
    const goalOption = await app.execute(
      (goal) => [...document.querySelectorAll('[data-testid="metric-goal"] option')].find((o) => o.textContent.includes(goal))?.value,
      GOAL.slice(0, 30),
    );
    assert.ok(goalOption, 'the goal is offered for the metric');
    await choose(app, 'metric-goal', goalOption, metric);
    await click(app, 'metric-to-measure', metric);
    await saved(app);
    await find(app, 'metric-measured', metric);
    a11y.requirements = await accessibilityProblems(app);
    await step(app, 'measures');
    const indicators = await app.$$(sel('measure-indicator')).map((e) => e.getValue());
    assert.ok(indicators.includes(metricName), `the metric "${metricName}" became a measure: ${JSON.stringify(indicators)}`);

    // 6. Governance
    await step(app, 'governance');
    await click(app, 'add-role');
    await fill(app, 'role-name', 'Badge administrator', await lastCard(app, 'role-card'));
    await click(app, 'add-committee_member');
    await fill(app, 'committee_member-name', 'Dr Amina Okafor', await lastCard(app, 'committee_member-card'));
    await click(app, 'workflow-standard');
    await saved(app);
    await find(app, 'workflow_stage-card');
    await click(app, 'add-raci_activity');
    await saved(app);
    const cell = await find(app, 'raci-cell');
    await cell.scrollIntoView({ block: 'center' });
    await cell.selectByAttribute('value', 'A');
    await saved(app);
    await click(app, 'add-badge_level');
    await fill(app, 'badge_level-name', 'Skill badge', await lastCard(app, 'badge_level-card'));
    await click(app, 'add-framework');
    const framework = await lastCard(app, 'framework-card');
    await fill(app, 'framework-name', 'ESCO', framework);
    await fill(app, 'framework-alignment', 'Each skill badge cites its ESCO skills.', framework);
    await click(app, 'add-objection');
    const objection = await lastCard(app, 'objection-card');
    await fill(app, 'objection-objection', 'Employers will not read a badge.', objection);
    await fill(app, 'objection-answer', 'Skills are tagged with ESCO, which employers use.', objection);
    await choose(app, 'objection-status', 'answered', objection);
    await fill(app, 'settings-approval_criteria', 'Criteria an employer can follow, and evidence behind every award.');
    a11y.governance = await accessibilityProblems(app);

    // 7. Badges and issuing
    await step(app, 'badges');
    await click(app, 'add-badge');
    const badge = await lastCard(app, 'badge-card');
    await fill(app, 'badge-name', 'Peer mentor badge', badge);
    await fill(app, 'badge-criteria', 'Mentors two first-years for a term and logs each meeting.', badge);
    a11y.badges = await accessibilityProblems(app);

    // 8. Maturity (its own workshop; here only checked for accessibility)
    await step(app, 'maturity');
    a11y.maturity = await accessibilityProblems(app);

    // 9. Communication and training
    await step(app, 'communication');
    await click(app, 'add-communication');
    await fill(app, 'communication-audience', 'Faculty', await lastCard(app, 'communication-card'));
    await click(app, 'add-training');
    await fill(app, 'training-audience', 'Badge administrators', await lastCard(app, 'training-card'));
    a11y.communication = await accessibilityProblems(app);

    // 10. Roadmap
    await step(app, 'roadmap');
    await click(app, 'add-phase');
    const phase = await lastCard(app, 'phase-card');
    await fill(app, 'phase-name', 'Pilot', phase);
    await fill(app, 'phase-starts_on', '2026-01-01', phase);
    await fill(app, 'phase-ends_on', '2026-12-31', phase);
    await click(app, 'add-milestone');
    await fill(app, 'milestone-title', 'First badges awarded', await lastCard(app, 'milestone-card'));
    await find(app, 'roadmap-timeline');
    a11y.roadmap = await accessibilityProblems(app);

    // 11. Export the PDF and the workbook through the app
    await step(app, 'export');
    a11y.export = await accessibilityProblems(app);
    await click(app, 'export-pdf');
    const pdfResult = await find(app, 'export-result-pdf');
    const pdf = await pdfResult.getAttribute('data-path');
    assert.ok(pdf.startsWith(driver.exportDir), `the PDF went to the exports folder: ${pdf}`);
    assert.ok(existsSync(pdf) && statSync(pdf).size > 10_000, 'the PDF exists');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const expected of [ORG, 'Launch 12 stackable badges', 'Badge administrator', 'Employers will not read a badge.', 'Peer mentor badge', 'Criteria an employer can follow', XSS]) {
      assert.ok(text.includes(expected), `the PDF mentions "${expected}"`);
    }
    await click(app, 'export-xlsx');
    const xlsx = await (await find(app, 'export-result-xlsx')).getAttribute('data-path');
    assert.ok(existsSync(xlsx), 'the workbook exists');
    assert.equal(readFileSync(xlsx).subarray(0, 2).toString(), 'PK', 'the workbook is a zip package');
    const converted = join(driver.scratch, 'converted');
    execFileSync('libreoffice', ['--headless', '--convert-to', 'csv', '--outdir', converted, xlsx], { stdio: 'ignore', timeout: 120_000 });
    const csv = readFileSync(join(converted, xlsx.split('/').pop().replace(/\.xlsx$/, '.csv')), 'utf8');
    assert.ok(csv.includes(ORG) || csv.includes(PLAN), 'LibreOffice opens the workbook and reads the plan');

    // Undo an edit: change the goal's owner, undo, and the old owner is back.
    await step(app, 'goals');
    if (!(await app.$(sel('goal-owner')).isExisting())) await click(app, 'goal-toggle', await find(app, 'goal-card'));
    const ownerField = await find(app, 'goal-owner');
    const before = await ownerField.getValue();
    await fill(app, 'goal-owner', 'Someone else entirely');
    await app.keys(['Control', 'z']);
    await saved(app);
    await app.waitUntil(async () => (await (await find(app, 'goal-owner')).getValue()) === before, {
      timeout: 10_000,
      timeoutMsg: 'Ctrl+Z did not bring the owner back',
    });
    await click(app, 'redo');
    await saved(app);
    await app.waitUntil(async () => (await (await find(app, 'goal-owner')).getValue()) === 'Someone else entirely', {
      timeout: 10_000,
      timeoutMsg: 'Redo did not apply the change again',
    });
    await click(app, 'undo');
    await saved(app);

    for (const [screen, problems] of Object.entries(a11y)) {
      if (problems.length) console.log(screen, problems);
      assert.deepEqual(problems, [], `axe-core finds serious or critical problems on ${screen}`);
    }
  } finally {
    await app.deleteSession();
  }

  // Quit and relaunch: everything is still there.
  app = await driver.launch(db);
  try {
    await find(app, 'plan');
    const cards = await app.$$(sel('plan'));
    let opened = false;
    for (const card of cards) {
      if ((await card.getText()).includes(PLAN)) {
        await (await card.$(sel('open-plan'))).click();
        opened = true;
        break;
      }
    }
    assert.ok(opened, 'the plan is listed after a relaunch');
    await find(app, 'step-context');
    assert.equal(await (await find(app, 'settings-organisation')).getValue(), ORG);
    await step(app, 'goals');
    const titles = await app.$$(sel('goal-card')).map((c) => c.getText());
    assert.ok(titles.some((t) => t.includes('Launch 12 stackable badges')), 'the goal is still there');
    assert.ok(titles.some((t) => t.includes(XSS)), 'the markup title is still text');
    await step(app, 'roadmap');
    assert.ok((await app.$$(sel('phase-card'))).length >= 1, 'the phase is still there');
  } finally {
    await app.deleteSession();
  }
});
