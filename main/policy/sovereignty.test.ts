import { describe, expect, it } from 'vitest';
import { allowedHostsOf } from '../../common/host-patterns';
import { filterIceServers } from '../../common/ice-servers';
import type { Profile } from '../../common/profile';
import { hardenSession, type HardenableSession } from './electron-session-hardening';
import { crashReporterOptions, sovereignWebPreferences, spellcheckerSettings, telemetryEnabled } from './sovereignty';

const profile: Profile = {
  id: 'exemple',
  displayName: 'Exemple',
  apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/',
  livekitUrl: 'wss://livekit.example.gouv.fr',
  meetingHosts: ['visio.example.gouv.fr'],
  scheme: 'visio',
  allowedHosts: ['turn.example.gouv.fr'],
  defaultLanguage: 'fr',
};

describe('leak closures', () => {
  it('keeps the spellchecker off and its dictionaries on the app origin', () => {
    const settings = spellcheckerSettings('app://visio');
    expect(settings.enabled).toBe(false);
    expect(new URL(settings.dictionaryDownloadUrl).protocol).toBe('app:');
    expect(sovereignWebPreferences.spellcheck).toBe(false);
  });

  it('never uploads crash dumps and sends no telemetry', () => {
    const options = crashReporterOptions();
    expect(options.uploadToServer).toBe(false);
    expect(options.submitURL).toBeUndefined();
    expect(telemetryEnabled()).toBe(false);
  });

  // What the interface's ICE guard gets from `app:info` (allowedHostsOf) applied to a server's list.
  it('keeps only ICE servers on the profile hosts', () => {
    expect(
      filterIceServers(
        [
          { urls: ['stun:stun.l.google.com:19302', 'stun:turn.example.gouv.fr:3478'] },
          { urls: 'turns:turn.example.gouv.fr:443?transport=tcp', username: 'u', credential: 'c' },
          { urls: 'turn:global.turn.twilio.com:3478' },
        ],
        allowedHostsOf(profile),
      ),
    ).toEqual([
      { urls: ['stun:turn.example.gouv.fr:3478'] },
      { urls: ['turns:turn.example.gouv.fr:443?transport=tcp'], username: 'u', credential: 'c' },
    ]);
  });
});

function fakeSession() {
  const calls: { name: string; value: unknown }[] = [];
  let requestListener: ((details: { url: string; resourceType: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
  let verifyProc: ((request: unknown, callback: (verdict: number) => void) => void) | null = null;
  const session = {
    setSpellCheckerEnabled: (value: boolean) => calls.push({ name: 'spellchecker', value }),
    setSpellCheckerDictionaryDownloadURL: (value: string) => calls.push({ name: 'dictionaryUrl', value }),
    setProxy: async (value: unknown) => {
      calls.push({ name: 'proxy', value });
    },
    setCertificateVerifyProc: (proc: typeof verifyProc) => {
      verifyProc = proc;
    },
    webRequest: {
      onBeforeRequest: (_filter: unknown, listener: typeof requestListener) => {
        requestListener = listener;
      },
    },
  };
  return {
    session: session as unknown as HardenableSession,
    calls,
    request: (url: string, resourceType = 'xhr') =>
      new Promise<boolean>((resolve) => requestListener?.({ url, resourceType }, (response) => resolve(response.cancel))),
    verify: (request: unknown) => new Promise<number>((resolve) => verifyProc?.(request, resolve)),
  };
}

describe('hardenSession', () => {
  it('applies spellchecker, proxy, certificate and request decisions to a session', async () => {
    const fake = fakeSession();
    const blocked: string[] = [];
    const result = await hardenSession(fake.session, {
      profile,
      proxy: { mode: 'fixed_servers', server: 'proxy.example.gouv.fr:3128' },
      certificateAuthorities: [],
      appOrigin: 'app://visio',
      onBlocked: (url) => blocked.push(url),
    });
    expect(result.proxyError).toBeNull();
    expect(fake.calls).toEqual([
      { name: 'spellchecker', value: false },
      { name: 'dictionaryUrl', value: 'app://visio/spellcheck-dictionaries/' },
      { name: 'proxy', value: { mode: 'fixed_servers', proxyRules: 'proxy.example.gouv.fr:3128' } },
    ]);
    expect(await fake.request('https://visio.example.gouv.fr/api/v1.0/config/')).toBe(false);
    expect(await fake.request('https://www.google-analytics.com/collect')).toBe(true);
    expect(blocked).toEqual(['https://www.google-analytics.com/collect']);
    expect(await fake.verify({ hostname: 'visio.example.gouv.fr', certificate: { data: '' }, errorCode: 0 })).toBe(-3);
  });

  it('falls back to the system proxy and reports an invalid proxy setting', async () => {
    const fake = fakeSession();
    const result = await hardenSession(fake.session, {
      profile,
      proxy: { mode: 'fixed_servers', server: 'bad proxy"' },
      certificateAuthorities: [],
      appOrigin: 'app://visio',
    });
    expect(result.proxyError).toMatch(/proxy rule/);
    expect(fake.calls.at(-1)).toEqual({ name: 'proxy', value: { mode: 'system' } });
  });
});
