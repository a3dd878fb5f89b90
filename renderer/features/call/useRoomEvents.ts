// Everything the call listens to in the room, in one place: chat in both forms, Meet's
// notifications, subtitles in both forms, joins, leaves and raised hands.
import { ParticipantEvent, RoomEvent, Track, type Participant, type RemoteParticipant, type Room, type TrackPublication, type TranscriptionSegment } from 'livekit-client';
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
import { parseRecordingState } from '../recording/recording-status';
import { useSettingsStore } from '../settings/settings-store';
import { recordingAnnouncement, RepeatGuard, shouldPlayPresenceSound } from './call-notices';
import { isLocalMicrophoneChangeInProgress } from './call-store';
import { useMeetConfigStore } from './meet-config-store';
import { playNotificationSound } from './notification-sounds';
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
  const { t, i18n } = useTranslation();

  useEffect(() => {
    if (!room) return;
    const notify = useNotificationStore.getState().notify;
    const chat = useChatStore.getState();
    const subtitles = useSubtitleStore.getState();
    const mutedNotice = new RepeatGuard(3000);
    const announceMutedByAdmin = () => {
      if (mutedNotice.allow(Date.now())) notify(t('call.mutedByAdmin'), 'warning');
    };
    const presenceSound = (sound: 'join' | 'leave') => {
      const maximum = useMeetConfigStore.getState().config?.max_participants_for_sound;
      if (shouldPlayPresenceSound(room.numParticipants, maximum, useSettingsStore.getState().notificationSounds)) playNotificationSound(sound);
    };
    let recording = parseRecordingState(room.metadata);

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
          // Older clients' way of lowering a hand: only an administrator of the room may ask it.
          if (!isRoomAdmin(participant)) break;
          void setHandRaised(false);
          notify(t('hand.loweredByAdmin'));
          break;
        case 'participantMuted':
          announceMutedByAdmin();
          break;
        case 'permissionsRemoved': {
          if (notification.removedSources.length === 0) break;
          const sources = notification.removedSources.map((source) => t(`call.sources.${source}`, { defaultValue: source }));
          notify(t('call.permissionsRemoved', { sources: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(sources) }), 'warning');
          break;
        }
        case 'other':
          if (notification.name === 'transcriptionLimitReached' || notification.name === 'screenRecordingLimitReached') notify(t('recording.limitReached'), 'warning');
          else if ((notification.name === 'transcriptionRequested' || notification.name === 'screenRecordingRequested') && isRoomAdmin(room.localParticipant)) {
            notify(t('recording.requested', { name: nameOf(participant) }));
          }
          break;
        default:
          break;
      }
    };

    const onJoined = (participant: RemoteParticipant) => {
      notify(t('call.joined', { name: nameOf(participant) }), 'info', { visible: room.numParticipants <= 8 });
      presenceSound('join');
    };
    const onLeft = (participant: RemoteParticipant) => {
      notify(t('call.left', { name: nameOf(participant) }), 'info', { visible: room.numParticipants <= 8 });
      presenceSound('leave');
    };
    const onLocalTrackMuted = (publication: TrackPublication, participant: Participant) => {
      // The server muted our microphone (an administrator did): we did not ask for it.
      if (participant.isLocal && publication.source === Track.Source.Microphone && !isLocalMicrophoneChangeInProgress()) announceMutedByAdmin();
    };
    const onMetadata = (metadata: string | undefined) => {
      const next = parseRecordingState(metadata);
      const announcement = recordingAnnouncement(recording, next);
      recording = next;
      if (announcement) notify(t(announcement), next.status === 'aborted' ? 'warning' : 'info');
    };
    const onAttributes = (changed: Record<string, string>, participant: Participant) => {
      if (changed.handRaisedAt && !participant.isLocal) notify(t('hand.raised', { name: nameOf(participant) }));
    };

    room
      .on(RoomEvent.DataReceived, onData)
      .on(RoomEvent.TranscriptionReceived, onTranscription)
      .on(RoomEvent.ParticipantConnected, onJoined)
      .on(RoomEvent.ParticipantDisconnected, onLeft)
      .on(RoomEvent.ParticipantAttributesChanged, onAttributes)
      .on(RoomEvent.TrackMuted, onLocalTrackMuted)
      .on(RoomEvent.RoomMetadataChanged, onMetadata);
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
        .off(RoomEvent.ParticipantAttributesChanged, onAttributes)
        .off(RoomEvent.TrackMuted, onLocalTrackMuted)
        .off(RoomEvent.RoomMetadataChanged, onMetadata);
      room.localParticipant.off(ParticipantEvent.AttributesChanged, refreshWaiting);
    };
  }, [room, meetingRoomId, slug, t, i18n.language]);
}
