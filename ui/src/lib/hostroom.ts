// The room's server as the facilitator's window shows it: small decisions kept apart from the
// screen so they are unit-tested.
import type { UiError } from './backend';
import type { Device, FocusView, Interface } from './types';

/** How an address is offered: loopback says it is for trying the room out alone. */
export function interfaceLabel(i: Interface): string {
  return i.loopback ? `This computer only (to try it out) · ${i.address}` : `${i.name} · ${i.address}`;
}

/** The address offered first: a local-network one, else loopback (the list comes sorted). */
export function firstChoice(interfaces: Interface[]): string {
  return interfaces.find((i) => !i.loopback)?.address ?? interfaces[0]?.address ?? '';
}

const FIELDS: Record<string, string> = {
  address: 'Network address',
  port: 'Port',
  assessment_id: 'Assessment',
  join: 'How raters join',
};

/** A refusal with the field it is about named as the form names it. */
export function roomErrorText(e: UiError): string {
  const p = e.problems[0];
  if (!p) return e.message;
  return `${FIELDS[p.path] ?? p.path}: ${p.reason}`;
}

/** A QR code's SVG as an image source (the window's CSP allows `data:` images, no markup). */
export function svgSource(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** "connected", or how long ago the device last asked. */
export function seenText(d: Device): string {
  if (d.connected) return 'Connected';
  const s = d.seen_secs_ago;
  const ago = s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`;
  return `Not connected (seen ${ago} ago)`;
}

/** Whether the rater a device scores as has answered the round open in focus mode; null when
 * no round is open. */
export function answered(d: Device, view: FocusView | null): boolean | null {
  if (!view || view.state !== 'scoring') return null;
  return view.answers.some((a) => a.rater_id === d.rater_id && a.scored);
}
