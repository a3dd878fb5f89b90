// The one answer to "may the app contact this host for this profile?", used by the request
// filter, the certificate trust decision and the sovereignty end-to-end test.
import { isLoopbackHost, type Profile } from '../../common/profile';

/** Lower-case host name without brackets or port, as `URL.hostname` gives it for IPv4 and names. */
function normalizeHost(host: string): string {
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
export function allowedHostsOf(profile: Profile): string[] {
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
  if (normalizedPattern.startsWith('*.')) {
    const suffix = normalizedPattern.slice(1);
    return normalizedHost.length > suffix.length && normalizedHost.endsWith(suffix);
  }
  if (isLoopbackHost(normalizedPattern) && isLoopbackHost(normalizedHost)) return true;
  return normalizedHost === normalizedPattern;
}

export function isHostnameAllowed(profile: Profile, hostname: string, extraHosts: readonly string[] = []): boolean {
  if (!hostname) return false;
  return [...allowedHostsOf(profile), ...extraHosts].some((pattern) => hostMatchesPattern(hostname, pattern));
}

/** Whether a network URL (http, https, ws, wss) points at a host the profile allows. */
export function isHostAllowed(profile: Profile, url: string, extraHosts: readonly string[] = []): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return false;
  return isHostnameAllowed(profile, parsed.hostname, extraHosts);
}
