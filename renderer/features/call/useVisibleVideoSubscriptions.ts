import { useRoomContext, type TrackReferenceOrPlaceholder } from '@livekit/components-react';
import { RemoteTrackPublication, Track } from 'livekit-client';
import { useEffect } from 'react';
import { useFloatingWindowStore } from '../pip/floating-window-store';

/**
 * Subscribes to the videos on screen only. Adaptive stream pauses a video once its element is
 * hidden, but a video never attached to an element (a tile on another page) goes on being
 * received and decoded: with 24 cameras, a third of the page's decoding was for nothing.
 */
export function useVisibleVideoSubscriptions(all: TrackReferenceOrPlaceholder[], visible: TrackReferenceOrPlaceholder[]) {
  const room = useRoomContext();
  // The floating window may show a video this layout does not (a speaker on another grid page).
  const floatingTrackSid = useFloatingWindowStore((state) => state.featuredTrackSid);
  useEffect(() => {
    const shown = new Set(visible.map((trackRef) => trackRef.publication));
    for (const { publication } of all) {
      if (!(publication instanceof RemoteTrackPublication) || publication.kind !== Track.Kind.Video) continue;
      const wanted = shown.has(publication) || publication.trackSid === floatingTrackSid;
      if (publication.isDesired !== wanted) publication.setSubscribed(wanted);
    }
  });
  // Other layouts expect every video to be available again once this one is gone.
  useEffect(
    () => () => {
      for (const participant of room.remoteParticipants.values()) {
        for (const publication of participant.videoTrackPublications.values()) {
          if (!publication.isDesired) publication.setSubscribed(true);
        }
      }
    },
    [room],
  );
}
