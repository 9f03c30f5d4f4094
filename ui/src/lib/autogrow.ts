/**
 * A text area as tall as its text, never shorter than its `rows`: nothing is cut at a fixed
 * height, and it has no scroll bar of its own to draw over the sticky toolbar above it.
 * Pass the value so a change from outside (undo, another rater's edit) refits it too.
 */
export function autogrow(node: HTMLTextAreaElement, _value?: string) {
  let width = 0;
  const fit = () => {
    // Not laid out (a closed panel): nothing to measure yet.
    if (node.offsetParent === null && node.getClientRects().length === 0) return;
    const style = getComputedStyle(node);
    const borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
    node.style.height = 'auto';
    node.style.height = `${node.scrollHeight + borders}px`;
  };
  // Only a change of width rewraps the text; the height is ours.
  const observer = new ResizeObserver(([entry]) => {
    const w = entry?.contentRect.width ?? 0;
    if (w !== width) {
      width = w;
      fit();
    }
  });
  // The height follows the text, so neither a drag handle nor a scroll bar is needed (a
  // text area's own scroll bar would be drawn over the column's sticky toolbar).
  node.style.resize = 'none';
  node.style.overflowY = 'hidden';
  observer.observe(node);
  node.addEventListener('input', fit);
  fit();
  return {
    update() {
      fit();
    },
    destroy() {
      observer.disconnect();
      node.removeEventListener('input', fit);
    },
  };
}

/** What a one-line field keeps of pasted text: its line breaks become spaces. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ');
}
