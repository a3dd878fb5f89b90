// The integration point of the desktop features (tray, screen sharing, notifications, deep links,
// updates). The composition root calls `installDesktopFeatures` once the main window exists; each
// feature reaches the rest of the app only through this context.
import type { BrowserWindow, Session } from 'electron';
import type { InvokeInput, InvokeOutputs, MainEventName, MainEvents, Result } from '../../common/ipc-contract';
import type { Profile } from '../../common/profile';
// Chromium switches and the macOS `open-url` listener must exist before `ready`: this module is
// imported by the composition root at its top, so importing them here runs them early enough.
import './electron-before-ready';
import { wireDesktopFeatures, type DesktopFeatures } from './electron-desktop-features';
import type { DesktopSettings } from '../../common/settings';

/** The invoke channels answered by the desktop features rather than by the backend. */
export const desktopInvokeChannels = ['call:state', 'call:speaker', 'lobby:waiting-changed', 'chat:received', 'capture:choose', 'window:show-main', 'calendar:today'] as const;
export type DesktopInvokeChannel = (typeof desktopInvokeChannels)[number];

/** Receives a payload already checked against its schema, from our own window's main frame. */
export type DesktopInvokeHandler<C extends DesktopInvokeChannel> = (
  payload: InvokeInput<C>,
) => Promise<Result<InvokeOutputs[C]>>;

export interface DesktopContext {
  /** The app window, or null before it exists and after it is destroyed. */
  getMainWindow(): BrowserWindow | null;
  /** Sends an event to the app window only. */
  sendToRenderer<E extends MainEventName>(event: E, payload: MainEvents[E]): void;
  /** The active deployment profile. */
  readonly profile: Profile;
  /** Answers one of the desktop invoke channels; a later registration replaces the earlier one. */
  registerInvoke<C extends DesktopInvokeChannel>(channel: C, handler: DesktopInvokeHandler<C>): void;
  /** The session of the app window (permissions, display-media requests). */
  readonly session: Session;
  /**
   * The effective settings (defaults < profile < user < policy). Without it, the profile's own
   * values are used, as if no user setting or machine policy existed.
   */
  settings?(): DesktopSettings;
  /** Calls `listener` after each change of the settings (a new language rebuilds the tray); returns its removal. */
  onSettingsChanged?(listener: () => void): () => void;
}

export type { DesktopFeatures };

/** Installs every desktop feature; the returned handle tells when the saved login is back. */
export function installDesktopFeatures(context: DesktopContext): DesktopFeatures {
  return wireDesktopFeatures(context);
}
