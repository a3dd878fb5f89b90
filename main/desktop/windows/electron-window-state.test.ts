// The main window's remembered place, against a stand-in for Electron and a real temporary
// folder as the user data folder: saved after moves (not while minimized), put back on a screen
// that still exists, and the listeners removed on uninstall.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, asElectron, FakeBrowserWindow, resetFakeElectron, screen } from '../../testing/fake-electron';
import { installWindowState, savedWindowPlacement } from './electron-window-state';

vi.mock('electron', async () => (await import('../../testing/fake-electron')).fakeElectron);

let userData: string;
const stateFile = () => join(userData, 'window-state.json');
const saved = () => JSON.parse(readFileSync(stateFile(), 'utf8'));

const secondScreen = {
  id: 2,
  bounds: { x: 1920, y: 0, width: 2560, height: 1440 },
  workArea: { x: 1920, y: 0, width: 2560, height: 1400 },
  scaleFactor: 1,
};

beforeEach(() => {
  resetFakeElectron();
  userData = mkdtempSync(join(tmpdir(), 'visio-window-state-'));
  app.setPath('userData', userData);
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  rmSync(userData, { recursive: true, force: true });
});

describe('Electron window state', () => {
  it('has no placement before anything was saved, or when the file is not ours', () => {
    expect(savedWindowPlacement()).toEqual({ bounds: null, maximized: false });
    writeFileSync(stateFile(), '{"bounds": "everywhere"}');
    expect(savedWindowPlacement()).toEqual({ bounds: null, maximized: false });
  });

  it('saves the place half a second after the last move, and at once on close', () => {
    const window = new FakeBrowserWindow({ x: 10, y: 20, width: 1000, height: 700 });
    installWindowState(asElectron.window(window), { restoreNow: false });

    window.moveTo({ x: 100 });
    vi.advanceTimersByTime(400);
    window.setBounds({ width: 1100 });
    window.emit('resize');
    vi.advanceTimersByTime(400);
    expect(() => readFileSync(stateFile())).toThrow();
    vi.advanceTimersByTime(100);
    expect(saved()).toEqual({ bounds: { x: 100, y: 20, width: 1100, height: 700 }, maximized: false });

    // Maximized: the normal bounds are kept, with the flag.
    window.normalBounds = { x: 100, y: 20, width: 1100, height: 700 };
    window.maximize();
    window.setBounds({ x: 0, y: 0, width: 1920, height: 1040 });
    window.close();
    expect(saved()).toEqual({ bounds: { x: 100, y: 20, width: 1100, height: 700 }, maximized: true });
  });

  it('saves nothing while the window is minimized', () => {
    const window = new FakeBrowserWindow({ x: 10, y: 20, width: 1000, height: 700 });
    installWindowState(asElectron.window(window), { restoreNow: false });
    window.minimize();
    window.moveTo({ x: -32000, y: -32000 });
    vi.advanceTimersByTime(1000);
    expect(() => readFileSync(stateFile())).toThrow();
  });

  it('puts the window back where it was, on a screen still there', () => {
    screen.displays = [screen.getPrimaryDisplay(), secondScreen];
    writeFileSync(stateFile(), JSON.stringify({ bounds: { x: 2100, y: 100, width: 1200, height: 800 }, maximized: true }));
    const window = new FakeBrowserWindow();
    installWindowState(asElectron.window(window), { restoreNow: true });
    expect(window.getBounds()).toEqual({ x: 2100, y: 100, width: 1200, height: 800 });
    expect(window.isMaximized()).toBe(true);
  });

  it('brings a window saved on an unplugged screen back to the primary one', () => {
    writeFileSync(stateFile(), JSON.stringify({ bounds: { x: 2100, y: 100, width: 1200, height: 800 }, maximized: false }));
    const window = new FakeBrowserWindow({ x: 5, y: 5, width: 900, height: 600 });
    installWindowState(asElectron.window(window), { restoreNow: true });
    // Centred on the 1920 × 1040 work area.
    expect(window.getBounds()).toEqual({ x: 360, y: 120, width: 1200, height: 800 });
    expect(window.isMaximized()).toBe(false);
  });

  it('uninstalling stops the saving, and is safe once the window is gone', () => {
    const window = new FakeBrowserWindow();
    const uninstall = installWindowState(asElectron.window(window), { restoreNow: false });
    window.moveTo({ x: 300 });
    uninstall();
    vi.advanceTimersByTime(1000);
    expect(window.listenerCount('move') + window.listenerCount('resize') + window.listenerCount('close')).toBe(0);
    window.close();
    expect(() => readFileSync(stateFile())).toThrow();

    const other = new FakeBrowserWindow();
    const release = installWindowState(asElectron.window(other), { restoreNow: false });
    other.destroy();
    expect(release).not.toThrow();
  });
});
