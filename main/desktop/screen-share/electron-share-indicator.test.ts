// The "you are sharing — Stop" window's Electron wiring, against a stand-in for Electron: made
// while a share is live, out of every capture, and its Stop link (or its closing by the system)
// asks the renderer to stop.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallState } from '../call-state';
import { FakeBrowserWindow, resetFakeElectron } from '../../testing/fake-electron';
import { ElectronShareIndicator } from './electron-share-indicator';

vi.mock('electron', async () => (await import('../../testing/fake-electron')).fakeElectron);

const pageUrl = 'app://visio/share-indicator.html';
const sharing: CallState = { state: 'in-call', muted: false, cameraOn: true, roomSlug: 'abc-defg-hij', sharing: true };
const notSharing: CallState = { ...sharing, sharing: false };

function install(url: string | null = pageUrl) {
  const requestStop = vi.fn();
  const indicator = new ElectronShareIndicator({ pageUrl: () => url, requestStop });
  return { indicator, requestStop };
}

beforeEach(() => {
  resetFakeElectron();
});

describe('Electron share indicator', () => {
  it('opens a capture-protected, script-less, always-on-top window at the top of the screen while sharing', () => {
    const { indicator } = install();
    indicator.onCallState(notSharing);
    expect(FakeBrowserWindow.made).toHaveLength(0);

    indicator.onCallState(sharing);
    const window = FakeBrowserWindow.last();
    expect(window.contentProtection).toBe(true);
    expect(window.alwaysOnTop).toEqual({ flag: true, level: 'screen-saver' });
    // On every desktop and over full-screen apps, without macOS hiding the Dock icon meanwhile.
    expect(window.visibleOnAllWorkspaces).toEqual({ flag: true, options: { visibleOnFullScreen: true, skipTransformProcessType: true } });
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
    expect(window.options.webPreferences.preload).toBeUndefined();
    // Centred at the top of the 1920-wide work area.
    expect(window.getBounds()).toEqual({ x: 790, y: 8, width: 340, height: 44 });
    expect(window.loadedUrls).toEqual([pageUrl]);
    expect(window.webContents.openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(window.webContents.navigate('will-navigate', 'https://example.org/').defaultPrevented).toBe(true);

    window.emit('ready-to-show');
    expect(window.shownWith).toBe('showInactive');

    // A second report of the same share makes no second window.
    indicator.onCallState(sharing);
    expect(FakeBrowserWindow.made).toHaveLength(1);
  });

  it('Stop asks the renderer to stop once, and the window goes when the share has ended', () => {
    const { indicator, requestStop } = install();
    indicator.onCallState(sharing);
    const window = FakeBrowserWindow.last();

    window.webContents.emit('did-navigate-in-page', {}, `${pageUrl}#elsewhere`);
    expect(requestStop).not.toHaveBeenCalled();
    window.webContents.emit('did-navigate-in-page', {}, `${pageUrl}#stop`);
    window.webContents.emit('did-navigate-in-page', {}, `${pageUrl}#stop`);
    expect(requestStop).toHaveBeenCalledTimes(1);
    // Not gone before the call state says the share ended.
    expect(window.isDestroyed()).toBe(false);

    indicator.onCallState(notSharing);
    expect(window.isDestroyed()).toBe(true);
    expect(requestStop).toHaveBeenCalledTimes(1);
  });

  it('a window closed by the system asks the renderer to stop the share', () => {
    const { indicator, requestStop } = install();
    indicator.onCallState(sharing);
    FakeBrowserWindow.last().close();
    expect(requestStop).toHaveBeenCalledTimes(1);
  });

  it('hiding destroys the window without asking to stop', () => {
    const { indicator, requestStop } = install();
    indicator.onCallState(sharing);
    const window = FakeBrowserWindow.last();
    indicator.onCallState({ ...sharing, state: 'idle', sharing: false });
    expect(window.isDestroyed()).toBe(true);
    expect(requestStop).not.toHaveBeenCalled();

    // The next share gets a new window.
    indicator.onCallState(sharing);
    expect(FakeBrowserWindow.made).toHaveLength(2);
  });

  it('a late `closed` of the previous window neither asks to stop nor loses the current one', () => {
    const { indicator, requestStop } = install();
    indicator.onCallState(sharing);
    const previous = FakeBrowserWindow.last();
    indicator.onCallState(notSharing);
    indicator.onCallState(sharing);
    const current = FakeBrowserWindow.last();
    expect(current).not.toBe(previous);

    // Electron may deliver the destroyed window's `closed` after the next share began.
    previous.emit('closed');
    expect(requestStop).not.toHaveBeenCalled();
    indicator.onCallState(notSharing);
    expect(current.isDestroyed()).toBe(true);
  });

  it('dispose destroys the window without asking to stop', () => {
    const { indicator, requestStop } = install();
    indicator.onCallState(sharing);
    indicator.dispose();
    expect(FakeBrowserWindow.last().isDestroyed()).toBe(true);
    expect(requestStop).not.toHaveBeenCalled();
  });

  it('stays hidden while its page URL is unknown', () => {
    const { indicator } = install(null);
    indicator.onCallState(sharing);
    expect(FakeBrowserWindow.made).toHaveLength(0);
  });
});
