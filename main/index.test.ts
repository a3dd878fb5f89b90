// The composition root booted as Electron would run it, against the stand-in for Electron (and for
// keytar and electron-updater, which would reach the OS or load Electron themselves), with the
// development profile pointing at a running devstack and the built app in dist/. One boot for the
// whole file, as one process boots once; the quit comes last.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { invokeChannelNames } from '../common/ipc-channels';
import { startDevstack, type Devstack } from '../devstack/index';
import { contentSecurityPolicy } from './security/content-security-policy';
import { APP_ENTRY_URL, APP_ORIGIN } from './security/app-origin';
import {
  app,
  dialog,
  FakeBrowserWindow,
  fakeEvent,
  FakeTray,
  globalShortcut,
  invokeEventFrom,
  ipcMain,
  powerMonitor,
  powerSaveBlocker,
  protocol,
  resetFakeElectron,
  session,
} from './testing/fake-electron';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);
// keytar, in memory: the real one talks to the Secret Service.
const keychain = vi.hoisted(() => new Map<string, string>());
vi.mock('keytar', () => ({
  getPassword: async (service: string, account: string) => keychain.get(`${service}|${account}`) ?? null,
  setPassword: async (service: string, account: string, password: string) => void keychain.set(`${service}|${account}`, password),
  deletePassword: async (service: string, account: string) => keychain.delete(`${service}|${account}`),
}));
// electron-updater loads Electron itself; the development profile turns updates off.
vi.mock('electron-updater', () => ({ autoUpdater: {} }));

const root = fileURLToPath(new URL('..', import.meta.url));
const built = {
  renderer: join(root, 'dist', 'renderer'),
  preload: join(root, 'dist', 'preload'),
};
const builtFiles = [join(built.renderer, 'index.html'), join(built.renderer, 'floating.html'), join(built.preload, 'index.js')];

let devstack: Devstack | undefined;
let userData: string | undefined;

const stack = (): Devstack => {
  if (!devstack) throw new Error('the devstack did not start');
  return devstack;
};
const mainWindow = (): FakeBrowserWindow => {
  const found = FakeBrowserWindow.made.find((window) => window.loadedUrls.includes(APP_ENTRY_URL));
  if (!found) throw new Error('no main window');
  return found;
};
const miniWindows = () => FakeBrowserWindow.made.filter((window) => window.loadedUrls.includes(`${APP_ORIGIN}/floating.html`));
/** What the main window's page sends through `window.visio.invoke`. */
const fromMainWindow = (channel: string, payload?: unknown) =>
  ipcMain.invoke(channel, invokeEventFrom(mainWindow().webContents), payload);
const expectedPolicy = () => contentSecurityPolicy({ profile: { apiBaseUrl: stack().apiBaseUrl, livekitUrl: stack().livekitUrl } });
const inCall = { state: 'in-call', muted: false, cameraOn: false, roomSlug: 'abc-defg-hij', sharing: false } as const;

beforeAll(async () => {
  const missing = builtFiles.filter((file) => !existsSync(file)).map((file) => relative(root, file));
  if (missing.length > 0) {
    throw new Error(`The built app is missing (${missing.join(', ')}): run \`node build/scripts/build.mjs\` before this test.`);
  }
  devstack = await startDevstack();
  resetFakeElectron();
  userData = await mkdtemp(join(tmpdir(), 'visio-composition-root-'));
  app.setPath('userData', userData);
  // An unpackaged run: the app's path is the repository, whose resources/ holds the profiles.
  app.getAppPath.mockImplementation(() => root);
  session.network = true;
  vi.stubEnv('VISIO_API_BASE_URL', devstack.apiBaseUrl);
  vi.stubEnv('VISIO_LIVEKIT_URL', devstack.livekitUrl);
  const { started } = await import('./index');
  await started;
  // The page paints: the window shows itself.
  mainWindow().finishLoading();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await devstack?.stop();
  if (userData) await rm(userData, { recursive: true, force: true });
});

