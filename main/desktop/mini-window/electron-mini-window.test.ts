// The mini call window's Electron wiring, against a stand-in for Electron: how the window is
// made, when its view is sent, what a close by the user means, and who may send it commands.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallState } from '../call-state';
import {
  FakeBrowserWindow,
  FakeWebContents,
  invokeEventFrom,
  ipcMain,
  resetFakeElectron,
  screen,
  session,
  type FakeFrame,
} from '../../testing/fake-electron';
import { installMiniWindow } from './electron-mini-window';

vi.mock('electron', async () => (await import('../../testing/fake-electron')).fakeElectron);

const inCall: CallState = { state: 'in-call', muted: false, cameraOn: true, roomSlug: 'abc-defg-hij', sharing: false };
const idle: CallState = { state: 'idle', muted: false, cameraOn: false, roomSlug: null, sharing: false };

function install() {
  const state = { mainVisible: false, enabled: true };
  const deps = {
    enabled: () => state.enabled,
    mainWindowVisible: () => state.mainVisible,
    language: () => 'fr' as const,
    sendCommand: vi.fn(),
    showMain: vi.fn(),
    report: vi.fn(),
  };
  const installed = installMiniWindow({
    ...deps,
    preloadPath: '/opt/visio/dist/preload/mini.js',
    pageUrl: 'app://visio/mini.html',
    title: () => 'Visio — ministère',
  });
  return { state, deps, installed, controller: installed.controller };
}

/** The mini window's page sends a command from its main frame. */
function commandFrom(contents: FakeWebContents, payload: unknown, frame: FakeFrame | null = contents.mainFrameAt('app://visio/mini.html')) {
  return ipcMain.invoke('mini:command', invokeEventFrom(contents, frame), payload);
}

beforeEach(() => {
  resetFakeElectron();
});

