// The interactive login against today's servers: a window shows the instance's
// `/authenticate/` (and the identity provider behind it) in the login partition; the login is
// done when the window comes back to the instance outside the API. The session cookie is then in
// that partition. This is the one module to replace when servers offer OAuth2 + PKCE.
import { fail, ok, type Result } from '../../common/ipc-contract';
import { instanceOriginOf } from '../../common/api-request';

export interface LoginWindowEvents {
  /** Every URL the window navigates or is redirected to. */
  onNavigation(url: string): void;
  /** The user closed the window. */
  onClosed(): void;
}

export interface LoginWindow {
  close(): void;
}

export interface LoginWindowPort {
  open(url: string, events: LoginWindowEvents): LoginWindow;
}

export const defaultLoginTimeoutMs = 10 * 60 * 1000;

/** The page that starts the login, and where the API sends the window back. */
export function loginStartUrl(apiBaseUrl: string): { url: string; returnTo: string } {
  const returnTo = `${instanceOriginOf(apiBaseUrl)}/`;
  const url = new URL('authenticate/', apiBaseUrl.endsWith('/') ? apiBaseUrl : `${apiBaseUrl}/`);
  url.searchParams.set('returnTo', returnTo);
  return { url: url.toString(), returnTo };
}

/** Back on the instance, but not on the API's own login pages (authenticate, callback). */
export function isLoginComplete(url: string, apiBaseUrl: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const api = new URL(apiBaseUrl);
  return parsed.origin === api.origin && !parsed.pathname.startsWith(api.pathname);
}

export interface LoginFlowOptions {
  apiBaseUrl: string;
  window: LoginWindowPort;
  timeoutMs?: number;
}

/** Resolves ok once the window is back on the instance; `cancelled` when closed or timed out. */
export function runLoginFlow(options: LoginFlowOptions): Promise<Result<null>> {
  const { url } = loginStartUrl(options.apiBaseUrl);
  return new Promise((resolve) => {
    let settled = false;
    let window: LoginWindow | undefined;
    let closeWhenOpened = false;
    const settle = (result: Result<null>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (window) window.close();
      else closeWhenOpened = true;
      resolve(result);
    };
    const timer = setTimeout(
      () => settle(fail('cancelled', undefined, 'timeout')),
      options.timeoutMs ?? defaultLoginTimeoutMs,
    );
    try {
      window = options.window.open(url, {
        onNavigation: (target) => {
          if (isLoginComplete(target, options.apiBaseUrl)) settle(ok(null));
        },
        onClosed: () => settle(fail('cancelled', undefined, 'closed')),
      });
    } catch (error) {
      settle(fail('unavailable', undefined, error instanceof Error ? error.message : String(error)));
      return;
    }
    if (closeWhenOpened) window.close();
  });
}
