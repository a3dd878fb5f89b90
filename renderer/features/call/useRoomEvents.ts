// Everything the call listens to in the room, in one place: chat in both forms, Meet's
// notifications, subtitles in both forms, joins, leaves and raised hands (the chat's files are
// useChatFiles'). All of it is judged by the room trust rules (features/room-trust) before
// anything reaches the screen or the API.
import { ParticipantEvent, RoomEvent, Track, type Participant, type RemoteParticipant, type Room, type TrackPublication, type TranscriptionSegment } from 'livekit-client';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_TOPIC, LEGACY_CHAT_TOPIC, TRANSCRIPTION_TOPIC } from '../../../common/meet-types';
import { invoke } from '../../platform/visio';
import { useChatStore } from '../chat/chat-store';
import { announceChatAttachments, forgetChatAttachments } from '../chat/useChatFiles';
import { setHandRaised } from '../hand/hand';
import { isRoomAdmin } from '../participants/roles';
import { useReactionStore } from '../reactions/reaction-store';
import { useSubtitleStore } from '../subtitles/subtitle-store';
import { parseRecordingState } from '../recording/recording-status';
import { useSettingsStore } from '../settings/settings-store';
import { recordingAnnouncement, RepeatGuard, shouldPlayPresenceSound } from './call-notices';
import { isLocalMicrophoneChangeInProgress } from './call-store';
import { playNotificationSound } from './notification-sounds';
import { useCallUiStore } from './call-ui-store';
import { useNotificationStore } from './notification-store';
import { judgeChatStream, judgeLegacyChat, readCapped } from '../room-trust/chat';
import { displayName } from '../room-trust/display';
import { DropLog } from '../room-trust/drop-log';
import { LOBBY_REFRESH_MIN_INTERVAL_MS, MAX_REACTIONS_PER_WINDOW, MAX_SUBTITLE_CHARS, REACTION_WINDOW_MS } from '../room-trust/limits';
import { judgeNotification } from '../room-trust/notifications';
import { Coalescer, SenderRateLimit } from '../room-trust/rate-limits';
import { senderKindOf } from '../room-trust/senders';
import { capSubtitle, judgeLegacySegment, judgeTranscriptionStream } from '../room-trust/subtitles';
import { presenceGrace } from './presence-grace';
import { knownMeetConfig, refreshWaitingList } from '../../platform/backend-queries';

function nameOf(participant: Participant | undefined): string {
  return displayName(participant?.name, participant?.identity);
}

