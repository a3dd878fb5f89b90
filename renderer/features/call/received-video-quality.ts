// What "received quality" asks of the server for each remote camera. "Auto" leaves it to
// adaptive stream (the size of each tile); "high" insists on 720p even in small tiles.
import { type RemoteTrackPublication, RoomEvent, Track, VideoQuality, type Room } from 'livekit-client';
import type { ReceivedQuality } from '../settings/call-preferences';

export type VideoRequest = { kind: 'quality'; quality: VideoQuality } | { kind: 'dimensions'; width: number; height: number };

export function videoRequestFor(quality: ReceivedQuality): VideoRequest {
  switch (quality) {
    case 'low':
      return { kind: 'quality', quality: VideoQuality.LOW };
    case 'high':
      return { kind: 'dimensions', width: 1280, height: 720 };
    case 'auto':
      return { kind: 'quality', quality: VideoQuality.HIGH };
  }
}

function apply(publication: RemoteTrackPublication, request: VideoRequest): void {
  if (publication.source !== Track.Source.Camera || !publication.isSubscribed) return;
  if (request.kind === 'quality') publication.setVideoQuality(request.quality);
  else publication.setVideoDimensions({ width: request.width, height: request.height });
}

/** Applies the choice to every remote camera now and to each one subscribed later; returns the stop function. */
export function followReceivedQuality(room: Room, quality: ReceivedQuality): () => void {
  const request = videoRequestFor(quality);
  for (const participant of room.remoteParticipants.values()) {
    for (const publication of participant.videoTrackPublications.values()) apply(publication, request);
  }
  const onSubscribed = (_track: unknown, publication: RemoteTrackPublication) => apply(publication, request);
  room.on(RoomEvent.TrackSubscribed, onSubscribed);
  return () => {
    room.off(RoomEvent.TrackSubscribed, onSubscribed);
  };
}
