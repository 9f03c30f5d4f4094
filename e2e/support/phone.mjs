// Phones for the end-to-end tests: Debian's Chromium, headless, driven by playwright-core,
// at a phone's viewport with touch and a phone's user agent. The raters' page is an ordinary
// web page served by the room, so a real mobile browser engine is what it must work in.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { inPage as layoutInPage } from './layout.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The Chromium the phones run in; STEPWISE_CHROMIUM overrides Debian's. */
export const chromiumBinary = process.env.STEPWISE_CHROMIUM ?? '/usr/bin/chromium';

/** The sizes the page is checked at: a small Android phone and a large iPhone. */
export const SMALL = { width: 360, height: 740 };
export const LARGE = { width: 414, height: 896 };

export const ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
export const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

/** Starts headless Chromium; fails with what to install when it is missing. */
export async function launchBrowser() {
  if (!existsSync(chromiumBinary)) {
    throw new Error(`no Chromium at ${chromiumBinary}: install Debian's chromium (scripts/setup.sh does) or set STEPWISE_CHROMIUM`);
  }
  return chromium.launch({ executablePath: chromiumBinary, headless: true });
}

/**
 * A phone: its own browser context (own storage, like a separate device) at `width`×`height`,
 * touch, a 2× screen and a phone's user agent, with `url` open. Returns the page; its
 * context is `page.context()`, closed with `page.context().close()`.
 */
export async function phone(browser, url, { width = SMALL.width, height = SMALL.height, userAgent = ANDROID_UA } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    screen: { width, height },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    userAgent,
    locale: 'en-GB',
  });
  const page = await context.newPage();
  // What the page itself got wrong: uncaught errors, and anything the room's CSP blocked (a
  // refused request, a failed fetch after the room closed, is the page's business, not this).
  const problems = [];
  pageProblems.set(page, problems);
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  if (url) await page.goto(url);
  return page;
}

const pageProblems = new WeakMap();

/** The uncaught errors and CSP violations seen on a phone's page so far. */
export function scriptProblems(page) {
  return [...(pageProblems.get(page) ?? [])];
}

/** The folder screenshots go to (STEPWISE_E2E_SCREENSHOTS), or null when none are wanted. */
export function screenshotDir() {
  const dir = process.env.STEPWISE_E2E_SCREENSHOTS;
  if (!dir) return null;
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Saves the whole page (not just the viewport) as `NAME-WIDTHxHEIGHT.png` in the screenshot
 * folder, when one is set. Returns the file, or null.
 */
export async function shot(page, name) {
  const dir = screenshotDir();
  if (!dir) return null;
  const { width, height } = page.viewportSize();
  const file = join(dir, `${name}-${width}x${height}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Whether the page scrolls sideways: the one thing a phone page must never do. */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    return Math.max(doc.scrollWidth, document.body.scrollWidth) - doc.clientWidth;
  });
}

/** The desktop app's layout checks (broken words, cut fields, cut-off text) on this page. */
export async function layoutProblems(page) {
  return page.evaluate(layoutInPage);
}

/** axe-core on the page; the serious and critical violations, one line each. Evaluated
 * through the DevTools protocol, so the page's strict CSP does not block it. */
export async function accessibilityProblems(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(AXE_SOURCE);
  }
  const violations = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })),
    ),
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(' | ')}`);
}
