// Layout checks read from the DOM's line boxes: a word broken across two lines, a text
// field too small for the text it holds, and a control or text cut off at the right by the
// window or by a box that hides what overflows it. Used by the screenshot tool (every screen, both
// sizes) and by the layout end-to-end test.

/**
 * Runs in the page. Returns one finding per problem as
 * `{ kind: 'broken-word' | 'cut-field' | 'cut-off', word, where }`; `where` names the element.
 */
export function inPage() {
  // A break right after one of these is a break the reader sees as intended.
  const BREAKABLE_AFTER = new Set(['-', '\u2010', '\u2011', '\u2013', '\u2014', '/', '\u00ad', '_', '.', ',', ':', '+', '·', '…']);
  const findings = [];
  const name = (el) => {
    const id = el.closest('[data-testid]');
    const tag = el.tagName.toLowerCase();
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/)[0]}` : '';
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
    return `${tag}${cls}${id ? ` in [data-testid="${id.getAttribute('data-testid')}"]` : ''} «${text}»`;
  };
  const hidden = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return true;
      // Text kept for screen readers only (clipped to a pixel) is never seen.
      if (e.classList.contains('visually-hidden') || (s.position === 'absolute' && e.clientWidth <= 2)) return true;
    }
    return false;
  };
  const sameLine = (a, b) => {
    const ca = (a.top + a.bottom) / 2;
    const cb = (b.top + b.bottom) / 2;
    return Math.abs(ca - cb) < Math.min(a.height, b.height) / 2;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('svg, script, style, textarea, option')) continue;
    const text = node.data;
    if (!/\S{2}/.test(text)) continue;
    let hiddenEl = null;
    for (const m of text.matchAll(/\S{2,}/g)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (rects.length < 2 || rects.every((r) => sameLine(r, rects[0]))) continue;
      if (hiddenEl === null) hiddenEl = hidden(el);
      if (hiddenEl) break;
      // Where does the word go to the next line? Each letter's box (the widest of its boxes:
      // a letter that starts a line can also report an empty box at the end of the one before).
      const box = (i) => {
        range.setStart(node, m.index + i);
        range.setEnd(node, m.index + i + 1);
        let best = null;
        for (const r of range.getClientRects()) if (r.width > 0 && (!best || r.width > best.width)) best = r;
        return best;
      };
      let prev = box(0);
      for (let i = 1; i < m[0].length; i++) {
        const cur = box(i);
        if (!cur) continue;
        if (prev && !sameLine(prev, cur)) {
          if (!BREAKABLE_AFTER.has(m[0][i - 1])) {
            findings.push({ kind: 'broken-word', word: `${m[0].slice(0, i)}/${m[0].slice(i)}`, where: name(el) });
          }
          break;
        }
        prev = cur;
      }
    }
  }
  // Fields: a one-line field whose text is wider than it, a text area whose text is taller.
  for (const f of document.querySelectorAll('input[type="text"], input:not([type]), textarea')) {
    if (!f.value || hidden(f)) continue;
    const cut =
      f.tagName === 'TEXTAREA' ? f.scrollHeight > f.clientHeight + 2 : f.scrollWidth > f.clientWidth + 2;
    if (cut) {
      const label = f.labels?.[0]?.textContent?.trim() || f.getAttribute('aria-label') || f.name || '';
      findings.push({ kind: 'cut-field', word: f.value.slice(0, 40), where: `${f.tagName.toLowerCase()} «${label}»${f.closest('[data-testid]') ? ` in [data-testid="${f.closest('[data-testid]').getAttribute('data-testid')}"]` : ''}` });
    }
  }
  // Cut off: a control or a line of text running past the right edge of the window, or of an
  // ancestor that hides its overflow (a box that scrolls sideways on purpose is left alone).
  const clipRight = (el) => {
    let right = window.innerWidth;
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.overflowX === 'auto' || s.overflowX === 'scroll') return Infinity;
      if (s.overflowX === 'hidden' || s.overflowX === 'clip') {
        right = Math.min(right, e.getBoundingClientRect().right);
      }
    }
    return right;
  };
  const seen = new Set();
  for (const el of document.querySelectorAll('button, a, input, select, label, h1, h2, h3, p, li, td, th')) {
    if ([...seen].some((s) => s.contains(el)) || hidden(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const limit = clipRight(el);
    if (r.right > limit + 1) {
      seen.add(el);
      findings.push({ kind: 'cut-off', word: `${Math.round(r.right - limit)} px past the edge`, where: name(el) });
    }
  }
  return findings;
}

// `inPage` is exported so a page driven by another browser (the phones' Chromium, see
// phone.mjs) runs the very same checks.

/** What the layout check finds on the screen the app shows now. */
export async function layoutProblems(app) {
  return app.execute(inPage);
}

/** One line per finding, for a report or an assertion message. */
export function describe(findings) {
  return findings.map((f) => `${f.kind}: ${f.word} — ${f.where}`).join('\n');
}
