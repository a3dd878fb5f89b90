// The managed deployment applied to Electron: the machine policy read before `ready` (GPU,
// language, crash dumps kept local, no spellchecker download in any session), then every
// profile session hardened (request filter, proxy, ministry CA) and the instance check run in
// a session of its own.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, crashReporter, session, type Session } from 'electron';
import type { Profile } from '../common/profile';
import { decideCertificate, loadCertificateAuthorities } from './policy/certificate-trust';
import type { EffectiveSettings } from '../common/settings';
import type { SettingsResolution } from './policy/effective-settings';
import { extraHostsOf } from './policy/extra-hosts';
import { hardenSession } from './policy/electron-session-hardening';
import { synchronousPolicyReadPorts } from './policy/node-policy-ports';
import { policyIssueMessage } from './policy/policy-issues';
import { readMachinePolicy, type MachinePolicyReport } from './policy/policy-reader';
import { proxyConfigFor } from './policy/proxy-config';
import { decideRequest } from './policy/request-filter';
import { crashReporterOptions, spellcheckerSettings } from './policy/sovereignty';
import { startupSwitchesFrom } from './policy/startup-switches';
import { userSettingsFileName } from './managed-deployment';
import { instanceFetchPort } from './profile/instance-fetch';
import { discoveryProfileFor, HostsUnderCheck, instanceDiscoveryPartition } from './profile/instance-discovery';
import type { InstanceFetchPort } from './profile/add-instance';
import { APP_ORIGIN } from './security/app-origin';

function savedUserSettings(): unknown {
  try {
    return JSON.parse(readFileSync(join(app.getPath('userData'), userSettingsFileName), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Must run at the top of the composition root. The policy ports answer synchronously, so the
 * returned promise is settled before Electron can emit `ready`, when the GPU switch still counts.
 */
export function applyPolicyBeforeReady(): Promise<MachinePolicyReport> {
  crashReporter.start(crashReporterOptions());
  const spellchecker = spellcheckerSettings(APP_ORIGIN);
  app.on('session-created', (created) => {
    created.setSpellCheckerEnabled(spellchecker.enabled);
    created.setSpellCheckerDictionaryDownloadURL(spellchecker.dictionaryDownloadUrl);
  });
  return readMachinePolicy(synchronousPolicyReadPorts()).then((report) => {
    for (const issue of report.issues) console.warn(`[policy] ${policyIssueMessage(issue, 'en')}`);
    const switches = startupSwitchesFrom(report.policy, savedUserSettings());
    if (!switches.hardwareAcceleration) app.disableHardwareAcceleration();
    if (switches.language) app.commandLine.appendSwitch('lang', switches.language);
    return report;
  });
}

/** Applies the profile's network rules to each session (the app window's, the login partition's). */
export async function hardenProfileSessions(
  profile: Profile,
  resolution: Pick<SettingsResolution, 'settings' | 'origins'>,
  sessions: Session[],
): Promise<void> {
  const { settings } = resolution;
  const authorities = await loadCertificateAuthorities(settings.certificateAuthorities, (path) => readFile(path, 'utf8'));
  for (const rejected of authorities.rejected) console.warn(`[policy] CA certificate ignored: ${rejected.entry} (${rejected.reason})`);
  for (const target of sessions) {
    const { proxyError } = await hardenSession(target, {
      profile,
      proxy: settings.proxy,
      certificateAuthorities: authorities.certificates,
      appOrigin: APP_ORIGIN,
      extraHosts: extraHostsOf(resolution),
      onBlocked: (url, decision) => console.warn(`[sovereignty] blocked ${decision.cancel ? decision.reason : ''}: ${url}`),
    });
    if (proxyError) console.warn(`[policy] proxy setting ignored: ${proxyError}`);
  }
}

/**
 * The fetch used to check a new instance: an in-memory session with the same proxy and CA
 * trust, whose filter lets through only the host being checked.
 */
export async function createInstanceFetch(settings: EffectiveSettings): Promise<InstanceFetchPort> {
  const discovery = session.fromPartition(instanceDiscoveryPartition);
  const hosts = new HostsUnderCheck();
  const authorities = await loadCertificateAuthorities(settings.certificateAuthorities, (path) => readFile(path, 'utf8'));
  discovery.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const decision = decideRequest({ url: details.url, resourceType: details.resourceType }, discoveryProfileFor(hosts.list()));
    callback({ cancel: decision.cancel });
  });
  discovery.setCertificateVerifyProc((request, callback) => {
    callback(decideCertificate(request, discoveryProfileFor(hosts.list()), authorities.certificates));
  });
  const proxy = proxyConfigFor(settings.proxy);
  await discovery.setProxy(proxy.ok ? proxy.config : { mode: 'system' });
  return instanceFetchPort((url, init) => hosts.during(url, () => discovery.fetch(url, init)));
}
