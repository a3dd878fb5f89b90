// Everything the call listens to in the room, in one place: chat in both forms, Meet's
// notifications, subtitles in both forms, joins, leaves and raised hands.
import { ParticipantEvent, RoomEvent, type Participant, type RemoteParticipant, type Room, type TranscriptionSegment } from 'livekit-client';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_TOPIC, LEGACY_CHAT_TOPIC, TRANSCRIPTION_TOPIC } from '../../../common/meet-types';
import { invoke } from '../../platform/visio';
import { useChatStore } from '../chat/chat-store';
import { parseLegacyChatPayload } from '../chat/chat-messages';
import { setHandRaised } from '../hand/hand';
import { useWaitingStore } from '../lobby/waiting-store';
import { isRoomAdmin } from '../participants/roles';
import { useReactionStore } from '../reactions/reaction-store';
import { segmentFromStreamAttributes } from '../subtitles/transcription';
import { useSubtitleStore } from '../subtitles/subtitle-store';
import { useCallUiStore } from './call-ui-store';
import { useNotificationStore } from './notification-store';
import { parseRoomNotification } from './room-notifications';

const WAITING_REFRESH_MS = 5000;

function nameOf(participant: Participant | undefined): string {
  return participant?.name || participant?.identity || '?';
}

function speakerOfTrack(room: Room, trackSid: string | undefined, fallback: Participant | undefined): Participant | undefined {
  if (trackSid) {
    if (room.localParticipant.getTrackPublications().some((publication) => publication.trackSid === trackSid)) return room.localParticipant;
    for (const participant of room.remoteParticipants.values()) {
      if (participant.getTrackPublicationBySid(trackSid)) return participant;
    }
  }
  return fallback;
}

export function useRoomEvents(room: Room | null, meetingRoomId: string, slug: string): void {
  const { t } = useTranslation();

  useEffect(() => {
    if (!room) return;
    const notify = useNotificationStore.getState().notify;
    const chat = useChatStore.getState();
    const subtitles = useSubtitleStore.getState();

    const receiveChat = (id: string, text: string, timestamp: number, sender: Participant | undefined) => {
      const isNew = chat.receive(
        { id, text, timestamp, senderIdentity: sender?.identity ?? '', senderName: nameOf(sender), local: false },
        useCallUiStore.getState().panel === 'chat',
      );
      if (!isNew) return;
      notify(t('chat.newMessage', { name: nameOf(sender), text }), 'info', { visible: useCallUiStore.getState().panel !== 'chat' });
      void invoke('chat:received', { from: nameOf(sender).slice(0, 64), text: text.slice(0, 500), roomSlug: slug });
    };

    const refreshWaiting = () => {
      if (isRoomAdmin(room.localParticipant)) void useWaitingStore.getState().refresh(meetingRoomId, slug);
    };

    room.registerTextStreamHandler(CHAT_TOPIC, async (reader, sender) => {
      const text = await reader.readAll();
      receiveChat(reader.info.id, text, reader.info.timestamp, room.getParticipantByIdentity(sender.identity));
    });

    room.registerTextStreamHandler(TRANSCRIPTION_TOPIC, async (reader, sender) => {
      const { id, final } = segmentFromStreamAttributes(reader.info.attributes, reader.info.id);
      const speaker = speakerOfTrack(room, reader.info.attributes?.['lk.transcribed_track_id'], room.getParticipantByIdentity(sender.identity));
      let text = '';
      for await (const chunk of reader) {
        text += chunk;
        subtitles.receive({ id, text, final: false, speakerIdentity: speaker?.identity ?? sender.identity, speakerName: nameOf(speaker), receivedAt: Date.now() });
      }
      subtitles.receive({ id, text, final, speakerIdentity: speaker?.identity ?? sender.identity, speakerName: nameOf(speaker), receivedAt: Date.now() });
    });

    const onTranscription = (segments: TranscriptionSegment[], participant?: Participant) => {
      for (const segment of segments) {
        subtitles.receive({ id: segment.id, text: segment.text, final: segment.final, speakerIdentity: participant?.identity ?? '', speakerName: nameOf(participant), receivedAt: Date.now() });
      }
    };

    const onData = (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string) => {
      if (topic === LEGACY_CHAT_TOPIC) {
        const legacy = parseLegacyChatPayload(payload);
        if (legacy) receiveChat(legacy.id, legacy.message, legacy.timestamp, participant);
        return;
      }
      if (topic) return;
      const notification = parseRoomNotification(payload);
      if (!notification) return;
      switch (notification.type) {
        case 'participantWaiting':
          refreshWaiting();
          break;
        case 'reactionReceived':
          useReactionStore.getState().show(notification.emoji, nameOf(participant));
          notify(t('reactions.from', { name: nameOf(participant), emoji: t(`reactions.names.${notification.emoji}`) }), 'info', { visible: false });
          break;
        case 'lowerHand':
          void setHandRaised(false);
          notify(t('hand.loweredByAdmin'));
          break;
        case 'participantMuted':
          notify(t('call.mutedByAdmin'), 'warning');
          break;
        default:
          break;
      }
    };

    const onJoined = (participant: RemoteParticipant) => notify(t('call.joined', { name: nameOf(participant) }), 'info', { visible: room.numParticipants <= 8 });
    const onLeft = (participant: RemoteParticipant) => notify(t('call.left', { name: nameOf(participant) }), 'info', { visible: room.numParticipants <= 8 });
    const onAttributes = (changed: Record<string, string>, participant: Participant) => {
      if (changed.handRaisedAt && !participant.isLocal) notify(t('hand.raised', { name: nameOf(participant) }));
    };

    room
      .on(RoomEvent.DataReceived, onData)
      .on(RoomEvent.TranscriptionReceived, onTranscription)
      .on(RoomEvent.ParticipantConnected, onJoined)
      .on(RoomEvent.ParticipantDisconnected, onLeft)
      .on(RoomEvent.ParticipantAttributesChanged, onAttributes);
    room.localParticipant.on(ParticipantEvent.AttributesChanged, refreshWaiting);

    refreshWaiting();
    const waitingTimer = window.setInterval(refreshWaiting, WAITING_REFRESH_MS);
    const pruneTimer = window.setInterval(() => useSubtitleStore.getState().prune(Date.now()), 1000);

    return () => {
      window.clearInterval(waitingTimer);
      window.clearInterval(pruneTimer);
      room.unregisterTextStreamHandler(CHAT_TOPIC);
      room.unregisterTextStreamHandler(TRANSCRIPTION_TOPIC);
      room
        .off(RoomEvent.DataReceived, onData)
        .off(RoomEvent.TranscriptionReceived, onTranscription)
        .off(RoomEvent.ParticipantConnected, onJoined)
        .off(RoomEvent.ParticipantDisconnected, onLeft)
        .off(RoomEvent.ParticipantAttributesChanged, onAttributes);
      room.localParticipant.off(ParticipantEvent.AttributesChanged, refreshWaiting);
    };
  }, [room, meetingRoomId, slug, t]);
}
