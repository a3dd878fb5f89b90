// Electron side of session persistence: the app session's cookie jar, and its `changed` event
// so that a login or a logout reaches the keychain without the backend code knowing about it.
import type { Cookie, Session } from 'electron';
import { isPersistedCookieName, sessionCookieOf, SessionPersistence, type CookieJarPort } from './session-persistence';
import type { CredentialStore } from './credential-store';

export function cookieJarOf(session: Session): CookieJarPort {
  return {
    list: async (url) => (await session.cookies.get({ url })).map(sessionCookieOf),
    set: async (details) => {
      await session.cookies.set(details);
    },
  };
}

/**
 * Restores the stored login into `session`, then keeps the keychain in step with its cookies.
 * The returned promise settles once the restore is done (successful or not).
 */
export function installSessionPersistence(options: {
  session: Session;
  store: CredentialStore;
  apiBaseUrl: string;
  /** The instance's session cookie; `sessionid` by default. */
  sessionCookieName?: string;
  onNoKeyring(): void;
}): { restored: Promise<void>; dispose(): void } {
  const persistence = new SessionPersistence({
    store: options.store,
    cookies: cookieJarOf(options.session),
    apiBaseUrl: options.apiBaseUrl,
    ...(options.sessionCookieName ? { sessionCookieName: options.sessionCookieName } : {}),
    now: () => Date.now(),
  });
  const apiHost = new URL(options.apiBaseUrl).hostname;
  let pending: ReturnType<typeof setTimeout> | null = null;
  let restoring = true;

  const onChanged = (_event: unknown, cookie: Cookie) => {
    if (restoring || !isPersistedCookieName(cookie.name, options.sessionCookieName)) return;
    const domain = (cookie.domain ?? '').replace(/^\./, '');
    if (domain !== apiHost && !apiHost.endsWith(`.${domain}`)) return;
    // Django sets both cookies in one response: one save for both.
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = null;
      void persistence.save().then((saved) => {
        if (!saved.ok && saved.error.code === 'no_keyring') options.onNoKeyring();
      });
    }, 250);
  };
  options.session.cookies.on('changed', onChanged);

  const restored = persistence
    .restore()
    .then((result) => {
      if (!result.ok && result.error.code === 'no_keyring') options.onNoKeyring();
    })
    .catch(() => undefined)
    .finally(() => {
      restoring = false;
    });

  return {
    restored,
    dispose: () => {
      options.session.cookies.off('changed', onChanged);
      if (pending) clearTimeout(pending);
    },
  };
}
