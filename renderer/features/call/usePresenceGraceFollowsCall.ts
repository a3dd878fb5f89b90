import { useEffect } from 'react';
import { useCallStore } from './call-store';
import { presenceGrace } from './presence-grace';

/** Tells the presence grace when our own connection is being re-established and when it is back. */
export function usePresenceGraceFollowsCall(): void {
  useEffect(() => {
    presenceGrace.reset();
    const unsubscribe = useCallStore.subscribe((state, previous) => {
      if (state.status === previous.status) return;
      if (state.status === 'reconnecting') {
        const participants = [...(state.room?.remoteParticipants.values() ?? [])];
        presenceGrace.reconnectStarted(participants.map((participant) => ({ identity: participant.identity, name: participant.name || participant.identity })));
      }
      else if (previous.status === 'reconnecting' && state.status === 'connected') presenceGrace.reconnectEnded(Date.now());
    });
    return () => {
      unsubscribe();
      presenceGrace.reset();
    };
  }, []);
}
