// The one answer to "is this host one the profile names?", as plain functions shared by the main
// process (request filter, certificate trust, sovereignty check) and the interface (ICE guard).
import type { Profile } from './profile';

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
}

/** Lower-case host name without brackets or port, as `URL.hostname` gives it for IPv4 and names. */
export function normalizeHost(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  const colon = lower.indexOf(':');
  return colon === -1 ? lower : lower.slice(0, colon);
}

function hostOfUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const hostname = new URL(value).hostname;
    return hostname ? normalizeHost(hostname) : null;
  } catch {
    return null;
  }
}

/**
 * Every host pattern the profile allows: its `allowedHosts`, its meeting hosts, and the hosts of
 * the URLs it names (API, LiveKit, IdP, update feed, calendar), so a profile cannot forget them.
 */
export function allowedHostsOf(
  profile: Pick<Profile, 'allowedHosts' | 'meetingHosts' | 'apiBaseUrl' | 'livekitUrl' | 'identityProviderUrl' | 'updates' | 'calendarFeedUrl'>,
): string[] {
  const hosts = new Set<string>();
  for (const host of [...profile.allowedHosts, ...profile.meetingHosts]) hosts.add(normalizeHost(host));
  const urls = [
    profile.apiBaseUrl,
    profile.livekitUrl,
    profile.identityProviderUrl,
    profile.updates?.feedUrl,
    profile.calendarFeedUrl,
  ];
  for (const url of urls) {
    const host = hostOfUrl(url);
    if (host) hosts.add(host);
  }
  hosts.delete('');
  return [...hosts].sort();
}

/** `*.example.gouv.fr` matches `a.example.gouv.fr` and `a.b.example.gouv.fr`, never `example.gouv.fr`. */
export function hostMatchesPattern(host: string, pattern: string): boolean {
  const normalizedHost = normalizeHost(host);
  const normalizedPattern = normalizeHost(pattern);
  if (!normalizedHost || !normalizedPattern) return false;
  if (normalizedPattern.startsWith('*.')) {
    const suffix = normalizedPattern.slice(1);
    return normalizedHost.length > suffix.length && normalizedHost.endsWith(suffix);
  }
  if (isLoopbackHost(normalizedPattern) && isLoopbackHost(normalizedHost)) return true;
  return normalizedHost === normalizedPattern;
}

export function hostMatchesAny(host: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => hostMatchesPattern(host, pattern));
}
