// The desktop's screen/window picker: main asks (`event:capture-request`) when livekit-client
// calls getDisplayMedia, and we answer with `capture:choose` (null source = cancelled).
import { create } from 'zustand';
import type { CaptureSource } from '../../../common/ipc-contract';
import { invoke } from '../../platform/visio';

export interface CaptureRequest {
  requestId: string;
  sources: CaptureSource[];
  audioAvailable: boolean;
}

interface CaptureState {
  request: CaptureRequest | null;
  open(request: CaptureRequest): void;
  cancelled(requestId: string): void;
  choose(sourceId: string | null, audio: boolean): Promise<void>;
}

export const useCaptureStore = create<CaptureState>((set, get) => ({
  request: null,
  open(request) {
    const previous = get().request;
    if (previous) void invoke('capture:choose', { requestId: previous.requestId, sourceId: null, audio: false });
    set({ request });
  },
  cancelled(requestId) {
    if (get().request?.requestId === requestId) set({ request: null });
  },
  async choose(sourceId, audio) {
    const request = get().request;
    if (!request) return;
    set({ request: null });
    const offered = sourceId === null || request.sources.some((source) => source.id === sourceId);
    await invoke('capture:choose', { requestId: request.requestId, sourceId: offered ? sourceId : null, audio: audio && request.audioAvailable });
  },
}));
