// Screen sharing's Electron wiring, against a stand-in for Electron: the session's display-media
// handler, the capturer's sources (our own windows left out), the Wayland portal path, and the
// macOS permission dialog.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  app,
  asElectron,
  captureSource,
  desktopCapturer,
  dialog,
  FakeBrowserWindow,
  resetFakeElectron,
  session,
  shell,
  systemPreferences,
} from '../../testing/fake-electron';
import { macScreenRecordingSettingsUrl } from './capture-platform';
import { applyCaptureSwitches, installDisplayMediaHandler } from './electron-display-media';

vi.mock('electron', async () => (await import('../../testing/fake-electron')).fakeElectron);

const realPlatform = process.platform;
function pretendPlatform(platform: NodeJS.Platform) {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

function install(options: { mainWindow?: FakeBrowserWindow | null; shareAudioAllowed?: boolean } = {}) {
  const appSession = session.fromPartition('persist:app');
  const sendToRenderer = vi.fn();
  const registry = installDisplayMediaHandler({
    session: asElectron.session(appSession),
    getMainWindow: () => (options.mainWindow ? asElectron.window(options.mainWindow) : null),
    sendToRenderer,
    language: () => 'en',
    shareAudioAllowed: () => options.shareAudioAllowed ?? true,
  });
  return { appSession, sendToRenderer, registry };
}

/** Lets the handler's awaited source listing settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  resetFakeElectron();
  vi.stubEnv('XDG_SESSION_TYPE', 'x11');
});

afterEach(() => {
  pretendPlatform(realPlatform);
  vi.unstubAllEnvs();
});

describe('Electron display-media handler', () => {
  it('answers the session’s display-media requests itself, without the macOS system picker', () => {
    const { appSession } = install();
    expect(appSession.displayMediaRequestHandler).toBeTypeOf('function');
    expect(appSession.displayMediaOptions).toEqual({ useSystemPicker: false });
  });

  it('refuses a page of another origin without listing anything', async () => {
    const { appSession, sendToRenderer } = install();
    desktopCapturer.sources = [captureSource('screen:1:0', 'Screen 1')];
    await expect(appSession.requestDisplayMedia({ securityOrigin: 'https://evil.example' })).resolves.toEqual({});
    expect(desktopCapturer.getSources).not.toHaveBeenCalled();
    expect(sendToRenderer).not.toHaveBeenCalled();
  });

  it('offers screens and windows but none of our own windows, then grants what the renderer chose', async () => {
    const ours = new FakeBrowserWindow();
    const { appSession, sendToRenderer, registry } = install({ mainWindow: ours });
    desktopCapturer.sources = [captureSource('screen:1:0', 'Screen 1'), captureSource(ours.getMediaSourceId(), 'Visio'), captureSource('window:42:0', 'Editor')];

    // Chromium may give the origin with a trailing slash.
    const granted = appSession.requestDisplayMedia({ securityOrigin: 'app://visio/', audioRequested: true });
    await settle();
    expect(desktopCapturer.getSources).toHaveBeenCalledWith(expect.objectContaining({ types: ['screen', 'window'] }));
    expect(sendToRenderer).toHaveBeenCalledTimes(1);
    const [event, payload] = sendToRenderer.mock.calls[0] ?? [];
    expect(event).toBe('event:capture-request');
    expect(payload.audioAvailable).toBe(false); // no loopback sound on Linux
    expect(payload.sources).toEqual([
      { id: 'screen:1:0', name: 'Screen 1', kind: 'screen', thumbnailDataUrl: 'data:image/png;base64,screen:1:0', iconDataUrl: null },
      { id: 'window:42:0', name: 'Editor', kind: 'window', thumbnailDataUrl: 'data:image/png;base64,window:42:0', iconDataUrl: null },
    ]);

    expect(registry.choose({ requestId: payload.requestId, sourceId: 'window:42:0', audio: false })).toEqual({ ok: true, value: null });
    await expect(granted).resolves.toEqual({ video: { id: 'window:42:0', name: 'Editor' } });
  });

  it('cancelling the picker refuses the request', async () => {
    const { appSession, sendToRenderer, registry } = install();
    desktopCapturer.sources = [captureSource('screen:1:0', 'Screen 1')];
    const answer = appSession.requestDisplayMedia({ securityOrigin: 'app://visio' });
    await settle();
    const requestId = sendToRenderer.mock.calls[0]?.[1].requestId as string;
    registry.choose({ requestId, sourceId: null, audio: false });
    await expect(answer).resolves.toEqual({});
  });

  it('on Wayland grants what the portal picked, without our picker', async () => {
    vi.stubEnv('XDG_SESSION_TYPE', 'wayland');
    const { appSession, sendToRenderer } = install();
    desktopCapturer.sources = [captureSource('screen:0:0', 'Portal choice')];
    await expect(appSession.requestDisplayMedia({ securityOrigin: 'app://visio' })).resolves.toEqual({
      video: { id: 'screen:0:0', name: 'Portal choice' },
    });
    expect(sendToRenderer).not.toHaveBeenCalled();
  });

  it('on macOS without the screen-recording permission explains it and opens System Settings on request', async () => {
    pretendPlatform('darwin');
    const mainWindow = new FakeBrowserWindow();
    const { appSession } = install({ mainWindow });
    systemPreferences.getMediaAccessStatus.mockReturnValue('denied');
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });

    await expect(appSession.requestDisplayMedia({ securityOrigin: 'app://visio' })).resolves.toEqual({});
    expect(systemPreferences.getMediaAccessStatus).toHaveBeenCalledWith('screen');
    expect(desktopCapturer.getSources).not.toHaveBeenCalled();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(mainWindow, expect.objectContaining({ message: 'Allow screen recording', buttons: ['Open System Settings', 'Close'] }));
    await settle();
    expect(shell.openExternal).toHaveBeenCalledWith(macScreenRecordingSettingsUrl);
  });

  it('on macOS, closing the explanation opens nothing', async () => {
    pretendPlatform('darwin');
    const { appSession } = install({ mainWindow: null });
    systemPreferences.getMediaAccessStatus.mockReturnValue('restricted');
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await appSession.requestDisplayMedia({ securityOrigin: 'app://visio' });
    await settle();
    // Without a main window the dialog stands alone.
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ type: 'warning' }));
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('capture switches', () => {
  it('turns the PipeWire capturer on under Wayland only', () => {
    applyCaptureSwitches();
    expect(app.commandLine.hasSwitch('enable-features')).toBe(false);

    vi.stubEnv('XDG_SESSION_TYPE', 'wayland');
    applyCaptureSwitches();
    expect(app.commandLine.getSwitchValue('enable-features')).toBe('WebRTCPipeWireCapturer');
  });

  it('leaves features the user chose alone', () => {
    vi.stubEnv('XDG_SESSION_TYPE', 'wayland');
    app.commandLine.appendSwitch('enable-features', 'Vulkan');
    applyCaptureSwitches();
    expect(app.commandLine.getSwitchValue('enable-features')).toBe('Vulkan');
  });
});
