import { describe, expect, it } from 'vitest';
import { ConnectTimeoutError, roomOptionsFor, withTimeout } from './room-options';

describe('room options', () => {
  it('publishes VP9 with simulcast and uses the chosen devices', () => {
    const options = roomOptionsFor({ audioInputId: 'mic', videoInputId: '', audioOutputId: 'out' });
    expect(options.adaptiveStream).toBe(true);
    expect(options.dynacast).toBe(true);
    expect(options.publishDefaults?.videoCodec).toBe('vp9');
    expect(options.publishDefaults?.simulcast).toBe(true);
    expect(options.audioCaptureDefaults?.deviceId).toBe('mic');
    expect(options.videoCaptureDefaults?.deviceId).toBeUndefined();
    expect(options.audioOutput?.deviceId).toBe('out');
  });

  it('gives up on a connection that hangs', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10)).rejects.toBeInstanceOf(ConnectTimeoutError);
    await expect(withTimeout(Promise.resolve(3), 1000)).resolves.toBe(3);
  });
});
