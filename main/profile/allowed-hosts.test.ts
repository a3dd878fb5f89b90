import { describe, expect, it } from 'vitest';
import type { Profile } from '../../common/profile';
import { allowedHostsOf, hostMatchesPattern } from '../../common/host-patterns';
import { isHostAllowed } from './allowed-hosts';

const profile: Profile = {
  id: 'ministere',
  displayName: 'Ministère',
  apiBaseUrl: 'https://visio.ministere.gouv.fr/api/v1.0/',
  livekitUrl: 'wss://livekit.ministere.gouv.fr',
  meetingHosts: ['visio.ministere.gouv.fr'],
  scheme: 'visio',
  allowedHosts: ['*.idp.gouv.fr', 'Agenda.Ministere.gouv.fr:443'],
  defaultLanguage: 'fr',
  updates: { feedUrl: 'https://maj.ministere.gouv.fr/desktop/' },
};

describe('allowedHostsOf', () => {
  it('adds the hosts of every URL the profile names, normalized', () => {
    expect(allowedHostsOf(profile)).toEqual([
      '*.idp.gouv.fr',
      'agenda.ministere.gouv.fr',
      'livekit.ministere.gouv.fr',
      'maj.ministere.gouv.fr',
      'visio.ministere.gouv.fr',
    ]);
  });
});

describe('isHostAllowed', () => {
  it.each([
    ['https://visio.ministere.gouv.fr/api/v1.0/rooms/', true],
    ['wss://livekit.ministere.gouv.fr/rtc?access_token=x', true],
    ['https://login.idp.gouv.fr/authorize', true],
    ['https://a.b.idp.gouv.fr/', true],
    ['https://idp.gouv.fr/', false],
    ['https://evilidp.gouv.fr/', false],
    ['https://visio.ministere.gouv.fr.evil.com/', false],
    ['https://www.google.com/', false],
    ['stun:stun.l.google.com:19302', false],
    ['ftp://visio.ministere.gouv.fr/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isHostAllowed(profile, url)).toBe(expected);
  });

  it('treats the loopback names as one host', () => {
    expect(hostMatchesPattern('localhost', '127.0.0.1')).toBe(true);
    expect(hostMatchesPattern('[::1]', 'localhost')).toBe(true);
    expect(hostMatchesPattern('127.0.0.2', '127.0.0.1')).toBe(false);
  });
});
