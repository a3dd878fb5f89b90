// For hosts: the lobby's list refreshed when the server says someone waits, when our own role
// changes, never more often than the room trust limit allows (the waiting-list query also polls).
import { ParticipantEvent, type Room } from 'livekit-client';
import { useEffect } from 'react';
import { onMeetNotification } from '../call/meet-notifications';
import { isRoomAdmin } from '../participants/roles';
import { LOBBY_REFRESH_MIN_INTERVAL_MS } from '../room-trust/limits';
import { Coalescer } from '../room-trust/rate-limits';
import { refreshWaitingList } from '../../platform/backend-queries';

export function useWaitingListener(room: Room, meetingRoomId: string): void {
  useEffect(() => {
    const waitingRefresh = new Coalescer(() => {
      if (isRoomAdmin(room.localParticipant)) void refreshWaitingList(meetingRoomId);
    }, LOBBY_REFRESH_MIN_INTERVAL_MS);
    const refreshWaiting = () => waitingRefresh.request();

    const stopListening = onMeetNotification(room, 'participantWaiting', refreshWaiting);
    room.localParticipant.on(ParticipantEvent.AttributesChanged, refreshWaiting);
    refreshWaiting();

    return () => {
      waitingRefresh.stop();
      stopListening();
      room.localParticipant.off(ParticipantEvent.AttributesChanged, refreshWaiting);
    };
  }, [room, meetingRoomId]);
}
