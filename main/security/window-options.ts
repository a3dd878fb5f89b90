// The options of every window we open. Each flag closes a door the renderer could otherwise use
// to reach Node, other origins or Google's servers.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

const lockedDownPreferences: WebPreferences = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  // Electron's spellchecker downloads its dictionaries from a Google host.
  spellcheck: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  enableWebSQL: false,
  // A middle click would otherwise open links through a path that bypasses `will-navigate`.
  disableBlinkFeatures: 'Auxclick',
};

export interface AppWindowOptions {
  preloadPath: string;
  devTools: boolean;
  title: string;
}

export function appWindowOptions(options: AppWindowOptions): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: options.title,
    backgroundColor: '#ffffff',
    webPreferences: {
      ...lockedDownPreferences,
      preload: options.preloadPath,
      devTools: options.devTools,
      // A call's remote audio must play without a click on each participant.
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}

export interface LoginWindowOptions {
  /** The session partition whose cookies the API calls use afterwards. */
  partition: string;
  title: string;
  parent?: BrowserWindowConstructorOptions['parent'];
}

/** The login window shows the identity provider's pages: no preload, so no bridge to main. */
export function loginWindowOptions(options: LoginWindowOptions): BrowserWindowConstructorOptions {
  return {
    width: 520,
    height: 720,
    show: false,
    title: options.title,
    ...(options.parent ? { parent: options.parent, modal: false } : {}),
    webPreferences: {
      ...lockedDownPreferences,
      partition: options.partition,
      devTools: false,
    },
  };
}

export interface MiniWindowOptions {
  title: string;
  /** Where it appears: bottom right of the work area, unless the user moved it this run. */
  bounds: { x: number; y: number; width: number; height: number };
}

export const miniWindowSize = { width: 360, height: 300 } as const;

/** What the small windows over the others share (mini call window, share indicator). */
export const floatingWindowFrame = {
  show: false,
  frame: false,
  resizable: false,
  minimizable: false,
  maximizable: false,
  fullscreenable: false,
  skipTaskbar: true,
  alwaysOnTop: true,
} as const satisfies BrowserWindowConstructorOptions;

/**
 * The mini call window (the call page's floating window, opened by the page itself): small,
 * frameless, always on top, off the taskbar, locked down like the others. No preload: the page
 * that fills it is the main window's, the window itself reaches nothing in main.
 */
export function miniWindowOptions(options: MiniWindowOptions): BrowserWindowConstructorOptions {
  return {
    ...options.bounds,
    ...floatingWindowFrame,
    // A video window: the user may make it larger, never too small for its controls.
    resizable: true,
    minWidth: 240,
    minHeight: 200,
    title: options.title,
    backgroundColor: '#1e1e2e',
    webPreferences: {
      ...lockedDownPreferences,
      devTools: false,
    },
  };
}

/** The bottom-right corner of a work area, with a margin. */
export function miniWindowBoundsIn(workArea: { x: number; y: number; width: number; height: number }, margin = 16) {
  return {
    x: Math.round(workArea.x + workArea.width - miniWindowSize.width - margin),
    y: Math.round(workArea.y + workArea.height - miniWindowSize.height - margin),
    width: miniWindowSize.width,
    height: miniWindowSize.height,
  };
}
