// The room's chat in both of Meet's forms (text streams, and older clients' data packets), judged
// by the room trust rules before it reaches the conversation, the notices and the desktop. The
// files a message announces are linked here and received by useChatFiles.
import { RoomEvent, type Participant, type RemoteParticipant, type Room } from 'livekit-client';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_TOPIC, LEGACY_CHAT_TOPIC } from '../../../common/meet-types';
import { invoke } from '../../platform/visio';
import { useCallUiStore } from '../call/call-ui-store';
import { useNotificationStore } from '../call/notification-store';
import { judgeChatStream, judgeLegacyChat, readCapped } from '../room-trust/chat';
import { participantDisplayName } from '../room-trust/display';
import { DropLog } from '../room-trust/drop-log';
import { senderKindOf } from '../room-trust/senders';
import { useChatStore } from './chat-store';
import { announceChatAttachments, forgetChatAttachments } from './useChatFiles';

export function useChatListener(room: Room, slug: string): void {
  const { t } = useTranslation();

  useEffect(() => {
    const drops = new DropLog();
    // Dated at receipt: the order of the conversation is the order we heard it in.
    const receive = (id: string, text: string, truncated: boolean, sender: Participant | undefined, attachments: string[] = []) => {
      const name = participantDisplayName(sender);
      const isNew = useChatStore.getState().receive(
        {
          id,
          text,
          truncated,
          timestamp: Date.now(),
          senderIdentity: sender?.identity ?? '',
          senderName: name,
          local: false,
          ...(attachments.length > 0 ? { attachments } : {}),
        },
        useCallUiStore.getState().panel === 'chat',
      );
      if (!isNew) return;
      const shown = text || '📎';
      useNotificationStore.getState().notify(t('chat.newMessage', { name, text: shown.slice(0, 200) }), 'info', { visible: useCallUiStore.getState().panel !== 'chat' });
      void invoke('chat:received', { from: name.slice(0, 64), text: shown.slice(0, 500), roomSlug: slug });
    };

    room.registerTextStreamHandler(CHAT_TOPIC, async (reader, { identity }) => {
      const participant = identity ? room.getParticipantByIdentity(identity) : undefined;
      const kind = senderKindOf(identity, participant);
      // Linked before the text is read: the files follow it and may start before it ends.
      const attachments = announceChatAttachments(reader.info.id, reader.info.attachedStreamIds, identity, kind);
      const { text, truncated } = await readCapped(reader).catch(() => ({ text: '', truncated: false }));
      const verdict = judgeChatStream(reader.info.id, text, truncated, kind, attachments.length > 0);
      if (!verdict.accepted) {
        forgetChatAttachments(attachments);
        return drops.record('chat', verdict.reason, kind);
      }
      receive(verdict.value.id, verdict.value.text, verdict.value.truncated, participant, attachments);
    });

    const onData = (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string, _encryption?: unknown, identity?: string) => {
      if (topic !== LEGACY_CHAT_TOPIC) return;
      const sender = senderKindOf(identity ?? participant?.identity, participant);
      const verdict = judgeLegacyChat(payload, sender);
      if (!verdict.accepted) drops.record('chat', verdict.reason, sender);
      else if (verdict.value) receive(verdict.value.id, verdict.value.text, verdict.value.truncated, participant);
    };
    room.on(RoomEvent.DataReceived, onData);

    return () => {
      room.unregisterTextStreamHandler(CHAT_TOPIC);
      room.off(RoomEvent.DataReceived, onData);
    };
  }, [room, slug, t]);
}
