// Receives the files attached to others' chat messages: byte streams on `lk.chat`, next to the
// text streams useChatListener reads. Each is judged by the room trust rules (room-trust/chat-files)
// before a byte is kept; a refusal is shown under its message.
import { type ByteStreamReader, type Room } from 'livekit-client';
import { useEffect } from 'react';
import type { ChatFilesPolicy } from '../../../common/chat-files';
import { CHAT_TOPIC } from '../../../common/meet-types';
import { AttachmentLinks, drain, judgeFileHeader, KeptBytesBudget, readFileCapped } from '../room-trust/chat-files';
import { DropLog } from '../room-trust/drop-log';
import { senderKindOf, type SenderKind } from '../room-trust/senders';
import { useChatFilesStore } from './chat-files-store';
import { loadChatFilesPolicy } from './chat-files-policy';

const links = new AttachmentLinks();
const budget = new KeptBytesBudget();
const drops = new DropLog();

/**
 * Called as a chat message's text stream starts: the streams it announces are linked to it and
 * to its sender. Returns the ids kept (the message lists these only).
 */
export function announceChatAttachments(messageId: string, streamIds: readonly string[] | undefined, senderIdentity: string, sender: SenderKind): string[] {
  if (!streamIds?.length) return [];
  const kept = links.announce(messageId, streamIds, senderIdentity, sender, Date.now());
  useChatFilesStore.getState().expect(kept);
  return kept;
}

/** The message was refused after all: its files will not be kept either. */
export function forgetChatAttachments(streamIds: readonly string[]): void {
  links.forget(streamIds);
}

async function keepFile(reader: ByteStreamReader, policy: ChatFilesPolicy): Promise<void> {
  const files = useChatFilesStore.getState();
  const { id } = reader.info;
  const verdict = judgeFileHeader({ name: reader.info.name, mimeType: reader.info.mimeType, size: reader.info.size }, policy);
  if (!verdict.kept) {
    files.refuse(id, verdict.refusal, verdict.name);
    return drain(reader);
  }
  // Reserved for the largest the file may be: a sender that announced less is cut at the limit.
  const reservation = policy.maxSizeBytes;
  if (!budget.reserve(reservation)) {
    files.refuse(id, 'memory', verdict.name);
    return drain(reader);
  }
  files.receiving(id, verdict.name, reader.info.size);
  const outcome = await readFileCapped(reader, policy.maxSizeBytes, (received) => files.progress(id, received));
  budget.release(reservation - (outcome.ok ? outcome.size : 0));
  if (!outcome.ok) {
    files.refuse(id, outcome.refusal, verdict.name);
    return drain(reader);
  }
  files.ready(id, verdict.name, verdict.mimeType, new Blob(outcome.chunks as BlobPart[], { type: verdict.mimeType }));
}

export function useChatFiles(room: Room | null): void {
  useEffect(() => {
    if (!room) return;
    room.registerByteStreamHandler(CHAT_TOPIC, (reader, { identity }) => {
      const kind = senderKindOf(identity, identity ? room.getParticipantByIdentity(identity) : undefined);
      if (!links.claim(reader.info.id, identity)) {
        drops.record('chat-file', 'unlinked', kind);
        void drain(reader);
        return;
      }
      void loadChatFilesPolicy().then((policy) => keepFile(reader, policy));
    });
    const expiry = window.setInterval(() => {
      for (const id of links.expire(Date.now())) useChatFilesStore.getState().refuse(id, 'missing');
    }, 5000);
    return () => {
      window.clearInterval(expiry);
      room.unregisterByteStreamHandler(CHAT_TOPIC);
      links.clear();
      budget.clear();
    };
  }, [room]);
}
