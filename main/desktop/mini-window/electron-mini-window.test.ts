// The mini call window's Electron wiring, against a stand-in for Electron: main asks the main
// window's page to open its floating window, allows exactly that window with main's options,
// keeps it on top and out of captures, and knows a close by the user from its own.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallState } from '../call-state';
import { asElectron, FakeBrowserWindow, resetFakeElectron, screen, session } from '../../testing/fake-electron';
import { allowWindowOpen, guardWebContents } from '../../security/electron-web-contents-guard';
import { createExternalOpener } from '../../security/electron-open-external';
import { installMiniWindow } from './electron-mini-window';

vi.mock('electron', async () => (await import('../../testing/fake-electron')).fakeElectron);

const inCall: CallState = { state: 'in-call', muted: false, cameraOn: true, roomSlug: 'abc-defg-hij', sharing: false };
const idle: CallState = { state: 'idle', muted: false, cameraOn: false, roomSlug: null, sharing: false };
const pageUrl = 'app://visio/floating.html';

/** The main window, guarded like every window of the app, with the mini window wired as in main. */
function install() {
  const state = { mainVisible: false, enabled: true, pageListens: true };
  const main = new FakeBrowserWindow({});
  const appSession = session.defaultSession;
  guardWebContents(asElectron.webContents(main.webContents), asElectron.session(appSession), createExternalOpener({ language: () => 'fr', parent: () => null }));
  const requests: number[] = [];
  const installed = installMiniWindow({
    appOrigin: 'app://visio',
    title: () => 'Visio — ministère',
    enabled: () => state.enabled,
    mainWindowVisible: () => state.mainVisible,
    language: () => 'fr',
    showMain: vi.fn(),
    requestOpen: () => {
      requests.push(requests.length + 1);
      return state.pageListens;
    },
  });
  allowWindowOpen(asElectron.webContents(main.webContents), (details) => installed.windowOpen(details));
  main.webContents.on('did-create-window', (child: FakeBrowserWindow, details: { url: string; frameName: string }) =>
    installed.adopt(asElectron.window(child), details),
  );
  /** What the page does on `event:floating-window`. */
  const pageOpens = () => main.webContents.openWindow(pageUrl, 'visio-floating');
  return { state, main, installed, controller: installed.controller, requests, pageOpens };
}

beforeEach(() => {
  resetFakeElectron();
});

