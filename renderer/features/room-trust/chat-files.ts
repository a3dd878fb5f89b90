// Files from others, as LiveKit carries them: a byte stream on `lk.chat` whose id the sender's
// own chat message announced (`attachedStreamIds`). A stream is kept only when the one who sent
// it is a participant of the room, its message came from that same participant, and its name,
// type and size (announced, then counted while reading) are within the chat files setting. What
// is refused is read to its end and dropped: the bytes reach us anyway, and a stream left unread
// would keep them in memory.
import { DataStreamError, DataStreamErrorReason } from 'livekit-client';
import { chatFileRefusal, MAX_FILES_PER_MESSAGE, sanitizeFileName, type ChatFileRefusal, type ChatFilesPolicy } from '../../../common/chat-files';
import { MAX_ID_CHARS } from './limits';
import type { SenderKind } from './senders';

/** Why a file from someone else is not kept; `unlinked` streams belong to no message and are not shown. */
export type ReceivedFileRefusal = ChatFileRefusal | 'oversent' | 'incomplete' | 'missing' | 'memory';

const FILE_SENDERS: readonly SenderKind[] = ['admin', 'member', 'agent'];

/** How long a message's files may take to start arriving before they are given up. */
export const ATTACHMENT_WAIT_MS = 60_000;
/** Bytes of received files kept in the page at once, whatever their number. */
export const MAX_KEPT_FILE_BYTES = 250_000_000;

interface Link {
  messageId: string;
  senderIdentity: string;
  announcedAt: number;
}

/** The attachments chat messages announced, until their stream arrives (each claimed once). */
export class AttachmentLinks {
  private readonly links = new Map<string, Link>();

  /** The stream ids kept for this message: well-formed, new, at most MAX_FILES_PER_MESSAGE. */
  announce(messageId: string, streamIds: readonly string[], senderIdentity: string, sender: SenderKind, now: number): string[] {
    if (!FILE_SENDERS.includes(sender) || !senderIdentity) return [];
    const kept = [...new Set(streamIds)].filter((id) => id.length > 0 && id.length <= MAX_ID_CHARS && !this.links.has(id)).slice(0, MAX_FILES_PER_MESSAGE);
    for (const id of kept) this.links.set(id, { messageId, senderIdentity, announcedAt: now });
    return kept;
  }

  /** True once for a stream its own sender announced; false for any other stream. */
  claim(streamId: string, senderIdentity: string): boolean {
    const link = this.links.get(streamId);
    if (!link || link.senderIdentity !== senderIdentity) return false;
    this.links.delete(streamId);
    return true;
  }

  /** Gives up the announced streams that have not started within ATTACHMENT_WAIT_MS; returns their ids. */
  expire(now: number): string[] {
    const expired: string[] = [];
    for (const [id, link] of this.links) {
      if (now - link.announcedAt < ATTACHMENT_WAIT_MS) continue;
      this.links.delete(id);
      expired.push(id);
    }
    return expired;
  }

  /** Forgets a message's streams (its text was refused): they will arrive unlinked. */
  forget(streamIds: readonly string[]): void {
    for (const id of streamIds) this.links.delete(id);
  }

  clear(): void {
    this.links.clear();
  }
}

export interface IncomingFileHeader {
  name: string;
  mimeType: string;
  /** As the sender announced it; undefined when it announced none. */
  size: number | undefined;
}

export type FileHeaderVerdict =
  | { kept: true; name: string; mimeType: string }
  | { kept: false; name: string; refusal: ChatFileRefusal };

/** The header's cleaned name and type, or why the file is refused before a byte is kept. */
export function judgeFileHeader(header: IncomingFileHeader, policy: ChatFilesPolicy): FileHeaderVerdict {
  const name = sanitizeFileName(header.name);
  const mimeType = header.mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  const refusal = chatFileRefusal({ name, mimeType, size: header.size ?? 0 }, policy);
  return refusal ? { kept: false, name, refusal } : { kept: true, name, mimeType };
}

const isLengthExceeded = (error: unknown) => error instanceof DataStreamError && error.reason === DataStreamErrorReason.LengthExceeded;

export type ReadOutcome = { ok: true; chunks: Uint8Array[]; size: number } | { ok: false; refusal: 'size' | 'oversent' | 'incomplete' };

/**
 * Reads a file's bytes up to `maxBytes`. Past it, the rest is read and dropped and the file is
 * refused; so is a file larger than its sender announced. A stream that breaks (sender gone,
 * chunks missing) is incomplete.
 */
export async function readFileCapped(chunks: AsyncIterable<Uint8Array>, maxBytes: number, onProgress?: (received: number) => void): Promise<ReadOutcome> {
  const kept: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  try {
    for await (const chunk of chunks) {
      size += chunk.byteLength;
      if (tooLarge) continue;
      if (size > maxBytes) {
        tooLarge = true;
        kept.length = 0;
        continue;
      }
      kept.push(chunk);
      onProgress?.(size);
    }
  } catch (error) {
    if (tooLarge) return { ok: false, refusal: 'size' };
    return { ok: false, refusal: isLengthExceeded(error) ? 'oversent' : 'incomplete' };
  }
  return tooLarge ? { ok: false, refusal: 'size' } : { ok: true, chunks: kept, size };
}

/**
 * Chunks of surplus read after a sender went past the size it announced: livekit-client fails
 * each such read (and the end of the stream too, so the bound also ends the loop there).
 */
const MAX_SURPLUS_READS = 10_000;

/**
 * Reads a refused stream to its end, keeping nothing. A sender that sends more than it announced
 * makes each read fail: reading resumes, so its surplus is not left queued in memory.
 */
export async function drain(chunks: AsyncIterable<unknown>): Promise<void> {
  for (let surplus = 0; surplus < MAX_SURPLUS_READS; surplus += 1) {
    try {
      for await (const _ of chunks) {
        // Dropped: only the end of the stream matters.
      }
      return;
    } catch (error) {
      // Any other failure ends the stream (sender gone, chunks missing): nothing is left to read.
      if (!isLengthExceeded(error)) return;
    }
  }
}

/** Bytes the page may still take: reserved as a file starts, settled when it ends. */
export class KeptBytesBudget {
  private reserved = 0;

  constructor(private readonly limit: number = MAX_KEPT_FILE_BYTES) {}

  reserve(bytes: number): boolean {
    if (this.reserved + bytes > this.limit) return false;
    this.reserved += bytes;
    return true;
  }

  release(bytes: number): void {
    this.reserved = Math.max(0, this.reserved - bytes);
  }

  clear(): void {
    this.reserved = 0;
  }
}
