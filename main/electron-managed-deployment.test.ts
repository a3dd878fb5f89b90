// The managed deployment's Electron wiring, against a stand-in for Electron and a machine policy
// handed in through the policy reader's ports: what runs before `ready` (crash dumps kept local,
// no spellchecker anywhere, GPU and language switches), the profile's sessions hardened, and the
// instance check's own session that reaches only the host under check.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { defaultChatFilesPolicy } from '../common/chat-files';
import { profileSchema } from '../common/profile';
import { applyPolicyBeforeReady, createInstanceFetch, hardenProfileSessions } from './electron-managed-deployment';
import { extraHostsOf } from './policy/extra-hosts';
import type { EffectiveSettings, SettingKey } from '../common/settings';
import type { SettingLayer } from './policy/effective-settings';
import { authorityInvalidErrorCode, certificateVerdict } from './policy/certificate-trust';
import { linuxPolicyPath, type FileRead, type PolicyReadPorts } from './policy/policy-reader';
import { app, asElectron, crashReporter, resetFakeElectron, session } from './testing/fake-electron';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

/** The machine policy file, as the synchronous ports would read it; null when there is none. */
const machine = vi.hoisted(() => ({ policyFile: null as string | null }));
vi.mock('./policy/node-policy-ports', () => ({
  synchronousPolicyReadPorts: (): PolicyReadPorts => ({
    platform: 'linux',
    exec: () => Promise.reject(new Error('no program runs on Linux')),
    readFile: (path: string): Promise<FileRead> =>
      Promise.resolve(
        path === linuxPolicyPath && machine.policyFile !== null ? { kind: 'ok', bytes: Buffer.from(machine.policyFile) } : { kind: 'missing' },
      ),
    userName: 'agent',
  }),
}));

const certificates = join(__dirname, 'policy', 'test-certificates');
const ministryCaPath = join(certificates, 'ministry-ca.pem');
const ministryLeaf = readFileSync(join(certificates, 'ministry-leaf.pem'), 'utf8');
const ministryCa = readFileSync(ministryCaPath, 'utf8');

const profile = profileSchema.parse({
  id: 'exemple',
  displayName: 'Exemple',
  apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/',
  meetingHosts: ['visio.example.gouv.fr'],
  allowedHosts: ['livekit.example.gouv.fr'],
});

function settings(overrides: Partial<EffectiveSettings> = {}): EffectiveSettings {
  return {
    profileId: 'exemple',
    language: 'fr',
    updatesEnabled: true,
    updateFeedUrl: 'https://maj.example.gouv.fr/visio/',
    updateChannel: 'latest',
    calendarFeedUrl: 'https://agenda.example.gouv.fr/agent.ics',
    screenShareAudioAllowed: true,
    hardwareAcceleration: true,
    miniWindowEnabled: true,
    proxy: { mode: 'pac_script', pacUrl: 'https://pac.example.gouv.fr/proxy.pac' },
    certificateAuthorities: [ministryCaPath],
    addInstanceAllowed: true,
    chatFiles: defaultChatFilesPolicy,
    telemetry: false,
    ...overrides,
  };
}

/** The settings as resolved, every key from the given layer unless `origins` says otherwise. */
function resolved(
  overrides: Partial<EffectiveSettings> = {},
  layer: SettingLayer = 'policy',
  origins: Partial<Record<SettingKey, SettingLayer>> = {},
) {
  const values = settings(overrides);
  const all = Object.fromEntries(Object.keys(values).map((key) => [key, layer])) as Record<SettingKey, SettingLayer>;
  return { settings: values, origins: { ...all, ...origins } };
}

let userData: string;
let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  resetFakeElectron();
  machine.policyFile = null;
  userData = mkdtempSync(join(tmpdir(), 'visio-managed-'));
  app.setPath('userData', userData);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  warn.mockRestore();
  rmSync(userData, { recursive: true, force: true });
});

const warnings = () => warn.mock.calls.map((call) => String(call[0]));

