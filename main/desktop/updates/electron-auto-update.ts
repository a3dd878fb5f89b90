// electron-updater, pointed at the ministry's own `generic` feed (never GitHub), driven by the
// UpdateController: no automatic download, no install on quit, the user restarts when they choose.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { autoUpdater } from 'electron-updater';
import { installKindOf, UpdateController, updateAvailability, type UpdateAvailability, type UpdatePhase, type UpdateSettings } from './update-policy';

const tickMilliseconds = 5 * 60 * 1000;

function packageType(): string | null {
  try {
    return readFileSync(path.join(process.resourcesPath, 'package-type'), 'utf8');
  } catch {
    return null;
  }
}

export interface AutoUpdateHandle {
  availability: UpdateAvailability;
  controller: UpdateController | null;
  /** A call ended: a pending check or download may go on now. */
  nudge(): void;
  dispose(): void;
}

export function installAutoUpdate(options: {
  settings: UpdateSettings;
  inCall(): boolean;
  onPhaseChanged(phase: UpdatePhase, version: string | null): void;
}): AutoUpdateHandle {
  const kind = installKindOf({
    platform: process.platform,
    isPackaged: app.isPackaged,
    execPath: process.execPath,
    env: process.env,
    packageType: process.platform === 'linux' ? packageType() : null,
  });
  const availability = updateAvailability(options.settings, kind);
  if (!availability.enabled) {
    return { availability, controller: null, nudge: () => undefined, dispose: () => undefined };
  }

  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  // Failures also reject the calls below, which the controller handles; an unheard 'error'
  // event would otherwise throw in the main process.
  autoUpdater.on('error', () => undefined);
  autoUpdater.setFeedURL({ provider: 'generic', url: availability.feedUrl, channel: availability.channel });

  const controller = new UpdateController({
    check: async () => {
      const result = await autoUpdater.checkForUpdates();
      return result?.isUpdateAvailable ? result.updateInfo.version : null;
    },
    download: async () => {
      await autoUpdater.downloadUpdate();
    },
    quitAndInstall: () => autoUpdater.quitAndInstall(false, true),
    inCall: options.inCall,
    now: () => Date.now(),
    onPhaseChanged: options.onPhaseChanged,
  });
  const nudge = () => void controller.tick();
  const timer = setInterval(nudge, tickMilliseconds);
  // The first check waits a little: start-up belongs to the user.
  const first = setTimeout(nudge, 60_000);
  return {
    availability,
    controller,
    nudge,
    dispose: () => {
      clearInterval(timer);
      clearTimeout(first);
    },
  };
}
