// The room's server while it is open, shared by the screens of the open plan: focus mode's
// panel shows it, and every screen reads the plan again when a rater answers from a phone.
import { listen } from '@tauri-apps/api/event';
import type { Backend } from './backend';
import type { RoomStatus } from './types';

class HostedRoom {
  status = $state<RoomStatus | null>(null);
}

export const hostedRoom = new HostedRoom();

/** Reads the room's status (null when no room is open). */
export async function readRoom(backend: Backend): Promise<void> {
  try {
    hostedRoom.status = await backend.roomStatus();
  } catch {
    hostedRoom.status = null;
  }
}

/** Listens for the shell's `room-changed` (coalesced to a few a second) while a plan is open:
 * the room's status is read again and `onChange` re-reads the plan. Answers the way to stop. */
export function followRoom(backend: Backend, onChange: () => void): () => void {
  let stop: (() => void) | null = null;
  let done = false;
  listen('room-changed', () => {
    void readRoom(backend);
    onChange();
  }).then(
    (unlisten) => {
      if (done) unlisten();
      else stop = unlisten;
    },
    () => {},
  );
  void readRoom(backend);
  return () => {
    done = true;
    stop?.();
  };
}
