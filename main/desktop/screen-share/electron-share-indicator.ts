// The "you are sharing — Stop" window: small, always on top, excluded from every capture
// (`setContentProtection`), sandboxed, no preload. Its Stop link is an in-page navigation that
// this side watches, so the page needs no bridge at all.
import { BrowserWindow, screen } from 'electron';
import { floatingWindowFrame } from '../../security/window-options';
import type { CallState } from '../call-state';
import {
  isStopNavigation,
  onCallStateChanged,
  onIndicatorClosed,
  onStopClicked,
  type ShareIndicatorEffect,
  type ShareIndicatorPhase,
} from './share-indicator';

export interface ShareIndicatorAdapterOptions {
  /** The page URL, or null when it cannot be known yet (the indicator then stays hidden). */
  pageUrl(): string | null;
  requestStop(): void;
}

const size = { width: 340, height: 44 };

export class ElectronShareIndicator {
  private phase: ShareIndicatorPhase = 'hidden';
  private window: BrowserWindow | null = null;

  constructor(private readonly options: ShareIndicatorAdapterOptions) {}

  onCallState(state: CallState): void {
    const transition = onCallStateChanged(this.phase, state);
    this.phase = transition.phase;
    this.apply(transition.effects);
  }

  dispose(): void {
    this.phase = 'hidden';
    this.destroyWindow();
  }

  private apply(effects: ShareIndicatorEffect[]): void {
    for (const effect of effects) {
      if (effect === 'show') this.show();
      if (effect === 'hide') this.destroyWindow();
      if (effect === 'request-stop') this.options.requestStop();
    }
  }

  private show(): void {
    const url = this.options.pageUrl();
    if (!url || this.window) return;
    const workArea = screen.getPrimaryDisplay().workArea;
    const window = new BrowserWindow({
      ...size,
      x: Math.round(workArea.x + (workArea.width - size.width) / 2),
      y: workArea.y + 8,
      ...floatingWindowFrame,
      focusable: true,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        // A middle click must not open anything: the page has one in-page link only.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    window.setContentProtection(true);
    window.setAlwaysOnTop(true, 'screen-saver');
    window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    window.webContents.on('did-navigate-in-page', (_event, navigatedUrl) => {
      if (!isStopNavigation(navigatedUrl)) return;
      const transition = onStopClicked(this.phase);
      this.phase = transition.phase;
      this.apply(transition.effects);
    });
    window.on('closed', () => {
      if (this.window !== window) return;
      this.window = null;
      const transition = onIndicatorClosed(this.phase);
      this.phase = transition.phase;
      this.apply(transition.effects);
    });
    window.once('ready-to-show', () => window.showInactive());
    this.window = window;
    void window.loadURL(url);
  }

  private destroyWindow(): void {
    const window = this.window;
    this.window = null;
    if (window && !window.isDestroyed()) window.destroy();
  }
}