describe('Electron mini call window', () => {
  it('asks the page for it, then makes it locked down, capture-protected, always on top, at the bottom right, shown without focus', () => {
    const { controller, requests, pageOpens } = install();
    controller.onCallState(inCall);
    expect(requests).toHaveLength(1);

    expect(pageOpens()).toMatchObject({ action: 'allow' });
    const window = FakeBrowserWindow.last();
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false });
    expect(window.options.webPreferences.preload).toBeUndefined();
    expect(window.options).toMatchObject({ show: false, frame: false, skipTaskbar: true, alwaysOnTop: true, title: 'Visio — ministère' });
    // 1920 × 1040 work area, 360 × 300 window, 16 px margin.
    expect(window.getBounds()).toEqual({ x: 1544, y: 724, width: 360, height: 300 });
    expect(window.contentProtection).toBe(true);
    expect(window.alwaysOnTop).toEqual({ flag: true, level: 'floating' });
    expect(window.visibleOnAllWorkspaces).toEqual({ flag: true, options: { visibleOnFullScreen: true, skipTransformProcessType: true } });

    expect(window.isVisible()).toBe(false);
    window.emit('ready-to-show');
    expect(window.isVisible()).toBe(true);
    expect(window.shownWith).toBe('showInactive');
    expect(window.isFocused()).toBe(false);
  });

  it('follows the primary display for its first place', () => {
    screen.displays = [{ id: 7, bounds: { x: 0, y: 0, width: 1280, height: 800 }, workArea: { x: 100, y: 0, width: 1180, height: 760 }, scaleFactor: 2 }];
    const { controller, pageOpens } = install();
    controller.onCallState(inCall);
    pageOpens();
    expect(FakeBrowserWindow.last().getBounds()).toEqual({ x: 100 + 1180 - 360 - 16, y: 760 - 300 - 16, width: 360, height: 300 });
  });

  it('lets the page open that one window only when main asked for it, and no other', () => {
    const { controller, main, state, pageOpens } = install();
    // Not asked: the main window is in sight.
    state.mainVisible = true;
    controller.onCallState(inCall);
    expect(pageOpens()).toEqual({ action: 'deny' });

    state.mainVisible = false;
    controller.onMainWindowVisibilityChanged();
    expect(main.webContents.openWindow(pageUrl, 'other-name')).toEqual({ action: 'deny' });
    expect(main.webContents.openWindow('app://visio/index.html', 'visio-floating')).toEqual({ action: 'deny' });
    expect(main.webContents.openWindow('https://evil.example/floating.html', 'visio-floating')).toEqual({ action: 'deny' });
    expect(pageOpens()).toMatchObject({ action: 'allow' });
    // Once made, a second one is refused.
    expect(pageOpens()).toEqual({ action: 'deny' });
    expect(FakeBrowserWindow.made.filter((window) => window !== main)).toHaveLength(1);
  });

  it('refuses pop-ups and navigation from the mini window', () => {
    const { controller, pageOpens } = install();
    controller.onCallState(inCall);
    pageOpens();
    const contents = FakeBrowserWindow.last().webContents;
    expect(contents.openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(contents.navigate('will-navigate', 'app://visio/index.html').defaultPrevented).toBe(true);
  });

  it('a window closed by the user stays away until the main window is seen again', () => {
    const { controller, state, requests, pageOpens } = install();
    controller.onCallState(inCall);
    pageOpens();
    FakeBrowserWindow.last().close();
    controller.onCallState({ ...inCall, muted: true });
    controller.onMainWindowVisibilityChanged();
    expect(requests).toHaveLength(1);

    state.mainVisible = true;
    controller.onMainWindowVisibilityChanged();
    state.mainVisible = false;
    controller.onMainWindowVisibilityChanged();
    expect(requests).toHaveLength(2);
  });

  it('closes it itself when the main window comes back, without taking that for a refusal', () => {
    const { controller, state, requests, pageOpens } = install();
    controller.onCallState(inCall);
    pageOpens();
    const first = FakeBrowserWindow.last();
    state.mainVisible = true;
    controller.onMainWindowVisibilityChanged();
    expect(first.isDestroyed()).toBe(true);
    // Electron may deliver `closed` again after `destroy()` returned.
    first.emit('closed');

    state.mainVisible = false;
    controller.onMainWindowVisibilityChanged();
    expect(requests).toHaveLength(2);
  });

  it('keeps the place the user moved it to for the next opening', () => {
    const { controller, state, pageOpens } = install();
    controller.onCallState(inCall);
    pageOpens();
    FakeBrowserWindow.last().moveTo({ x: 40, y: 60 });
    state.mainVisible = true;
    controller.onMainWindowVisibilityChanged();

    state.mainVisible = false;
    controller.onMainWindowVisibilityChanged();
    pageOpens();
    expect(FakeBrowserWindow.last().getBounds()).toEqual({ x: 40, y: 60, width: 360, height: 300 });
  });

  it('asks again later when there was no page to ask', () => {
    const { controller, state, requests, pageOpens } = install();
    state.pageListens = false;
    controller.onCallState(inCall);
    expect(pageOpens()).toEqual({ action: 'deny' });
    state.pageListens = true;
    controller.onCallState({ ...inCall, muted: true });
    expect(requests).toHaveLength(2);
    expect(pageOpens()).toMatchObject({ action: 'allow' });
  });

  it('closes when the call ends; the next call brings it back', () => {
    const { controller, requests, pageOpens } = install();
    controller.onCallState(inCall);
    pageOpens();
    controller.onCallState(idle);
    expect(FakeBrowserWindow.last().isDestroyed()).toBe(true);
    controller.onCallState(inCall);
    expect(requests).toHaveLength(2);
  });

  it('dispose destroys the window', () => {
    const { controller, installed, pageOpens } = install();
    controller.onCallState(inCall);
    pageOpens();
    installed.dispose();
    expect(FakeBrowserWindow.last().isDestroyed()).toBe(true);
  });
});
