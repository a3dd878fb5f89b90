import { describe, expect, it, vi } from 'vitest';
import { ConnectTimeoutError, connectOptionsFor, livekitSocketUrl, roomOptionsFor, withTimeout } from './room-options';

describe('room options', () => {
  it('publishes VP9 with simulcast and uses the chosen devices', () => {
    const options = roomOptionsFor({ audioInputId: 'mic', videoInputId: '', audioOutputId: 'out' });
    expect(options.adaptiveStream).toBe(true);
    expect(options.dynacast).toBe(true);
    // Publishing negotiates only what is sent, whatever the size of the room.
    expect(options.singlePeerConnection).toBe(false);
    expect(options.publishDefaults?.videoCodec).toBe('vp9');
    expect(options.publishDefaults?.simulcast).toBe(true);
    expect(options.audioCaptureDefaults?.deviceId).toBe('mic');
    expect(options.videoCaptureDefaults?.deviceId).toBeUndefined();
    expect(options.audioOutput?.deviceId).toBe('out');
  });

  it('leaves the ICE servers to the LiveKit server unless the profile names its own', () => {
    // Unset, livekit-client takes the join answer's list (which the page's ICE guard filters).
    expect(connectOptionsFor().rtcConfig?.iceServers).toBeUndefined();
    expect(connectOptionsFor([]).rtcConfig?.iceServers).toBeUndefined();
    const own = [{ urls: 'turns:turn.ministere.gouv.fr:443?transport=tcp', username: 'poste', credential: 'secret' }];
    const options = connectOptionsFor(own);
    expect(options.rtcConfig?.iceServers).toEqual(own);
    expect(options.rtcConfig?.iceServers?.[0]).not.toBe(own[0]);
    expect(options.autoSubscribe).toBe(true);
  });

  it('gives up on a connection that hangs', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10)).rejects.toBeInstanceOf(ConnectTimeoutError);
    await expect(withTimeout(Promise.resolve(3), 1000)).resolves.toBe(3);
  });

  it('gives up on a join the server has not answered in time, as unanswered', async () => {
    const never = new Promise<never>(() => undefined);
    const error = await withTimeout(never, 1_000, { answered: never, withinMs: 10 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectTimeoutError);
    expect((error as ConnectTimeoutError).unanswered).toBe(true);
  });

  it('once the join is answered, leaves the connection its whole timeout', async () => {
    vi.useFakeTimers();
    try {
      let connected: (value: string) => void = () => undefined;
      const connection = new Promise<string>((resolve) => (connected = resolve));
      const result = withTimeout(connection, 20_000, { answered: Promise.resolve(), withinMs: 2_000 });
      await vi.advanceTimersByTimeAsync(5_000);
      connected('joined');
      await expect(result).resolves.toBe('joined');

      const hanging = withTimeout(new Promise<never>(() => undefined), 20_000, { answered: Promise.resolve(), withinMs: 2_000 });
      const settled = hanging.catch((caught: unknown) => caught);
      await vi.advanceTimersByTimeAsync(20_000);
      const error = await settled;
      expect(error).toBeInstanceOf(ConnectTimeoutError);
      expect((error as ConnectTimeoutError).unanswered).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('livekitSocketUrl', () => {
  it('connects over the scheme matching the URL the API handed out', () => {
    expect(livekitSocketUrl('http://livekit.example:7880')).toBe('ws://livekit.example:7880');
    expect(livekitSocketUrl('https://livekit.example.gouv.fr/')).toBe('wss://livekit.example.gouv.fr/');
    expect(livekitSocketUrl('ws://127.0.0.1:7880')).toBe('ws://127.0.0.1:7880');
    expect(livekitSocketUrl('wss://livekit.example.gouv.fr')).toBe('wss://livekit.example.gouv.fr');
  });

  it('leaves what it cannot read to the SDK', () => {
    expect(livekitSocketUrl('not a url')).toBe('not a url');
  });
});
