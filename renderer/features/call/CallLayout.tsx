// Grid or speaker layout, as chosen (or, on "auto", as the call calls for).
import { Track } from 'livekit-client';
import { useCallTracks } from './call-tracks';
import { effectiveLayout, tileKey } from './layout';
import { useLayoutStore } from './layout-store';
import { ParticipantGrid } from './ParticipantGrid';
import { SpeakerLayout } from './SpeakerLayout';

export function CallLayout() {
  const choice = useLayoutStore((state) => state.choice);
  const pinnedKey = useLayoutStore((state) => state.pinnedKey);
  const trackRefs = useCallTracks();
  const items = trackRefs.map((trackRef) => ({
    key: tileKey(trackRef.participant.identity, trackRef.source),
    identity: trackRef.participant.identity,
    isScreenShare: trackRef.source === Track.Source.ScreenShare,
    isLocal: trackRef.participant.isLocal,
  }));
  return effectiveLayout(choice, items, pinnedKey) === 'grid' ? <ParticipantGrid /> : <SpeakerLayout trackRefs={trackRefs} />;
}
