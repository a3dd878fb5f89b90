import { describe, expect, it } from 'vitest';
import { capChatText, judgeChatStream, judgeLegacyChat, readCapped } from './chat';
import { MAX_CHAT_CHARS, MAX_LEGACY_CHAT_BYTES } from './limits';
import { SENDER_KINDS } from './senders';

const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const PARTICIPANTS = ['agent', 'admin', 'member'];

async function* chunks(...parts: string[]): AsyncGenerator<string> {
  for (const part of parts) yield part;
}

describe('chat: wire form × sender × shape', () => {
  for (const sender of SENDER_KINDS) {
    const allowed = PARTICIPANTS.includes(sender);

    it(`text stream from ${sender}: ${allowed ? 'kept' : 'dropped'}, cut when oversized, dropped when empty`, () => {
      const valid = judgeChatStream('stream-1', 'Bonjour à tous', false, sender);
      expect(valid.accepted).toBe(allowed);
      const big = judgeChatStream('stream-2', 'a'.repeat(MAX_CHAT_CHARS * 3), false, sender);
      if (allowed) expect(big).toEqual({ accepted: true, value: { id: 'stream-2', text: 'a'.repeat(MAX_CHAT_CHARS), truncated: true } });
      else expect(big.accepted).toBe(false);
      expect(judgeChatStream('stream-3', '   ', false, sender).accepted).toBe(false);
      expect(judgeChatStream('x'.repeat(500), 'salut', false, sender).accepted).toBe(false);
    });

    it(`legacy packet from ${sender}: ${allowed ? 'kept' : 'dropped'} when valid, dropped when malformed or oversized`, () => {
      const valid = judgeLegacyChat(encode({ id: 'm1', timestamp: 0, message: 'Bonjour' }), sender);
      expect(valid.accepted).toBe(allowed);
      if (valid.accepted) expect(valid.value).toEqual({ id: 'm1', text: 'Bonjour', truncated: false });
      for (const malformed of ['not json', '{"message":"no id"}', '{"id":"x","message":42}', '[]', 'null', '{"id":"","message":"x"}']) {
        expect(judgeLegacyChat(encode(malformed), sender).accepted).toBe(false);
      }
      const oversized = judgeLegacyChat(encode({ id: 'm2', message: 'a'.repeat(MAX_LEGACY_CHAT_BYTES) }), sender);
      expect(oversized).toEqual({ accepted: false, reason: allowed ? 'size' : 'sender' });
    });
  }

  it('never keeps the sender date or identity claims', () => {
    const verdict = judgeLegacyChat(encode({ id: 'm', timestamp: 8.64e15, message: 'épinglé', senderIdentity: 'la-ministre', senderName: 'La Ministre' }), 'member');
    expect(verdict).toEqual({ accepted: true, value: { id: 'm', text: 'épinglé', truncated: false } });
  });

  it('skips the legacy copy of a text stream', () => {
    expect(judgeLegacyChat(encode({ id: 'm', message: 'x', ignoreLegacy: true }), 'member')).toEqual({ accepted: true, value: null });
  });

  it('cuts a medium legacy message and marks it', () => {
    const verdict = judgeLegacyChat(encode({ id: 'm', message: 'b'.repeat(MAX_CHAT_CHARS + 10) }), 'admin');
    expect(verdict).toEqual({ accepted: true, value: { id: 'm', text: 'b'.repeat(MAX_CHAT_CHARS), truncated: true } });
  });

  it('never cuts an emoji in half', () => {
    const text = `${'a'.repeat(MAX_CHAT_CHARS - 1)}😀tail`;
    const capped = capChatText(text);
    expect(capped.truncated).toBe(true);
    expect(capped.text).toBe('a'.repeat(MAX_CHAT_CHARS - 1));
  });

  it('reads a stream to its end but keeps only what is shown', async () => {
    const huge = Array.from({ length: 600 }, () => 'c'.repeat(15_000));
    const read = await readCapped(chunks(...huge));
    expect(read.truncated).toBe(true);
    expect(read.text.length).toBeLessThanOrEqual(MAX_CHAT_CHARS);
    expect(await readCapped(chunks('Bon', 'jour'))).toEqual({ text: 'Bonjour', truncated: false });
    expect(await readCapped(chunks('x', 'y'), 0)).toEqual({ text: '', truncated: true });
  });
});
