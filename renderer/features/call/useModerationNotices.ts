// What an administrator did to us, told once: our microphone muted (by a notification or by the
// server muting the track without our asking), our rights to publish taken away.
import { RoomEvent, Track, type Participant, type Room, type TrackPublication } from 'livekit-client';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RepeatGuard } from './call-notices';
import { isLocalMicrophoneChangeInProgress } from './media-toggles';
import { onMeetNotification } from './meet-notifications';
import { useNotificationStore } from './notification-store';

export function useModerationNotices(room: Room): void {
  const { t, i18n } = useTranslation();

  useEffect(() => {
    const notify = useNotificationStore.getState().notify;
    const mutedNotice = new RepeatGuard(3000);
    const announceMutedByAdmin = () => {
      if (mutedNotice.allow(Date.now())) notify(t('call.mutedByAdmin'), 'warning');
    };
    const onLocalTrackMuted = (publication: TrackPublication, participant: Participant) => {
      // The server muted our microphone (an administrator did): we did not ask for it.
      if (participant.isLocal && publication.source === Track.Source.Microphone && !isLocalMicrophoneChangeInProgress()) announceMutedByAdmin();
    };
    room.on(RoomEvent.TrackMuted, onLocalTrackMuted);
    const unsubscribers = [
      onMeetNotification(room, 'participantMuted', announceMutedByAdmin),
      onMeetNotification(room, 'permissionsRemoved', ({ removedSources }) => {
        const sources = removedSources.map((source) => t(`call.sources.${source}`));
        notify(t('call.permissionsRemoved', { sources: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(sources) }), 'warning');
      }),
    ];
    return () => {
      room.off(RoomEvent.TrackMuted, onLocalTrackMuted);
      unsubscribers.forEach((unsubscribe) => unsubscribe());
    };
  }, [room, t, i18n.language]);
}
