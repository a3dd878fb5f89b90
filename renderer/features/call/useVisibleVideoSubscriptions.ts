import { useRoomContext, type TrackReferenceOrPlaceholder } from '@livekit/components-react';
import { RemoteTrackPublication, Track } from 'livekit-client';
import { useEffect, useRef } from 'react';
import { useFloatingWindowStore } from '../pip/floating-window-store';
import { RecentlyShown } from './recently-shown';

/**
 * Subscribes to the videos on screen only, and to those that left it a moment ago (recently-shown.ts).
 * Adaptive stream pauses a video once its element is hidden, but a video never attached to an
 * element (a tile on another page) goes on being received and decoded: with 24 cameras, a third
 * of the page's decoding was for nothing.
 */
export function useVisibleVideoSubscriptions(all: TrackReferenceOrPlaceholder[], visible: TrackReferenceOrPlaceholder[]) {
  const room = useRoomContext();
  // The floating window may show a video this layout does not (a speaker on another grid page).
  const floatingTrackSid = useFloatingWindowStore((state) => state.featuredTrackSid);
  const recent = useRef<RecentlyShown | null>(null);
  const latest = useRef({ all, visible, floatingTrackSid });
  const expiryTimer = useRef<number | undefined>(undefined);
  useEffect(() => {
    // The expiry timer applies the latest render's tracks.
    latest.current = { all, visible, floatingTrackSid };
    const apply = () => {
      const { all: tracks, visible: onScreen, floatingTrackSid: floating } = latest.current;
      const shown = new Set<string>();
      for (const { publication } of onScreen) if (publication?.trackSid) shown.add(publication.trackSid);
      if (floating) shown.add(floating);
      const now = Date.now();
      recent.current ??= new RecentlyShown();
      const kept = recent.current.update(shown, now);
      for (const { publication } of tracks) {
        if (!(publication instanceof RemoteTrackPublication) || publication.kind !== Track.Kind.Video) continue;
        const wanted = kept.has(publication.trackSid);
        if (publication.isDesired !== wanted) publication.setSubscribed(wanted);
      }
      window.clearTimeout(expiryTimer.current);
      const expiry = recent.current.nextExpiry(shown);
      expiryTimer.current = expiry === undefined ? undefined : window.setTimeout(apply, Math.max(0, expiry - now));
    };
    apply();
  });
  useEffect(() => () => window.clearTimeout(expiryTimer.current), []);
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
