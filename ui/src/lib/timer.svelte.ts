// The facilitator's timer for the item the room is on: a set time (the session's default,
// kept on this computer), start, pause, a minute more, and a cue when time is up. It counts
// from the clock rather than from ticks, so a busy window never slows it down.
import { untrack } from 'svelte';

const DEFAULT_KEY = 'stepwise.timer.minutes';
export const DEFAULT_MINUTES = 3;
export const MAX_MINUTES = 120;

/** The default minutes per item kept in `store`, or 3 when none (or nonsense) is kept. */
export function defaultMinutes(store: Pick<Storage, 'getItem'> | null): number {
  const kept = Number(store?.getItem(DEFAULT_KEY));
  return Number.isInteger(kept) && kept >= 1 && kept <= MAX_MINUTES ? kept : DEFAULT_MINUTES;
}

/** Keeps `minutes` as the default; refuses what is not a whole number of minutes from 1 to 120. */
export function keepDefault(store: Pick<Storage, 'setItem'> | null, minutes: number): string | null {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES) {
    return `Minutes per item: must be a whole number from 1 to ${MAX_MINUTES}`;
  }
  store?.setItem(DEFAULT_KEY, String(minutes));
  return null;
}

/** "3:00", "0:07", "12:30": minutes and seconds left, rounded up to the second. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export class Timer {
  /** Milliseconds left, as of the last tick. */
  left = $state(0);
  running = $state(false);
  /** Time is up: shown until the timer is reset or given more time. */
  up = $state(false);
  /** Counts starts, pauses, extra minutes and resets: a copy of the timer elsewhere (the
   * audience view) needs telling only then, and counts down on its own in between. */
  changes = $state(0);

  /** Counted without reading: a timer reset from inside an effect (a new step) must not make
   * that effect depend on the count, or every start would reset the timer again. */
  #changed(): void {
    this.changes = untrack(() => this.changes) + 1;
  }

  #total: number;
  #endsAt = 0;
  #interval: ReturnType<typeof setInterval> | null = null;
  readonly #now: () => number;
  readonly #onUp: () => void;

  constructor(minutes: number, onUp: () => void = () => {}, now: () => number = () => Date.now()) {
    this.#total = minutes * 60_000;
    this.left = this.#total;
    this.#onUp = onUp;
    this.#now = now;
  }

  start(): void {
    if (this.running || this.left <= 0) return;
    this.#endsAt = this.#now() + this.left;
    this.running = true;
    this.#changed();
    this.#interval = setInterval(() => this.tick(), 250);
  }

  pause(): void {
    if (!this.running) return;
    this.tick();
    this.#stop();
    this.#changed();
  }

  /** A minute more, running or not; time that was up starts again if it was running. */
  addMinute(): void {
    this.left += 60_000;
    this.up = false;
    if (this.running) this.#endsAt += 60_000;
    this.#changed();
  }

  /** Back to the full time, stopped: for the next item. */
  reset(minutes?: number): void {
    this.#stop();
    if (minutes !== undefined) this.#total = minutes * 60_000;
    this.left = this.#total;
    this.up = false;
    this.#changed();
  }

  tick(): void {
    if (!this.running) return;
    this.left = Math.max(0, this.#endsAt - this.#now());
    if (this.left === 0) {
      this.#stop();
      this.up = true;
      this.#changed();
      this.#onUp();
    }
  }

  dispose(): void {
    this.#stop();
  }

  #stop(): void {
    if (this.#interval) clearInterval(this.#interval);
    this.#interval = null;
    this.running = false;
  }
}

/** A soft two-note chime, so the room hears time is up without a jolt. */
export function chime(): void {
  try {
    const ctx = new AudioContext();
    [660, 880].forEach((f, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = f;
      const at = ctx.currentTime + i * 0.35;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.15, at + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.65);
    });
    setTimeout(() => void ctx.close(), 1500);
  } catch {
    // No sound device: the visible cue is enough.
  }
}
