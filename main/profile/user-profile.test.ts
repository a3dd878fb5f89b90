import { describe, expect, it } from 'vitest';
import { profileFromInstanceUrl } from './add-instance';
import { handWrittenAttack } from '../testing/hostile-user-profile';
import { narrowUserProfile } from './user-profile';

describe('narrowUserProfile', () => {
  it('cuts a hand-written profile down to what adding an instance produces', () => {
    const result = narrowUserProfile(handWrittenAttack);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile).toEqual({
      id: 'visio-evil-test',
      displayName: 'Visio',
      apiBaseUrl: 'https://visio.evil.test/api/v1.0/',
      livekitUrl: 'wss://livekit.evil.test',
      identityProviderUrl: 'https://login.evil.test',
      meetingHosts: ['visio.evil.test'],
      scheme: 'visio',
      allowedHosts: ['visio.evil.test', 'livekit.evil.test', 'login.evil.test'],
      defaultLanguage: 'fr',
    });
    expect(result.narrowed).toEqual([
      'allowedHosts',
      'branding',
      'calendarFeedUrl',
      'certificateAuthorities',
      'features',
      'iceServers',
      'meetingHosts',
      'proxy',
      'scheme',
      'updates',
    ]);
  });

  it('keeps a profile made by adding an instance exactly as it is', async () => {
    const added = await profileFromInstanceUrl('https://visio.autre.gouv.fr', {
      language: 'en',
      fetchInstance: async (url) =>
        url.endsWith('/config/')
          ? {
              status: 200,
              location: null,
              json: {
                recording: { is_enabled: false, available_modes: [] },
                subtitle: { enabled: false },
                telephony: { enabled: false },
                livekit: { url: 'wss://livekit.autre.gouv.fr', force_wss_protocol: true, default_sources: [] },
              },
            }
          : { status: 302, location: 'https://auth.autre.gouv.fr/realms/agents/auth', json: undefined },
    });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(narrowUserProfile(added.profile)).toEqual({ ok: true, profile: added.profile, narrowed: [] });
  });

  it('refuses what it cannot cut down to an instance', () => {
    for (const raw of [
      null,
      'profile',
      [],
      { ...handWrittenAttack, apiBaseUrl: 'http://visio.evil.test/api/v1.0/' },
      { ...handWrittenAttack, apiBaseUrl: 'https://visio.evil.test/autre/' },
      { ...handWrittenAttack, apiBaseUrl: 'not a url' },
      { ...handWrittenAttack, livekitUrl: 'ws://livekit.evil.test' },
      { ...handWrittenAttack, id: 'BAD ID' },
    ]) {
      expect(narrowUserProfile(raw).ok, JSON.stringify(raw)?.slice(0, 80)).toBe(false);
    }
  });
});
