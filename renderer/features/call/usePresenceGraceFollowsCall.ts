import { useEffect } from 'react';
import { RoomEvent } from 'livekit-client';
import { currentRoom, useCallLifecycleStore } from './call-lifecycle-store';
import { currentCallStatus, followCallRoom } from './call-status';
import { presenceGrace } from './presence-grace';

/** Tells the presence grace when our own connection is being re-established and when it is back. */
export function usePresenceGraceFollowsCall(): void {
  useEffect(() => {
    presenceGrace.reset();
    let previous = currentCallStatus().status;
    const check = () => {
      const status = currentCallStatus().status;
      if (status === previous) return;
      const was = previous;
      previous = status;
      if (status === 'reconnecting') {
        const participants = [...(currentRoom()?.remoteParticipants.values() ?? [])];
        presenceGrace.reconnectStarted(participants.map((participant) => ({ identity: participant.identity, name: participant.name || participant.identity })));
      } else if (was === 'reconnecting' && status === 'connected') presenceGrace.reconnectEnded(Date.now());
    };
    const unfollowRoom = followCallRoom([RoomEvent.Reconnecting, RoomEvent.SignalReconnecting, RoomEvent.Reconnected], check);
    // The status also follows our own phase (a fresh room being joined, then joined).
    const unfollowPhase = useCallLifecycleStore.subscribe((state, previousState) => {
      if (state.phase !== previousState.phase) check();
    });
    return () => {
      unfollowRoom();
      unfollowPhase();
      presenceGrace.reset();
    };
  }, []);
}
