// The desktop features wired together, against a stand-in for Electron (and for keytar and
// electron-updater, which would reach the OS or load Electron themselves): which channels are
// answered, where the call state goes, what the main window's events do, and what dispose undoes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallState } from './call-state';
import { profileSchema } from '../../common/profile';
import {
  app,
  asElectron,
  captureSource,
  desktopCapturer,
  FakeBrowserWindow,
  FakeNotification,
  FakeTray,
  globalShortcut,
  powerMonitor,
  powerSaveBlocker,
  resetFakeElectron,
  session,
  type FakeMenu,
} from '../testing/fake-electron';
import { createExternalOpener } from '../security/electron-open-external';
import { guardWebContents } from '../security/electron-web-contents-guard';
import { credentialServiceName } from './credentials/credential-store';
import { wireDesktopFeatures, type DesktopFeatures } from './electron-desktop-features';
import type { DesktopSettings } from '../../common/settings';
import { desktopInvokeChannels, type DesktopContext } from './index';

vi.mock('electron', async () => (await import('../testing/fake-electron')).fakeElectron);

/** keytar, in memory: the real one talks to the Secret Service. */
const keychain = vi.hoisted(() => ({ entries: new Map<string, string>(), broken: false }));
vi.mock('keytar', () => {
  const check = () => {
    if (keychain.broken) throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
  };
  return {
    getPassword: async (service: string, account: string) => (check(), keychain.entries.get(`${service}|${account}`) ?? null),
    setPassword: async (service: string, account: string, password: string) => void (check(), keychain.entries.set(`${service}|${account}`, password)),
    deletePassword: async (service: string, account: string) => (check(), keychain.entries.delete(`${service}|${account}`)),
  };
});
// electron-updater loads Electron itself; with updates off (an unpackaged run) it is never used.
vi.mock('electron-updater', () => ({ autoUpdater: {} }));

const profile = profileSchema.parse({
  id: 'ministere',
  displayName: 'Visio Ministère',
  apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/',
  meetingHosts: ['visio.example.gouv.fr'],
  allowedHosts: ['visio.example.gouv.fr'],
});

const idle: CallState = { state: 'idle', muted: false, cameraOn: false, roomSlug: null, sharing: false };
const inCall: CallState = { state: 'in-call', muted: false, cameraOn: true, roomSlug: 'abc-defg-hij', sharing: false };

type Handler = (payload: unknown) => Promise<unknown>;

let features: DesktopFeatures | null = null;
let userData: string;

function install(overrides: Partial<DesktopSettings> = {}) {
  const settings: DesktopSettings = {
    language: 'en',
    updatesEnabled: false,
    updateFeedUrl: null,
    updateChannel: 'latest',
    calendarFeedUrl: null,
    screenShareAudioAllowed: true,
    globalMuteShortcut: 'Ctrl+Alt+M',
    miniWindowEnabled: true,
    ...overrides,
  };
  const handlers = new Map<string, Handler>();
  const appSession = session.fromPartition('persist:app');
  let mainWindow: FakeBrowserWindow | null = guarded(new FakeBrowserWindow({ width: 1280, height: 800 }), appSession);
  const sendToRenderer = vi.fn();
  const settingsListeners = new Set<() => void>();
  const context: DesktopContext = {
    getMainWindow: () => (mainWindow && !mainWindow.isDestroyed() ? asElectron.window(mainWindow) : null),
    sendToRenderer,
    profile,
    registerInvoke: (channel, handler) => void handlers.set(channel, handler as Handler),
    session: asElectron.session(appSession),
    settings: () => settings,
    onSettingsChanged: (listener) => {
      settingsListeners.add(listener);
      return () => settingsListeners.delete(listener);
    },
  };
  features = wireDesktopFeatures(context);
  const invoke = (channel: string, payload: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`${channel} is not answered`);
    return handler(payload);
  };
  return {
    features,
    settings,
    changeSettings: (patch: Partial<DesktopSettings>) => {
      Object.assign(settings, patch);
      for (const listener of settingsListeners) listener();
    },
    handlers,
    appSession,
    sendToRenderer,
    invoke,
    main: () => {
      if (!mainWindow) throw new Error('no main window');
      return mainWindow;
    },
    replaceMainWindow: (window: FakeBrowserWindow | null) => {
      mainWindow = window;
    },
  };
}

const tray = () => FakeTray.made[0] as FakeTray;
const trayMenu = (): FakeMenu => {
  const menu = tray().contextMenu;
  if (!menu) throw new Error('no tray menu');
  return menu;
};
/** Windows made besides the main window, by the page they load. */
const windowsLoading = (page: string) => FakeBrowserWindow.made.filter((window) => window.loadedUrls.some((url) => url.endsWith(page)));
const liveWindowsLoading = (page: string) => windowsLoading(page).filter((window) => !window.isDestroyed());
const commandsSent = (sendToRenderer: ReturnType<typeof vi.fn>) =>
  sendToRenderer.mock.calls.filter(([event]) => event === 'event:command').map(([, payload]) => payload.command);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** A window guarded as main/index.ts guards every web contents. */
