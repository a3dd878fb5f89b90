// The keychain kept in step with the login partition's cookies, through a stand-in for Electron's
// session (the adapter only uses Electron's types): restore at start, save after a login, and
// forget after a logout; no keychain means the user is told, and nothing is kept.
import type { Cookie, Session } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CredentialStore, credentialServiceName, type KeychainPort } from './credential-store';
import { installSessionPersistence } from './electron-session-persistence';

const apiBaseUrl = 'https://visio.example.gouv.fr/api/v1.0/';

class FakeKeychain implements KeychainPort {
  readonly entries = new Map<string, string>();
  broken = false;
  async getPassword(service: string, account: string) {
    if (this.broken) throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    return this.entries.get(`${service}|${account}`) ?? null;
  }
  async setPassword(service: string, account: string, password: string) {
    if (this.broken) throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    this.entries.set(`${service}|${account}`, password);
  }
  async deletePassword(service: string, account: string) {
    if (this.broken) throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    return this.entries.delete(`${service}|${account}`);
  }
}

/** An in-memory partition's cookie jar, with its `changed` event. */
class FakeSession {
  jar: Cookie[] = [];
  private listeners = new Set<(event: unknown, cookie: Cookie, cause: string, removed: boolean) => void>();
  readonly cookies = {
    get: async () => this.jar,
    set: async (details: Partial<Cookie> & { url: string; name: string; value: string }) => {
      // Like Chromium: a cookie set without a domain belongs to the URL's host.
      const given = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
      const cookie = { domain: new URL(details.url).hostname, hostOnly: true, path: '/', secure: true, httpOnly: false, session: false, sameSite: 'lax', ...given } as Cookie;
      this.jar = [...this.jar.filter((existing) => existing.name !== cookie.name), cookie];
      this.emit(cookie, false);
    },
    on: (_event: 'changed', listener: (event: unknown, cookie: Cookie, cause: string, removed: boolean) => void) => {
      this.listeners.add(listener);
    },
    off: (_event: 'changed', listener: (event: unknown, cookie: Cookie, cause: string, removed: boolean) => void) => {
      this.listeners.delete(listener);
    },
  };
  /** What a logout does to the partition: every cookie goes. */
  clear() {
    const removed = this.jar;
    this.jar = [];
    for (const cookie of removed) this.emit(cookie, true);
  }
  private emit(cookie: Cookie, removed: boolean) {
    for (const listener of this.listeners) listener({}, cookie, removed ? 'explicit' : 'inserted', removed);
  }
}

const cookie = (name: string, value: string): Cookie =>
  ({ name, value, domain: 'visio.example.gouv.fr', hostOnly: true, path: '/', secure: true, httpOnly: name === 'sessionid', session: false, sameSite: 'lax', expirationDate: Date.now() / 1000 + 3600 }) as Cookie;

describe('installSessionPersistence', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('restores the kept login into a fresh partition, then forgets it from the keychain on logout', async () => {
    const keychain = new FakeKeychain();
    const store = new CredentialStore(keychain, 'p');
    // A first run: the user logs in, the login partition receives Django's cookies.
    const firstRun = new FakeSession();
    const first = installSessionPersistence({ session: firstRun as unknown as Session, store, apiBaseUrl, onNoKeyring: () => undefined });
    await first.restored;
    firstRun.jar = [cookie('csrftoken', 'csrf')];
    await firstRun.cookies.set({ url: 'https://visio.example.gouv.fr/', name: 'sessionid', value: 'secret-session', expirationDate: Date.now() / 1000 + 3600 });
    await vi.advanceTimersByTimeAsync(300);
    expect(keychain.entries.has(`${credentialServiceName('p')}|session`)).toBe(true);
    first.dispose();

    // The next run starts with an empty in-memory partition: the keychain fills it.
    const secondRun = new FakeSession();
    const second = installSessionPersistence({ session: secondRun as unknown as Session, store, apiBaseUrl, onNoKeyring: () => undefined });
    await second.restored;
    expect(secondRun.jar.find((entry) => entry.name === 'sessionid')?.value).toBe('secret-session');

    // Logout clears the partition: the keychain entry goes too.
    secondRun.clear();
    await vi.advanceTimersByTimeAsync(300);
    expect(keychain.entries.size).toBe(0);
    second.dispose();
  });

  it('tells when no keychain answers, and keeps nothing anywhere', async () => {
    const keychain = new FakeKeychain();
    keychain.broken = true;
    const told: string[] = [];
    const session = new FakeSession();
    const persistence = installSessionPersistence({
      session: session as unknown as Session,
      store: new CredentialStore(keychain, 'p'),
      apiBaseUrl,
      onNoKeyring: () => told.push('no keyring'),
    });
    await persistence.restored;
    expect(told).toEqual(['no keyring']);
    expect(session.jar).toEqual([]);
    await session.cookies.set({ url: 'https://visio.example.gouv.fr/', name: 'sessionid', value: 'secret-session' });
    await vi.advanceTimersByTimeAsync(300);
    expect(keychain.entries.size).toBe(0);
    persistence.dispose();
  });
});
