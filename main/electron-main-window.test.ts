// The app window, against a stand-in for Electron: locked-down options restated where it is
// made, our interface loaded from app://visio, shown (with the focus) once painted.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow } from './electron-main-window';
import { FakeBrowserWindow, fakeWindow, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

beforeEach(() => {
  resetFakeElectron();
});

describe('Electron main window', () => {
  it('is sandboxed, isolated, with our preload and no Node, and loads our interface', () => {
    const window = fakeWindow(createMainWindow({ preloadPath: '/opt/visio/dist/preload/index.js', devTools: false, title: 'Visio' }));
    expect(FakeBrowserWindow.made).toEqual([window]);
    expect(window.options).toMatchObject({ show: false, title: 'Visio' });
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      spellcheck: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/opt/visio/dist/preload/index.js',
    });
    expect(window.loadedUrls).toEqual(['app://visio/index.html']);
  });

  it('stays hidden until painted, then is shown with the focus', () => {
    const window = fakeWindow(createMainWindow({ preloadPath: '/p.js', devTools: true, title: 'Visio' }));
    expect(window.options.webPreferences.devTools).toBe(true);
    expect(window.isVisible()).toBe(false);
    window.emit('ready-to-show');
    expect(window.isVisible()).toBe(true);
    expect(window.shownWith).toBe('show');
    // Once only: a later `ready-to-show` (a reload) does not steal the focus again.
    window.hide();
    window.emit('ready-to-show');
    expect(window.isVisible()).toBe(false);
  });
});
