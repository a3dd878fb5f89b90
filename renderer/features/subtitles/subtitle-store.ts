import { create } from 'zustand';
import { applySegment, dropExpired, type SubtitleSegment } from './transcription';

interface SubtitleState {
  segments: SubtitleSegment[];
  receive(segment: SubtitleSegment): void;
  prune(now: number): void;
  reset(): void;
}

export const useSubtitleStore = create<SubtitleState>((set, get) => ({
  segments: [],
  receive: (segment) => set({ segments: applySegment(get().segments, segment) }),
  prune: (now) => {
    const segments = dropExpired(get().segments, now);
    if (segments.length !== get().segments.length) set({ segments });
  },
  reset: () => set({ segments: [] }),
}));
