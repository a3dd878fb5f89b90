// Where the user stands in one meeting: prejoin → (lobby →) call → ended.
import { create } from 'zustand';
import type { AppError } from '../../../common/ipc-contract';
import type { LivekitGrant, Room } from '../../../common/meet-types';
import { queryClient } from '../../app/query-client';
import { appErrorOf, backendKeys, roomQuery } from '../../platform/backend-queries';

export type MeetingPhase =
  | { name: 'prejoin' }
  | { name: 'lobby'; room: Room; username: string }
  | { name: 'call'; room: Room; grant: LivekitGrant; username: string }
  | { name: 'ended'; room: Room; username: string; reason: CallEndReason };

/** Why the call ended: the ended screen says it, and offers to join again only when that makes sense. */
export type CallEndReason = 'left' | 'lost' | 'removed' | 'room_closed' | 'joined_elsewhere';

interface MeetingState {
  slug: string | null;
  phase: MeetingPhase;
  openPrejoin(slug: string): void;
  enterLobby(room: Room, username: string): void;
  enterCall(room: Room, grant: LivekitGrant, username: string): void;
  end(reason: CallEndReason): void;
  close(): void;
}

export const useMeetingStore = create<MeetingState>((set, get) => ({
  slug: null,
  phase: { name: 'prejoin' },
  openPrejoin(slug) {
    set({ slug, phase: { name: 'prejoin' } });
  },
  enterLobby(room, username) {
    set({ phase: { name: 'lobby', room, username } });
  },
  enterCall(room, grant, username) {
    set({ phase: { name: 'call', room, grant, username } });
  },
  end(reason) {
    const phase = get().phase;
    if (phase.name === 'call') set({ phase: { name: 'ended', room: phase.room, username: phase.username, reason } });
  },
  close() {
    set({ slug: null, phase: { name: 'prejoin' } });
  },
}));

/**
 * The room under this name, as the prejoin already fetched it when still fresh, else asked
 * again: a LiveKit grant means the user may enter at once, otherwise the lobby decides.
 */
export async function joinMeeting(slug: string, username: string): Promise<AppError | null> {
  let room: Room;
  try {
    room = await queryClient.fetchQuery(roomQuery(slug, username));
  } catch (error) {
    return appErrorOf(error);
  }
  // An answer serves one entry: joining again (after the call ends) asks the API afresh.
  void queryClient.invalidateQueries({ queryKey: backendKeys.roomsOf(slug), refetchType: 'none' });
  const store = useMeetingStore.getState();
  if (store.slug !== slug) return null;
  if (room.livekit) store.enterCall(room, room.livekit, username);
  else store.enterLobby(room, username);
  return null;
}
