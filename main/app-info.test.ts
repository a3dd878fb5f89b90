import { describe, expect, it } from 'vitest';
import { profileSchema } from '../common/profile';
import { appInfoOf } from './app-info';

const profile = profileSchema.parse({
  id: 'devstack',
  displayName: 'Visio',
  apiBaseUrl: 'http://127.0.0.1:8071/api/v1.0/',
  meetingHosts: ['127.0.0.1'],
  allowedHosts: ['127.0.0.1'],
});

describe('app info', () => {
  it('describes the run and follows the system language when supported', () => {
    const info = appInfoOf({ version: '0.1.0', platform: 'linux', locale: 'en-GB', profile });
    expect(info).toMatchObject({ kind: 'electron', version: '0.1.0', os: 'linux', language: 'en' });
    expect(info.profile).toEqual({
      id: 'devstack',
      displayName: 'Visio',
      apiBaseUrl: 'http://127.0.0.1:8071/api/v1.0/',
      meetingHosts: ['127.0.0.1'],
      scheme: 'visio',
      allowedHosts: ['127.0.0.1'],
      accentColor: '#000091',
    });
  });

  it('hands the interface the ministry’s colour', () => {
    const branded = profileSchema.parse({ ...profile, branding: { accentColor: '#18753C' } });
    expect(appInfoOf({ version: '0.1.0', platform: 'linux', locale: 'fr-FR', profile: branded }).profile.accentColor).toBe('#18753C');
  });

  it('gives the interface every host the profile allows and its own ICE servers', () => {
    const withTurn = profileSchema.parse({
      ...profile,
      livekitUrl: 'wss://livekit.ministere.gouv.fr',
      allowedHosts: ['127.0.0.1', 'turn.ministere.gouv.fr'],
      iceServers: [{ urls: 'turns:turn.ministere.gouv.fr:443?transport=tcp', username: 'poste', credential: 'secret' }],
    });
    const info = appInfoOf({ version: '0.1.0', platform: 'linux', locale: 'fr-FR', profile: withTurn });
    expect(info.profile.allowedHosts).toEqual(['127.0.0.1', 'livekit.ministere.gouv.fr', 'turn.ministere.gouv.fr']);
    expect(info.profile.iceServers).toEqual([
      { urls: 'turns:turn.ministere.gouv.fr:443?transport=tcp', username: 'poste', credential: 'secret' },
    ]);
  });

  it('falls back to the profile language', () => {
    expect(appInfoOf({ version: '0.1.0', platform: 'win32', locale: 'es-ES', profile }).language).toBe('fr');
  });

  it('starts in German or Dutch on a German or Dutch system', () => {
    expect(appInfoOf({ version: '0.1.0', platform: 'win32', locale: 'de-AT', profile }).language).toBe('de');
    expect(appInfoOf({ version: '0.1.0', platform: 'darwin', locale: 'nl_BE', profile }).language).toBe('nl');
  });

  it('starts in the language the policy or the user chose, over the system one', () => {
    expect(appInfoOf({ version: '0.1.0', platform: 'linux', locale: 'fr-FR', profile, chosenLanguage: 'en' }).language).toBe('en');
    expect(appInfoOf({ version: '0.1.0', platform: 'linux', locale: 'en-US', profile, chosenLanguage: 'fr' }).language).toBe('fr');
    expect(appInfoOf({ version: '0.1.0', platform: 'linux', locale: 'en-US', profile, chosenLanguage: null }).language).toBe('en');
  });
});
