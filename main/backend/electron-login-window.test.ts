// The login window's Electron wiring, against a stand-in for Electron: its own partition, no
// bridge to main, no popup, navigation held to the instance and the identity provider, and the
// login flow that closes it once the browser is back on the instance.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { profileSchema } from '../../common/profile';
import { asElectron, FakeBrowserWindow, FakeWebContents, resetFakeElectron, session } from '../testing/fake-electron';
import { createElectronLoginWindowPort, lockDownLoginSession } from './electron-login-window';
import { runLoginFlow } from './login-flow';

vi.mock('electron', async () => (await import('../testing/fake-electron')).fakeElectron);

const profile = profileSchema.parse({
  id: 'interieur',
  displayName: 'Visio Intérieur',
  apiBaseUrl: 'https://visio.interieur.gouv.fr/api/v1.0/',
  identityProviderUrl: 'https://auth.agentconnect.gouv.fr/api/v2',
  meetingHosts: ['visio.interieur.gouv.fr'],
  allowedHosts: ['*.sso.interieur.gouv.fr'],
});

function open(parent: FakeBrowserWindow | null = null) {
  const port = createElectronLoginWindowPort({
    profile,
    title: () => 'Connexion – Visio',
    parent: () => (parent ? asElectron.window(parent) : null),
  });
  const events = { onNavigation: vi.fn(), onClosed: vi.fn() };
  const handle = port.open('https://visio.interieur.gouv.fr/api/v1.0/authenticate/?returnTo=x', events);
  return { window: FakeBrowserWindow.last(), events, handle };
}

beforeEach(() => {
  resetFakeElectron();
});

describe('Electron login window', () => {
  it('uses the profile’s own in-memory partition, no preload and the locked-down options', () => {
    const { window } = open();
    const preferences = window.options.webPreferences;
    expect(preferences).toMatchObject({
      partition: 'login-interieur',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(preferences.preload).toBeUndefined();
    expect(preferences.partition.startsWith('persist:')).toBe(false);
    expect(window.webContents.session).toBe(session.fromPartition('login-interieur'));
    expect(window.webContents.session).not.toBe(session.defaultSession);
    expect(window.options).toMatchObject({ title: 'Connexion – Visio', show: false });
    expect(window.options.parent).toBeUndefined();
    expect(window.loadedUrls).toEqual(['https://visio.interieur.gouv.fr/api/v1.0/authenticate/?returnTo=x']);
  });

  it('is a child of the app window when there is one, and shows once painted', () => {
    const main = new FakeBrowserWindow();
    const { window } = open(main);
    expect(window.options.parent).toBe(main);
    expect(window.options.modal).toBe(false);
    expect(window.isVisible()).toBe(false);
    window.emit('ready-to-show');
    expect(window.isVisible()).toBe(true);
  });

  it('denies every window.open', () => {
    const { window } = open();
    expect(window.webContents.openWindow('https://auth.agentconnect.gouv.fr/api/v2/help')).toEqual({ action: 'deny' });
    expect(window.webContents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('lets the login go to the instance and the identity provider, and nowhere else', () => {
    const { window, events } = open();
    const contents = window.webContents;
    for (const url of [
      'https://auth.agentconnect.gouv.fr/api/v2/authorize?client_id=visio',
      'https://idp.sso.interieur.gouv.fr/login',
      'https://visio.interieur.gouv.fr/api/v1.0/callback/?code=1',
    ]) {
      expect(contents.navigate('will-navigate', url).defaultPrevented, url).toBe(false);
      expect(contents.navigate('will-redirect', url).defaultPrevented, url).toBe(false);
    }
    for (const url of ['https://evil.example/phish', 'http://idp.sso.interieur.gouv.fr/login', 'file:///etc/passwd']) {
      expect(contents.navigate('will-navigate', url).defaultPrevented, url).toBe(true);
      expect(contents.navigate('will-redirect', url).defaultPrevented, url).toBe(true);
    }
    // Frames inside the provider's page are held to the same hosts.
    expect(contents.navigate('will-frame-navigate', 'https://tracker.example/pixel', { isMainFrame: false }).defaultPrevented).toBe(true);
    expect(
      contents.navigate('will-frame-navigate', 'https://auth.agentconnect.gouv.fr/api/v2/frame', { isMainFrame: false }).defaultPrevented,
    ).toBe(false);
    // The flow hears of every navigation, allowed or not, and of each page reached.
    expect(events.onNavigation).toHaveBeenCalledWith('https://evil.example/phish');
    contents.emit('did-navigate', {}, 'https://auth.agentconnect.gouv.fr/api/v2/authorize');
    expect(events.onNavigation).toHaveBeenLastCalledWith('https://auth.agentconnect.gouv.fr/api/v2/authorize');
  });

  it('tells the flow when the user closes it, and closing it again afterwards is harmless', () => {
    const { window, events, handle } = open();
    window.close();
    expect(events.onClosed).toHaveBeenCalledTimes(1);
    expect(() => handle.close()).not.toThrow();
  });

  it('is closed by the login flow once back on the instance, with the flow ok', async () => {
    const port = createElectronLoginWindowPort({ profile, title: () => 'Connexion – Visio', parent: () => null });
    const flow = runLoginFlow({ apiBaseUrl: profile.apiBaseUrl, window: port });
    const window = FakeBrowserWindow.last();
    expect(window.loadedUrls[0]).toBe('https://visio.interieur.gouv.fr/api/v1.0/authenticate/?returnTo=https%3A%2F%2Fvisio.interieur.gouv.fr%2F');

    window.webContents.emit('did-navigate', {}, 'https://auth.agentconnect.gouv.fr/api/v2/authorize');
    window.webContents.emit('did-navigate', {}, 'https://visio.interieur.gouv.fr/api/v1.0/callback/?code=1');
    expect(window.isDestroyed()).toBe(false);

    window.webContents.navigate('will-redirect', 'https://visio.interieur.gouv.fr/');
    await expect(flow).resolves.toEqual({ ok: true, value: null });
    expect(window.isDestroyed()).toBe(true);
  });

  it('a login window closed by the user cancels the flow', async () => {
    const port = createElectronLoginWindowPort({ profile, title: () => 'Connexion – Visio', parent: () => null });
    const flow = runLoginFlow({ apiBaseUrl: profile.apiBaseUrl, window: port });
    FakeBrowserWindow.last().close();
    await expect(flow).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});

describe('login session lock-down', () => {
  it('denies every permission and turns the spellchecker off in the login partition only', async () => {
    lockDownLoginSession(profile);
    const login = session.fromPartition('login-interieur');
    const page = new FakeWebContents(login);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      await expect(login.requestPermission(page, permission, {}), permission).resolves.toBe(false);
      expect(login.checkPermission(page, permission, 'https://auth.agentconnect.gouv.fr', {}), permission).toBe(false);
    }
    expect(login.spellCheckerEnabled).toBe(false);
    expect(session.defaultSession.permissionRequestHandler).toBeNull();
  });
});
