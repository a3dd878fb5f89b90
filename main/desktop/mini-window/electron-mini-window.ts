// The mini call window in Electron. The main window's page opens it itself (`window.open` of
// floating.html) and renders the call into it, so the video it shows never leaves the page that
// holds the call. Main decides when it is wanted (the controller), asks the page to open it,
// allows exactly that window with its own options, then keeps it on top of other windows
// (full-screen ones too) and out of screen captures. Its place is kept for the rest of the run.
import { screen, type BrowserWindow, type BrowserWindowConstructorOptions, type Rectangle } from 'electron';
import { floatingPagePath, floatingWindowName } from '../../../common/mini-window';
import { MiniWindowController, type MiniWindowDeps, type MiniWindowPort } from '../../../common/mini-window-controller';
import { miniWindowBoundsIn, miniWindowOptions } from '../../security/window-options';

export interface MiniWindowAdapterOptions extends Omit<MiniWindowDeps, 'sendCommand'> {
  /** The app's origin (app://visio): the window's page is `${appOrigin}${floatingPagePath}`. */
  appOrigin: string;
  title(): string;
  /** Asks the main window's page to open its floating window; false when there is no page to ask. */
  requestOpen(): boolean;
}

export interface InstalledMiniWindow {
  controller: MiniWindowController;
  /** The main window's `window.open` rule: options for the window main asked for, null otherwise. */
  windowOpen(details: { url: string; frameName: string }): BrowserWindowConstructorOptions | null;
  /** The main window's `did-create-window`: the window just made from `windowOpen`'s options. */
  adopt(window: BrowserWindow, details: { url: string; frameName: string }): void;
  dispose(): void;
}

export function installMiniWindow(options: MiniWindowAdapterOptions): InstalledMiniWindow {
  const pageUrl = `${options.appOrigin}${floatingPagePath}`;
  let window: BrowserWindow | null = null;
  /** Main asked the page for the window, which is not made yet. */
  let requested = false;
  let closingOurselves = false;
  let lastBounds: Rectangle | null = null;
  let controller: MiniWindowController | null = null;

  const isOurs = (details: { url: string; frameName: string }) => requested && details.url === pageUrl && details.frameName === floatingWindowName;
  const alive = () => Boolean(window && !window.isDestroyed());

  const port: MiniWindowPort = {
    open() {
      if (alive()) return;
      requested = options.requestOpen();
    },
    close() {
      requested = false;
      const current = window;
      if (!current || current.isDestroyed()) return;
      closingOurselves = true;
      try {
        current.destroy();
      } finally {
        closingOurselves = false;
        window = null;
      }
    },
    isOpen: () => requested || alive(),
    // The page renders the window from the call itself: there is no view to send.
    send: () => undefined,
  };

  const adopt = (made: BrowserWindow, details: { url: string; frameName: string }) => {
    if (!isOurs(details) || alive()) {
      made.destroy();
      return;
    }
    requested = false;
    window = made;
    // Names and faces of a call stay out of any screen share or recording of the desktop.
    made.setContentProtection(true);
    made.setAlwaysOnTop(true, 'floating');
    // skipTransformProcessType: macOS would otherwise hide the Dock icon and windows for a moment.
    made.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
    made.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    made.webContents.on('will-navigate', (event) => event.preventDefault());
    made.on('moved', () => {
      if (!made.isDestroyed()) lastBounds = made.getBounds();
    });
    made.on('closed', () => {
      if (window !== made) return;
      window = null;
      if (!closingOurselves) controller?.onClosedByUser();
    });
    made.once('ready-to-show', () => made.showInactive());
  };

  const made = new MiniWindowController(port, {
    ...options,
    // The window's buttons act on the call in the page that renders them, not through main.
    sendCommand: () => undefined,
  });
  controller = made;

  return {
    controller: made,
    windowOpen(details) {
      if (!isOurs(details) || alive()) return null;
      const bounds = lastBounds ?? miniWindowBoundsIn(screen.getPrimaryDisplay().workArea);
      const windowOptions = miniWindowOptions({ title: options.title(), bounds });
      // Restated where the window is allowed, so a review (and Electronegativity) sees them here too.
      return { ...windowOptions, webPreferences: { ...windowOptions.webPreferences, sandbox: true, contextIsolation: true, disableBlinkFeatures: 'Auxclick' } };
    },
    adopt,
    dispose() {
      port.close();
    },
  };
}
