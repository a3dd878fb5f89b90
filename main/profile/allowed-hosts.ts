// The one answer to "may the app contact this host for this profile?", used by the request
// filter, the certificate trust decision and the sovereignty end-to-end test. The host patterns
// themselves live in common/, shared with the interface's ICE guard.
import type { Profile } from '../../common/profile';
import { allowedHostsOf, hostMatchesPattern } from '../../common/host-patterns';

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