describe('before ready', () => {
  it('starts the crash reporter without upload, and turns the spellchecker off in every session made later', async () => {
    await applyPolicyBeforeReady();
    expect(crashReporter.start).toHaveBeenCalledTimes(1);
    expect(crashReporter.start.mock.calls[0]?.[0]).toMatchObject({ uploadToServer: false });
    expect(crashReporter.start.mock.calls[0]?.[0]).not.toHaveProperty('submitURL');

    for (const partition of ['persist:app', 'login-exemple', 'instance-discovery']) {
      const created = session.fromPartition(partition);
      expect(created.spellCheckerEnabled).toBe(true);
      app.emit('session-created', created);
      expect(created.spellCheckerEnabled, partition).toBe(false);
      expect(created.spellCheckerDictionaryDownloadUrl, partition).toBe('app://visio/spellcheck-dictionaries/');
    }
  });

  it('without policy nor saved settings, keeps the GPU and the system language', async () => {
    const report = await applyPolicyBeforeReady();
    expect(report).toEqual({ policy: {}, issues: [], sources: [] });
    expect(app.disableHardwareAcceleration).not.toHaveBeenCalled();
    expect(app.commandLine.hasSwitch('lang')).toBe(false);
  });

  it('follows the user’s saved choices when no policy decides', async () => {
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ hardwareAcceleration: false, language: 'en' }));
    await applyPolicyBeforeReady();
    expect(app.disableHardwareAcceleration).toHaveBeenCalledTimes(1);
    expect(app.commandLine.getSwitchValue('lang')).toBe('en');
  });

  it('lets the machine policy win over the user, and logs the policy’s problems', async () => {
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ hardwareAcceleration: true, language: 'en' }));
    machine.policyFile = JSON.stringify({ HardwareAcceleration: false, Language: 'fr', UpdatesEnabled: 'oui' });
    const report = await applyPolicyBeforeReady();
    expect(report.sources).toEqual(['linux-file']);
    expect(report.policy).toMatchObject({ HardwareAcceleration: false, Language: 'fr' });
    expect(app.disableHardwareAcceleration).toHaveBeenCalledTimes(1);
    expect(app.commandLine.getSwitchValue('lang')).toBe('fr');
    expect(warnings().some((line) => line.startsWith('[policy]') && line.includes('UpdatesEnabled'))).toBe(true);
  });

  it('a policy file it cannot read leaves the defaults and says so', async () => {
    machine.policyFile = '{ not json';
    const report = await applyPolicyBeforeReady();
    expect(report.issues.map((issue) => issue.code)).toEqual(['invalid_json']);
    expect(app.disableHardwareAcceleration).not.toHaveBeenCalled();
    expect(warnings().filter((line) => line.startsWith('[policy]'))).toHaveLength(1);
  });
});

describe('profile sessions', () => {
  it('the hosts of the update feed, calendar feed and PAC script are allowed besides the profile’s', () => {
    const expected = ['maj.example.gouv.fr', 'agenda.example.gouv.fr', 'pac.example.gouv.fr'];
    expect(extraHostsOf(resolved())).toEqual(expected);
    expect(extraHostsOf(resolved({}, 'profile'))).toEqual(expected);
    expect(extraHostsOf(resolved({ updateFeedUrl: null, calendarFeedUrl: 'not a url', proxy: { mode: 'system', pacUrl: 'https://pac.example.gouv.fr/' } }))).toEqual([]);
  });

  it('never allows a host the user typed, nor a built-in default', () => {
    expect(extraHostsOf(resolved({}, 'user'))).toEqual([]);
    expect(extraHostsOf(resolved({}, 'default'))).toEqual([]);
    expect(extraHostsOf(resolved({}, 'policy', { calendarFeedUrl: 'user' }))).toEqual(['maj.example.gouv.fr', 'pac.example.gouv.fr']);
  });

  it('applies the proxy, the ministry CA and the request filter to each session given', async () => {
    const appSession = session.fromPartition('persist:app');
    const login = session.fromPartition('login-exemple');
    const untouched = session.defaultSession;
    await hardenProfileSessions(profile, resolved(), [asElectron.session(appSession), asElectron.session(login)]);

    for (const hardened of [appSession, login]) {
      expect(hardened.proxyConfigs).toEqual([{ mode: 'pac_script', pacScript: 'https://pac.example.gouv.fr/proxy.pac' }]);
      expect(hardened.spellCheckerEnabled).toBe(false);
      await expect(
        hardened.verifyCertificate({ hostname: 'visio.example.gouv.fr', certificate: { data: ministryLeaf, issuerCert: { data: ministryCa } }, errorCode: authorityInvalidErrorCode }),
      ).resolves.toBe(certificateVerdict.trusted);
      await expect(
        hardened.verifyCertificate({ hostname: 'visio.example.gouv.fr', certificate: { data: ministryLeaf }, errorCode: -201 }),
      ).resolves.toBe(certificateVerdict.chromiumDecides);
      for (const url of ['https://visio.example.gouv.fr/api/v1.0/', 'https://maj.example.gouv.fr/visio/latest.yml', 'https://agenda.example.gouv.fr/agent.ics', 'https://pac.example.gouv.fr/proxy.pac']) {
        await expect(hardened.beforeRequest({ url }), url).resolves.toEqual({ cancel: false });
      }
      await expect(hardened.beforeRequest({ url: 'https://fonts.googleapis.com/css' })).resolves.toEqual({ cancel: true });
    }
    expect(untouched.proxyConfigs).toEqual([]);
    expect(untouched.certificateVerifyProc).toBeNull();
    expect(warnings().filter((line) => line.startsWith('[sovereignty] blocked'))).toHaveLength(2);
  });

  it('logs the CA entries it cannot use and a proxy it cannot apply, and still hardens', async () => {
    const appSession = session.fromPartition('persist:app');
    await hardenProfileSessions(
      profile,
      resolved({ certificateAuthorities: ['/absent/ca.pem', ministryCaPath], proxy: { mode: 'fixed_servers' } }),
      [asElectron.session(appSession)],
    );
    expect(warnings().some((line) => line.includes('CA certificate ignored: /absent/ca.pem'))).toBe(true);
    expect(warnings().some((line) => line.includes('proxy setting ignored'))).toBe(true);
    expect(appSession.proxyConfigs).toEqual([{ mode: 'system' }]);
    await expect(
      appSession.verifyCertificate({ hostname: 'visio.example.gouv.fr', certificate: { data: ministryLeaf }, errorCode: authorityInvalidErrorCode }),
    ).resolves.toBe(certificateVerdict.trusted);
  });
});

