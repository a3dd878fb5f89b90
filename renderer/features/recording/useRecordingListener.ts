// Recording and transcription as everyone hears of them: started, stopped or failed (from the
// room metadata), the limit reached, and, for administrators, someone asking for one.
import { RoomEvent, type Room } from 'livekit-client';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { recordingAnnouncement } from '../call/call-notices';
import { onMeetNotification } from '../call/meet-notifications';
import { useNotificationStore } from '../call/notification-store';
import { isRoomAdmin } from '../participants/roles';
import { participantDisplayName } from '../room-trust/display';
import { parseRecordingState } from './recording-status';

export function useRecordingListener(room: Room): void {
  const { t } = useTranslation();

  useEffect(() => {
    const notify = useNotificationStore.getState().notify;
    let recording = parseRecordingState(room.metadata);
    const onMetadata = (metadata: string | undefined) => {
      const next = parseRecordingState(metadata);
      const announcement = recordingAnnouncement(recording, next);
      recording = next;
      if (announcement) notify(t(announcement), next.status === 'aborted' ? 'warning' : 'info');
    };
    room.on(RoomEvent.RoomMetadataChanged, onMetadata);
    const unsubscribers = [
      onMeetNotification(room, 'recordingLimitReached', () => notify(t('recording.limitReached'), 'warning')),
      onMeetNotification(room, 'recordingRequested', (_notification, participant) => {
        if (isRoomAdmin(room.localParticipant)) notify(t('recording.requested', { name: participantDisplayName(participant) }));
      }),
    ];
    return () => {
      room.off(RoomEvent.RoomMetadataChanged, onMetadata);
      unsubscribers.forEach((unsubscribe) => unsubscribe());
    };
  }, [room, t]);
}
