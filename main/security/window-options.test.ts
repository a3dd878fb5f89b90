import { describe, expect, it } from 'vitest';
import { appWindowOptions, loginWindowOptions, miniWindowBoundsIn, miniWindowOptions, miniWindowSize } from './window-options';

const securityFlags = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
};

describe('app window options', () => {
  const options = appWindowOptions({ preloadPath: '/app/dist/preload/index.js', devTools: false, title: 'Visio' });

  it.each(Object.entries(securityFlags))('sets %s to %s', (flag, value) => {
    expect(options.webPreferences?.[flag as keyof typeof securityFlags]).toBe(value);
  });

  it('loads our preload and no Blink feature', () => {
    expect(options.webPreferences?.preload).toBe('/app/dist/preload/index.js');
    expect(options.webPreferences?.enableBlinkFeatures).toBeUndefined();
    expect(options.webPreferences?.disableBlinkFeatures).toBe('Auxclick');
    expect(options.webPreferences?.devTools).toBe(false);
  });

  it('stays on the default session', () => {
    expect(options.webPreferences?.partition).toBeUndefined();
  });
});

describe('login window options', () => {
  const options = loginWindowOptions({ partition: 'login-devstack', title: 'Connexion' });

  it.each(Object.entries(securityFlags))('sets %s to %s', (flag, value) => {
    expect(options.webPreferences?.[flag as keyof typeof securityFlags]).toBe(value);
  });

  it('has its own partition and no preload', () => {
    expect(options.webPreferences?.partition).toBe('login-devstack');
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(options.webPreferences?.devTools).toBe(false);
  });
});

describe('mini window options', () => {
  const bounds = miniWindowBoundsIn({ x: 0, y: 0, width: 1920, height: 1040 });
  const options = miniWindowOptions({ title: 'Visio', bounds });

  it.each(Object.entries(securityFlags))('sets %s to %s', (flag, value) => {
    expect(options.webPreferences?.[flag as keyof typeof securityFlags]).toBe(value);
  });

  it('has no preload (no bridge to main), stays on top and off the taskbar, never too small for its controls', () => {
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(options.webPreferences?.devTools).toBe(false);
    expect(options.webPreferences?.partition).toBeUndefined();
    expect(options).toMatchObject({ alwaysOnTop: true, skipTaskbar: true, resizable: true, minWidth: 240, minHeight: 200, frame: false, show: false });
  });

  it('sits in the bottom-right corner of the work area, on secondary displays too', () => {
    expect(bounds).toEqual({ x: 1920 - miniWindowSize.width - 16, y: 1040 - miniWindowSize.height - 16, ...miniWindowSize });
    const left = miniWindowBoundsIn({ x: -1280, y: 200, width: 1280, height: 1024 });
    expect(left.x + left.width).toBe(-16);
    expect(left.y + left.height).toBe(200 + 1024 - 16);
  });
});
