// What the user is told about the call's connection, from the SDK's reconnection state and what
// the media watchdog sees: all is well, the link is unstable (media stopped, the call is still
// there), or the call is being re-established.
import { create } from 'zustand';
import type { CallStatus } from './call-status';
import type { MediaHealth } from './media-stall';

export type ConnectionView = 'ok' | 'unstable' | 'lost';

interface MediaHealthState {
  /** Set by the media watchdog: bytes stopped arriving while expected, or ICE lost the path. */
  mediaStalled: boolean;
  /** Set by the media watchdog: stalled, and ICE has lost the path to the media server for a while. */
  mediaPathLost: boolean;
  /** Samples the watchdog took so far: what follows a moment can wait for a sample taken after it. */
  mediaSamples: number;
  setMediaStalled(stalled: boolean): void;
  /** One sample of the watchdog. */
  noteMediaSample(health: MediaHealth): void;
}

export const useMediaHealthStore = create<MediaHealthState>((set) => ({
  mediaStalled: false,
  mediaPathLost: false,
  mediaSamples: 0,
  setMediaStalled: (stalled) => set({ mediaStalled: stalled, mediaPathLost: false }),
  noteMediaSample: (health) => set((state) => ({ mediaStalled: health.stalled, mediaPathLost: health.pathLost, mediaSamples: state.mediaSamples + 1 })),
}));

/** Resolves once the watchdog has taken another sample, or after `timeoutMs` without one. */
export function nextMediaSample(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const from = useMediaHealthStore.getState().mediaSamples;
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const unsubscribe = useMediaHealthStore.subscribe((state) => {
      if (state.mediaSamples !== from) done();
    });
  });
}

/**
 * A resume of the signalling alone, with media still flowing, is not worth a word: people still
 * see and hear each other.
 */
export function connectionView(status: CallStatus, signalOnly: boolean, mediaStalled: boolean): ConnectionView {
  if (status === 'reconnecting' && !signalOnly) return 'lost';
  if (status !== 'connected' && status !== 'reconnecting') return 'ok';
  return mediaStalled ? 'unstable' : 'ok';
}
