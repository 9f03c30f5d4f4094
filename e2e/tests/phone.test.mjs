// The raters' phones: the room's page in real mobile browsers (Debian's Chromium, headless, at
// 360×740 and 414×896), against the real server run by `stepwise room serve` on a scratch
// database, with the facilitator's moves made by the CLI in the same database. Raters join,
// follow the facilitator, answer, change an answer, say "don't know" and "not applicable";
// each sees only their own answer until the reveal; the room closes under them. Every screen
// passes the layout checks of the desktop app and axe-core, and is saved as a screenshot when
// STEPWISE_E2E_SCREENSHOTS names a folder.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { describe as describeFindings } from '../support/layout.mjs';
import {
  accessibilityProblems,
  chromiumBinary,
  horizontalOverflow,
  IPHONE_UA,
  LARGE,
  launchBrowser,
  layoutProblems,
  phone,
  scriptProblems,
  shot,
  SMALL,
} from '../support/phone.mjs';
import { lastLine, requireFiles, scratchDb, serve as serveRoom } from '../support/room.mjs';

requireFiles([[chromiumBinary, "install Debian's chromium (scripts/setup.sh does)"]]);

const scratch = scratchDb();
const { db, run } = scratch;
const serve = (...args) => serveRoom(db, ...args);

const sel = (id) => `[data-testid="${id}"]`;
const onScreen = (page, screen) => page.waitForSelector(`[data-testid="rate"][data-screen="${screen}"]`, { timeout: 15_000 });
const atStage = (page, stage) => page.waitForSelector(`[data-testid="rate-room"][data-stage="${stage}"]`, { timeout: 15_000 });
const text = (page, id) => page.locator(sel(id)).innerText();

/** The checks every screen passes: no sideways scroll, no broken word or cut-off text, no
 * serious axe-core finding; and its screenshot when asked for. */
async function checkScreen(page, name) {
  await shot(page, name);
  const size = `${name} at ${page.viewportSize().width} px`;
  assert.equal(await horizontalOverflow(page), 0, `${size}: the page scrolls sideways`);
  const findings = await layoutProblems(page);
  assert.deepEqual(findings, [], `${size}: ${describeFindings(findings)}`);
  assert.deepEqual(await accessibilityProblems(page), [], `${size}: axe-core`);
  assert.deepEqual(scriptProblems(page), [], `${size}: the page ran into errors or its CSP`);
}

const REASON = 'We run no short courses for employers, so this audience is not ours.';

