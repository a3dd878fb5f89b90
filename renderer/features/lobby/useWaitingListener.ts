// For hosts: the lobby's list refreshed when the server says someone waits, when our own role
// changes, and every few seconds, never more often than the room trust limit allows.
import { ParticipantEvent, type Room } from 'livekit-client';
import { useEffect } from 'react';
import { onMeetNotification } from '../call/meet-notifications';
import { isRoomAdmin } from '../participants/roles';
import { LOBBY_REFRESH_MIN_INTERVAL_MS } from '../room-trust/limits';
import { Coalescer } from '../room-trust/rate-limits';
import { useWaitingStore } from './waiting-store';

const WAITING_REFRESH_MS = 5000;

export function useWaitingListener(room: Room, meetingRoomId: string, slug: string): void {
  useEffect(() => {
    const waitingRefresh = new Coalescer(() => {
      if (isRoomAdmin(room.localParticipant)) void useWaitingStore.getState().refresh(meetingRoomId, slug);
    }, LOBBY_REFRESH_MIN_INTERVAL_MS);
    const refreshWaiting = () => waitingRefresh.request();

    const stopListening = onMeetNotification(room, 'participantWaiting', refreshWaiting);
    room.localParticipant.on(ParticipantEvent.AttributesChanged, refreshWaiting);
    refreshWaiting();
    const waitingTimer = window.setInterval(refreshWaiting, WAITING_REFRESH_MS);

    return () => {
      waitingRefresh.stop();
      window.clearInterval(waitingTimer);
      stopListening();
      room.localParticipant.off(ParticipantEvent.AttributesChanged, refreshWaiting);
    };
  }, [room, meetingRoomId, slug]);
}
