// Chat from others in both wire forms (`lk.chat` text streams, legacy `lk-chat-topic` packets):
// only from participants the room knows, cut to a readable size, and dated by us, never by
// the sender (a forged date would pin a message or break the page).
import { z } from 'zod';
import { MAX_CHAT_CHARS, MAX_ID_CHARS, MAX_LEGACY_CHAT_BYTES } from './limits';
import type { SenderKind } from './senders';
import { accept, decodeJson, drop, type Verdict } from './verdict';

export interface TrustedChat {
  id: string;
  text: string;
  /** The sender's text was longer than what is kept. */
  truncated: boolean;
}

const CHAT_SENDERS: readonly SenderKind[] = ['admin', 'member', 'agent'];

const legacySchema = z.object({
  id: z.string().min(1).max(MAX_ID_CHARS),
  message: z.string(),
  ignoreLegacy: z.boolean().optional(),
});

/** The text as kept: at most MAX_CHAT_CHARS, never cutting a surrogate pair in half. */
export function capChatText(text: string, alreadyTruncated = false): { text: string; truncated: boolean } {
  if (text.length <= MAX_CHAT_CHARS) return { text, truncated: alreadyTruncated };
  const end = /[\uD800-\uDBFF]/.test(text.charAt(MAX_CHAT_CHARS - 1)) ? MAX_CHAT_CHARS - 1 : MAX_CHAT_CHARS;
  return { text: text.slice(0, end), truncated: true };
}

/** A message with files may have no text: a client may send the files alone. */
export function judgeChatStream(id: string, text: string, truncatedWhileReading: boolean, sender: SenderKind, withFiles = false): Verdict<TrustedChat> {
  if (!CHAT_SENDERS.includes(sender)) return drop('sender');
  if (!id || id.length > MAX_ID_CHARS) return drop('malformed');
  if (!text.trim() && !withFiles) return drop('malformed');
  return accept({ id, ...capChatText(text, truncatedWhileReading) });
}

/** Null when the packet is a copy of a text stream the sender also sent (`ignoreLegacy`). */
export function judgeLegacyChat(payload: Uint8Array, sender: SenderKind): Verdict<TrustedChat | null> {
  if (!CHAT_SENDERS.includes(sender)) return drop('sender');
  const json = decodeJson(payload, MAX_LEGACY_CHAT_BYTES);
  if (!json.ok) return drop(json.reason);
  const parsed = legacySchema.safeParse(json.value);
  if (!parsed.success) return drop('malformed');
  if (parsed.data.ignoreLegacy) return accept(null);
  if (!parsed.data.message.trim()) return drop('malformed');
  return accept({ id: parsed.data.id, ...capChatText(parsed.data.message) });
}

/**
 * Reads a text stream to its end but keeps only what will be shown, so a huge message costs
 * no memory and the stream is still drained.
 */
export async function readCapped(chunks: AsyncIterable<string>, maxChars = MAX_CHAT_CHARS): Promise<{ text: string; truncated: boolean }> {
  let text = '';
  let truncated = false;
  for await (const chunk of chunks) {
    if (text.length >= maxChars) {
      truncated ||= chunk.length > 0;
      continue;
    }
    text += chunk;
  }
  if (text.length > maxChars) return capChatText(text, truncated);
  return { text, truncated };
}
