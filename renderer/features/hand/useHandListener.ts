// Raised hands as they happen: others' told as a notice; ours lowered when an administrator
// asks it the older clients' way.
import { RoomEvent, type Participant, type Room } from 'livekit-client';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onMeetNotification } from '../call/meet-notifications';
import { useNotificationStore } from '../call/notification-store';
import { participantDisplayName } from '../room-trust/display';
import { setHandRaised } from './hand';

export function useHandListener(room: Room): void {
  const { t } = useTranslation();

  useEffect(() => {
    const notify = useNotificationStore.getState().notify;
    // judgeNotification lets only the server or an administrator of the room ask it.
    const stopListening = onMeetNotification(room, 'lowerHand', () => {
      void setHandRaised(false);
      notify(t('hand.loweredByAdmin'));
    });
    const onAttributes = (changed: Record<string, string>, participant: Participant) => {
      if (changed.handRaisedAt && !participant.isLocal) notify(t('hand.raised', { name: participantDisplayName(participant) }));
    };
    room.on(RoomEvent.ParticipantAttributesChanged, onAttributes);
    return () => {
      stopListening();
      room.off(RoomEvent.ParticipantAttributesChanged, onAttributes);
    };
  }, [room, t]);
}
