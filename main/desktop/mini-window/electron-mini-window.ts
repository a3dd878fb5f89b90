// The mini call window in Electron: made when the controller asks, on top of other windows
// (including full-screen ones), left out of screen captures, with a preload that exposes one
// command channel and one view event. Its place is kept for the rest of the run.
import { BrowserWindow, ipcMain, screen, type Rectangle } from 'electron';
import { miniCommandChannel, miniViewChannel, type MiniView } from '../../../common/mini-window';
import { senderOf } from '../../ipc/electron-ipc';
import { miniWindowBoundsIn, miniWindowOptions } from '../../security/window-options';
import { handleMiniCommand } from './mini-command';
import { MiniWindowController, type MiniWindowDeps, type MiniWindowPort } from '../../../common/mini-window-controller';

export interface MiniWindowAdapterOptions extends MiniWindowDeps {
  preloadPath: string;
  /** The page URL (app://visio/mini.html). */
  pageUrl: string;
  title(): string;
  report?(message: string): void;
}

export interface InstalledMiniWindow {
  controller: MiniWindowController;
  dispose(): void;
}

export function installMiniWindow(options: MiniWindowAdapterOptions): InstalledMiniWindow {
  let window: BrowserWindow | null = null;
  let ready = false;
  let closingOurselves = false;
  let lastBounds: Rectangle | null = null;
  let controller: MiniWindowController | null = null;

  const port: MiniWindowPort = {
    open() {
      if (window && !window.isDestroyed()) return;
      const bounds = lastBounds ?? miniWindowBoundsIn(screen.getPrimaryDisplay().workArea);
      const windowOptions = miniWindowOptions({ preloadPath: options.preloadPath, title: options.title(), bounds });
      const made = new BrowserWindow({
        ...windowOptions,
        // Restated where the window is made, so a review (and Electronegativity) sees them here too.
        webPreferences: { ...windowOptions.webPreferences, sandbox: true, contextIsolation: true, disableBlinkFeatures: 'Auxclick' },
      });
      // Names and faces of a call stay out of any screen share or recording of the desktop.
      made.setContentProtection(true);
      made.setAlwaysOnTop(true, 'floating');
      // skipTransformProcessType: macOS would otherwise hide the Dock icon and windows for a moment.
      made.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
      made.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      made.webContents.on('will-navigate', (event) => event.preventDefault());
      made.webContents.on('did-finish-load', () => {
        ready = true;
        controller?.onReady();
      });
      made.on('moved', () => {
        if (!made.isDestroyed()) lastBounds = made.getBounds();
      });
      made.on('closed', () => {
        if (window !== made) return;
        window = null;
        ready = false;
        if (!closingOurselves) controller?.onClosedByUser();
      });
      made.once('ready-to-show', () => made.showInactive());
      window = made;
      ready = false;
      void made.loadURL(options.pageUrl);
    },
    close() {
      const current = window;
      if (!current || current.isDestroyed()) return;
      closingOurselves = true;
      try {
        current.destroy();
      } finally {
        closingOurselves = false;
        window = null;
        ready = false;
      }
    },
    isOpen: () => Boolean(window && !window.isDestroyed()),
    send(view: MiniView) {
      if (!window || window.isDestroyed() || !ready) return;
      window.webContents.send(miniViewChannel, view);
    },
  };

  const made = new MiniWindowController(port, options);
  controller = made;

  ipcMain.handle(miniCommandChannel, (event, payload: unknown) =>
    handleMiniCommand(payload, senderOf(event), {
      miniWindowId: () => (window && !window.isDestroyed() ? window.webContents.id : null),
      run: (command) => made.command(command),
      ...(options.report ? { report: options.report } : {}),
    }),
  );

  return {
    controller: made,
    dispose() {
      ipcMain.removeHandler(miniCommandChannel);
      port.close();
    },
  };
}
