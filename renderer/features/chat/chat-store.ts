import type { Room } from 'livekit-client';
import { create } from 'zustand';
import { CHAT_TOPIC, LEGACY_CHAT_TOPIC } from '../../../common/meet-types';
import { useChatFilesStore } from './chat-files-store';
import { addChatMessage, encodeLegacyChatPayload, type ChatMessage } from './chat-messages';
import { attachmentOf } from './outgoing-files';

/** Our own files, listed under our message as the others receive them; the stream ids LiveKit gave them. */
function keepSentFiles(ids: readonly string[], files: readonly File[]): string[] {
  const store = useChatFilesStore.getState();
  return ids.filter((id, index) => {
    const file = files[index];
    if (file) store.ready(id, file.name, file.type, file);
    return file !== undefined;
  });
}

interface ChatState {
  messages: ChatMessage[];
  unread: number;
  receive(message: ChatMessage, panelOpen: boolean): boolean;
  markRead(): void;
  /** `files` were checked against the chat files setting when picked (checkPickedFile). */
  send(room: Room, text: string, files?: readonly File[]): Promise<boolean>;
  reset(): void;
}

export const useChatStore = create<ChatState>((set, get) => ({
  messages: [],
  unread: 0,
  receive(message, panelOpen) {
    const messages = addChatMessage(get().messages, message);
    if (messages === get().messages) return false;
    set({ messages, unread: panelOpen || message.local ? get().unread : get().unread + 1 });
    return true;
  },
  markRead: () => set({ unread: 0 }),
  async send(room, text, files = []) {
    const participant = room.localParticipant;
    try {
      const attachments = files.map(attachmentOf);
      const info = await participant.sendText(text, { topic: CHAT_TOPIC, ...(attachments.length > 0 ? { attachments } : {}) });
      const ids = keepSentFiles(info.attachedStreamIds ?? [], attachments);
      get().receive(
        {
          id: info.id,
          text,
          timestamp: Date.now(),
          senderIdentity: participant.identity,
          senderName: participant.name || participant.identity,
          local: true,
          ...(ids.length > 0 ? { attachments: ids } : {}),
        },
        true,
      );
      // Older clients only read the legacy packet; current ones skip it thanks to the flag.
      await participant
        .publishData(encodeLegacyChatPayload({ id: info.id, timestamp: Date.now(), message: text, ignoreLegacy: true }), { reliable: true, topic: LEGACY_CHAT_TOPIC })
        .catch(() => undefined);
      return true;
    } catch {
      return false;
    }
  },
  reset: () => set({ messages: [], unread: 0 }),
}));
