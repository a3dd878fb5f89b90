import { describe, expect, it } from 'vitest';
import { addChatMessage, encodeLegacyChatPayload, parseLegacyChatPayload, type ChatMessage } from './chat-messages';

const message = (id: string, timestamp: number): ChatMessage => ({ id, timestamp, text: id, senderIdentity: 'a', senderName: 'A', local: false });

describe('chat messages', () => {
  it('keeps each message once, in time order', () => {
    let messages: ChatMessage[] = [];
    messages = addChatMessage(messages, message('b', 2));
    messages = addChatMessage(messages, message('a', 1));
    messages = addChatMessage(messages, message('b', 2));
    expect(messages.map((entry) => entry.id)).toEqual(['a', 'b']);
  });

  it('reads the legacy format and skips copies of text streams', () => {
    expect(parseLegacyChatPayload(encodeLegacyChatPayload({ id: 'x', timestamp: 5, message: 'bonjour' }))).toEqual({ id: 'x', timestamp: 5, message: 'bonjour' });
    expect(parseLegacyChatPayload(encodeLegacyChatPayload({ id: 'x', timestamp: 5, message: 'bonjour', ignoreLegacy: true }))).toBeNull();
    expect(parseLegacyChatPayload(new TextEncoder().encode('not json'))).toBeNull();
    expect(parseLegacyChatPayload(new TextEncoder().encode('{"type":"reactionReceived"}'))).toBeNull();
  });
});
