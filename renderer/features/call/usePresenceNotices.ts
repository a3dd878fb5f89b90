// Who joins and who leaves, told (and heard, in a small enough call) as it happens. Someone
// back after a reconnection never left; a departure is told once it is clear they are gone.
import { RoomEvent, type RemoteParticipant, type Room } from 'livekit-client';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { participantDisplayName } from '../room-trust/display';
import { useSettingsStore } from '../settings/settings-store';
import { shouldPlayPresenceSound } from './call-notices';
import { knownMeetConfig } from '../../platform/backend-queries';
import { playNotificationSound } from './notification-sounds';
import { useNotificationStore } from './notification-store';
import { presenceGrace } from './presence-grace';

/** Above this many participants, joins and leaves are only told to screen readers. */
const VISIBLE_PRESENCE_MAX = 8;

export function usePresenceNotices(room: Room): void {
  const { t } = useTranslation();

  useEffect(() => {
    const notify = useNotificationStore.getState().notify;
    const presenceSound = (sound: 'join' | 'leave') => {
      const maximum = knownMeetConfig()?.max_participants_for_sound;
      if (shouldPlayPresenceSound(room.numParticipants, maximum, useSettingsStore.getState().notificationSounds)) playNotificationSound(sound);
    };
    const onJoined = (participant: RemoteParticipant) => {
      if (!presenceGrace.joined(participant.identity)) return;
      notify(t('call.joined', { name: participantDisplayName(participant) }), 'info', { visible: room.numParticipants <= VISIBLE_PRESENCE_MAX });
      presenceSound('join');
    };
    // Announced by the timer below once it is clear the person is not coming back.
    const onLeft = (participant: RemoteParticipant) => presenceGrace.left(participant.identity, participantDisplayName(participant), Date.now());
    const announceCertainDepartures = () => {
      for (const departure of presenceGrace.due(Date.now(), (identity) => room.getParticipantByIdentity(identity) !== undefined)) {
        notify(t('call.left', { name: departure.name }), 'info', { visible: room.numParticipants <= VISIBLE_PRESENCE_MAX });
        presenceSound('leave');
      }
    };
    room.on(RoomEvent.ParticipantConnected, onJoined).on(RoomEvent.ParticipantDisconnected, onLeft);
    const departuresTimer = window.setInterval(announceCertainDepartures, 1000);
    return () => {
      window.clearInterval(departuresTimer);
      room.off(RoomEvent.ParticipantConnected, onJoined).off(RoomEvent.ParticipantDisconnected, onLeft);
    };
  }, [room, t]);
}
