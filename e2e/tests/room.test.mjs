// The room's server on the real app: the facilitator opens the room on 127.0.0.1 from focus
// mode; three phones (Debian's Chromium, headless, at a phone's viewport) and one curl client
// join as four raters, answer blind (one changes their answer, one does not know), while every
// endpoint is probed with each token for what another rater said: nothing leaks. Wrong,
// missing and another rater's tokens, a forged Host header, a cross-site Origin and an
// oversized body are refused. The facilitator's window counts the answers as they land (within
// a second), reveals, and the scores are in the plan, the XLSX and the PDF. Close: the phones
// say the room has closed and the port refuses connections.
//
// Set STEPWISE_E2E_SCREENSHOTS=<dir> to keep pictures of the facilitator's room panel and the
// projector's view with the QR code at 1024×768 and 1366×768 (run Xvfb at least 1366 wide).
//
// Test ids used (ui/src/components/focus/):
//   room-setup-toggle, room-toggle, room-setup, room-interface, room-join-pick, room-open,
//   room-error, room-panel, room-url, room-code, room-qr, room-join-screen, room-devices,
//   room-device (data-rater), room-device-answered, room-remove, room-close
//   room-personal-codes, personal-codes, personal-code (data-rater), personal-code-url,
//   personal-code-used, personal-codes-close, room-join-personal
//   audience-room, audience-qr, audience-url, audience-code (the projector's view)
//   rate-name, rate-room, rate-rater, rate-subfacet, rate-stage-<n>, rate-dont-know,
//   rate-mine-label, rate-count, rate-revealed, rate-closed (the raters' page, ui/rate.html)
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { appBinary, screenshot, startDriver } from '../support/app.mjs';
import { describe, layoutProblems } from '../support/layout.mjs';
import { IPHONE_UA, launchBrowser, phone, scriptProblems, shot as phoneShot } from '../support/phone.mjs';
import { accessibilityProblems, assessmentInFocus, click, find, presentBeside, sel } from '../support/ui.mjs';

const RATERS = [
  ['Ada Quist', 'Registrar'],
  ['Bram Veldt', 'Faculty of Science'],
  ['Cleo Marsh', 'Library'],
  ['Dev Okafor', 'Careers'],
];
const SHOTS = process.env.STEPWISE_E2E_SCREENSHOTS;
const T = { timeout: 20_000 };
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

let driver;
let browser;
before(async () => {
  assert.ok(existsSync(appBinary), `the app is not built at ${appBinary}`);
  driver = await startDriver();
  browser = await launchBrowser();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await driver?.close();
});

/** A request to the room from this process, as any client on the network could send it. */
async function http(url, { method = 'GET', token, body, headers = {} } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (body !== undefined) h['content-type'] = 'application/json';
  const r = await fetch(url, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await r.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (the page, an empty answer)
  }
  return { status: r.status, text, json };
}

/** curl, the fourth rater's client: answers status and body. Exit code 7 is "connection refused". */
function curl(args) {
  const r = spawnSync('curl', ['-s', '-S', '--max-time', '10', '-w', '\n%{http_code}', ...args], { encoding: 'utf8' });
  if (r.status !== 0) return { exit: r.status, status: 0, text: r.stderr, json: null };
  const i = r.stdout.lastIndexOf('\n');
  const text = r.stdout.slice(0, i);
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { exit: 0, status: Number(r.stdout.slice(i + 1)), text, json };
}

/** Every value in an answer that would tell one rater what others said before the reveal. */
function leaks(json, path = '') {
  if (json === null || typeof json !== 'object') return [];
  const found = [];
  for (const [k, v] of Object.entries(json)) {
    const here = `${path}.${k}`;
    if (['reveal', 'median', 'spread', 'dots', 'names', 'aggregate', 'ratings', 'scores', 'answers', 'note', 'notes', 'rationale', 'evidence', 'highest', 'lowest', 'agreed'].includes(k) && v !== null && !(Array.isArray(v) && v.length === 0)) {
      found.push(`${here} = ${JSON.stringify(v).slice(0, 80)}`);
    }
    found.push(...leaks(v, here));
  }
  return found;
}

