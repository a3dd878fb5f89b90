// Our call across LiveKit rooms: which room is the call's now, and where we are in joining it.
// A rejoin replaces the Room object, so "between two rooms" is known here and nowhere in
// LiveKit; everything live inside a room (media, connection, participants) is read from the room.
import type { Room } from 'livekit-client';
import { create } from 'zustand';
import { SkippableWait } from './rejoin-backoff';

/**
 * idle: no call. connecting: the first connection is being made. connected: joined (LiveKit may
 * be resuming the session inside the room: read its connection state). rejoining: the room was
 * lost and a fresh one is being joined. failed: the first connection could not be made.
 */
export type CallPhase = 'idle' | 'connecting' | 'connected' | 'rejoining' | 'failed';

interface CallLifecycleState {
  /** The room of the call: the handle the lifecycle replaces on a rejoin. */
  room: Room | null;
  phase: CallPhase;
  /** While waiting to join again after the call was lost: when the next attempt starts (epoch ms). */
  nextRejoinAt: number | null;
  /** Set when the room was already large enough for `auto_mute_on_join_threshold`: we joined muted. */
  joinedMutedInLargeRoom: boolean;
}

export const useCallLifecycleStore = create<CallLifecycleState>(() => ({
  room: null,
  phase: 'idle',
  nextRejoinAt: null,
  joinedMutedInLargeRoom: false,
}));

/** The call's room now, for callers outside React (shortcuts, desktop commands, pipelines). */
export function currentRoom(): Room | null {
  return useCallLifecycleStore.getState().room;
}

/** The wait before the next rejoin attempt: cut short by "rejoin now", by leaving, or as the call screen goes away. */
export const rejoinWait = new SkippableWait();
