// The room's chat in both of Meet's forms (text streams, and older clients' data packets), judged
// by the room trust rules before it reaches the conversation, the notices and the desktop.
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

export function useChatListener(room: Room, slug: string): void {
  const { t } = useTranslation();

  useEffect(() => {
    const drops = new DropLog();
    // Dated at receipt: the order of the conversation is the order we heard it in.
    const receive = (id: string, text: string, truncated: boolean, sender: Participant | undefined) => {
      const name = participantDisplayName(sender);
      const isNew = useChatStore.getState().receive(
        { id, text, truncated, timestamp: Date.now(), senderIdentity: sender?.identity ?? '', senderName: name, local: false },
        useCallUiStore.getState().panel === 'chat',
      );
      if (!isNew) return;
      useNotificationStore.getState().notify(t('chat.newMessage', { name, text: text.slice(0, 200) }), 'info', { visible: useCallUiStore.getState().panel !== 'chat' });
      void invoke('chat:received', { from: name.slice(0, 64), text: text.slice(0, 500), roomSlug: slug });
    };

    room.registerTextStreamHandler(CHAT_TOPIC, async (reader, { identity }) => {
      const participant = identity ? room.getParticipantByIdentity(identity) : undefined;
      const kind = senderKindOf(identity, participant);
      const { text, truncated } = await readCapped(reader).catch(() => ({ text: '', truncated: false }));
      const verdict = judgeChatStream(reader.info.id, text, truncated, kind);
      if (!verdict.accepted) return drops.record('chat', verdict.reason, kind);
      receive(verdict.value.id, verdict.value.text, verdict.value.truncated, participant);
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
