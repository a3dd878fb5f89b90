import { describe, expect, it } from 'vitest';
import { livekitUrlIn } from './backend-dispatch';

describe('livekitUrlIn', () => {
  it('finds the LiveKit URL of a config or a room answer', () => {
    expect(livekitUrlIn({ livekit: { url: 'wss://livekit.visio.gouv.fr', force_wss_protocol: true } })).toBe('wss://livekit.visio.gouv.fr');
    expect(livekitUrlIn({ id: 'r', livekit: { url: 'ws://127.0.0.1:7880', room: 'r', token: 't' } })).toBe('ws://127.0.0.1:7880');
  });

  it.each([null, undefined, 'wss://x', { livekit: null }, { livekit: { url: 42 } }, { other: { url: 'wss://x' } }])('finds none in %j', (value) => {
    expect(livekitUrlIn(value)).toBeNull();
  });
});
