import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProfileText, profileErrorMessage } from './profile-loader';
import { allowedHostsOf } from '../../common/host-patterns';
import { isHostAllowed } from './allowed-hosts';

const profilesFolder = join(__dirname, '..', '..', 'resources', 'profiles');
const readBundled = (name: string) => readFileSync(join(profilesFolder, name), 'utf8');

describe('bundled profiles', () => {
  it('resolves the devstack URLs from the environment', () => {
    const result = parseProfileText(readBundled('devstack.json'), {
      VISIO_API_BASE_URL: 'http://127.0.0.1:40123/api/v1.0/',
      VISIO_LIVEKIT_URL: 'ws://127.0.0.1:40999',
    });
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.profile.apiBaseUrl).toBe('http://127.0.0.1:40123/api/v1.0/');
    expect(result.profile.livekitUrl).toBe('ws://127.0.0.1:40999');
    expect(allowedHostsOf(result.profile)).toEqual(['127.0.0.1', 'localhost']);
  });

  it('falls back to the documented defaults when the variables are unset', () => {
    const result = parseProfileText(readBundled('devstack.json'), {});
    expect(result.ok && result.profile.apiBaseUrl).toBe('http://127.0.0.1:8071/api/v1.0/');
  });

  it('validates the example ministry profile and derives its hosts', () => {
    const result = parseProfileText(readBundled('example-ministere.json'), {});
    if (!result.ok) throw new Error(result.error.detail);
    const profile = result.profile;
    expect(isHostAllowed(profile, 'https://visio.example.gouv.fr/api/v1.0/config/')).toBe(true);
    expect(isHostAllowed(profile, 'wss://livekit.visio.example.gouv.fr/rtc')).toBe(true);
    expect(isHostAllowed(profile, 'https://maj.visio.example.gouv.fr/desktop/latest.yml')).toBe(true);
    expect(isHostAllowed(profile, 'https://fonts.googleapis.com/css')).toBe(false);
    expect(isHostAllowed(profile, 'http://127.0.0.1:8071/')).toBe(false);
  });
});

describe('parseProfileText', () => {
  it('refuses a placeholder that is neither set nor defaulted, naming it', () => {
    const text = JSON.stringify({
      id: 'x',
      displayName: 'X',
      apiBaseUrl: '${VISIO_NOT_SET}',
      meetingHosts: [],
      allowedHosts: [],
    });
    const result = parseProfileText(text, {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('unresolved_placeholder');
    expect(profileErrorMessage(result.error, 'fr')).toContain('VISIO_NOT_SET');
  });

  it('never reads variables outside VISIO_*', () => {
    const text = JSON.stringify({
      id: 'x',
      displayName: '${HOME}',
      apiBaseUrl: 'https://a.example.fr/api/v1.0/',
      meetingHosts: [],
      allowedHosts: [],
    });
    const result = parseProfileText(text, { HOME: '/root' });
    expect(result.ok && result.profile.displayName).toBe('${HOME}');
  });

  it('refuses http on a non-loopback host, unknown keys and invalid JSON', () => {
    const base = { id: 'x', displayName: 'X', meetingHosts: [], allowedHosts: [] };
    const plain = parseProfileText(JSON.stringify({ ...base, apiBaseUrl: 'http://visio.example.fr/api/v1.0/' }), {});
    expect(!plain.ok && plain.error.code).toBe('invalid_profile');
    const unknown = parseProfileText(
      JSON.stringify({ ...base, apiBaseUrl: 'https://visio.example.fr/api/v1.0/', telemetryUrl: 'https://x' }),
      {},
    );
    expect(!unknown.ok && unknown.error.code).toBe('invalid_profile');
    const broken = parseProfileText('{"id":', {});
    expect(!broken.ok && broken.error.code).toBe('invalid_json');
    expect(!broken.ok && profileErrorMessage(broken.error, 'en')).toBe('The profile file is not valid JSON.');
  });

  describe('iceServers', () => {
    const base = {
      id: 'x',
      displayName: 'X',
      apiBaseUrl: 'https://visio.ministere.gouv.fr/api/v1.0/',
      meetingHosts: [],
      allowedHosts: ['turn.ministere.gouv.fr', '*.relais.gouv.fr'],
    };
    const parse = (iceServers: unknown) => parseProfileText(JSON.stringify({ ...base, iceServers }), {});

    it('accepts STUN and TURN servers on the profile hosts', () => {
      const result = parse([
        { urls: 'stun:visio.ministere.gouv.fr:3478' },
        { urls: ['turn:turn.ministere.gouv.fr:3478?transport=udp', 'turns:a.relais.gouv.fr:443?transport=tcp'], username: 'poste', credential: 'secret' },
      ]);
      if (!result.ok) throw new Error(result.error.detail);
      expect(result.profile.iceServers).toHaveLength(2);
    });

    it('refuses a server on another host, naming it in French and English', () => {
      const result = parse([{ urls: ['turn:turn.ministere.gouv.fr', 'stun:stun.l.google.com:19302'], username: 'u', credential: 'c' }]);
      if (result.ok) throw new Error('accepted a foreign ICE server');
      expect(result.error).toEqual({ code: 'ice_server_host_not_allowed', detail: 'stun:stun.l.google.com:19302' });
      expect(profileErrorMessage(result.error, 'fr')).toBe(
        'Le serveur ICE « stun:stun.l.google.com:19302 » du profil n’est pas sur un hôte autorisé : ajoutez son hôte à allowedHosts ou retirez-le de iceServers.',
      );
      expect(profileErrorMessage(result.error, 'en')).toBe(
        'The profile\'s ICE server "stun:stun.l.google.com:19302" is not on an allowed host: add its host to allowedHosts or remove it from iceServers.',
      );
    });

    it('refuses the tricks that would reach another host than the one named', () => {
      for (const url of ['turn:turn.ministere.gouv.fr@evil.example.com', 'stun://turn.ministere.gouv.fr', 'stun:relais.gouv.fr']) {
        const result = parse([{ urls: url, username: 'u', credential: 'c' }]);
        expect(result.ok, url).toBe(false);
      }
    });

    it('refuses TURN without credentials, a malformed URL, an empty list and unknown keys', () => {
      for (const iceServers of [
        [{ urls: 'turn:turn.ministere.gouv.fr:3478' }],
        [{ urls: 'turns:turn.ministere.gouv.fr', username: 'poste' }],
        [{ urls: 'https://turn.ministere.gouv.fr' }],
        [{ urls: [] }],
        [],
        [{ urls: 'stun:turn.ministere.gouv.fr', credentialType: 'oauth' }],
      ]) {
        const result = parse(iceServers);
        expect(!result.ok && result.error.code, JSON.stringify(iceServers)).toBe('invalid_profile');
      }
    });
  });

  it('refuses a huge file before parsing it', () => {
    const result = parseProfileText(`{"displayName":"${'a'.repeat(300 * 1024)}"}`, {});
    expect(!result.ok && result.error.code).toBe('too_large');
  });
});