function ownerOfTrack(room: Room, trackSid: string | undefined): Participant | undefined {
  if (!trackSid) return undefined;
  if (room.localParticipant.getTrackPublications().some((publication) => publication.trackSid === trackSid)) return room.localParticipant;
  for (const participant of room.remoteParticipants.values()) {
    if (participant.getTrackPublicationBySid(trackSid)) return participant;
  }
  return undefined;
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
      const maximum = knownMeetConfig()?.max_participants_for_sound;
      if (shouldPlayPresenceSound(room.numParticipants, maximum, useSettingsStore.getState().notificationSounds)) playNotificationSound(sound);
    };
    let recording = parseRecordingState(room.metadata);

    const drops = new DropLog();
    const reactionLimit = new SenderRateLimit(MAX_REACTIONS_PER_WINDOW, REACTION_WINDOW_MS);
    const participantOf = (identity: string | undefined): Participant | undefined => (identity ? room.getParticipantByIdentity(identity) : undefined);

    // Dated at receipt: the order of the conversation is the order we heard it in.
    const receiveChat = (id: string, text: string, truncated: boolean, sender: Participant | undefined, attachments: string[] = []) => {
      const isNew = chat.receive(
        {
          id,
          text,
          truncated,
          timestamp: Date.now(),
          senderIdentity: sender?.identity ?? '',
          senderName: nameOf(sender),
          local: false,
          ...(attachments.length > 0 ? { attachments } : {}),
        },
        useCallUiStore.getState().panel === 'chat',
      );
      if (!isNew) return;
      const shown = text || '📎';
      notify(t('chat.newMessage', { name: nameOf(sender), text: shown.slice(0, 200) }), 'info', { visible: useCallUiStore.getState().panel !== 'chat' });
      void invoke('chat:received', { from: nameOf(sender).slice(0, 64), text: shown.slice(0, 500), roomSlug: slug });
    };

    const waitingRefresh = new Coalescer(() => {
      if (isRoomAdmin(room.localParticipant)) void refreshWaitingList(meetingRoomId);
    }, LOBBY_REFRESH_MIN_INTERVAL_MS);
    const refreshWaiting = () => waitingRefresh.request();

    room.registerTextStreamHandler(CHAT_TOPIC, async (reader, { identity }) => {
      const participant = participantOf(identity);
      const kind = senderKindOf(identity, participant);
      // Linked before the text is read: the files follow it and may start before it ends.
      const attachments = announceChatAttachments(reader.info.id, reader.info.attachedStreamIds, identity, kind);
      const { text, truncated } = await readCapped(reader).catch(() => ({ text: '', truncated: false }));
      const verdict = judgeChatStream(reader.info.id, text, truncated, kind, attachments.length > 0);
      if (!verdict.accepted) {
        forgetChatAttachments(attachments);
        return drops.record('chat', verdict.reason, kind);
      }
      receiveChat(verdict.value.id, verdict.value.text, verdict.value.truncated, participant, attachments);
    });

    room.registerTextStreamHandler(TRANSCRIPTION_TOPIC, async (reader, { identity }) => {
      const kind = senderKindOf(identity, participantOf(identity));
      const verdict = judgeTranscriptionStream({
        streamId: reader.info.id,
        attributes: reader.info.attributes,
        senderIdentity: identity,
        sender: kind,
        trackOwnerIdentity: ownerOfTrack(room, reader.info.attributes?.['lk.transcribed_track_id'])?.identity,
      });
      if (!verdict.accepted) {
        drops.record('subtitle', verdict.reason, kind);
        // Drained all the same: an unread stream would keep its chunks in memory.
        await readCapped(reader, 0).catch(() => undefined);
        return;
      }
      const { id, final, speakerIdentity } = verdict.value;
      const speakerName = nameOf(participantOf(speakerIdentity));
      let text = '';
      for await (const chunk of reader) {
        if (text.length > MAX_SUBTITLE_CHARS) continue;
        text = capSubtitle(text + chunk);
        subtitles.receive({ id, text, final: false, speakerIdentity, speakerName, receivedAt: Date.now() });
      }
      subtitles.receive({ id, text, final, speakerIdentity, speakerName, receivedAt: Date.now() });
    });

    const onTranscription = (segments: TranscriptionSegment[], participant?: Participant, publication?: TrackPublication) => {
      for (const segment of segments) {
        const verdict = judgeLegacySegment(segment, participant !== undefined, publication !== undefined);
        if (!verdict.accepted) {
          drops.record('subtitle', verdict.reason, 'anonymous');
          continue;
        }
        const { id, text, final } = verdict.value;
        subtitles.receive({ id, text, final, speakerIdentity: participant?.identity ?? '', speakerName: nameOf(participant), receivedAt: Date.now() });
      }
    };

    const onData = (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string, _encryption?: unknown, identity?: string) => {
      const sender = senderKindOf(identity ?? participant?.identity, participant);
      if (topic === LEGACY_CHAT_TOPIC) {
        const verdict = judgeLegacyChat(payload, sender);
        if (!verdict.accepted) drops.record('chat', verdict.reason, sender);
        else if (verdict.value) receiveChat(verdict.value.id, verdict.value.text, verdict.value.truncated, participant);
        return;
      }
      if (topic) return;
      const verdict = judgeNotification(payload, sender);
      if (!verdict.accepted) {
        drops.record('notification', verdict.reason, sender);
        return;
      }
      const notification = verdict.value;
      switch (notification.type) {
        case 'participantWaiting':
          refreshWaiting();
          break;
        case 'reactionReceived':
          if (!reactionLimit.allow(participant?.identity ?? '', Date.now())) {
            drops.record('reaction', 'rate', sender);
            break;
          }
          useReactionStore.getState().show(notification.emoji, nameOf(participant));
          notify(t('reactions.from', { name: nameOf(participant), emoji: t(`reactions.names.${notification.emoji}`) }), 'info', { visible: false });
          break;
        case 'lowerHand':
          // Older clients' way of lowering a hand; judgeNotification lets only the server or an
          // administrator of the room ask it.
          void setHandRaised(false);
          notify(t('hand.loweredByAdmin'));
          break;
        case 'participantMuted':
          announceMutedByAdmin();
          break;
        case 'permissionsRemoved': {
          const sources = notification.removedSources.map((source) => t(`call.sources.${source}`));
          notify(t('call.permissionsRemoved', { sources: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(sources) }), 'warning');
          break;
        }
        case 'recordingLimitReached':
          notify(t('recording.limitReached'), 'warning');
          break;
        case 'recordingRequested':
          if (isRoomAdmin(room.localParticipant)) notify(t('recording.requested', { name: nameOf(participant) }));
          break;
        default:
          break;
      }
    };

    const onJoined = (participant: RemoteParticipant) => {
      // Someone coming back after a reconnection (theirs or ours) never left: nothing to say.
      if (!presenceGrace.joined(participant.identity)) return;
      notify(t('call.joined', { name: nameOf(participant) }), 'info', { visible: room.numParticipants <= 8 });
      presenceSound('join');
    };
    const announceLeft = (name: string) => {
      notify(t('call.left', { name }), 'info', { visible: room.numParticipants <= 8 });
      presenceSound('leave');
    };
    // Announced by announceCertainDepartures once it is clear the person is not coming back.
    const onLeft = (participant: RemoteParticipant) => presenceGrace.left(participant.identity, nameOf(participant), Date.now());
    const announceCertainDepartures = () => {
      for (const departure of presenceGrace.due(Date.now(), (identity) => room.getParticipantByIdentity(identity) !== undefined)) announceLeft(departure.name);
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
    const pruneTimer = window.setInterval(() => {
      useSubtitleStore.getState().prune(Date.now());
      announceCertainDepartures();
    }, 1000);

    return () => {
      waitingRefresh.stop();
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
