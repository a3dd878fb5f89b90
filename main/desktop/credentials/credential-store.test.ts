import { describe, expect, it } from 'vitest';
import { CredentialStore, credentialServiceName, type KeychainPort } from './credential-store';
import { SessionPersistence, type CookieJarPort, type SessionCookie } from './session-persistence';

class FakeKeychain implements KeychainPort {
  readonly entries = new Map<string, string>();
  broken: Error | null = null;
  async getPassword(service: string, account: string) {
    if (this.broken) throw this.broken;
    return this.entries.get(`${service}|${account}`) ?? null;
  }
  async setPassword(service: string, account: string, password: string) {
    if (this.broken) throw this.broken;
    this.entries.set(`${service}|${account}`, password);
  }
  async deletePassword(service: string, account: string) {
    if (this.broken) throw this.broken;
    return this.entries.delete(`${service}|${account}`);
  }
}

class FakeCookieJar implements CookieJarPort {
  cookies: Array<SessionCookie & { url?: string }> = [];
  async list() {
    return this.cookies;
  }
  async set(details: SessionCookie & { url: string }) {
    this.cookies.push(details);
  }
}

describe('CredentialStore', () => {
  it('keeps secrets per profile and per account', async () => {
    const keychain = new FakeKeychain();
    const first = new CredentialStore(keychain, 'ministere-a');
    const second = new CredentialStore(keychain, 'ministere-b');
    await first.write('session', 'secret-a');
    await first.write('calendar', 'feed-secret');
    expect(await first.read('session')).toEqual({ ok: true, value: 'secret-a' });
    expect(await second.read('session')).toEqual({ ok: true, value: null });
    expect(keychain.entries.has(`${credentialServiceName('ministere-a')}|calendar`)).toBe(true);
    await first.removeAll();
    expect(keychain.entries.size).toBe(0);
  });

  it('answers no_keyring when the keychain fails or keytar is missing, and stores nothing elsewhere', async () => {
    const keychain = new FakeKeychain();
    keychain.broken = new Error('Could not connect: No such file or directory');
    const store = new CredentialStore(keychain, 'p');
    expect(await store.write('session', 'x')).toMatchObject({ ok: false, error: { code: 'no_keyring' } });
    expect(await store.read('session')).toMatchObject({ ok: false, error: { code: 'no_keyring' } });
    expect(await new CredentialStore(null, 'p').read('calendar')).toMatchObject({ ok: false, error: { code: 'no_keyring' } });
  });

  it('refuses an empty secret', async () => {
    expect(await new CredentialStore(new FakeKeychain(), 'p').write('session', '')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('SessionPersistence', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  const apiBaseUrl = 'https://visio.example.gouv.fr/api/v1.0/';
  const sessionCookie: SessionCookie = {
    name: 'sessionid',
    value: 's3cr3t',
    domain: 'visio.example.gouv.fr',
    hostOnly: true,
    path: '/',
    secure: true,
    httpOnly: true,
    expirationDate: now / 1000 + 3600,
    sameSite: 'lax',
  };
  const csrfCookie: SessionCookie = { name: 'csrftoken', value: 'csrf', path: '/', secure: true, sameSite: 'lax' };

  function setup() {
    const keychain = new FakeKeychain();
    const store = new CredentialStore(keychain, 'p');
    const jar = new FakeCookieJar();
    const persistence = new SessionPersistence({ store, cookies: jar, apiBaseUrl, now: () => now });
    return { keychain, store, jar, persistence };
  }

  it('saves sessionid and csrftoken only, and restores them for the API origin', async () => {
    const before = setup();
    before.jar.cookies = [sessionCookie, csrfCookie, { name: 'tracking', value: 'x', sameSite: 'lax' }];
    expect(await before.persistence.save()).toEqual({ ok: true, value: null });
    const stored = JSON.parse((await before.store.read('session') as { ok: true; value: string }).value);
    expect(stored.cookies.map((cookie: SessionCookie) => cookie.name)).toEqual(['sessionid', 'csrftoken']);

    const after = new FakeCookieJar();
    const restored = new SessionPersistence({ store: before.store, cookies: after, apiBaseUrl, now: () => now });
    expect(await restored.restore()).toEqual({ ok: true, value: 2 });
    expect(after.cookies[0]).toMatchObject({ url: 'https://visio.example.gouv.fr/', name: 'sessionid', value: 's3cr3t', domain: undefined, httpOnly: true });
  });

  it('keeps the session cookie the profile names (meet_sessionid), and no sessionid then', async () => {
    const keychain = new FakeKeychain();
    const store = new CredentialStore(keychain, 'p');
    const jar = new FakeCookieJar();
    const persistence = new SessionPersistence({ store, cookies: jar, apiBaseUrl, sessionCookieName: 'meet_sessionid', now: () => now });
    jar.cookies = [{ ...sessionCookie, name: 'meet_sessionid' }, sessionCookie, csrfCookie];
    await persistence.save();
    const stored = JSON.parse((await store.read('session') as { ok: true; value: string }).value);
    expect(stored.cookies.map((cookie: SessionCookie) => cookie.name)).toEqual(['meet_sessionid', 'csrftoken']);

    const after = new FakeCookieJar();
    const restored = new SessionPersistence({ store, cookies: after, apiBaseUrl, sessionCookieName: 'meet_sessionid', now: () => now });
    expect(await restored.restore()).toEqual({ ok: true, value: 2 });
    // Under another name, the stored login is not one of this instance's: it is dropped.
    const other = new SessionPersistence({ store, cookies: new FakeCookieJar(), apiBaseUrl, now: () => now });
    expect(await other.restore()).toMatchObject({ ok: false, error: { code: 'invalid_response' } });
    expect(keychain.entries.size).toBe(0);
  });

  it('forgets the session when sessionid is gone (logout)', async () => {
    const { jar, persistence, keychain } = setup();
    jar.cookies = [sessionCookie];
    await persistence.save();
    expect(keychain.entries.size).toBe(1);
    jar.cookies = [csrfCookie];
    await persistence.save();
    expect(keychain.entries.size).toBe(0);
  });

  it('drops an expired or unreadable stored session', async () => {
    const expired = setup();
    await expired.store.write('session', JSON.stringify({ version: 1, cookies: [{ ...sessionCookie, expirationDate: now / 1000 - 1 }] }));
    expect(await expired.persistence.restore()).toEqual({ ok: true, value: 0 });
    expect(expired.jar.cookies).toEqual([]);
    expect(expired.keychain.entries.size).toBe(0);

    const garbage = setup();
    await garbage.store.write('session', '{"version":1,"cookies":[{"name":"other","value":"x","sameSite":"lax"}]}');
    expect(await garbage.persistence.restore()).toMatchObject({ ok: false, error: { code: 'invalid_response' } });
    expect(garbage.keychain.entries.size).toBe(0);
  });

  it('passes on no_keyring at restore', async () => {
    const { keychain, persistence } = setup();
    keychain.broken = new Error('Could not connect');
    expect(await persistence.restore()).toMatchObject({ ok: false, error: { code: 'no_keyring' } });
  });
});
