// The login window: the identity provider's pages in the profile's login partition, with the
// same locked-down options as every window, no preload, no permission, no popup, and navigation
// limited to the instance and the provider.
import { BrowserWindow, session, type BaseWindow } from 'electron';
import type { Profile } from '../../common/profile';
import { loginWindowOptions } from '../security/window-options';
import type { LoginWindowPort } from './login-flow';
import { isLoginNavigationAllowed, loginPartitionFor } from './login-navigation';

export interface ElectronLoginWindowOptions {
  profile: Profile;
  /** Read each time the window opens: it follows the language in force. */
  title(): string;
  parent(): BaseWindow | null;
}

/** Denies every permission to the identity provider's pages (camera, notifications...). */
export function lockDownLoginSession(profile: Profile): void {
  const loginSession = session.fromPartition(loginPartitionFor(profile));
  loginSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  loginSession.setPermissionCheckHandler(() => false);
  loginSession.setSpellCheckerEnabled(false);
}

export function createElectronLoginWindowPort(options: ElectronLoginWindowOptions): LoginWindowPort {
  return {
    open(url, events) {
      const parent = options.parent();
      const windowOptions = loginWindowOptions({
        partition: loginPartitionFor(options.profile),
        title: options.title(),
        ...(parent ? { parent } : {}),
      });
      const window = new BrowserWindow({
        ...windowOptions,
        // Restated where the window is made, so a review (and Electronegativity) sees them here too.
        webPreferences: { ...windowOptions.webPreferences, sandbox: true, contextIsolation: true, disableBlinkFeatures: 'Auxclick' },
      });
      const contents = window.webContents;
      contents.setWindowOpenHandler(() => ({ action: 'deny' }));
      const guard = (event: { preventDefault(): void }, target: string) => {
        if (!isLoginNavigationAllowed(target, options.profile)) event.preventDefault();
        events.onNavigation(target);
      };
      contents.on('will-navigate', (event) => guard(event, event.url));
      contents.on('will-redirect', (event) => guard(event, event.url));
      contents.on('will-frame-navigate', (event) => {
        if (!event.isMainFrame && !isLoginNavigationAllowed(event.url, options.profile)) event.preventDefault();
      });
      contents.on('did-navigate', (_event, target) => events.onNavigation(target));
      window.once('ready-to-show', () => window.show());
      window.on('closed', () => events.onClosed());
      void window.loadURL(url);
      return {
        close() {
          if (!window.isDestroyed()) window.close();
        },
      };
    },
  };
}
