// Whether and how the agenda feed may be fetched: over https (http only on loopback, for the
// local development stack), from a host the profile allows, with the credentials from the
// keychain rather than in the URL. A feed answer is capped in size and must look like iCalendar.
import { isLoopbackHost } from '../../../common/host-patterns';
import type { Profile } from '../../../common/profile';
import { isHostAllowed } from '../../profile/allowed-hosts';

export type CalendarSourceRefusal = 'malformed' | 'insecure' | 'host_not_allowed' | 'credentials_in_url';

export type CalendarRequest =
  | { ok: true; url: string; headers: Record<string, string> }
  | { ok: false; reason: CalendarSourceRefusal };

export const maximumFeedBytes = 2 * 1024 * 1024;

/** `calendarSecret`: `user:password` from the keychain's `calendar` account, or null. */
export function calendarRequest(feedUrl: string, profile: Profile, calendarSecret: string | null): CalendarRequest {
  let url: URL;
  try {
    url = new URL(feedUrl);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials_in_url' };
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return { ok: false, reason: 'insecure' };
  }
  if (!isHostAllowed(profile, url.href)) return { ok: false, reason: 'host_not_allowed' };
  const headers: Record<string, string> = { Accept: 'text/calendar' };
  if (calendarSecret) headers.Authorization = `Basic ${Buffer.from(calendarSecret, 'utf8').toString('base64')}`;
  return { ok: true, url: url.href, headers };
}

export function looksLikeCalendar(body: string): boolean {
  return body.trimStart().toUpperCase().startsWith('BEGIN:VCALENDAR');
}
