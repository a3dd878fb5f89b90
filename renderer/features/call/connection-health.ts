// What the user is told about the call's connection, from the SDK's reconnection state and what
// the media watchdog sees: all is well, the link is unstable (media stopped, the call is still
// there), or the call is being re-established.
import { create } from 'zustand';
import type { CallStatus } from './call-status';

export type ConnectionView = 'ok' | 'unstable' | 'lost';

interface MediaHealthState {
  /** Set by the media watchdog: bytes stopped arriving while expected, or ICE lost the path. */
  mediaStalled: boolean;
  setMediaStalled(stalled: boolean): void;
}

export const useMediaHealthStore = create<MediaHealthState>((set) => ({
  mediaStalled: false,
  setMediaStalled: (stalled) => set({ mediaStalled: stalled }),
}));

/**
 * A resume of the signalling alone, with media still flowing, is not worth a word: people still
 * see and hear each other.
 */
export function connectionView(status: CallStatus, signalOnly: boolean, mediaStalled: boolean): ConnectionView {
  if (status === 'reconnecting' && !signalOnly) return 'lost';
  if (status !== 'connected' && status !== 'reconnecting') return 'ok';
  return mediaStalled ? 'unstable' : 'ok';
}