describe('the composition root', () => {
  it('boots without an error, sandboxed, with the app scheme privileged before ready', () => {
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(protocol.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('binds every invoke channel of the contract on ipcMain, and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...invokeChannelNames].sort());
  });

  it('answers every invoke channel: each refuses a malformed payload by its schema, none for want of a handler', async () => {
    const answered: string[] = [];
    const unanswered: string[] = [];
    for (const channel of invokeChannelNames) {
      const result = (await fromMainWindow(channel, 42)) as { ok: boolean; error?: { code: string } };
      expect(result.ok, channel).toBe(false);
      (result.error?.code === 'unavailable' ? unanswered : answered).push(channel);
    }
    expect(unanswered).toEqual([]);
    expect(answered.sort()).toEqual([...invokeChannelNames].sort());
  });

  it('has no handler for a channel outside the contract', async () => {
    await expect(fromMainWindow('backend:admin')).rejects.toThrow("No handler registered for 'backend:admin'");
  });

  it('opens the main window locked down, with the built preload, on the app origin, shown once painted', () => {
    const window = mainWindow();
    const preferences = window.options.webPreferences;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    expect(preferences.partition).toBeUndefined();
    expect(preferences.preload).toBe(join(built.preload, 'index.js'));
    expect(window.loadedUrls).toEqual([APP_ENTRY_URL]);
    expect(window.shownWith).toBe('show');
    // Every web contents is guarded: no popup, whatever the page asks.
    expect(window.webContents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
  });

  it('serves the built renderer on the app origin with its content security policy', async () => {
    const appSession = session.defaultSession;
    const entry = await appSession.protocol.request(APP_ENTRY_URL);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('content-type')).toMatch(/^text\/html/);
    expect(entry.headers.get('content-security-policy')).toBe(expectedPolicy());
    expect(await entry.text()).toBe(await readFile(join(built.renderer, 'index.html'), 'utf8'));
    // A room is a route of the single-page app: the entry page again.
    const room = await appSession.protocol.request(`${APP_ORIGIN}/abc-defg-hij`);
    expect(await room.text()).toBe(await readFile(join(built.renderer, 'index.html'), 'utf8'));
    expect((await appSession.protocol.request(`${APP_ORIGIN}/../package.json`)).status).not.toBe(200);
    // The policy also rides on the main frame's response headers.
    const headers = await appSession.headersReceived({ url: APP_ENTRY_URL, resourceType: 'mainFrame' });
    expect(headers.responseHeaders?.['Content-Security-Policy']).toEqual([expectedPolicy()]);
  });

  it('answers app:info and backend:config from the main window against the running devstack', async () => {
    const info = await fromMainWindow('app:info');
    expect(info).toMatchObject({
      ok: true,
      value: { kind: 'electron', version: app.getVersion(), profile: { id: 'devstack', apiBaseUrl: stack().apiBaseUrl } },
    });
    const config = await fromMainWindow('backend:config');
    expect(config).toMatchObject({ ok: true, value: { livekit: { url: stack().livekitUrl } } });
  });

  it('refuses a call from a sub-frame, from another origin and from a window that is not the app’s', async () => {
    const report = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const contents = mainWindow().webContents;
    const forbidden = { ok: false, error: { code: 'forbidden' } };
    for (const frame of [contents.subFrameAt(APP_ENTRY_URL), contents.subFrameAt('https://evil.example/'), contents.mainFrameAt('https://evil.example/')]) {
      expect(await ipcMain.invoke('app:info', invokeEventFrom(contents, frame))).toMatchObject(forbidden);
    }
    expect(await ipcMain.invoke('backend:config', invokeEventFrom(contents, null))).toMatchObject(forbidden);
    const stranger = new FakeBrowserWindow({ webPreferences: { sandbox: true } });
    await stranger.loadURL(APP_ENTRY_URL);
    expect(await ipcMain.invoke('backend:config', invokeEventFrom(stranger.webContents))).toMatchObject(forbidden);
    stranger.destroy();
    // Each refusal leaves a line in the log, naming the frame.
    expect(report.mock.calls.map(([line]) => String(line))).toEqual([
      `[ipc] refused app:info from ${APP_ENTRY_URL}`,
      '[ipc] refused app:info from https://evil.example/',
      '[ipc] refused app:info from https://evil.example/',
      '[ipc] refused backend:config from a destroyed frame',
      `[ipc] refused backend:config from ${APP_ENTRY_URL}`,
    ]);
    report.mockRestore();
  });

  it('installs the desktop features: tray, screen sharing, the link scheme', () => {
    expect(FakeTray.made).toHaveLength(1);
    expect(session.defaultSession.displayMediaRequestHandler).toBeTypeOf('function');
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('visio');
  });
});

describe('the mini call window, as the composition root installs it', () => {
  it('is asked of the page when the main window goes out of sight during a call, and is the one window the page may open', async () => {
    expect(await fromMainWindow('call:state', inCall)).toEqual({ ok: true, value: null });
    const contents = mainWindow().webContents;
    expect(contents.openWindow(`${APP_ORIGIN}/floating.html`, 'visio-floating')).toEqual({ action: 'deny' });
    mainWindow().minimize();
    expect(contents.sentOn('event:floating-window')).toEqual([{}]);

    expect(contents.openWindow(`${APP_ORIGIN}/index.html`, 'visio-floating')).toEqual({ action: 'deny' });
    expect(contents.openWindow(`${APP_ORIGIN}/floating.html`, 'visio-floating')).toMatchObject({ action: 'allow' });
    const [mini] = miniWindows();
    if (!mini) throw new Error('no mini window');
    expect(mini.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(mini.options.webPreferences.preload).toBeUndefined();
    expect(mini.contentProtection).toBe(true);
    expect(mini.alwaysOnTop).toEqual({ flag: true, level: 'floating' });
    const page = await session.defaultSession.protocol.request(`${APP_ORIGIN}/floating.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(expectedPolicy());
  });

  it('reaches nothing in main', async () => {
    const [mini] = miniWindows();
    if (!mini) throw new Error('no mini window');
    const report = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await ipcMain.invoke('app:info', invokeEventFrom(mini.webContents))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    report.mockRestore();
  });
});

describe('quitting', () => {
  it('releases every desktop feature on will-quit: tray, shortcuts, power blocker, mini window, listeners', async () => {
    expect(await fromMainWindow('call:state', inCall)).toEqual({ ok: true, value: null });
    expect(powerSaveBlocker.started.size).toBe(1);
    expect(miniWindows().some((window) => !window.isDestroyed())).toBe(true);

    app.emit('will-quit', fakeEvent());

    expect(powerSaveBlocker.started.size).toBe(0);
    expect(FakeTray.made.every((tray) => tray.isDestroyed())).toBe(true);
    expect(globalShortcut.registered.size).toBe(0);
    expect(miniWindows().every((window) => window.isDestroyed())).toBe(true);
    expect(app.listenerCount('will-quit')).toBe(0);
    expect(app.listenerCount('before-quit')).toBe(0);
    expect(powerMonitor.eventNames()).toEqual([]);
  });
});
