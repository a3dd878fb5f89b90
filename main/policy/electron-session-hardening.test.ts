// One session hardened, against a stand-in for Electron's session: spellchecker off, the proxy
// applied (or the system's when the setting is unusable), the ministry CA trusted only where the
// decision says so (never a blanket "trusted"), and every request passed through the filter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { profileSchema } from '../../common/profile';
import { asElectron, resetFakeElectron, session, type FakeCertificateVerifyRequest, type FakeSession } from '../testing/fake-electron';
import { authorityInvalidErrorCode, certificateVerdict, parseCertificateAuthorities } from './certificate-trust';
import { hardenSession, type SessionHardeningOptions } from './electron-session-hardening';

vi.mock('electron', async () => (await import('../testing/fake-electron')).fakeElectron);

const pem = (name: string) => readFileSync(join(__dirname, 'test-certificates', `${name}.pem`), 'utf8');
const ministryCa = pem('ministry-ca');
const ministryLeaf = pem('ministry-leaf');
const rogueCa = pem('rogue-ca');
const rogueLeaf = pem('rogue-leaf');

const profile = profileSchema.parse({
  id: 'exemple',
  displayName: 'Exemple',
  apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/',
  meetingHosts: ['visio.example.gouv.fr'],
  allowedHosts: ['livekit.example.gouv.fr'],
});

function options(overrides: Partial<SessionHardeningOptions> = {}): SessionHardeningOptions {
  return {
    profile,
    proxy: { mode: 'fixed_servers', server: 'http://proxy.example.gouv.fr:3128', bypass: '<local>' },
    certificateAuthorities: parseCertificateAuthorities([ministryCa]).certificates,
    appOrigin: 'app://visio',
    extraHosts: ['maj.example.gouv.fr'],
    ...overrides,
  };
}

const verify = (target: FakeSession, hostname: string, leaf: string, issuer: string | null, errorCode: number): Promise<number> => {
  const request: FakeCertificateVerifyRequest = { hostname, certificate: { data: leaf, issuerCert: issuer ? { data: issuer } : null }, errorCode };
  return target.verifyCertificate(request);
};

let target: FakeSession;

beforeEach(() => {
  resetFakeElectron();
  target = session.fromPartition('persist:app');
});

describe('session hardening', () => {
  it('turns the spellchecker off and points its downloads at the app’s own origin', async () => {
    await hardenSession(asElectron.session(target), options());
    expect(target.spellCheckerEnabled).toBe(false);
    expect(target.spellCheckerDictionaryDownloadUrl).toBe('app://visio/spellcheck-dictionaries/');
  });

  it('applies the proxy setting', async () => {
    await expect(hardenSession(asElectron.session(target), options())).resolves.toEqual({ proxyError: null });
    expect(target.proxyConfigs).toEqual([
      { mode: 'fixed_servers', proxyRules: 'http://proxy.example.gouv.fr:3128', proxyBypassRules: '<local>' },
    ]);
  });

  it('falls back to the system proxy and reports a setting Chromium would misread', async () => {
    const result = await hardenSession(asElectron.session(target), options({ proxy: { mode: 'fixed_servers', server: 'http://proxy example:3128 && rm' } }));
    expect(result.proxyError).toMatch(/proxy rule/);
    expect(target.proxyConfigs).toEqual([{ mode: 'system' }]);
  });

  it('trusts a ministry-issued certificate only for the profile’s hosts and only over an unknown-authority refusal', async () => {
    await hardenSession(asElectron.session(target), options());
    expect(target.certificateVerifyProc).not.toBeNull();
    await expect(verify(target, 'visio.example.gouv.fr', ministryLeaf, ministryCa, authorityInvalidErrorCode)).resolves.toBe(
      certificateVerdict.trusted,
    );
    // Everything else keeps Chromium's own verdict: verification is never turned off.
    const leftToChromium = [
      verify(target, 'visio.example.gouv.fr', ministryLeaf, ministryCa, 0),
      verify(target, 'visio.example.gouv.fr', ministryLeaf, ministryCa, -201),
      verify(target, 'visio.example.com', ministryLeaf, ministryCa, authorityInvalidErrorCode),
      verify(target, 'visio.example.gouv.fr', rogueLeaf, rogueCa, authorityInvalidErrorCode),
      verify(target, 'livekit.example.gouv.fr', 'garbage', null, authorityInvalidErrorCode),
    ];
    expect(await Promise.all(leftToChromium)).toEqual(leftToChromium.map(() => certificateVerdict.chromiumDecides));
  });

  it('trusts no certificate Chromium refused when no ministry CA is configured', async () => {
    await hardenSession(asElectron.session(target), options({ certificateAuthorities: [] }));
    await expect(verify(target, 'visio.example.gouv.fr', ministryLeaf, ministryCa, authorityInvalidErrorCode)).resolves.toBe(
      certificateVerdict.chromiumDecides,
    );
  });

  it('lets requests reach only the profile’s hosts and the extra ones, and reports each one it cancels', async () => {
    const onBlocked = vi.fn();
    await hardenSession(asElectron.session(target), options({ onBlocked }));
    const [filter] = target.webRequestListeners.get('onBeforeRequest') ?? [];
    expect(filter).toEqual({ urls: ['<all_urls>'] });

    await expect(target.beforeRequest({ url: 'https://visio.example.gouv.fr/api/v1.0/users/me/', resourceType: 'xhr' })).resolves.toEqual({ cancel: false });
    await expect(target.beforeRequest({ url: 'wss://livekit.example.gouv.fr/rtc', resourceType: 'webSocket' })).resolves.toEqual({ cancel: false });
    await expect(target.beforeRequest({ url: 'https://maj.example.gouv.fr/latest.yml' })).resolves.toEqual({ cancel: false });
    await expect(target.beforeRequest({ url: 'app://visio/index.html', resourceType: 'mainFrame' })).resolves.toEqual({ cancel: false });
    expect(onBlocked).not.toHaveBeenCalled();

    await expect(target.beforeRequest({ url: 'https://www.google-analytics.com/collect', resourceType: 'xhr' })).resolves.toEqual({ cancel: true });
    await expect(target.beforeRequest({ url: 'https://visio.example.gouv.fr/font.woff2', resourceType: 'font' })).resolves.toEqual({ cancel: true });
    expect(onBlocked.mock.calls).toEqual([
      ['https://www.google-analytics.com/collect', { cancel: true, reason: 'host_not_allowed' }],
      ['https://visio.example.gouv.fr/font.woff2', { cancel: true, reason: 'remote_font' }],
    ]);
  });

  it('hardens each session it is given on its own', async () => {
    const login = session.fromPartition('login-exemple');
    await hardenSession(asElectron.session(target), options());
    expect(login.certificateVerifyProc).toBeNull();
    await expect(login.beforeRequest({ url: 'https://www.google-analytics.com/collect' })).resolves.toEqual({});
    await hardenSession(asElectron.session(login), options({ proxy: { mode: 'direct' } }));
    await expect(login.beforeRequest({ url: 'https://www.google-analytics.com/collect' })).resolves.toEqual({ cancel: true });
    expect(login.proxyConfigs).toEqual([{ mode: 'direct' }]);
    expect(target.proxyConfigs).toHaveLength(1);
  });
});
