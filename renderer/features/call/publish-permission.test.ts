import { TrackSource } from '@livekit/protocol';
import { describe, expect, it } from 'vitest';
import { canPublishSource } from './publish-permission';

describe('publish permission', () => {
  it('reads LiveKit’s rule: publishing allowed and the source listed, an empty list allowing all', () => {
    const cameraOnly = { canPublish: true, canPublishSources: [TrackSource.CAMERA] };
    expect(canPublishSource(cameraOnly, 'camera')).toBe(true);
    expect(canPublishSource(cameraOnly, 'microphone')).toBe(false);
    expect(canPublishSource(cameraOnly, 'screen')).toBe(false);
    expect(canPublishSource({ canPublish: true, canPublishSources: [TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO] }, 'screen')).toBe(true);
    expect(canPublishSource({ canPublish: true, canPublishSources: [] }, 'microphone')).toBe(true);
    expect(canPublishSource({ canPublish: false, canPublishSources: [TrackSource.CAMERA] }, 'camera')).toBe(false);
    expect(canPublishSource(undefined, 'camera')).toBe(true);
  });
});
