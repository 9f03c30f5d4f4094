// What the facilitator's window shares with focus mode: the item timer as last changed, for
// the audience view, which counts down on its own between changes.
import type { AudienceTimer } from './types';

class RoomTimer {
  current = $state<AudienceTimer | null>(null);
}

export const roomTimer = new RoomTimer();

/** Milliseconds left on a timer shown `elapsed` ms after it was sent. */
export function leftNow(timer: AudienceTimer, elapsed: number): number {
  return timer.running ? Math.max(0, timer.left_ms - elapsed) : timer.left_ms;
}
