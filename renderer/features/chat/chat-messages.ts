// Chat messages as they arrive from both wire forms (text streams on `lk.chat`, legacy data
// packets on `lk-chat-topic`), kept once each and in time order.
export interface ChatMessage {
  id: string;
  senderIdentity: string;
  senderName: string;
  text: string;
  timestamp: number;
  local: boolean;
}

export const MAX_CHAT_MESSAGES = 500;

export function addChatMessage(messages: readonly ChatMessage[], message: ChatMessage): ChatMessage[] {
  if (messages.some((existing) => existing.id === message.id)) return messages as ChatMessage[];
  const next = [...messages, message];
  next.sort((a, b) => a.timestamp - b.timestamp);
  return next.slice(-MAX_CHAT_MESSAGES);
}

export interface LegacyChatPayload {
  id: string;
  timestamp: number;
  message: string;
  ignoreLegacy?: boolean;
}

/** The legacy JSON `{id, timestamp, message}`; null when the packet is not one, or flagged as a copy of a text stream. */
export function parseLegacyChatPayload(payload: Uint8Array): LegacyChatPayload | null {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.message !== 'string' || typeof record.id !== 'string') return null;
  if (record.ignoreLegacy === true) return null;
  return {
    id: record.id,
    timestamp: typeof record.timestamp === 'number' ? record.timestamp : Date.now(),
    message: record.message,
  };
}

export function encodeLegacyChatPayload(payload: LegacyChatPayload): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(payload));
}
