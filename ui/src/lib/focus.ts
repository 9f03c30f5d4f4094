// Moving the keyboard to a record on a step screen: each record's card sits in an element with
// id "record-<id>"; after "Add…" the first field of the new card takes the focus with its
// placeholder text selected, so typing replaces it.
import { tick } from 'svelte';

export function recordElement(id: string): HTMLElement | null {
  return document.getElementById(`record-${id}`);
}

/** Focuses the first field (or the one `selector` finds) of a record's card; `select` selects
 * the text it holds. */
export function focusRecord(id: string, select = false, selector = 'input, textarea, select'): void {
  const el = recordElement(id)?.querySelector<HTMLElement>(selector);
  if (!el) return;
  // Centred, so the field does not land under the sticky toolbar.
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
  if (select && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) el.select();
}

/** After the record was saved and drawn, focuses its first field with the text selected. */
export async function focusNew(id: string, selector?: string): Promise<void> {
  await tick();
  focusRecord(id, true, selector);
}

/** Scrolls a record into view (e.g. one another step asked to show) and focuses its first field. */
export function revealRecord(id: string | undefined): void {
  if (!id) return;
  const el = recordElement(id);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  focusRecord(id);
}

/** Scrolls to a section of the screen and moves the focus to its heading. */
export function jumpTo(sectionId: string): void {
  const heading = document.getElementById(`${sectionId}-title`);
  if (!heading) return;
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}
