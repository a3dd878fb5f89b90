// The call's status as the user sees it: our lifecycle across rooms, and inside the room what
// LiveKit says of its connection (a resume of the session, of the signalling alone or not).
import { useConnectionState } from '@livekit/components-react';
import { ConnectionState, type Room, type RoomEvent } from 'livekit-client';
import { useCallLifecycleStore, type CallPhase } from './call-lifecycle-store';

export type CallStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface CallStatusView {
  status: CallStatus;
  /**
   * While reconnecting: only the signalling connection is being resumed, the media may well still
   * flow (the media watchdog says whether it does).
   */
  signalOnly: boolean;
}

export function callStatus(phase: CallPhase, connection: ConnectionState | undefined): CallStatusView {
  if (phase === 'rejoining') return { status: 'reconnecting', signalOnly: false };
  if (phase !== 'connected') return { status: phase, signalOnly: false };
  if (connection === ConnectionState.Reconnecting) return { status: 'reconnecting', signalOnly: false };
  if (connection === ConnectionState.SignalReconnecting) return { status: 'reconnecting', signalOnly: true };
  return { status: 'connected', signalOnly: false };
}

/** The status now, for callers outside React. */
export function currentCallStatus(): CallStatusView {
  const { phase, room } = useCallLifecycleStore.getState();
  return callStatus(phase, room?.state);
}

/** The status, inside the call's RoomContext. */
export function useCallStatus(): CallStatusView {
  const phase = useCallLifecycleStore((state) => state.phase);
  return callStatus(phase, useConnectionState());
}

/**
 * Calls `onChange` whenever the call's room is replaced or one of `events` happens in it (not on
 * the lifecycle's other changes), for callers outside React that report the room's state
 * elsewhere. Returns the unsubscribe.
 */
export function followCallRoom(events: readonly RoomEvent[], onChange: () => void): () => void {
  let room: Room | null = null;
  const attach = (next: Room | null) => {
    if (next === room) return;
    for (const event of events) room?.off(event, onChange);
    room = next;
    for (const event of events) room?.on(event, onChange);
  };
  attach(useCallLifecycleStore.getState().room);
  // The store also changes for the phase and the rejoin countdown: only a new room is news here.
  const unsubscribe = useCallLifecycleStore.subscribe((state) => {
    if (state.room === room) return;
    attach(state.room);
    onChange();
  });
  return () => {
    unsubscribe();
    attach(null);
  };
}
