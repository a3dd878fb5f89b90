// What the low-bandwidth plan does to livekit-client's remote publications.
//
// Pausing uses `setEnabled(false)`, not `setSubscribed(false)`: the subscription stays (so the
// tile, the stream's place in the peer connection and the page's own subscription choice,
// useVisibleVideoSubscriptions.ts, are untouched) and the server simply stops forwarding it.
// With adaptive stream on, an explicit `setEnabled` wins over the tile's visibility, and a
// `setVideoQuality` caps the layer adaptive stream may pick from the tile's size: both are what
// the mode needs. Leaving the mode must hand the choice back to adaptive stream, which
// livekit-client offers no call for: `requestedDisabled` is cleared by hand (see below).
import { Track, VideoQuality, type RemoteTrackPublication } from 'livekit-client';
import type { Reception } from './video-priority';

const layers = { low: VideoQuality.LOW, medium: VideoQuality.MEDIUM } as const;

/** Only a desired (subscribed) publication takes settings: livekit-client ignores them otherwise. */
export function applyReception(publication: RemoteTrackPublication, reception: Reception): void {
  if (!publication.isDesired) return;
  if (!reception.enabled) {
    publication.setEnabled(false);
    return;
  }
  publication.setEnabled(true);
  publication.setVideoQuality(layers[reception.quality]);
}

/**
 * Back to how the page receives videos outside the mode: adaptive stream decides again whether a
 * video is on (from its tile's visibility). Cameras get their quality back from
 * received-video-quality.ts, which follows the settings; screen shares are received in full.
 */
export function restoreReception(publication: RemoteTrackPublication): void {
  // `requestedDisabled` is how livekit-client remembers an explicit setEnabled; undefined means
  // "as adaptive stream sees it". It is a protected field of a class we do not extend.
  const settings = publication as unknown as { requestedDisabled?: boolean };
  if ('requestedDisabled' in settings) settings.requestedDisabled = undefined;
  if (!publication.isDesired) return;
  if (publication.source === Track.Source.ScreenShare) publication.setVideoQuality(VideoQuality.HIGH);
  publication.emitTrackUpdate();
}
