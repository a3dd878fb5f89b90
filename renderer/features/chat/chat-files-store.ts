// The files of the call's chat messages, by stream id: announced by a message, arriving, kept (a
// Blob in the page, and a blob: URL for a picture's thumbnail) or refused with the reason the chat
// shows. Everything is dropped, and every URL revoked, when the call ends.
import { create } from 'zustand';
import { isThumbnailType } from '../../../common/chat-files';
import type { ReceivedFileRefusal } from '../room-trust/chat-files';

export type ChatFile =
  | { id: string; status: 'expected' }
  | { id: string; status: 'receiving'; name: string; size: number | undefined; received: number }
  | { id: string; status: 'ready'; name: string; size: number; mimeType: string; blob: Blob; thumbnailUrl: string | null }
  | { id: string; status: 'refused'; name: string | null; refusal: ReceivedFileRefusal };

interface ChatFilesState {
  files: Record<string, ChatFile>;
  expect(ids: readonly string[]): void;
  receiving(id: string, name: string, size: number | undefined): void;
  progress(id: string, received: number): void;
  ready(id: string, name: string, mimeType: string, blob: Blob): void;
  refuse(id: string, refusal: ReceivedFileRefusal, name?: string): void;
  reset(): void;
}

function revoke(file: ChatFile | undefined): void {
  if (file?.status === 'ready' && file.thumbnailUrl) URL.revokeObjectURL(file.thumbnailUrl);
}

export const useChatFilesStore = create<ChatFilesState>((set, get) => {
  const put = (file: ChatFile) => set({ files: { ...get().files, [file.id]: file } });
  return {
    files: {},
    expect(ids) {
      const files = { ...get().files };
      for (const id of ids) files[id] ??= { id, status: 'expected' };
      set({ files });
    },
    receiving: (id, name, size) => put({ id, status: 'receiving', name, size, received: 0 }),
    progress(id, received) {
      const file = get().files[id];
      if (file?.status === 'receiving') put({ ...file, received });
    },
    ready(id, name, mimeType, blob) {
      revoke(get().files[id]);
      put({ id, status: 'ready', name, size: blob.size, mimeType, blob, thumbnailUrl: isThumbnailType(mimeType) ? URL.createObjectURL(blob) : null });
    },
    refuse(id, refusal, name) {
      const previous = get().files[id];
      revoke(previous);
      const knownName = name ?? (previous && 'name' in previous ? previous.name : null);
      put({ id, status: 'refused', name: knownName, refusal });
    },
    reset() {
      for (const file of Object.values(get().files)) revoke(file);
      set({ files: {} });
    },
  };
});
