// Applies the network decisions to one Electron session (one per profile): spellchecker off,
// proxy, ministry CA trust, and the request filter. Pure decisions live in their own modules.
import type { X509Certificate } from 'node:crypto';
import type { Session } from 'electron';
import type { Profile, ProxySettings } from '../../common/profile';
import { decideCertificate } from './certificate-trust';
import { proxyConfigFor } from './proxy-config';
import { decideRequest, type RequestDecision } from './request-filter';
import { spellcheckerSettings } from './sovereignty';

export type HardenableSession = Pick<
  Session,
  'setSpellCheckerEnabled' | 'setSpellCheckerDictionaryDownloadURL' | 'setProxy' | 'setCertificateVerifyProc'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

export interface SessionHardeningOptions {
  profile: Profile;
  proxy: ProxySettings;
  certificateAuthorities: readonly X509Certificate[];
  /** The renderer's origin, e.g. `app://visio`. */
  appOrigin: string;
  extraHosts?: readonly string[];
  /** Told of every cancelled request, for the log and the sovereignty test. */
  onBlocked?: (url: string, decision: RequestDecision) => void;
}

export async function hardenSession(
  session: HardenableSession,
  options: SessionHardeningOptions,
): Promise<{ proxyError: string | null }> {
  const spellchecker = spellcheckerSettings(options.appOrigin);
  session.setSpellCheckerEnabled(spellchecker.enabled);
  session.setSpellCheckerDictionaryDownloadURL(spellchecker.dictionaryDownloadUrl);

  session.setCertificateVerifyProc((request, callback) => {
    callback(decideCertificate(request, options.profile, options.certificateAuthorities));
  });

  const filterOptions = { extraHosts: options.extraHosts ?? [] };
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const decision = decideRequest({ url: details.url, resourceType: details.resourceType }, options.profile, filterOptions);
    if (decision.cancel) options.onBlocked?.(details.url, decision);
    callback({ cancel: decision.cancel });
  });

  const proxy = proxyConfigFor(options.proxy);
  if (!proxy.ok) {
    // A proxy setting Chromium would misread falls back to the system's, which is what an
    // unmanaged machine would use anyway.
    await session.setProxy({ mode: 'system' });
    return { proxyError: proxy.error.detail };
  }
  await session.setProxy(proxy.config);
  return { proxyError: null };
}
