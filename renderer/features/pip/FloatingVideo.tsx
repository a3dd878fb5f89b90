// One video in the floating window. The element lives in the other window's document, where
// livekit-client's adaptive stream cannot see it (it watches this page's viewport and pauses
// videos when this page is hidden, which is exactly when the floating window is shown on the
// desktop): the track is played through its own MediaStream and, for a remote video, the
// server is told to keep sending it while the window shows it.
import { RemoteTrackPublication, type TrackPublication } from 'livekit-client';
import { useEffect, useRef } from 'react';
import { restoreReception } from '../low-bandwidth/remote-video-control';

/** Whether adaptive stream decides (no explicit choice made by someone else, e.g. the low-bandwidth mode). */
function adaptiveStreamDecides(publication: RemoteTrackPublication): boolean {
  return (publication as unknown as { requestedDisabled?: boolean }).requestedDisabled === undefined;
}

/** livekit-client takes `setEnabled` only once subscribed: it is said again when the track arrives. */
function useKeepReceiving(publication: TrackPublication, mediaStreamTrack: MediaStreamTrack | null): void {
  useEffect(() => {
    if (!mediaStreamTrack || !(publication instanceof RemoteTrackPublication) || !adaptiveStreamDecides(publication)) return;
    publication.setEnabled(true);
    return () => restoreReception(publication);
  }, [publication, mediaStreamTrack]);
}

export function FloatingVideo({ publication, identity, mirrored }: { publication: TrackPublication; identity: string; mirrored: boolean }) {
  const ref = useRef<HTMLVideoElement>(null);
  const mediaStreamTrack = publication.track?.mediaStreamTrack ?? null;
  useKeepReceiving(publication, mediaStreamTrack);

  useEffect(() => {
    const video = ref.current;
    if (!video || !mediaStreamTrack) return;
    video.srcObject = new MediaStream([mediaStreamTrack]);
    void video.play().catch(() => undefined);
    return () => {
      video.srcObject = null;
    };
  }, [mediaStreamTrack]);

  return (
    <video
      ref={ref}
      className={`floating__video${mirrored ? ' floating__video--mirrored' : ''}`}
      data-participant-identity={identity}
      data-source={publication.source}
      muted
      autoPlay
      playsInline
    />
  );
}
