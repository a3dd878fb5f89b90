import { describe, expect, it } from 'vitest';
import { addChatMessage, type ChatMessage } from './chat-messages';

const message = (id: string, timestamp: number): ChatMessage => ({ id, timestamp, text: id, senderIdentity: 'a', senderName: 'A', local: false });

describe('chat messages', () => {
  it('keeps each message once, in the order received whatever its date', () => {
    let messages: ChatMessage[] = [];
    messages = addChatMessage(messages, message('b', 2));
    messages = addChatMessage(messages, message('a', 1));
    messages = addChatMessage(messages, message('b', 2));
    expect(messages.map((entry) => entry.id)).toEqual(['b', 'a']);
  });
});
