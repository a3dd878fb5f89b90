import type { Room } from 'livekit-client';
import { create } from 'zustand';
import { CHAT_TOPIC, LEGACY_CHAT_TOPIC } from '../../../common/meet-types';
import { addChatMessage, encodeLegacyChatPayload, type ChatMessage } from './chat-messages';

interface ChatState {
  messages: ChatMessage[];
  unread: number;
  receive(message: ChatMessage, panelOpen: boolean): boolean;
  markRead(): void;
  send(room: Room, text: string): Promise<boolean>;
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
  async send(room, text) {
    const participant = room.localParticipant;
    try {
      const info = await participant.sendText(text, { topic: CHAT_TOPIC });
      get().receive({ id: info.id, text, timestamp: Date.now(), senderIdentity: participant.identity, senderName: participant.name || participant.identity, local: true }, true);
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