describe('raters score from their phones', { timeout: 300_000 }, () => {
  let browser;
  let plan;
  let assessment;
  let room;
  const phones = {};

  before(async () => {
    plan = lastLine(run('create', 'Library plan'));
    assessment = lastLine(run('assess', 'create', plan, 'Baseline — March 2027', '--date', '2027-03-01'));
    for (const name of ['Ana', 'Bo', 'Chen', 'Dara Oyelaran-Fitzgerald']) run('assess', 'rater', plan, assessment, name);
    browser = await launchBrowser();
    room = await serve(plan, assessment);
  });

  after(async () => {
    await room?.stop('SIGKILL');
    await browser?.close();
    scratch.remove();
  });

  it('joins by picking a name; a name in use shows as on another device', async () => {
    phones.ana = await phone(browser, room.url, SMALL);
    phones.dara = await phone(browser, room.url, { ...LARGE, userAgent: IPHONE_UA });
    for (const p of [phones.ana, phones.dara]) {
      await onScreen(p, 'join');
      assert.equal(await p.getAttribute('html', 'lang'), 'en');
      await checkScreen(p, 'join');
    }
    await phones.ana.getByRole('button', { name: 'Ana' }).click();
    await onScreen(phones.ana, 'room');
    assert.equal(await text(phones.ana, 'rate-rater'), 'Ana');

    phones.bo = await phone(browser, room.url, SMALL);
    await onScreen(phones.bo, 'join');
    const taken = phones.bo.getByRole('button', { name: /^Ana/ });
    assert.equal(await taken.isDisabled(), true, 'a name in use cannot be picked');
    assert.match(await taken.innerText(), /on another device/);
    await checkScreen(phones.bo, 'join-taken');
    await phones.bo.getByRole('button', { name: 'Bo' }).click();

    phones.chen = await phone(browser, room.url, SMALL);
    await onScreen(phones.chen, 'join');
    await phones.chen.getByRole('button', { name: 'Chen' }).click();
    await phones.dara.reload();
    await onScreen(phones.dara, 'join');
    await phones.dara.getByRole('button', { name: 'Dara Oyelaran-Fitzgerald' }).click();

    for (const p of Object.values(phones)) await atStage(p, 'between');
    await checkScreen(phones.ana, 'between');
    await checkScreen(phones.dara, 'between');
  });

  it('follows the facilitator to the open round, with the five stages as large buttons', async () => {
    run('assess', 'open-round', plan, assessment, 'target-audience');
    for (const p of Object.values(phones)) {
      await atStage(p, 'scoring');
      assert.equal(await text(p, 'rate-subfacet'), 'Target audience');
    }
    for (const p of [phones.ana, phones.dara]) {
      for (let n = 1; n <= 5; n++) {
        const b = p.locator(sel(`rate-stage-${n}`));
        const box = await b.boundingBox();
        assert.ok(box.height >= 48, `stage ${n} is a touch target at least 48 px tall (${box.height})`);
        assert.equal(await b.getAttribute('aria-pressed'), 'false');
      }
      await checkScreen(p, 'scoring');
    }
  });

  it('answers, changes an answer, says "don\'t know" and "not applicable" with a reason', async () => {
    const { ana, bo, chen, dara } = phones;
    await ana.locator(sel('rate-stage-3')).click();
    await ana.waitForFunction(() => document.querySelector('[data-testid="rate-mine-label"]')?.textContent === '3 · Expansion');
    await ana.locator(sel('rate-stage-4')).click();
    await ana.waitForFunction(() => document.querySelector('[data-testid="rate-mine-label"]')?.textContent === '4 · Enterprise');
    assert.equal(await ana.locator(sel('rate-stage-4')).getAttribute('aria-pressed'), 'true');
    assert.equal(await ana.locator(sel('rate-stage-3')).getAttribute('aria-pressed'), 'false');
    assert.match(await text(ana, 'rate-mine'), /You can change this until the facilitator reveals/);

    await bo.locator(sel('rate-dont-know')).click();
    await bo.waitForFunction(() => document.querySelector('[data-testid="rate-mine-label"]')?.textContent === 'Don’t know');

    await chen.locator(sel('rate-na')).click();
    const send = chen.locator(sel('rate-na-send'));
    assert.equal(await send.isDisabled(), true, 'not applicable needs a reason first');
    await chen.locator(sel('rate-na-reason')).fill(REASON);
    await checkScreen(chen, 'not-applicable-reason');
    await send.click();
    await chen.waitForFunction(() => document.querySelector('[data-testid="rate-mine-label"]')?.textContent === 'Not applicable');
    assert.equal(await text(chen, 'rate-mine-reason'), `“${REASON}”`);
    assert.equal(await chen.locator(sel('rate-na-form')).count(), 0, 'the reason form closes once sent');

    await dara.locator(sel('rate-stage-2')).click();
    await dara.waitForFunction(() => document.querySelector('[data-testid="rate-mine-label"]')?.textContent?.startsWith('2 ·'));

    // Each phone shows its own answer only; the room's count is all it learns of the others.
    for (const p of Object.values(phones)) {
      await p.waitForFunction(() => /^4 of 4 raters/.test(document.querySelector('[data-testid="rate-count"]')?.textContent ?? ''));
    }
    const pages = Object.fromEntries(await Promise.all(Object.entries(phones).map(async ([k, p]) => [k, await p.locator('body').innerText()])));
    assert.ok(!pages.ana.includes(REASON) && !pages.bo.includes(REASON) && !pages.dara.includes(REASON), 'the reason stays on its phone');
    assert.ok(!/Don’t know\s*Your answer/.test(pages.ana), 'Ana does not see Bo’s answer');
    const names = { ana: 'Ana', bo: 'Bo', chen: 'Chen', dara: 'Oyelaran' };
    for (const [k, body] of Object.entries(pages)) {
      for (const [other, name] of Object.entries(names)) {
        if (other !== k) assert.ok(!new RegExp(`\\b${name}\\b`).test(body), `${k}'s phone never names ${name}`);
      }
    }
    for (const [k, p] of Object.entries(phones)) {
      assert.equal(await p.locator('[aria-pressed="true"]').count(), 1, `${k}'s phone marks exactly one answer, its own`);
    }
    await checkScreen(ana, 'scoring-answered');
    await checkScreen(chen, 'scoring-not-applicable');
    await checkScreen(dara, 'scoring-answered');
  });

  it('shows the reveal on every phone, and the answers are in the plan', async () => {
    run('assess', 'reveal-round', plan, assessment, 'target-audience');
    for (const p of Object.values(phones)) await atStage(p, 'revealed');
    const ana = phones.ana;
    assert.equal(await text(ana, 'rate-mine-label'), '4 · Enterprise');
    const dots = async (n) => ana.locator(`${sel(`rate-tally-${n}`)} .dot`).count();
    assert.deepEqual([await dots(1), await dots(2), await dots(3), await dots(4), await dots(5)], [0, 1, 0, 1, 0]);
    assert.match(await text(ana, 'rate-summary'), /Median 3 · spread 2 · 1 don’t know · 1 not applicable/);
    const revealed = await ana.locator('body').innerText();
    assert.ok(!/\b(Bo|Chen|Oyelaran)\b/.test(revealed) && !revealed.includes(REASON), 'the reveal on a phone is anonymous dots, no names or reasons');
    await checkScreen(ana, 'revealed');
    await checkScreen(phones.dara, 'revealed');

    const saved = JSON.parse(run('export', plan, '--out', '-')).plan;
    const byName = Object.fromEntries(saved.raters.map((r) => [r.id, r.name]));
    const scores = Object.fromEntries(saved.ratings.filter((r) => r.subfacet_id === 'target-audience').map((r) => [byName[r.rater_id], r.score]));
    assert.deepEqual(scores, {
      Ana: { stage: 4 },
      Bo: { abstained: '' },
      Chen: { not_applicable: REASON },
      'Dara Oyelaran-Fitzgerald': { stage: 2 },
    });
  });

  it('moves to the next sub-facet when the facilitator opens it', async () => {
    run('assess', 'open-round', plan, assessment, 'cohort-size');
    for (const p of Object.values(phones)) {
      await atStage(p, 'scoring');
      assert.equal(await text(p, 'rate-subfacet'), 'Cohort size');
      assert.equal(await p.locator('[aria-pressed="true"]').count(), 0, 'no answer yet on the new sub-facet');
    }
  });

  it('gives the name back on "Not you?", and sends a removed device back to joining', async () => {
    const { dara, bo } = phones;
    await dara.locator(sel('rate-leave')).click();
    await onScreen(dara, 'join');
    assert.equal(await dara.getByRole('button', { name: 'Dara Oyelaran-Fitzgerald' }).isDisabled(), false, 'the name is free again');
    await dara.getByRole('button', { name: 'Dara Oyelaran-Fitzgerald' }).click();
    await atStage(dara, 'scoring');

    // The room forgets Bo's device (as when the facilitator removes it); Bo's page finds out.
    await bo.evaluate(async () => {
      const token = localStorage.getItem(`stepwise-rate:${location.pathname.split('/')[1]}`);
      await fetch('./api/leave', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    });
    await bo.reload();
    await onScreen(bo, 'join');
    assert.match(await text(bo, 'rate-notice'), /no longer in the room/);
    await checkScreen(bo, 'removed');
    await bo.getByRole('button', { name: 'Bo' }).click();
    await atStage(bo, 'scoring');
  });

  it('says why an answer came too late, and shows the reveal it missed', async () => {
    const { ana } = phones;
    // Ana's phone misses the news of the reveal (its waits are held back), so she answers a
    // round that is no longer open: the room refuses it, and the page says why.
    const held = [];
    await ana.route('**/api/wait**', (route) => held.push(route));
    await ana.reload();
    await atStage(ana, 'scoring');
    run('assess', 'reveal-round', plan, assessment, 'cohort-size');
    await ana.locator(sel('rate-stage-2')).click();
    await atStage(ana, 'revealed');
    assert.match(await text(ana, 'rate-notice'), /^Round 1 has been revealed; scores can no longer change\.$/);
    await checkScreen(ana, 'answer-too-late');
    await ana.unroute('**/api/wait**');
    for (const r of held) await r.continue().catch(() => {});
  });

  it('says the facilitator has closed the room when the server stops', async () => {
    await room.stop('SIGTERM');
    for (const p of Object.values(phones)) await onScreen(p, 'closed');
    await checkScreen(phones.ana, 'closed');
    await checkScreen(phones.dara, 'closed');
    for (const p of Object.values(phones)) await p.context().close();
  });

  it('opens with a personal code, shows the stages before scoring opens, and says when the room cannot be reached', async () => {
    room = await serve(plan, assessment, '--join', 'personal-codes', '--follow', 'micro-credential-stackability');
    const codeOf = (name) => {
      const line = room.out.split('\n').find((l) => l.startsWith(`${name}: `));
      assert.ok(line, `room serve printed a personal code for ${name}`);
      return line.slice(name.length + 2).trim();
    };
    const ana = await phone(browser, codeOf('Ana'), SMALL);
    const dara = await phone(browser, codeOf('Dara Oyelaran-Fitzgerald'), { ...LARGE, userAgent: IPHONE_UA });
    for (const p of [ana, dara]) {
      await atStage(p, 'not_open');
      assert.equal(new URL(p.url()).hash, '', 'the code is taken out of the address bar');
      assert.equal(await p.locator(sel('rate-leave')).count(), 0, 'no "Not you?" that would throw a personal code away');
      assert.equal(await p.locator(`${sel('rate-stages')} li`).count(), 5);
      await checkScreen(p, 'not-open');
    }
    // The page kept the code: a reload is still in the room.
    await ana.reload();
    await atStage(ana, 'not_open');

    const stranger = await phone(browser, room.url, SMALL);
    await onScreen(stranger, 'code');
    await checkScreen(stranger, 'personal-code-needed');
    await stranger.context().close();

    // The server vanishes without closing the room (the laptop's lid shut): after a few
    // tries the phones say they cannot reach it, instead of spinning.
    await room.stop('SIGKILL');
    for (const p of [ana, dara]) await onScreen(p, 'unreachable');
    await checkScreen(ana, 'unreachable');
    await checkScreen(dara, 'unreachable');
  });
});
