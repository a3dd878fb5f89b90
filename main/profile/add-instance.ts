// Adds a LaSuite Meet instance from the URL a user typed or pasted: the app reads the instance's
// public `/api/v1.0/config/` and saves a profile only if the answer really is Meet's. Nothing is
// followed off the instance's host, and plain http is refused except on this machine.
import { isLoopbackHost } from '../../common/host-patterns';
import type { Language, Profile } from '../../common/profile';
import { meetConfigSchema } from '../../common/meet-types';
import { mainT } from '../i18n/main-i18n';

export interface InstanceResponse {
  status: number;
  /** The `Location` header of a redirect, as sent. */
  location: string | null;
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  json: unknown;
}

/** One GET that does not follow redirects; it throws on network failure or timeout. */
export type InstanceFetchPort = (url: string) => Promise<InstanceResponse>;

export type AddInstanceErrorCode =
  | 'invalid_url'
  | 'insecure_url'
  | 'unreachable'
  | 'redirect_elsewhere'
  | 'not_meet';

export interface AddInstanceError {
  code: AddInstanceErrorCode;
  /** For the log: host, status or validation issue. */
  detail?: string;
}

export type AddInstanceResult = { ok: true; profile: Profile } | { ok: false; error: AddInstanceError };

const maximumRedirects = 5;

function isSecureOrLoopback(url: URL): boolean {
  if (url.protocol === 'https:' || url.protocol === 'wss:') return true;
  return (url.protocol === 'http:' || url.protocol === 'ws:') && isLoopbackHost(url.hostname);
}

/** Reads what the user typed: a bare host, an instance URL or a meeting link all name the instance. */
export function parseInstanceUrl(input: string): { ok: true; url: URL } | { ok: false; error: AddInstanceError } {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 2048) return { ok: false, error: { code: 'invalid_url' } };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: { code: 'invalid_url', detail: trimmed } };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: { code: 'invalid_url', detail: url.protocol } };
  }
  if (url.username || url.password) return { ok: false, error: { code: 'invalid_url', detail: 'credentials in URL' } };
  if (!isSecureOrLoopback(url)) return { ok: false, error: { code: 'insecure_url', detail: url.host } };
  return { ok: true, url };
}

/** Follows redirects only while they stay on the instance's host (and never down to plain http). */
async function getOnInstance(
  fetchInstance: InstanceFetchPort,
  start: URL,
): Promise<{ ok: true; response: InstanceResponse } | { ok: false; error: AddInstanceError }> {
  let current = start;
  for (let hop = 0; hop <= maximumRedirects; hop += 1) {
    let response: InstanceResponse;
    try {
      response = await fetchInstance(current.toString());
    } catch (error) {
      return { ok: false, error: { code: 'unreachable', detail: error instanceof Error ? error.message : String(error) } };
    }
    if (response.status < 300 || response.status >= 400) return { ok: true, response };
    if (!response.location) return { ok: false, error: { code: 'not_meet', detail: `redirect without location` } };
    let next: URL;
    try {
      next = new URL(response.location, current);
    } catch {
      return { ok: false, error: { code: 'not_meet', detail: 'invalid redirect' } };
    }
    if (next.host !== start.host) return { ok: false, error: { code: 'redirect_elsewhere', detail: next.host } };
    if (!isSecureOrLoopback(next)) return { ok: false, error: { code: 'insecure_url', detail: next.toString() } };
    current = next;
  }
  return { ok: false, error: { code: 'not_meet', detail: 'too many redirects' } };
}

/** The identity provider is where the instance sends `/authenticate/`; learnt so the login is allowed. */
async function discoverIdentityProvider(fetchInstance: InstanceFetchPort, origin: string): Promise<URL | null> {
  try {
    const response = await fetchInstance(`${origin}/api/v1.0/authenticate/`);
    if (response.status < 300 || response.status >= 400 || !response.location) return null;
    const location = new URL(response.location, origin);
    return location.protocol === 'https:' || isSecureOrLoopback(location) ? location : null;
  } catch {
    return null;
  }
}

function profileIdFor(hostname: string): string {
  const id = hostname
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 41)
    .replace(/-+$/, '');
  return id.length > 0 ? id : 'instance';
}

export interface AddInstanceOptions {
  fetchInstance: InstanceFetchPort;
  language: Language;
  /** Returns an unused profile id derived from the wanted one. */
  freeId?: (wanted: string) => string;
}

/** Checks that the URL names a Meet instance and builds its profile (not saved: the caller does). */
export async function profileFromInstanceUrl(input: string, options: AddInstanceOptions): Promise<AddInstanceResult> {
  const parsed = parseInstanceUrl(input);
  if (!parsed.ok) return parsed;
  const origin = parsed.url.origin;
  const fetched = await getOnInstance(options.fetchInstance, new URL('/api/v1.0/config/', origin));
  if (!fetched.ok) return fetched;
  const { response } = fetched;
  if (response.status < 200 || response.status >= 300) {
    return { ok: false, error: { code: 'not_meet', detail: `status ${response.status}` } };
  }
  const config = meetConfigSchema.safeParse(response.json);
  if (!config.success) return { ok: false, error: { code: 'not_meet', detail: config.error.issues[0]?.message } };
  let livekit: URL;
  try {
    livekit = new URL(config.data.livekit.url);
  } catch {
    return { ok: false, error: { code: 'not_meet', detail: 'livekit.url is not a URL' } };
  }
  if (!['wss:', 'ws:', 'https:', 'http:'].includes(livekit.protocol)) {
    return { ok: false, error: { code: 'not_meet', detail: `livekit.url protocol ${livekit.protocol}` } };
  }
  if (!isSecureOrLoopback(livekit)) return { ok: false, error: { code: 'insecure_url', detail: livekit.host } };

  const identityProvider = await discoverIdentityProvider(options.fetchInstance, origin);
  const hostname = parsed.url.hostname;
  const wantedId = profileIdFor(hostname);
  const profile: Profile = {
    id: options.freeId ? options.freeId(wantedId) : wantedId,
    displayName: parsed.url.host,
    apiBaseUrl: `${origin}/api/v1.0/`,
    livekitUrl: livekit.toString(),
    meetingHosts: [hostname],
    scheme: 'visio',
    allowedHosts: [...new Set([hostname, livekit.hostname, ...(identityProvider ? [identityProvider.hostname] : [])])],
    defaultLanguage: options.language,
    ...(identityProvider ? { identityProviderUrl: identityProvider.origin } : {}),
  };
  return { ok: true, profile };
}

export function addInstanceErrorMessage(error: AddInstanceError, language: Language): string {
  return mainT(language)(`addInstance.${error.code}`, { detail: error.detail ?? '' });
}
