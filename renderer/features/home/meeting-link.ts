// What the user typed in "join a meeting": a bare code `abc-defg-hij`, or a meeting link of the
// configured instance. Anything else is refused, so a pasted link never takes the app elsewhere.
import { SLUG_PATTERN } from '../../../common/meet-types';

export type MeetingLinkResult =
  | { ok: true; slug: string }
  | { ok: false; reason: 'empty' | 'malformed' | 'unknown_host' };

export function parseMeetingLink(input: string, meetingHosts: readonly string[]): MeetingLinkResult {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'empty' };
  const bare = text.toLowerCase();
  if (SLUG_PATTERN.test(bare)) return { ok: true, slug: bare };
  // Meet also prints codes without dashes.
  if (/^[a-z]{10}$/.test(bare)) return { ok: true, slug: `${bare.slice(0, 3)}-${bare.slice(3, 7)}-${bare.slice(7)}` };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'malformed' };
  const segments = url.pathname.split('/').filter(Boolean);
  const slug = segments.length === 1 ? (segments[0] ?? '').toLowerCase() : '';
  if (!SLUG_PATTERN.test(slug)) return { ok: false, reason: 'malformed' };
  const known = meetingHosts.some((host) => {
    const expected = host.toLowerCase();
    return expected === url.host.toLowerCase() || expected === url.hostname.toLowerCase();
  });
  if (!known) return { ok: false, reason: 'unknown_host' };
  return { ok: true, slug };
}
