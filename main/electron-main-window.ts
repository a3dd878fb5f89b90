// The app window: our interface from `app://visio`, locked-down options, shown once painted.
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './security/app-origin';
import { appWindowOptions } from './security/window-options';

export interface MainWindowOptions {
  preloadPath: string;
  devTools: boolean;
  title: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const windowOptions = appWindowOptions(options);
  const window = new BrowserWindow({
    ...windowOptions,
    // Restated where the window is made, so a review (and Electronegativity) sees them here too.
    webPreferences: { ...windowOptions.webPreferences, sandbox: true, contextIsolation: true, disableBlinkFeatures: 'Auxclick' },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
