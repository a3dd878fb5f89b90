import { describe, expect, it } from 'vitest';
import type { Profile } from '../../common/profile';
import { foreignContacts } from './sovereignty-check';

const profile: Profile = {
  id: 'ministere',
  displayName: 'Visio',
  apiBaseUrl: 'https://visio.ministere.gouv.fr/api/v1.0/',
  livekitUrl: 'wss://livekit.ministere.gouv.fr',
  identityProviderUrl: 'https://auth.ministere.gouv.fr',
  meetingHosts: ['visio.ministere.gouv.fr'],
  scheme: 'visio',
  allowedHosts: ['*.turn.ministere.gouv.fr'],
  defaultLanguage: 'fr',
};

describe('sovereignty check', () => {
  it('accepts the profile hosts on every channel, and local schemes', () => {
    expect(
      foreignContacts(profile, [
        { channel: 'renderer', url: 'app://visio/index.html' },
        { channel: 'renderer', url: 'data:image/png;base64,AAAA' },
        { channel: 'renderer', url: 'blob:app://visio/1234' },
        { channel: 'main', url: 'https://visio.ministere.gouv.fr/api/v1.0/config/' },
        { channel: 'main', url: 'https://auth.ministere.gouv.fr/login' },
        { channel: 'websocket', url: 'wss://livekit.ministere.gouv.fr/rtc?access_token=x' },
        { channel: 'ice', url: 'turn:eu.turn.ministere.gouv.fr:3478?transport=udp' },
        { channel: 'ice', url: 'stun:livekit.ministere.gouv.fr:3478' },
      ]),
    ).toEqual([]);
  });

  it('reports each foreign host with the channel that contacted it', () => {
    expect(
      foreignContacts(profile, [
        { channel: 'renderer', url: 'https://fonts.gstatic.com/s/marianne.woff2' },
        { channel: 'main', url: 'http://192.0.2.1/telemetry' },
        { channel: 'ice', url: 'stun:stun.l.google.com:19302' },
        { channel: 'websocket', url: 'wss://livekit.ministere.gouv.fr.evil.example/rtc' },
        { channel: 'renderer', url: 'ftp://visio.ministere.gouv.fr/file' },
      ]),
    ).toEqual([
      { channel: 'renderer', url: 'https://fonts.gstatic.com/s/marianne.woff2', host: 'fonts.gstatic.com' },
      { channel: 'main', url: 'http://192.0.2.1/telemetry', host: '192.0.2.1' },
      { channel: 'ice', url: 'stun:stun.l.google.com:19302', host: 'stun.l.google.com' },
      { channel: 'websocket', url: 'wss://livekit.ministere.gouv.fr.evil.example/rtc', host: 'livekit.ministere.gouv.fr.evil.example' },
      { channel: 'renderer', url: 'ftp://visio.ministere.gouv.fr/file', host: 'ftp:' },
    ]);
  });

  it('counts an ICE URL the guard would not accept as foreign', () => {
    expect(
      foreignContacts(profile, [
        { channel: 'ice', url: 'turn:eu.turn.ministere.gouv.fr@evil.example:3478' },
        { channel: 'ice', url: 'TURN:EU.turn.ministere.gouv.fr:3478' },
      ]),
    ).toEqual([{ channel: 'ice', url: 'turn:eu.turn.ministere.gouv.fr@evil.example:3478', host: 'turn:eu.turn.ministere.gouv.fr@evil.example:3478' }]);
  });

  it('does not let a wildcard match the bare domain', () => {
    expect(foreignContacts(profile, [{ channel: 'ice', url: 'turn:turn.ministere.gouv.fr:3478' }])).toHaveLength(1);
  });
});
