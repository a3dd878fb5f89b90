// Electron side of screen sharing: the one display-media handler of the app session, the
// capturer, and the macOS permission dialog. Every decision is DisplayMediaRegistry's.
import { randomUUID } from 'node:crypto';
import { app, BrowserWindow, desktopCapturer, dialog, shell, systemPreferences, type Session } from 'electron';
import { APP_ORIGIN, originOf } from '../../security/app-origin';
import type { CaptureSource, MainEvents } from '../../../common/ipc-contract';
import {
  capturePlatformOf,
  macScreenRecordingSettingsUrl,
  pipeWireFeatureSwitch,
  screenAccessDeniedMessage,
} from './capture-platform';
import { DisplayMediaRegistry, type ScreenAccess } from './display-media-registry';
import type { Language } from '../../../common/languages';

const thumbnailSize = { width: 320, height: 180 };

export interface DisplayMediaAdapterOptions {
  session: Session;
  getMainWindow(): BrowserWindow | null;
  sendToRenderer<E extends 'event:capture-request' | 'event:capture-cancelled'>(event: E, payload: MainEvents[E]): void;
  language(): Language;
  shareAudioAllowed(): boolean;
}

/** Before `app.whenReady()`: the xdg portal capturer on Wayland, unless the user chose features. */
export function applyCaptureSwitches(): void {
  const feature = pipeWireFeatureSwitch({ platform: process.platform, env: process.env }, process.argv);
  if (feature && !app.commandLine.hasSwitch('enable-features')) app.commandLine.appendSwitch('enable-features', feature);
}

async function listSources(): Promise<CaptureSource[]> {
  const sources = await desktopCapturer.getSources({ types: ['screen', 'window'], thumbnailSize, fetchWindowIcons: true });
  return sources.map((source) => ({
    id: source.id,
    name: source.name,
    kind: source.id.startsWith('screen:') ? 'screen' : 'window',
    thumbnailDataUrl: source.thumbnail.toDataURL(),
    iconDataUrl: source.appIcon && !source.appIcon.isEmpty() ? source.appIcon.toDataURL() : null,
  }));
}

export function installDisplayMediaHandler(options: DisplayMediaAdapterOptions): DisplayMediaRegistry {
  const platform = capturePlatformOf({ platform: process.platform, env: process.env });
  const registry = new DisplayMediaRegistry({
    platform,
    listSources,
    ownWindowSourceIds: () =>
      BrowserWindow.getAllWindows()
        .filter((window) => !window.isDestroyed())
        .map((window) => window.getMediaSourceId()),
    // Chromium may give the origin with a trailing slash; only our interface may share a screen.
    isTrustedOrigin: (origin) => originOf(origin) === APP_ORIGIN,
    shareAudioAllowed: options.shareAudioAllowed,
    screenAccess: (): ScreenAccess =>
      process.platform === 'darwin' ? systemPreferences.getMediaAccessStatus('screen') : 'granted',
    explainScreenAccessDenied: () => {
      const text = screenAccessDeniedMessage(options.language());
      const window = options.getMainWindow();
      const dialogOptions = {
        type: 'warning' as const,
        message: text.title,
        detail: text.detail,
        buttons: [text.openSettings, text.close],
        defaultId: 0,
        cancelId: 1,
      };
      const shown = window ? dialog.showMessageBox(window, dialogOptions) : dialog.showMessageBox(dialogOptions);
      void shown.then(({ response }) => {
        if (response === 0) void shell.openExternal(macScreenRecordingSettingsUrl);
      });
    },
    sendToRenderer: options.sendToRenderer,
    newRequestId: () => randomUUID(),
    setTimer: (callback, milliseconds) => setTimeout(callback, milliseconds),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  });

  options.session.setDisplayMediaRequestHandler(
    (request, callback) => {
      void registry.handleRequest(
        { securityOrigin: request.securityOrigin, audioRequested: request.audioRequested },
        (grant) => callback(grant ?? {}),
      );
    },
    // macOS 15+ has its own picker; ours lists the same and keeps our windows out of it.
    { useSystemPicker: false },
  );
  return registry;
}
