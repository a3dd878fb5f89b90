// Against livekit-client's own publication class: leaving the mode clears a field livekit-client
// keeps to itself, and an upgrade that renamed it would silently leave videos paused.
import { TrackInfo, TrackSource, TrackType, VideoLayer, VideoQuality as ProtoVideoQuality } from '@livekit/protocol';
import { RemoteTrackPublication, Track, VideoQuality } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { applyReception, restoreReception } from './remote-video-control';

function publication(source: TrackSource): RemoteTrackPublication {
  const info = new TrackInfo({
    sid: 'TR_camera',
    name: 'camera',
    type: TrackType.VIDEO,
    source,
    width: 1280,
    height: 720,
    layers: [
      new VideoLayer({ quality: ProtoVideoQuality.LOW, width: 320, height: 180 }),
      new VideoLayer({ quality: ProtoVideoQuality.MEDIUM, width: 640, height: 360 }),
      new VideoLayer({ quality: ProtoVideoQuality.HIGH, width: 1280, height: 720 }),
    ],
  });
  return new RemoteTrackPublication(Track.Kind.Video, info, true);
}

describe('remote video control', () => {
  it('pauses a video and hands it back', () => {
    const camera = publication(TrackSource.CAMERA);
    applyReception(camera, { enabled: false });
    expect(camera.isEnabled).toBe(false);
    restoreReception(camera);
    expect(camera.isEnabled).toBe(true);
    expect((camera as unknown as { requestedDisabled?: boolean }).requestedDisabled).toBeUndefined();
  });

  it('receives a prioritised video at the layer asked, and a screen share in full afterwards', () => {
    const screen = publication(TrackSource.SCREEN_SHARE);
    applyReception(screen, { enabled: true, quality: 'medium' });
    expect(screen.isEnabled).toBe(true);
    expect(screen.videoQuality).toBe(VideoQuality.MEDIUM);
    restoreReception(screen);
    expect(screen.videoQuality).toBe(VideoQuality.HIGH);
  });

  it('leaves a video the page does not want alone', () => {
    const camera = publication(TrackSource.CAMERA);
    camera.setSubscribed(false);
    applyReception(camera, { enabled: false });
    camera.setSubscribed(true);
    expect(camera.isEnabled).toBe(true);
  });
});
