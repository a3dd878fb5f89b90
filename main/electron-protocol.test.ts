// The `app://visio` scheme's Electron wiring, against a stand-in for Electron and a real renderer
// folder on disk: what is registered before `ready`, and what the session's handler answers.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleAppProtocol, registerAppSchemeAsPrivileged } from './electron-protocol';
import { asElectron, protocol, resetFakeElectron, session, type FakeSession } from './testing/fake-electron';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

let root: string;
let renderer: string;
let appSession: FakeSession;
let policy: string;

const indexHtml = '<!doctype html><title>Visio</title>';
const script = 'console.log("visio");';

beforeEach(() => {
  resetFakeElectron();
  root = mkdtempSync(join(tmpdir(), 'visio-protocol-'));
  renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), indexHtml);
  writeFileSync(join(renderer, 'assets', 'app.js'), script);
  // Next to the renderer folder, never to be served.
  writeFileSync(join(root, 'secret.txt'), 'not for the page');
  writeFileSync(join(root, 'renderer-private.txt'), 'not for the page either');
  appSession = session.fromPartition('persist:app');
  policy = "default-src 'self'";
  handleAppProtocol(asElectron.session(appSession), renderer, () => policy);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const get = (url: string, init?: RequestInit) => appSession.protocol.request(url, init);

describe('app:// scheme', () => {
  it('is registered as a standard, secure scheme with fetch and CORS, before ready', () => {
    registerAppSchemeAsPrivileged();
    expect(protocol.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: true }) as unknown,
      },
    ]);
    // Privileges that would widen what the page may do are not given.
    const privileges = protocol.privilegedSchemes[0]?.privileges ?? {};
    expect(privileges.bypassCSP).not.toBe(true);
    expect(privileges.allowServiceWorkers).not.toBe(true);
  });

  it('is handled in the session given, and only there', () => {
    expect(appSession.protocol.isProtocolHandled('app')).toBe(true);
    expect(session.defaultSession.protocol.isProtocolHandled('app')).toBe(false);
  });

  it('answers the entry page with the current Content-Security-Policy and no caching', async () => {
    const response = await get('app://visio/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(indexHtml);

    // The policy is read on every request (it depends on the active profile).
    policy = "default-src 'self'; connect-src https://visio.example.gouv.fr";
    const again = await get('app://visio/index.html');
    expect(again.headers.get('content-security-policy')).toBe(policy);
  });

  it('serves assets with their type and the policy, and a room route as the entry page', async () => {
    const asset = await get('app://visio/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('content-security-policy')).toBe(policy);
    expect(await asset.text()).toBe(script);

    const room = await get('app://visio/abc-defg-hij');
    expect(room.status).toBe(200);
    expect(await room.text()).toBe(indexHtml);

    const missing = await get('app://visio/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(policy);
    expect(await missing.text()).toBe('');
  });

  it('refuses paths outside the renderer folder, however they are written', async () => {
    for (const url of [
      'app://visio/..%2fsecret.txt',
      'app://visio/assets/..%2f..%2fsecret.txt',
      'app://visio/%2e%2e%2fsecret.txt',
      'app://visio/..%5csecret.txt',
      'app://visio/..%2frenderer-private.txt',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(403);
      expect(response.headers.get('content-security-policy'), url).toBe(policy);
      expect(await response.text(), url).toBe('');
    }
    // An absolute path stays a path inside the folder, where there is no such file.
    const absolute = await get(`app://visio/${encodeURIComponent(join(root, 'secret.txt'))}`);
    expect(absolute.status).toBe(404);
    expect(await absolute.text()).toBe('');
    // Another host of the scheme is not ours.
    expect((await get('app://other/index.html')).status).toBe(403);
  });

  it('answers only GET and HEAD; HEAD without a body', async () => {
    const post = await get('app://visio/index.html', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');

    const head = await get('app://visio/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-security-policy')).toBe(policy);
    expect(await head.text()).toBe('');
  });
});
