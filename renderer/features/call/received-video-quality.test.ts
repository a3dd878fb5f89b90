import { VideoQuality } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { videoRequestFor } from './received-video-quality';

describe('videoRequestFor', () => {
  it('caps at low, insists on 720p for high, and lets adaptive stream decide on auto', () => {
    expect(videoRequestFor('low')).toEqual({ kind: 'quality', quality: VideoQuality.LOW });
    expect(videoRequestFor('high')).toEqual({ kind: 'dimensions', width: 1280, height: 720 });
    expect(videoRequestFor('auto')).toEqual({ kind: 'quality', quality: VideoQuality.HIGH });
  });
});
