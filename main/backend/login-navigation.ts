// Where the login window may go: the instance (its API starts and ends the login) and the
// identity provider(s) the profile names. Anything else (a link on the provider's page, a
// tracker) is blocked, so the login partition never talks to a host the ministry did not list.
import { isLoopbackHost } from '../../common/host-patterns';
import type { Profile } from '../../common/profile';
import { isHostnameAllowed } from '../profile/allowed-hosts';

export function isLoginNavigationAllowed(url: string, profile: Profile): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.origin === new URL(profile.apiBaseUrl).origin) return true;
  if (profile.identityProviderUrl && parsed.origin === new URL(profile.identityProviderUrl).origin) return true;
  const secure = parsed.protocol === 'https:';
  const loopbackHttp = parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname);
  return (secure || loopbackHttp) && isHostnameAllowed(profile, parsed.hostname);
}

/**
 * One partition per profile, so two instances never share cookies; in memory (no `persist:`), so
 * the login never lands on disk: the keychain keeps it between runs (desktop/credentials).
 */
export function loginPartitionFor(profile: Pick<Profile, 'id'>): string {
  return `login-${profile.id}`;
}
