// Moving the keyboard to a record on a step screen. Each record's card sits in an element with
// id "record-<id>"; after "Add…" the first field of the new card takes the focus with its
// placeholder name selected, so typing replaces it.

export function recordElement(id: string): HTMLElement | null {
  return document.getElementById(`record-${id}`);
}

/** Focuses the first text field of a record's card; `select` selects what it holds. */
export function focusRecord(id: string, select = false): void {
  const el = recordElement(id)?.querySelector<HTMLElement>('input, textarea, select');
  if (!el) return;
  el.focus();
  if (select && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) el.select();
}

/** Scrolls a record into view (e.g. one another step asked to show) and focuses its first field. */
export function revealRecord(id: string | undefined): void {
  if (!id) return;
  const el = recordElement(id);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  focusRecord(id);
}