test('phones join the room, answer blind, nothing leaks, the facilitator reveals, and Close shuts the port', { timeout: 900_000 }, async () => {
  const app = await driver.launch(join(driver.scratch, 'room.db'));
  const layout = [];
  const shot = async (name) => {
    await pause(400);
    for (const f of await layoutProblems(app)) layout.push(`${name}: ${describe([f])}`);
    if (SHOTS) screenshot(join(SHOTS, `${name}.png`));
  };
  const phones = [];
  try {
    // Pictures at the projector's 1024×768 first (Xvfb may be wider for the 1366 ones).
    if (SHOTS) await app.setWindowRect(0, 0, 1024, 768);
    // The demo plan, a new assessment with four raters.
    await assessmentInFocus(app, 'Room session', RATERS);
    const subfacet = await (await find(app, 'focus-subfacet')).getText();

    // ---- Opening: a bad address is refused naming the field; loopback opens ----
    await click(app, 'room-setup-toggle');
    await find(app, 'room-setup');
    const offered = await app.execute(() =>
      [...document.querySelectorAll('[data-testid="room-interface"] option')].map((o) => ({ value: o.value, text: o.textContent.trim() })),
    );
    const loop = offered.find((o) => o.value === '127.0.0.1');
    assert.ok(loop, `loopback is offered: ${JSON.stringify(offered)}`);
    assert.match(loop.text, /This computer only \(to try it out\)/);
    assert.equal(offered.at(-1).value, '127.0.0.1', 'loopback comes last, the local network first');
    // An address this computer no longer has (the Wi-Fi dropped after the list was read).
    await app.execute(() => {
      const select = document.querySelector('[data-testid="room-interface"]');
      select.add(new Option('gone', '198.51.100.77'));
      select.value = '198.51.100.77';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(app, 'room-open');
    const refusal = await (await find(app, 'room-error')).getText();
    assert.match(refusal, /^Network address: the room cannot be opened on 198\.51\.100\.77/, refusal);
    assert.ok(!(await app.$(sel('room-panel')).isExisting()), 'no room opened');
    await (await find(app, 'room-interface')).selectByAttribute('value', '127.0.0.1');
    await click(app, 'room-join-pick');
    await click(app, 'room-open');
    await find(app, 'room-panel');
    assert.ok(!(await app.$(sel('room-error')).isExisting()), 'the refusal is gone once the room opens');
    const url = await (await find(app, 'room-url')).getText();
    const code = await (await find(app, 'room-code')).getText();
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/[2-9a-z]{6}\/$/, url);
    assert.ok(url.endsWith(`/${code}/`), `the URL carries the room code ${code}`);
    const origin = new URL(url).origin;
    const port = new URL(url).port;
    await shot('room-1-open');
    assert.deepEqual(await accessibilityProblems(app), [], 'focus mode with the room panel passes axe');

    // The projector shows how to join, large, until scoring opens.
    const audienceText = async () => {
      await app.execute(() => document.querySelector('[data-testid="audience-toggle"]').click());
      await find(app, 'audience-here');
      await pause(500);
      const seen = await app.execute(() => {
        const box = document.querySelector('[data-testid="audience-here"]');
        const qr = box.querySelector('[data-testid="audience-qr"]');
        return { text: box.innerText, html: box.innerHTML, qr: qr ? qr.getBoundingClientRect().width : 0 };
      });
      return seen;
    };
    const back = async () => {
      await app.execute(() => document.querySelector('[data-testid="audience-back"]').click());
      await find(app, 'focus');
    };
    let seen = await audienceText();
    assert.ok(seen.text.includes(url) && seen.text.includes(code), `the projector shows the address and the code: ${seen.text}`);
    assert.ok(seen.qr >= 250, `the QR code is large between sub-facets (${seen.qr} px)`);
    await shot('room-2-projector-join-1024');
    assert.deepEqual(await accessibilityProblems(app), [], 'the projector’s join screen passes axe');
    await back();

    // ---- Joining: three phones and curl ----
    const welcome = await http(`${url}api/room`);
    assert.equal(welcome.status, 200, welcome.text);
    assert.deepEqual(
      welcome.json.raters.map((r) => r.name).sort(),
      RATERS.map(([n]) => n).sort(),
    );
    const idOf = Object.fromEntries(welcome.json.raters.map((r) => [r.name, r.id]));
    const page = await http(url);
    assert.equal(page.status, 200, 'the page is served from inside the app');
    assert.equal(page.text, readFileSync(join(import.meta.dirname, '..', '..', 'ui', 'dist', 'rate.html'), 'utf8'), 'the page is the built ui/dist/rate.html');

    const tokens = {};
    for (const [i, [name]] of RATERS.slice(0, 3).entries()) {
      const p = await phone(browser, url, i === 1 ? { userAgent: IPHONE_UA } : {});
      phones.push(p);
      tokens[name] = await phoneJoin(p, name);
    }
    const dev = curl(['-X', 'POST', '-H', 'content-type: application/json', '--data', JSON.stringify({ rater_id: idOf['Dev Okafor'] }), `${url}api/join`]);
    assert.equal(dev.status, 200, dev.text);
    tokens['Dev Okafor'] = dev.json.token;
    assert.match(tokens['Dev Okafor'], /^[0-9a-f]{32}$/, '128-bit tokens');
    const taken = await http(`${url}api/join`, { method: 'POST', body: { rater_id: idOf['Ada Quist'] } });
    assert.equal(taken.status, 409, `a name in use is refused: ${taken.text}`);

    await app.waitUntil(async () => (await app.$$(sel('room-device'))).length === 4, { ...T, timeoutMsg: 'the four devices are listed' });
    const devices = await app.execute(() => [...document.querySelectorAll('[data-testid="room-device"]')].map((d) => d.innerText.replace(/\s+/g, ' ')));
    assert.ok(devices.some((d) => d.includes('Bram Veldt') && d.includes('Safari on iPhone')), devices.join(' | '));
    assert.ok(devices.some((d) => d.includes('Dev Okafor') && d.includes('curl')), devices.join(' | '));

    // The projector's own window, read through its WebDriver handle when there is one.
    const { main, handle: audienceHandle } = await presentBeside(app);
    if (audienceHandle) {
      await app.switchToWindow(audienceHandle);
      try {
        await app.waitUntil(async () => (await app.execute(() => document.body.innerText)).includes(code), {
          timeout: 10_000,
          timeoutMsg: 'the audience window does not show the room code',
        });
      } finally {
        await app.switchToWindow(main);
      }
    }

    // ---- Scoring opens: the phones move to the sub-facet ----
    await click(app, 'open-round');
    await app.waitUntil(async () => (await (await find(app, 'focus-scored')).getText()) === '0 of 4 have scored', T);
    for (const p of phones) await phoneWaitFor(p, subfacet);
    const devPage = curl(['-H', `authorization: Bearer ${tokens['Dev Okafor']}`, `${url}api/page`]);
    assert.equal(devPage.json?.focus?.name, subfacet, devPage.text);
    const round = devPage.json.focus.round;
    const sfId = devPage.json.focus.subfacet_id;

    /** The app's "n of 4 have scored" shows `n` within a second of an answer's reply. */
    const watchCount = (n) =>
      app.execute((want) => {
        window.__seenAt = null;
        const check = () => {
          const el = document.querySelector('[data-testid="focus-scored"]');
          if (el && el.textContent.includes(want) && window.__seenAt === null) window.__seenAt = Date.now();
        };
        const obs = new MutationObserver(check);
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
        window.__stopWatch = () => obs.disconnect();
      }, `${n} of 4 have scored`);
    const countLanded = async (n, answeredAt) => {
      await app.waitUntil(async () => (await app.execute(() => window.__seenAt)) !== null, { ...T, timeoutMsg: `"${n} of 4 have scored" never showed` });
      const at = await app.execute(() => {
        window.__stopWatch?.();
        return window.__seenAt;
      });
      const lag = at - answeredAt;
      assert.ok(lag < 1000, `the app showed "${n} of 4 have scored" ${lag} ms after the answer (under a second)`);
      return lag;
    };

    const answers = [
      ['Ada Quist', { stage: 2 }],
      ['Bram Veldt', { stage: 4 }],
      ['Cleo Marsh', { abstained: '' }],
    ];
    const lags = [];
    for (const [i, [name, score]] of answers.entries()) {
      await watchCount(i + 1);
      const at = await phoneAnswer(phones[i], score);
      lags.push(await countLanded(i + 1, at));
    }
    // Bram changes his mind: still three answers, his own now 3.
    await phoneAnswer(phones[1], { stage: 3 });
    // Dev answers by curl.
    await watchCount(4);
    const devAnswer = curl(['-X', 'POST', '-H', `authorization: Bearer ${tokens['Dev Okafor']}`, '-H', 'content-type: application/json', '--data', JSON.stringify({ subfacet_id: sfId, round, score: { stage: 1 } }), `${url}api/answer`]);
    const devAt = Date.now();
    assert.equal(devAnswer.status, 200, devAnswer.text);
    assert.deepEqual(devAnswer.json.focus.mine, { stage: 1 });
    lags.push(await countLanded(4, devAt));
    console.log(`answer to the app's count: ${lags.join(', ')} ms`);
    // Each phone shows its own answer and the count, nothing of anyone else's.
    for (const [i, p] of phones.entries()) {
      await p.locator('[data-testid="rate-count"]', { hasText: '4 of 4 raters have answered' }).waitFor(PHONE_T);
      const text = await p.locator('body').innerText();
      for (const [other] of RATERS.filter((_, k) => k !== i)) assert.ok(!text.includes(other), `a phone names ${other} while blind`);
      assert.ok(!/median|spread/i.test(text), 'no aggregate on a phone while blind');
      if (i === 1) await phoneShot(p, 'room-phone-scoring');
    }
    // The projector's own window counted them too.
    if (audienceHandle) {
      await app.switchToWindow(audienceHandle);
      try {
        await app.waitUntil(async () => (await app.execute(() => document.body.innerText)).includes('4 of 4 have scored'), {
          timeout: 3_000,
          timeoutMsg: 'the audience window did not count the phones’ answers',
        });
      } finally {
        await app.switchToWindow(main);
      }
    }
    await app.execute(() => document.querySelector('[data-testid="room-panel"]').scrollIntoView({ block: 'center' }));
    await shot('room-3-scoring');
    const answered = await app.execute(() =>
      [...document.querySelectorAll('[data-testid="room-device"]')].map((d) => d.querySelector('[data-testid="room-device-answered"]')?.textContent ?? ''),
    );
    assert.deepEqual(answered, ['✓ answered', '✓ answered', '✓ answered', '✓ answered'], 'the room panel says who has answered');

    // The room's own view while blind: a count, no score, no name.
    seen = await audienceText();
    assert.ok(seen.text.includes('4 of 4 have scored'), seen.text);
    for (const s of ['Ada', 'Bram', 'Cleo', 'Dev', 'Median', 'spread']) assert.ok(!seen.text.includes(s), `the room does not see "${s}" before the reveal`);
    assert.ok(seen.text.includes(code), 'the way in stays on the projector while scoring');
    await shot('room-4-projector-scoring-1024');
    await back();

    // ---- While blind, no endpoint tells any token what others said ----
    const mine = { 'Ada Quist': { stage: 2 }, 'Bram Veldt': { stage: 3 }, 'Cleo Marsh': { abstained: '' }, 'Dev Okafor': { stage: 1 } };
    for (const [name, token] of Object.entries(tokens)) {
      const probes = [
        await http(`${url}api/room`, { token }),
        await http(`${url}api/page`, { token }),
        await http(`${url}api/page?rater_id=${idOf['Ada Quist']}`, { token }),
        await http(`${url}api/wait?after=0`, { token }),
        await http(`${url}api/answer`, { method: 'POST', token, body: { subfacet_id: 'nope', round, score: { stage: 5 } } }),
        await http(`${url}api/answer`, { method: 'POST', token, body: { subfacet_id: sfId, round, score: { stage: 5 }, rater_id: idOf['Ada Quist'] } }),
        await http(`${url}api/join`, { method: 'POST', token, body: { rater_id: idOf['Ada Quist'] } }),
        await http(`${url}api/ratings`, { token }),
        await http(`${url}api/plan`, { token }),
        await http(`${url}api/`, { token }),
        await http(`${url}assets/`, { token }),
        await http(`${url}assets/..%2F..%2Frate.html`, { token }),
        await http(`${origin}/api/page`, { token }),
        await http(`${origin}/`, { token }),
      ];
      const pageNow = probes[1].json;
      assert.equal(pageNow.rater, name, `${name}'s token reads ${name}'s page`);
      assert.deepEqual(pageNow.focus.mine, mine[name], `${name}'s page has ${name}'s own answer`);
      assert.deepEqual(probes[2].json.focus.mine, mine[name], 'a rater id in the query changes nothing');
      assert.equal(probes[4].status, 422, probes[4].text);
      assert.equal(probes[5].status, 422, `an answer naming another rater is refused: ${probes[5].text}`);
      for (const p of probes.slice(7)) assert.equal(p.status, 404, `only the room's endpoints answer (${p.status} ${p.text.slice(0, 80)})`);
      for (const p of probes) {
        assert.deepEqual(leaks(p.json), [], `${name}: nothing of others' answers in ${p.text.slice(0, 120)}`);
        for (const [other] of RATERS.filter(([n]) => n !== name)) {
          if (p === probes[0]) continue; // the room lists names to pick from, never their answers
          assert.ok(!p.text.includes(other), `${name}'s probe names ${other}: ${p.text.slice(0, 120)}`);
        }
      }
    }
    const stillFour = await http(`${url}api/page`, { token: tokens['Ada Quist'] });
    assert.equal(stillFour.json.focus.scored, 4, 'no probe changed an answer');

    // ---- Refusals ----
    const noToken = await http(`${url}api/page`);
    assert.equal(noToken.status, 401, noToken.text);
    const wrong = await http(`${url}api/page`, { token: 'f'.repeat(32) });
    assert.equal(wrong.status, 401, wrong.text);
    const noAnswer = await http(`${url}api/answer`, { method: 'POST', body: { subfacet_id: sfId, round, score: { stage: 5 } } });
    assert.equal(noAnswer.status, 401, noAnswer.text);
    const forged = curl(['-H', `Host: evil.example:${port}`, '-H', `authorization: Bearer ${tokens['Dev Okafor']}`, `${url}api/page`]);
    assert.equal(forged.status, 421, `a forged Host header is refused: ${forged.text}`);
    const rebound = curl(['-H', `Host: localhost:${port}`, `${url}api/room`]);
    assert.equal(rebound.status, 421, `another name for this computer is refused too: ${rebound.text}`);
    const crossSite = await http(`${url}api/answer`, { method: 'POST', token: tokens['Ada Quist'], body: { subfacet_id: sfId, round, score: { stage: 5 } }, headers: { origin: 'http://evil.example' } });
    assert.equal(crossSite.status, 403, crossSite.text);
    const big = curl(['-X', 'POST', '-H', `authorization: Bearer ${tokens['Dev Okafor']}`, '-H', 'content-type: application/json', '--data', JSON.stringify({ subfacet_id: sfId, round, score: { not_applicable: 'x'.repeat(8000) } }), `${url}api/answer`]);
    assert.equal(big.status, 413, `an oversized body is refused: ${big.text}`);
    const headers = await fetch(url).then((r) => Object.fromEntries(r.headers));
    assert.match(headers['content-security-policy'] ?? '', /default-src 'none'/, 'the page carries a strict CSP');
    assert.equal(headers['access-control-allow-origin'], undefined, 'no CORS');
    const after = await http(`${url}api/page`, { token: tokens['Ada Quist'] });
    assert.deepEqual(after.json.focus.mine, { stage: 2 }, 'no refused request changed an answer');

    // ---- Reveal ----
    await click(app, 'reveal-round');
    await find(app, 'focus-summary');
    assert.match(await (await find(app, 'focus-summary')).getText(), /Median 2 · spread 2 · 1 abstained \(Cleo Marsh\)/);
    assert.match(await (await find(app, 'focus-names-3')).getText(), /Bram Veldt/);
    assert.match(await (await find(app, 'focus-names-1')).getText(), /Dev Okafor/);
    for (const p of phones) await phoneRevealed(p);
    await phoneShot(phones[0], 'room-phone-revealed');
    await shot('room-5-revealed');
    const late = curl(['-X', 'POST', '-H', `authorization: Bearer ${tokens['Dev Okafor']}`, '-H', 'content-type: application/json', '--data', JSON.stringify({ subfacet_id: sfId, round, score: { stage: 5 } }), `${url}api/answer`]);
    assert.equal(late.status, 422, `an answer after the reveal is refused: ${late.text}`);

    // The projector and the room panel at 1366×768.
    if (SHOTS) {
      await app.setWindowRect(0, 0, 1366, 768);
      await app.waitUntil(async () => (await app.execute(() => window.innerWidth)) >= 1300, { timeout: 10_000 }).catch(() => {});
      await click(app, 'room-join-screen');
      await app.execute(() => document.querySelector('[data-testid="room-panel"]').scrollIntoView({ block: 'center' }));
      await shot('room-6-panel-1366');
      await app.execute(() => document.querySelector('[data-testid="audience-toggle"]').click());
      await find(app, 'audience-here');
      await shot('room-7-projector-join-1366');
      await back();
      await click(app, 'room-join-screen');
      await app.execute(() => document.querySelector('[data-testid="audience-toggle"]').click());
      await find(app, 'audience-here');
      await shot('room-8-projector-revealed-1366');
      await back();
      await app.setWindowRect(0, 0, 1024, 768);
    }

    // ---- The queue moves: so do the phones ----
    await click(app, 'focus-next');
    await app.waitUntil(async () => (await (await find(app, 'focus-subfacet')).getText()) !== subfacet, T);
    const next = await (await find(app, 'focus-subfacet')).getText();
    for (const p of phones) await p.locator('[data-testid="rate-subfacet"]', { hasText: next }).waitFor(PHONE_T);

    // ---- Remove: the curl client's token stops working, its row goes ----
    await click(app, 'room-device"][data-rater="Dev Okafor"] [data-testid="room-remove');
    await app.waitUntil(async () => (await app.$$(sel('room-device'))).length === 3, { ...T, timeoutMsg: 'the removed device is still listed' });
    const removed = curl(['-H', `authorization: Bearer ${tokens['Dev Okafor']}`, `${url}api/page`]);
    assert.equal(removed.status, 401, `a removed device is out of the room: ${removed.text}`);

    // ---- Close: the phones say so and the port refuses connections ----
    await click(app, 'room-close');
    await app.waitUntil(async () => !(await app.$(sel('room-panel')).isExisting()), { ...T, timeoutMsg: 'the room panel stays after Close' });
    for (const p of phones) await phoneClosed(p);
    for (const p of phones) assert.deepEqual(scriptProblems(p), [], 'the page served from inside the app runs under its CSP without an error');
    await phoneShot(phones[2], 'room-phone-closed');
    const refused = curl([`${url}api/room`]);
    assert.equal(refused.exit, 7, `after Close the port refuses connections: ${refused.text}`);
    const refusedToken = spawnSync('curl', ['-s', '--max-time', '5', '-H', `authorization: Bearer ${tokens['Dev Okafor']}`, `${url}api/page`]);
    assert.equal(refusedToken.status, 7, 'a token is no way back in after Close');

    // ---- The scores are in the plan: the scoring grid, the workbook and the PDF ----
    // The whole assessment revealed, so the PDF reports it.
    await click(app, 'tab-grid');
    await click(app, 'reveal');
    await click(app, 'reveal-confirm');
    await find(app, 'revealed');
    await click(app, 'nav-export');
    await click(app, 'export-xlsx');
    const xlsxDone = await app.$(sel('export-result-xlsx'));
    await xlsxDone.waitForExist({ timeout: 60_000, timeoutMsg: 'the XLSX export never finished' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await xlsxDone.getAttribute('data-path'));
    const rows = [];
    wb.getWorksheet('Ratings').eachRow((row) => rows.push(row.values.slice(1).map((v) => (v instanceof Date ? v.toISOString() : String(v ?? '')))));
    const ours = rows.filter((r) => r[0] === 'Room session');
    const byRater = Object.fromEntries(ours.map((r) => [r[2], r]));
    assert.equal(ours.length, 4, `four answers in the workbook: ${JSON.stringify(ours)}`);
    assert.equal(byRater['Ada Quist'][6], '2');
    assert.equal(byRater['Bram Veldt'][6], '3', 'the changed answer is the one kept');
    assert.equal(byRater['Dev Okafor'][6], '1');
    assert.match(byRater['Cleo Marsh'][7], /know/i, `Cleo did not know: ${byRater['Cleo Marsh']}`);
    await click(app, 'export-pdf');
    const pdfDone = await app.$(sel('export-result-pdf'));
    await pdfDone.waitForExist({ timeout: 60_000, timeoutMsg: 'the PDF export never finished' });
    const text = execFileSync('pdftotext', ['-layout', await pdfDone.getAttribute('data-path'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(text.includes('“Room session”'), 'the PDF reports the room’s assessment');
    assert.match(text, /held on 3 December 2026 with 4 raters/);
    // The disagreements table: the sub-facet (its name may wrap in the cell), the stages given, the median.
    const split = text.slice(text.lastIndexOf('Where the raters disagreed'));
    assert.match(split, /Scores given.*1, 2, 3.*median 2/, `the PDF lists the stages the phones gave: ${split.slice(0, 300)}`);
    assert.ok(split.includes(subfacet.split(' ')[0].split('/')[0]), `on ${subfacet}`);

    assert.deepEqual(layout, [], `layout:\n${layout.join('\n')}`);
  } finally {
    for (const p of phones) await p.context().close().catch(() => {});
    await app.deleteSession();
  }
});

// ---- The phones, through the raters' page (ui/rate.html): taps, as a rater would ----

const STAGE_NAMES = ['Exploratory', 'Focused Launch', 'Expansion', 'Enterprise', 'Immersive'];
const label = (score) => ('stage' in score ? `${score.stage} · ${STAGE_NAMES[score.stage - 1]}` : 'abstained' in score ? 'Don’t know' : 'Not applicable');
const PHONE_T = { timeout: 15_000 };

/** Picks `name` on the page; answers the token the page keeps for this room. */
async function phoneJoin(p, name) {
  await p.locator('[data-testid="rate-name"]', { hasText: name }).click();
  await p.locator('main[data-testid="rate-room"]').waitFor(PHONE_T);
  const code = new URL(p.url()).pathname.split('/')[1];
  const token = await p.evaluate((c) => localStorage.getItem(`stepwise-rate:${c}`), code);
  assert.match(token ?? '', /^[0-9a-f]{32}$/, `${name}'s phone keeps its token`);
  return token;
}

/** The phone moved to the sub-facet the facilitator is on. */
async function phoneWaitFor(p, name) {
  await p.locator('[data-testid="rate-subfacet"]', { hasText: name }).waitFor(PHONE_T);
  await p.locator('[data-testid="rate-stage-1"]').waitFor(PHONE_T);
}

/** Taps an answer; resolves with the moment the phone shows it as saved. */
async function phoneAnswer(p, score) {
  if ('stage' in score) await p.locator(`[data-testid="rate-stage-${score.stage}"]`).tap();
  else await p.locator('[data-testid="rate-dont-know"]').tap();
  await p.locator('[data-testid="rate-mine-label"]', { hasText: label(score) }).waitFor(PHONE_T);
  return Date.now();
}

/** After the reveal the phone shows the room's dots, never a name. */
async function phoneRevealed(p) {
  await p.locator('[data-testid="rate-revealed"]').waitFor(PHONE_T);
  const text = await p.locator('body').innerText();
  const self = await p.locator('[data-testid="rate-rater"]').innerText().catch(() => '');
  for (const [other] of RATERS) {
    if (!self.includes(other)) assert.ok(!text.includes(other), `the phone names ${other} after the reveal: ${text}`);
  }
}

/** The phone says the facilitator closed the room. */
async function phoneClosed(p) {
  await p.locator('main[data-testid="rate-closed"]').waitFor(PHONE_T);
  assert.match(await p.locator('body').innerText(), /The facilitator has closed the room/);
}

test('a room joined with personal codes: printable cards, the page lists no names, a code opens the room as its rater', { timeout: 600_000 }, async () => {
  const app = await driver.launch(join(driver.scratch, 'codes.db'));
  try {
    if (SHOTS) await app.setWindowRect(0, 0, 1024, 768);
    // The demo plan's own assessment already has its committee.
    await click(app, 'open-plan');
    await find(app, 'journey');
    await click(app, 'nav-maturity');
    await find(app, 'maturity');
    await click(app, 'tab-focus');
    await find(app, 'focus');
    await click(app, 'room-setup-toggle');
    await find(app, 'room-setup');
    if (SHOTS) screenshot(join(SHOTS, 'room-0-setup.png'));
    assert.deepEqual(await accessibilityProblems(app), [], 'the room’s setup form passes axe');
    await (await find(app, 'room-interface')).selectByAttribute('value', '127.0.0.1');
    await click(app, 'room-join-personal');
    await click(app, 'room-open');
    const url = await (await find(app, 'room-url')).getText();

    await click(app, 'room-personal-codes');
    await find(app, 'personal-codes');
    const cards = await app.execute(() =>
      [...document.querySelectorAll('[data-testid="personal-code"]')].map((c) => ({
        rater: c.dataset.rater,
        url: c.querySelector('[data-testid="personal-code-url"]')?.textContent ?? '',
        qr: c.querySelector('img')?.getBoundingClientRect().width ?? 0,
      })),
    );
    assert.ok(cards.length >= 2, `a card per rater: ${JSON.stringify(cards)}`);
    for (const c of cards) {
      assert.match(c.url, new RegExp(`^${url.replace(/[.]/g, '\\.')}#t=[0-9a-f]{32}$`), `${c.rater}'s link carries a token`);
      assert.ok(c.qr >= 150, `${c.rater}'s QR code is printable (${c.qr} px)`);
    }
    await pause(300);
    if (SHOTS) screenshot(join(SHOTS, 'room-9-personal-codes.png'));
    assert.deepEqual(await accessibilityProblems(app), [], 'the personal codes pass axe');
    await click(app, 'personal-codes-close');

    // The page lists no names; picking one is refused; the card's token is the way in.
    const welcome = await http(`${url}api/room`);
    assert.equal(welcome.json.join, 'personal_codes');
    assert.deepEqual(welcome.json.raters, []);
    const picked = await http(`${url}api/join`, { method: 'POST', body: { rater_id: 'anyone' } });
    assert.equal(picked.status, 403, picked.text);
    const [first] = cards;
    const token = first.url.split('#t=')[1];
    const p = await phone(browser, first.url);
    try {
      await p.locator('main[data-testid="rate-room"]').waitFor(PHONE_T);
      assert.match(await p.locator('[data-testid="rate-rater"]').innerText(), new RegExp(first.rater), 'the code opens the room as its rater');
      assert.ok(!p.url().includes(token), 'the page wipes the token from the address bar');
      const mine = await http(`${url}api/page`, { token });
      assert.equal(mine.json.rater, first.rater);
      await app.waitUntil(async () => (await app.$$(sel('room-device'))).length === 1, { ...T, timeoutMsg: 'the phone is listed' });
      // Its card is used now: the sheet offers no second copy of it.
      await click(app, 'room-personal-codes');
      await find(app, 'personal-codes');
      const used = await app.execute((r) => !!document.querySelector(`[data-testid="personal-code"][data-rater="${r}"] [data-testid="personal-code-used"]`), first.rater);
      assert.ok(used, 'a code in use is not printed again');
      await click(app, 'personal-codes-close');
    } finally {
      await p.context().close();
    }
    await click(app, 'room-close');
    await app.waitUntil(async () => !(await app.$(sel('room-panel')).isExisting()), T);
    assert.equal(curl([`${url}api/room`]).exit, 7, 'the port is closed');
  } finally {
    await app.deleteSession();
  }
});
