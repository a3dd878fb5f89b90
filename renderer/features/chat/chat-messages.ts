// Chat messages as they arrive from both wire forms (text streams on `lk.chat`, legacy data
// packets on `lk-chat-topic`), kept once each and in the order they were received; what
// others send is judged by the room trust rules before it gets here.
export interface ChatMessage {
  id: string;
  senderIdentity: string;
  senderName: string;
  text: string;
  /** When we received or sent it; never the sender's claim. */
  timestamp: number;
  local: boolean;
  /** Cut to the length shown; the panel says so. */
  truncated?: boolean;
  /** Ids of the files sent with it (LiveKit byte streams), in chat-files-store. */
  attachments?: string[];
}

export const MAX_CHAT_MESSAGES = 500;

export function addChatMessage(messages: readonly ChatMessage[], message: ChatMessage): ChatMessage[] {
  if (messages.some((existing) => existing.id === message.id)) return messages as ChatMessage[];
  return [...messages, message].slice(-MAX_CHAT_MESSAGES);
}

export interface LegacyChatPayload {
  id: string;
  timestamp: number;
  message: string;
  ignoreLegacy?: boolean;
}

export function encodeLegacyChatPayload(payload: LegacyChatPayload): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(payload));
}