function guarded(window: FakeBrowserWindow, appSession = session.fromPartition('persist:app')): FakeBrowserWindow {
  guardWebContents(asElectron.webContents(window.webContents), asElectron.session(appSession), createExternalOpener({ language: () => 'en', parent: () => null }));
  return window;
}
const floatingRequests = (sendToRenderer: ReturnType<typeof vi.fn>) => sendToRenderer.mock.calls.filter(([event]) => event === 'event:floating-window').length;
/** What the main window's page does when asked: it opens its floating window. */
const pageOpensFloating = (window: FakeBrowserWindow) => window.webContents.openWindow('app://visio/floating.html', 'visio-floating');

beforeEach(() => {
  resetFakeElectron();
  userData = mkdtempSync(join(tmpdir(), 'visio-desktop-features-'));
  app.setPath('userData', userData);
  keychain.entries.clear();
  keychain.broken = false;
});

afterEach(() => {
  features?.dispose();
  features = null;
  rmSync(userData, { recursive: true, force: true });
});

describe('wireDesktopFeatures', () => {
  it('answers every desktop invoke channel, and installs the tray, screen sharing and the link scheme', () => {
    const { handlers, appSession } = install();
    expect([...handlers.keys()].sort()).toEqual([...desktopInvokeChannels].sort());
    expect(appSession.displayMediaRequestHandler).toBeTypeOf('function');
    expect(FakeTray.made).toHaveLength(1);
    expect(tray().tooltip).toBe('Visio');
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('visio');
  });

  it('sends the call state to the tray, the power blocker and the mute shortcut', async () => {
    const { invoke } = install();
    await expect(invoke('call:state', inCall)).resolves.toEqual({ ok: true, value: null });
    expect(tray().tooltip).toBe('Visio — in a meeting');
    expect(trayMenu().labels()).toContain('Leave meeting');
    expect(powerSaveBlocker.started.size).toBe(1);
    expect(globalShortcut.isRegistered('Ctrl+Alt+M')).toBe(true);

    await invoke('call:state', idle);
    expect(tray().tooltip).toBe('Visio');
    expect(powerSaveBlocker.started.size).toBe(0);
    expect(globalShortcut.registered.size).toBe(0);
  });

  it('rebuilds the tray in the new language as soon as the settings change, without a restart', async () => {
    const { invoke, changeSettings } = install();
    await invoke('call:state', inCall);
    expect(trayMenu().labels()).toContain('Leave meeting');
    changeSettings({ language: 'fr' });
    expect(tray().tooltip).toBe('Visio — en réunion');
    expect(trayMenu().labels()).toContain('Quitter la réunion');
    changeSettings({ language: 'de' });
    expect(trayMenu().labels()).toContain('Visio beenden');
  });

  it('opens the mini window when the main window is hidden or minimized during a call, and closes it when it is back', async () => {
    const { invoke, main, sendToRenderer } = install();
    await invoke('call:state', inCall);
    expect(floatingRequests(sendToRenderer)).toBe(0);
    expect(pageOpensFloating(main())).toEqual({ action: 'deny' });

    main().hide();
    expect(floatingRequests(sendToRenderer)).toBe(1);
    expect(pageOpensFloating(main())).toMatchObject({ action: 'allow' });
    const [mini] = liveWindowsLoading('floating.html');
    expect(mini?.options.webPreferences.preload).toBeUndefined();
    expect(mini?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(mini?.options.title).toBe('Visio Ministère');
    expect(mini?.contentProtection).toBe(true);
    expect(mini?.alwaysOnTop).toEqual({ flag: true, level: 'floating' });

    main().show();
    expect(mini?.isDestroyed()).toBe(true);

    main().minimize();
    expect(floatingRequests(sendToRenderer)).toBe(2);
    pageOpensFloating(main());
    expect(liveWindowsLoading('floating.html')).toHaveLength(1);
    main().restore();
    expect(liveWindowsLoading('floating.html')).toHaveLength(0);
  });

  it('"Show Visio" in the floating window brings the main window to the front, and the floating window goes', async () => {
    const { invoke, main } = install();
    await invoke('call:state', inCall);
    main().minimize();
    pageOpensFloating(main());
    const [floating] = liveWindowsLoading('floating.html');
    expect(main().isFocused()).toBe(false);

    await expect(invoke('window:show-main', undefined)).resolves.toEqual({ ok: true, value: null });
    expect(main().isMinimized()).toBe(false);
    expect(main().isVisible()).toBe(true);
    expect(main().isFocused()).toBe(true);
    expect(floating?.isDestroyed()).toBe(true);

    // Hidden again later, the floating window comes back: showing Visio is no refusal of it.
    main().hide();
    pageOpensFloating(main());
    expect(liveWindowsLoading('floating.html')).toHaveLength(1);
    await invoke('window:show-main', undefined);
    expect(main().isVisible()).toBe(true);
    expect(liveWindowsLoading('floating.html')).toHaveLength(0);
  });

  it('keeps the mini window away when the setting is off', async () => {
    const { invoke, main, sendToRenderer } = install({ miniWindowEnabled: false });
    await invoke('call:state', inCall);
    main().hide();
    expect(floatingRequests(sendToRenderer)).toBe(0);
    expect(pageOpensFloating(main())).toEqual({ action: 'deny' });
  });

  it('lets the main window open its floating window and nothing else, even while it is wanted', async () => {
    const { invoke, main } = install();
    await invoke('call:state', inCall);
    main().hide();
    expect(main().webContents.openWindow('app://visio/index.html', 'visio-floating')).toEqual({ action: 'deny' });
    expect(main().webContents.openWindow('app://visio/floating.html', '')).toEqual({ action: 'deny' });
    expect(pageOpensFloating(main())).toMatchObject({ action: 'allow' });
    expect(pageOpensFloating(main())).toEqual({ action: 'deny' });
    expect(liveWindowsLoading('floating.html')).toHaveLength(1);
  });

  it('shows the share indicator in the user’s language while sharing, and its Stop asks the renderer to stop', async () => {
    const { invoke, sendToRenderer } = install({ language: 'nl' });
    await invoke('call:state', { ...inCall, sharing: true });
    const [indicator] = liveWindowsLoading('share-indicator.nl.html');
    expect(indicator?.loadedUrls).toEqual(['app://visio/share-indicator.nl.html']);

    indicator?.webContents.emit('did-navigate-in-page', {}, 'app://visio/share-indicator.nl.html#stop');
    expect(commandsSent(sendToRenderer)).toEqual(['stop-screen-share']);
    await invoke('call:state', inCall);
    expect(indicator?.isDestroyed()).toBe(true);
  });

  it('settles a screen-share request through capture:choose, and cancels it when the page navigates', async () => {
    const { invoke, appSession, sendToRenderer, main } = install();
    desktopCapturer.sources = [captureSource('screen:1:0', 'Screen 1')];
    const first = appSession.requestDisplayMedia({ securityOrigin: 'app://visio' });
    await settle();
    const request = sendToRenderer.mock.calls.find(([event]) => event === 'event:capture-request')?.[1];
    await expect(invoke('capture:choose', { requestId: request.requestId, sourceId: 'screen:1:0', audio: false })).resolves.toEqual({ ok: true, value: null });
    await expect(first).resolves.toEqual({ video: { id: 'screen:1:0', name: 'Screen 1' } });

    const second = appSession.requestDisplayMedia({ securityOrigin: 'app://visio' });
    await settle();
    main().webContents.emit('did-navigate');
    await expect(second).resolves.toEqual({});
    expect(sendToRenderer).toHaveBeenCalledWith('event:capture-cancelled', expect.anything());
  });

  it('tray items reach the renderer, and a click on the icon brings the window back', async () => {
    const { invoke, main, sendToRenderer } = install();
    await invoke('call:state', inCall);
    trayMenu().click('Mute microphone');
    trayMenu().click('Leave meeting');
    expect(commandsSent(sendToRenderer)).toEqual(['toggle-mic', 'leave']);

    main().minimize();
    tray().emit('click');
    expect(main().isMinimized()).toBe(false);
    expect(main().isFocused()).toBe(true);

    trayMenu().click('Quit Visio');
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('closing the main window during a call hides it, says so once, and the mini window takes over', async () => {
    const { invoke, main } = install();
    await invoke('call:state', inCall);
    main().close();
    expect(main().isDestroyed()).toBe(false);
    expect(main().isVisible()).toBe(false);
    expect(FakeNotification.made.map((notification) => notification.options.title)).toEqual(['The meeting goes on']);
    expect(pageOpensFloating(main())).toMatchObject({ action: 'allow' });
    expect(liveWindowsLoading('floating.html')).toHaveLength(1);
    // Its place was kept for the next start.
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 0, y: 0, width: 1280, height: 800 },
      maximized: false,
    });
  });

  it('notifies a lobby request while the window is not focused, and a chat message while it is hidden', async () => {
    const { invoke, main } = install();
    main().hide();
    await invoke('lobby:waiting-changed', { roomId: 'r1', roomSlug: 'abc-defg-hij', participants: [{ id: 'p1', username: 'Dominique' }] });
    await invoke('chat:received', { from: 'Camille', text: 'Bonjour', roomSlug: 'abc-defg-hij' });
    expect(FakeNotification.made.map((notification) => [notification.options.title, notification.shown])).toEqual([
      ['Request to join the meeting', true],
      ['Message from Camille', true],
    ]);
  });

  it('holds a meeting link until the renderer reports in, then asks it to join', async () => {
    const { invoke, sendToRenderer } = install();
    app.emit('second-instance', {}, ['/opt/visio/visio', 'visio://join/abc-defg-hij']);
    expect(sendToRenderer).not.toHaveBeenCalledWith('event:join', expect.anything());
    await invoke('call:state', idle);
    expect(sendToRenderer).toHaveBeenCalledWith('event:join', { slug: 'abc-defg-hij' });
  });

  it('restores the login kept in the keychain into the login partition, and forgets it on logout', async () => {
    const service = credentialServiceName(profile.id);
    keychain.entries.set(
      `${service}|session`,
      JSON.stringify({ version: 1, cookies: [{ name: 'sessionid', value: 'kept-session', sameSite: 'lax', secure: true, httpOnly: true }] }),
    );
    keychain.entries.set(`${service}|calendar`, 'calendar-secret');
    const { features: installed } = install();
    await installed.sessionRestored;
    const login = session.fromPartition('login-ministere');
    expect(login.cookies.jar.map((cookie) => [cookie.name, cookie.value])).toEqual([['sessionid', 'kept-session']]);

    await installed.forgetCredentials();
    expect(keychain.entries.size).toBe(0);
  });

  it('tells the user once when no keychain answers', async () => {
    keychain.broken = true;
    const { features: installed } = install();
    await installed.sessionRestored;
    expect(FakeNotification.made.map((notification) => notification.options.body)).toEqual([expect.stringContaining('No keyring')]);
  });

  it('a main window made again gets the same hooks, and the closed one lets go of its own', async () => {
    const { invoke, features: installed, main, replaceMainWindow } = install();
    const first = main();
    expect(app.listenerCount('before-quit')).toBe(1);
    first.destroy();
    // Its quit question went with it.
    expect(app.listenerCount('before-quit')).toBe(0);
    expect(powerMonitor.listenerCount('shutdown')).toBe(0);

    const second = guarded(new FakeBrowserWindow());
    replaceMainWindow(second);
    installed.attachMainWindow(asElectron.window(second));
    expect(app.listenerCount('before-quit')).toBe(1);
    await invoke('call:state', inCall);
    second.hide();
    pageOpensFloating(second);
    expect(liveWindowsLoading('floating.html')).toHaveLength(1);
    second.show();
    second.close();
    expect(second.isDestroyed()).toBe(false);
    expect(second.isVisible()).toBe(false);

    // A destroyed window is not attached.
    const gone = new FakeBrowserWindow();
    gone.destroy();
    installed.attachMainWindow(asElectron.window(gone));
    expect(app.listenerCount('before-quit')).toBe(1);
  });

  it('dispose (also on will-quit) removes what was installed', async () => {
    const { invoke, main } = install();
    await invoke('call:state', { ...inCall, sharing: true });
    main().hide();
    pageOpensFloating(main());
    expect(liveWindowsLoading('floating.html')).toHaveLength(1);

    app.emit('will-quit');
    features = null;
    expect(liveWindowsLoading('floating.html')).toHaveLength(0);
    expect(liveWindowsLoading('share-indicator.en.html')).toHaveLength(0);
    expect(tray().isDestroyed()).toBe(true);
    expect(powerSaveBlocker.started.size).toBe(0);
    expect(globalShortcut.registered.size).toBe(0);
    for (const event of ['show', 'hide', 'minimize', 'restore', 'close', 'move', 'resize']) expect([event, main().listenerCount(event)]).toEqual([event, 0]);
    for (const event of ['did-navigate', 'did-finish-load', 'render-process-gone', 'did-create-window']) expect([event, main().webContents.listenerCount(event)]).toEqual([event, 0]);
    expect(app.listenerCount('second-instance') + app.listenerCount('before-quit')).toBe(0);
    expect(powerMonitor.listenerCount('suspend') + powerMonitor.listenerCount('shutdown')).toBe(0);

    // Nothing answers the main window any more, and its end finds nothing left to undo.
    main().show();
    main().hide();
    expect(pageOpensFloating(main())).toEqual({ action: 'deny' });
    expect(liveWindowsLoading('floating.html')).toHaveLength(0);
    expect(() => main().destroy()).not.toThrow();
  });
});
