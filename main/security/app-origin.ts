// Where our own interface lives. Node's URL gives every non-special scheme (such as `app:`) the
// opaque origin "null", which `javascript:` and `data:` URLs share: comparing `URL.origin` alone
// would let those through. The app origin is therefore computed from scheme, host and port.
export const APP_SCHEME = 'app';
export const APP_HOST = 'visio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The origin of a URL as the security checks compare it, or null when it has none we trust. */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.protocol === `${APP_SCHEME}:`) {
    return parsed.host === '' ? null : `${APP_SCHEME}://${parsed.host.toLowerCase()}`;
  }
  if (['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return parsed.origin;
  return null;
}

export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}