describe('instance check', () => {
  it('fetches through a session of its own, which reaches only the host being checked, and only meanwhile', async () => {
    const fetchInstance = await createInstanceFetch(settings({ proxy: { mode: 'direct' } }));
    const discovery = session.fromPartition('instance-discovery');
    expect(discovery.proxyConfigs).toEqual([{ mode: 'direct' }]);

    // The ministry's test certificate names visio.example.gouv.fr: the instance being added here.
    const ministryChain = { hostname: 'visio.example.gouv.fr', certificate: { data: ministryLeaf }, errorCode: authorityInvalidErrorCode };
    const seen: Array<[string, boolean | undefined]> = [];
    discovery.fetch.mockImplementation(async (url: string) => {
      // Chromium asks the filter for the request itself and for anything it would lead to.
      for (const asked of [url, 'https://livekit.example.gouv.fr/', 'https://tracker.example/pixel']) {
        seen.push([asked, (await discovery.beforeRequest({ url: asked })).cancel]);
      }
      const trusted = await discovery.verifyCertificate(ministryChain);
      return Response.json({ trusted }, { status: 200 });
    });

    const answer = await fetchInstance('https://visio.example.gouv.fr/api/v1.0/config/');
    expect(discovery.fetch).toHaveBeenCalledTimes(1);
    expect(discovery.fetch.mock.calls[0]?.[1]).toMatchObject({ method: 'GET', redirect: 'manual' });
    // The ministry CA applies to the host under check.
    expect(answer).toMatchObject({ status: 200, json: { trusted: certificateVerdict.trusted } });
    expect(seen).toEqual([
      ['https://visio.example.gouv.fr/api/v1.0/config/', false],
      // Not even a neighbour of the instance: the check talks to that one host alone.
      ['https://livekit.example.gouv.fr/', true],
      ['https://tracker.example/pixel', true],
    ]);
    // Once the check is over, the host is refused again and its certificate left to Chromium.
    await expect(discovery.beforeRequest({ url: 'https://visio.example.gouv.fr/api/v1.0/config/' })).resolves.toEqual({ cancel: true });
    await expect(discovery.verifyCertificate(ministryChain)).resolves.toBe(certificateVerdict.chromiumDecides);
    // The app's own sessions are not touched.
    expect(session.fromPartition('persist:app').webRequestListeners.size).toBe(0);
    expect(session.fromPartition('persist:app').proxyConfigs).toEqual([]);
  });

  it('falls back to the system proxy when the setting cannot be applied', async () => {
    await createInstanceFetch(settings({ proxy: { mode: 'fixed_servers' } }));
    expect(session.fromPartition('instance-discovery').proxyConfigs).toEqual([{ mode: 'system' }]);
  });
});
