// Grid or speaker layout, as chosen (or, on "auto", as the call calls for).
import { useTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { effectiveLayout, tileKey } from './layout';
import { useLayoutStore } from './layout-store';
import { ParticipantGrid } from './ParticipantGrid';
import { SpeakerLayout } from './SpeakerLayout';

export function CallLayout() {
  const choice = useLayoutStore((state) => state.choice);
  const pinnedKey = useLayoutStore((state) => state.pinnedKey);
  const trackRefs = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
  const items = trackRefs.map((trackRef) => ({
    key: tileKey(trackRef.participant.identity, trackRef.source),
    identity: trackRef.participant.identity,
    isScreenShare: trackRef.source === Track.Source.ScreenShare,
    isLocal: trackRef.participant.isLocal,
  }));
  return effectiveLayout(choice, items, pinnedKey) === 'grid' ? <ParticipantGrid /> : <SpeakerLayout trackRefs={trackRefs} />;
}
