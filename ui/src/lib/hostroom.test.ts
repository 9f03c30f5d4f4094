import { describe, expect, it } from 'vitest';
import { answered, firstChoice, interfaceLabel, roomErrorText, seenText, svgSource } from './hostroom';
import type { Device, FocusView } from './types';

const lo = { name: 'lo', address: '127.0.0.1', loopback: true };
const wifi = { name: 'wlan0', address: '192.168.1.20', loopback: false };
const device = (over: Partial<Device> = {}): Device => ({
  id: 'd1',
  rater_id: 'r1',
  rater: 'Ada',
  device: 'Safari on iPhone',
  connected: true,
  seen_secs_ago: 3,
  ...over,
});

describe('the room in the facilitator window', () => {
  it('offers the local network first and names loopback as trying it out', () => {
    expect(firstChoice([wifi, lo])).toBe('192.168.1.20');
    expect(firstChoice([lo])).toBe('127.0.0.1');
    expect(firstChoice([])).toBe('');
    expect(interfaceLabel(lo)).toBe('This computer only (to try it out) · 127.0.0.1');
    expect(interfaceLabel(wifi)).toBe('wlan0 · 192.168.1.20');
  });

  it('names the field a refusal is about', () => {
    const e = { code: 'invalid_input' as const, message: 'invalid input', problems: [{ path: 'address', reason: '"x" is not an IP address' }] };
    expect(roomErrorText(e)).toBe('Network address: "x" is not an IP address');
    expect(roomErrorText({ code: 'io', message: 'disk full', problems: [] })).toBe('disk full');
  });

  it('draws the QR code as an image, never as markup', () => {
    expect(svgSource('<svg a="1"/>')).toBe('data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%221%22%2F%3E');
  });

  it('says whether a device is connected and whether its rater answered the open round', () => {
    expect(seenText(device())).toBe('Connected');
    expect(seenText(device({ connected: false, seen_secs_ago: 300 }))).toBe('Not connected (seen 5 min ago)');
    const view = { state: 'scoring', answers: [{ rater_id: 'r1', name: 'Ada', scored: true, score: null }] } as unknown as FocusView;
    expect(answered(device(), view)).toBe(true);
    expect(answered(device({ rater_id: 'r2' }), view)).toBe(false);
    expect(answered(device(), { ...view, state: 'revealed' })).toBe(null);
    expect(answered(device(), null)).toBe(null);
  });
});
