// The tiles of the call (a camera, or its placeholder, per participant, and every screen share),
// followed once for the whole call screen and shared by the layouts and the floating window.
import { useTracks, type TrackReferenceOrPlaceholder } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { createContext, useContext, type ReactNode } from 'react';

const CallTracksContext = createContext<TrackReferenceOrPlaceholder[] | null>(null);

export function CallTracksProvider({ children }: { children: ReactNode }) {
  const trackRefs = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
  return <CallTracksContext.Provider value={trackRefs}>{children}</CallTracksContext.Provider>;
}

/** The call's tiles; only under CallTracksProvider. */
export function useCallTracks(): TrackReferenceOrPlaceholder[] {
  const trackRefs = useContext(CallTracksContext);
  if (!trackRefs) throw new Error('useCallTracks outside CallTracksProvider');
  return trackRefs;
}
