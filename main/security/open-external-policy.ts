// Which links the system browser (or mail client) may receive from us. A link is data from the
// network or another participant: only plain https and mailto, nothing that could carry a
// credential or run a local handler.
export const maximumExternalUrlLength = 2048;

export type OpenExternalRefusal = 'invalid' | 'scheme' | 'credentials' | 'too_long';

export type OpenExternalDecision = { allowed: true; url: string } | { allowed: false; reason: OpenExternalRefusal };

export function decideOpenExternal(raw: string): OpenExternalDecision {
  if (raw.length > maximumExternalUrlLength) return { allowed: false, reason: 'too_long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'invalid' };
  }
  if (url.protocol === 'mailto:') {
    return url.pathname.includes('@') ? { allowed: true, url: url.href } : { allowed: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:') return { allowed: false, reason: 'scheme' };
  if (url.username !== '' || url.password !== '') return { allowed: false, reason: 'credentials' };
  if (url.hostname === '') return { allowed: false, reason: 'invalid' };
  if (url.href.length > maximumExternalUrlLength) return { allowed: false, reason: 'too_long' };
  return { allowed: true, url: url.href };
}
