// Keeps the Meet login across restarts without writing it to disk in clear: the backend's
// session cookie (`sessionid` unless the profile names another) and `csrftoken` go to the keychain, and at start they are put back into
// the app's in-memory session partition. Logout (the cookie removed) forgets them.
import { z } from 'zod';
import { fail, ok, type Result } from '../../../common/ipc-contract';
import type { CredentialStore } from './credential-store';

export const DEFAULT_SESSION_COOKIE_NAME = 'sessionid';
const CSRF_COOKIE = 'csrftoken';

const sameSiteSchema = z.enum(['unspecified', 'no_restriction', 'lax', 'strict']);

/** The cookie fields Electron gives and takes (`Electron.Cookie`, `CookiesSetDetails`). */
export interface SessionCookie {
  name: string;
  value: string;
  domain?: string;
  hostOnly?: boolean;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  expirationDate?: number;
  sameSite: z.infer<typeof sameSiteSchema>;
}

/** The fields of a cookie that a session keeps, and only those that are set. */
export function sessionCookieOf(cookie: SessionCookie): SessionCookie {
  return {
    name: cookie.name,
    value: cookie.value,
    ...(cookie.domain === undefined ? {} : { domain: cookie.domain }),
    ...(cookie.hostOnly === undefined ? {} : { hostOnly: cookie.hostOnly }),
    ...(cookie.path === undefined ? {} : { path: cookie.path }),
    ...(cookie.secure === undefined ? {} : { secure: cookie.secure }),
    ...(cookie.httpOnly === undefined ? {} : { httpOnly: cookie.httpOnly }),
    ...(cookie.expirationDate === undefined ? {} : { expirationDate: cookie.expirationDate }),
    sameSite: cookie.sameSite,
  };
}

export interface CookieJarPort {
  list(url: string): Promise<SessionCookie[]>;
  set(details: SessionCookie & { url: string }): Promise<void>;
}

const storedCookieSchema = z
  .object({
    name: z.string().min(1).max(64),
    value: z.string().min(1).max(4096),
    domain: z.string().max(253).optional(),
    hostOnly: z.boolean().optional(),
    path: z.string().max(1024).optional(),
    secure: z.boolean().optional(),
    httpOnly: z.boolean().optional(),
    expirationDate: z.number().optional(),
    sameSite: sameSiteSchema,
  })
  .strict();
const storedSessionSchema = z.object({ version: z.literal(1), cookies: z.array(storedCookieSchema).max(4) }).strict();

/** Whether a cookie is one of those kept: the session cookie of the instance, or the CSRF token. */
export function isPersistedCookieName(name: string, sessionCookieName = DEFAULT_SESSION_COOKIE_NAME): boolean {
  return name === sessionCookieName || name === CSRF_COOKIE;
}

export interface SessionPersistenceOptions {
  store: Pick<CredentialStore, 'read' | 'write' | 'remove'>;
  cookies: CookieJarPort;
  /** The backend's URL: the cookies are read and restored for it only. */
  apiBaseUrl: string;
  /** The instance's session cookie; `sessionid` by default. */
  sessionCookieName?: string;
  now(): number;
}

export class SessionPersistence {
  private readonly url: string;
  private readonly sessionCookieName: string;

  constructor(private readonly options: SessionPersistenceOptions) {
    this.url = new URL(options.apiBaseUrl).origin + '/';
    this.sessionCookieName = options.sessionCookieName ?? DEFAULT_SESSION_COOKIE_NAME;
  }

  /** After a login or a cookie change: the keychain gets the current session, or loses it. */
  async save(): Promise<Result<null>> {
    const cookies = (await this.options.cookies.list(this.url)).filter((cookie) => isPersistedCookieName(cookie.name, this.sessionCookieName));
    if (!cookies.some((cookie) => cookie.name === this.sessionCookieName)) return this.forget();
    const stored = {
      version: 1 as const,
      // A host-only cookie is put back for its host alone: with a domain it would reach subdomains.
      cookies: cookies.map((cookie) => sessionCookieOf(cookie.hostOnly ? { ...cookie, domain: undefined } : cookie)),
    };
    return this.options.store.write('session', JSON.stringify(stored));
  }

  /** At start: the stored cookies, still valid, back into the in-memory partition. Returns how many. */
  async restore(): Promise<Result<number>> {
    const read = await this.options.store.read('session');
    if (!read.ok) return read;
    if (read.value === null) return ok(0);
    let parsed: z.infer<typeof storedSessionSchema>;
    try {
      parsed = storedSessionSchema.parse(JSON.parse(read.value));
      if (parsed.cookies.some((cookie) => !isPersistedCookieName(cookie.name, this.sessionCookieName))) throw new Error('unknown cookie');
    } catch {
      // Unreadable content is dropped rather than trusted.
      await this.options.store.remove('session');
      return fail('invalid_response', undefined, 'stored session is not readable');
    }
    const nowSeconds = this.options.now() / 1000;
    const valid = parsed.cookies.filter((cookie) => cookie.expirationDate === undefined || cookie.expirationDate > nowSeconds);
    if (!valid.some((cookie) => cookie.name === this.sessionCookieName)) {
      await this.options.store.remove('session');
      return ok(0);
    }
    for (const cookie of valid) {
      const { hostOnly, ...details } = cookie;
      await this.options.cookies.set({ ...details, ...(hostOnly ? { domain: undefined } : {}), url: this.url });
    }
    return ok(valid.length);
  }

  /** Logout: nothing of the session stays in the keychain. */
  async forget(): Promise<Result<null>> {
    return this.options.store.remove('session');
  }
}
