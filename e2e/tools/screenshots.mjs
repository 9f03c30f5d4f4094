// Takes a picture of every screen of the real app with the demo plan open, at the size of the
// Xvfb screen it runs under (scripts/screenshots.sh runs it at 1024×768 and 1366×768).
// Long steps are captured page by page as the main column scrolls.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { screenshot, startDriver } from '../support/app.mjs';
import { click, find, sel } from '../support/ui.mjs';

const STEPS = ['context', 'vision', 'goals', 'measures', 'requirements', 'governance', 'maturity', 'communication', 'roadmap', 'export'];
const out = resolve(process.argv[2] ?? 'screenshots');
const pagesPerStep = Number(process.env.PAGES ?? 3);
mkdirSync(out, { recursive: true });

const driver = await startDriver();
try {
  const app = await driver.launch(join(driver.scratch, 'screens.db'));
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  await find(app, 'plan');
  await pause(500);
  screenshot(join(out, '00-home.png'));
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
      screenshot(join(out, name));
      const atEnd = await app.execute(() => {
        const main = document.querySelector('.main');
        return !main || main.scrollTop + main.clientHeight >= main.scrollHeight - 2;
      });
      if (atEnd) break;
    }
  }
  await app.$(sel('back-home')).click();
  await app.deleteSession();
} finally {
  await driver.close();
}
console.log(`screenshots in ${out}`);