describe('Electron mini call window', () => {
  it('opens a locked-down, capture-protected, always-on-top window at the bottom right, shown without focus once painted', () => {
    const { controller } = install();
    expect(FakeBrowserWindow.made).toHaveLength(0);
    controller.onCallState(inCall);

    expect(FakeBrowserWindow.made).toHaveLength(1);
    const window = FakeBrowserWindow.last();
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: '/opt/visio/dist/preload/mini.js',
      devTools: false,
    });
    expect(window.options).toMatchObject({ show: false, frame: false, skipTaskbar: true, title: 'Visio — ministère' });
    // 1920 × 1040 work area, 340 × 148 window, 16 px margin.
    expect(window.getBounds()).toEqual({ x: 1564, y: 876, width: 340, height: 148 });
    expect(window.contentProtection).toBe(true);
    expect(window.alwaysOnTop).toEqual({ flag: true, level: 'floating' });
    expect(window.visibleOnAllWorkspaces).toEqual({ flag: true, options: { visibleOnFullScreen: true, skipTransformProcessType: true } });
    expect(window.loadedUrls).toEqual(['app://visio/mini.html']);

    expect(window.isVisible()).toBe(false);
    window.emit('ready-to-show');
    expect(window.isVisible()).toBe(true);
    expect(window.shownWith).toBe('showInactive');
    expect(window.isFocused()).toBe(false);
  });

  it('follows the primary display for its first place', () => {
    screen.displays = [{ id: 7, bounds: { x: 0, y: 0, width: 1280, height: 800 }, workArea: { x: 100, y: 0, width: 1180, height: 760 }, scaleFactor: 2 }];
    install().controller.onCallState(inCall);
    expect(FakeBrowserWindow.last().getBounds()).toEqual({ x: 100 + 1180 - 340 - 16, y: 760 - 148 - 16, width: 340, height: 148 });
  });

  it('refuses pop-ups and navigation from its page', () => {
    install().controller.onCallState(inCall);
    const contents = FakeBrowserWindow.last().webContents;
    expect(contents.openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(contents.navigate('will-navigate', 'app://visio/index.html').defaultPrevented).toBe(true);
  });

  it('sends the view only once the page has loaded, then on every change', () => {
    const { controller } = install();
    controller.onCallState(inCall);
    controller.onSpeaker({ name: 'Camille Martin', isLocal: false, participantCount: 3 });
    const window = FakeBrowserWindow.last();
    expect(window.webContents.sent).toEqual([]);

    window.finishLoading();
    expect(window.webContents.sentOn('mini:view')).toEqual([
      {
        language: 'fr',
        inCall: true,
        roomSlug: 'abc-defg-hij',
        muted: false,
        cameraOn: true,
        sharing: false,
        speaker: { name: 'Camille Martin', isLocal: false, participantCount: 3 },
      },
    ]);

    controller.onCallState({ ...inCall, muted: true });
    expect(window.webContents.sentOn('mini:view')).toHaveLength(2);
    expect(window.webContents.sentOn('mini:view')[1]).toMatchObject({ muted: true });
  });

  it('a window closed by the user stays away until the main window is seen again', () => {
    const { controller, state } = install();
    controller.onCallState(inCall);
    const first = FakeBrowserWindow.last();
    first.finishLoading();

    first.close();
    expect(first.isDestroyed()).toBe(true);
    controller.onCallState({ ...inCall, muted: true });
    controller.onMainWindowVisibilityChanged();
    expect(FakeBrowserWindow.made).toHaveLength(1);

    state.mainVisible = true;
    controller.onMainWindowVisibilityChanged();
    state.mainVisible = false;
    controller.onMainWindowVisibilityChanged();
    expect(FakeBrowserWindow.made).toHaveLength(2);
    expect(FakeBrowserWindow.last().isDestroyed()).toBe(false);
  });

  it('a window the controller closes is not taken for a close by the user, even when `closed` comes late', () => {
    const { controller, state } = install();
    controller.onCallState(inCall);
    const first = FakeBrowserWindow.last();

    // The setting turned off: the controller closes the window itself.
    state.enabled = false;
    controller.onCallState(inCall);
    expect(first.isDestroyed()).toBe(true);
    // Electron may deliver `closed` after `destroy()` returned.
    first.emit('closed');

    state.enabled = true;
    controller.onCallState(inCall);
    expect(FakeBrowserWindow.made).toHaveLength(2);
  });

  it('keeps the place the user moved it to for the next opening', () => {
    const { controller, state } = install();
    controller.onCallState(inCall);
    FakeBrowserWindow.last().moveTo({ x: 40, y: 60 });
    state.mainVisible = true;
    controller.onMainWindowVisibilityChanged();
    expect(FakeBrowserWindow.last().isDestroyed()).toBe(true);

    state.mainVisible = false;
    controller.onMainWindowVisibilityChanged();
    expect(FakeBrowserWindow.last().getBounds()).toEqual({ x: 40, y: 60, width: 340, height: 148 });
  });

  it('runs a command from the mini window and refuses any other sender', async () => {
    const { controller, deps } = install();
    controller.onCallState(inCall);
    const mini = FakeBrowserWindow.last().webContents;

    await expect(commandFrom(mini, { command: 'toggle-mic' })).resolves.toEqual({ ok: true, value: null });
    expect(deps.sendCommand).toHaveBeenCalledWith('toggle-mic');

    // The main window's page, a sub-frame of the mini window, a foreign page in the mini window.
    const mainWindow = new FakeWebContents(session.defaultSession);
    const refusals = [
      await commandFrom(mainWindow, { command: 'leave' }, mainWindow.mainFrameAt('app://visio/index.html')),
      await commandFrom(mini, { command: 'leave' }, mini.subFrameAt('app://visio/mini.html')),
      await commandFrom(mini, { command: 'leave' }, mini.mainFrameAt('https://evil.example/')),
      await commandFrom(mini, { command: 'leave' }, null),
    ];
    for (const refused of refusals) expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(deps.sendCommand).toHaveBeenCalledTimes(1);
    expect(deps.report).toHaveBeenCalledTimes(refusals.length);

    await expect(commandFrom(mini, { command: 'format-disk' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await expect(commandFrom(mini, { command: 'show-main' })).resolves.toEqual({ ok: true, value: null });
    expect(deps.showMain).toHaveBeenCalledTimes(1);
  });

  it('refuses commands from a mini window that is gone', async () => {
    const { controller, deps } = install();
    controller.onCallState(inCall);
    const window = FakeBrowserWindow.last();
    window.close();
    await expect(commandFrom(window.webContents, { command: 'toggle-mic' })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(deps.sendCommand).not.toHaveBeenCalled();
  });

  it('closes when the call ends', () => {
    const { controller } = install();
    controller.onCallState(inCall);
    controller.onCallState(idle);
    expect(FakeBrowserWindow.last().isDestroyed()).toBe(true);
  });

  it('dispose removes the command handler and destroys the window; it can be installed again', () => {
    const { controller, installed } = install();
    controller.onCallState(inCall);
    expect(ipcMain.handlers.has('mini:command')).toBe(true);

    installed.dispose();
    expect(ipcMain.handlers.has('mini:command')).toBe(false);
    expect(FakeBrowserWindow.last().isDestroyed()).toBe(true);
    expect(() => install()).not.toThrow();
  });
});
