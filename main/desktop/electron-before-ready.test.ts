// What importing the desktop features does before `ready`, against a stand-in for Electron: the
// capture switch a Wayland session needs, and the macOS `open-url` listener. Each test loads the
// modules afresh, as a new start of the app would.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEvent, type fakeElectron } from '../testing/fake-electron';

vi.mock('electron', async () => (await import('../testing/fake-electron')).fakeElectron);

const realPlatform = process.platform;
const realArgv = process.argv;

/**
 * A fresh start: the module is loaded again (module state and all), and the fake `app` it imports,
 * taken from the very same `electron` module, is emptied first.
 */
async function start() {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as typeof fakeElectron;
  electron.app.reset();
  await import('./electron-before-ready');
  return electron;
}

beforeEach(() => {
  Object.defineProperty(process, 'platform', { value: 'linux', configurable: true });
  process.argv = ['/opt/Visio/visio'];
});

afterEach(() => {
  vi.unstubAllEnvs();
  Object.defineProperty(process, 'platform', { value: realPlatform, configurable: true });
  process.argv = realArgv;
});

describe('before ready', () => {
  it('turns on the PipeWire capturer in a Wayland session', async () => {
    vi.stubEnv('XDG_SESSION_TYPE', 'wayland');
    const { app } = await start();
    expect(app.commandLine.getSwitchValue('enable-features')).toBe('WebRTCPipeWireCapturer');
  });

  it('adds no switch on X11, nor over features the user chose', async () => {
    vi.stubEnv('XDG_SESSION_TYPE', 'x11');
    expect((await start()).app.switches.size).toBe(0);

    vi.stubEnv('XDG_SESSION_TYPE', 'wayland');
    process.argv = ['/opt/Visio/visio', '--enable-features=VaapiVideoDecoder'];
    expect((await start()).app.commandLine.hasSwitch('enable-features')).toBe(false);
  });

  it('listens for macOS links from the first moment, and keeps them for the dispatcher', async () => {
    vi.stubEnv('XDG_SESSION_TYPE', '');
    const { app } = await start();
    expect(app.listenerCount('open-url')).toBe(1);
    const event = fakeEvent();
    app.emit('open-url', event, 'visio://join/abc-defg-hij');
    // Handled by the app: macOS would otherwise try another handler.
    expect(event.defaultPrevented).toBe(true);

    const { DeepLinkDispatcher } = await import('./deep-links/deep-link-dispatcher');
    const { installDeepLinks } = await import('./deep-links/electron-deep-links');
    const sendJoin = vi.fn();
    const dispatcher = new DeepLinkDispatcher({
      config: { scheme: 'visio', meetingHosts: ['visio.example.gouv.fr'] },
      language: () => 'fr',
      showWindow: vi.fn(),
      sendJoin,
      notifyRefused: vi.fn(),
    });
    dispatcher.markRendererReady();
    installDeepLinks(dispatcher)();
    expect(sendJoin).toHaveBeenCalledWith('abc-defg-hij');
  });
});
