// The app session's permission handlers, against a stand-in for Electron: what Chromium's
// request and check reach, and that the policy's answer is the one Chromium gets.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asElectron, FakeWebContents, resetFakeElectron, session, type FakeSession } from '../testing/fake-electron';
import { installPermissionHandlers } from './electron-permissions';

vi.mock('electron', async () => (await import('../testing/fake-electron')).fakeElectron);

let appSession: FakeSession;
let ours: FakeWebContents;
let stranger: FakeWebContents;

beforeEach(() => {
  resetFakeElectron();
  appSession = session.fromPartition('persist:app');
  ours = new FakeWebContents(appSession);
  stranger = new FakeWebContents(appSession);
  installPermissionHandlers(asElectron.session(appSession), (id) => id === ours.id);
});

const request = (contents: FakeWebContents, permission: string, details: object) => appSession.requestPermission(contents, permission, details);

describe('Electron permission handlers', () => {
  it('replaces both of Electron’s allow-everything defaults', () => {
    expect(appSession.permissionRequestHandler).toBeTypeOf('function');
    expect(appSession.permissionCheckHandler).toBeTypeOf('function');
  });

  it('grants the camera and microphone to the main frame of our interface in our window', async () => {
    await expect(request(ours, 'media', { requestingUrl: 'app://visio/index.html', isMainFrame: true, mediaTypes: ['audio', 'video'] })).resolves.toBe(true);
    await expect(request(ours, 'display-capture', { requestingUrl: 'app://visio/index.html', isMainFrame: true })).resolves.toBe(true);
  });

  it('refuses a foreign origin, a sub-frame, a window that is not ours, and anything a call does not need', async () => {
    const media = { mediaTypes: ['audio'] };
    const refused = await Promise.all([
      request(ours, 'media', { requestingUrl: 'https://evil.example/', isMainFrame: true, ...media }),
      request(ours, 'media', { requestingUrl: 'app://visio/index.html', isMainFrame: false, ...media }),
      request(stranger, 'media', { requestingUrl: 'app://visio/index.html', isMainFrame: true, ...media }),
      request(ours, 'geolocation', { requestingUrl: 'app://visio/index.html', isMainFrame: true }),
      request(ours, 'openExternal', { requestingUrl: 'app://visio/index.html', isMainFrame: true, externalURL: 'https://example.org/' }),
      // A media request that says nothing of what it wants grants nothing.
      request(ours, 'media', { requestingUrl: 'app://visio/index.html', isMainFrame: true }),
    ]);
    expect(refused).toEqual([false, false, false, false, false, false]);
  });

  it('lets our interface copy a meeting link, and only write: reading the clipboard stays refused', async () => {
    const main = { requestingUrl: 'app://visio/index.html', isMainFrame: true };
    await expect(request(ours, 'clipboard-sanitized-write', main)).resolves.toBe(true);
    await expect(request(ours, 'clipboard-read', main)).resolves.toBe(false);
    await expect(request(stranger, 'clipboard-sanitized-write', main)).resolves.toBe(false);
    await expect(request(ours, 'clipboard-sanitized-write', { ...main, isMainFrame: false })).resolves.toBe(false);
    expect(appSession.checkPermission(ours, 'clipboard-sanitized-write', 'app://visio', { isMainFrame: true })).toBe(true);
    expect(appSession.checkPermission(ours, 'clipboard-read', 'app://visio', { isMainFrame: true })).toBe(false);
  });

  it('answers checks from the requesting URL, falling back to the origin, and refuses a check without contents', () => {
    expect(appSession.checkPermission(ours, 'media', 'app://visio', { isMainFrame: true, mediaType: 'unknown' })).toBe(true);
    expect(appSession.checkPermission(ours, 'media', 'app://visio', { isMainFrame: true, requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(appSession.checkPermission(ours, 'fullscreen', 'https://evil.example', { isMainFrame: true })).toBe(false);
    expect(appSession.checkPermission(null, 'media', 'app://visio', { isMainFrame: true })).toBe(false);
    expect(appSession.checkPermission(stranger, 'media', 'app://visio', { isMainFrame: true })).toBe(false);
    expect(appSession.checkPermission(ours, 'notifications', 'app://visio', { isMainFrame: true })).toBe(false);
  });
});
