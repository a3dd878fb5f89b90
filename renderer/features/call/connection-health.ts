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
  setMediaStalled(stalled: boolean): void;
  setMediaHealth(health: MediaHealth): void;
}

export const useMediaHealthStore = create<MediaHealthState>((set) => ({
  mediaStalled: false,
  mediaPathLost: false,
  setMediaStalled: (stalled) => set({ mediaStalled: stalled, mediaPathLost: false }),
  setMediaHealth: (health) => set({ mediaStalled: health.stalled, mediaPathLost: health.pathLost }),
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
