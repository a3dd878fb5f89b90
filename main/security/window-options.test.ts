import { describe, expect, it } from 'vitest';
import { appWindowOptions, loginWindowOptions } from './window-options';

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
