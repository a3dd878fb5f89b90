// When the app may update itself, and when it may check, download and restart. Managed machines
// come first: a policy can turn updates off, per-machine installs (MSI, Program Files) and
// distribution packages (deb, rpm) are updated by their administrators, never by the app. An
// AppImage never updates itself either: electron-updater installs it without any signature check,
// so whoever answered for the feed would choose what runs; it is replaced like any file. A call
// is never disturbed: no check, no download and no restart while one is running, and the restart
// happens only when the user asks for it. Staged rollouts (`stagingPercentage` in the feed) are
// applied by electron-updater itself.
import { isLoopbackHost } from '../../../common/host-patterns';
import type { EffectiveSettings } from '../../../common/settings';

export type InstallKind =
  | 'development'
  | 'windows-per-user'
  | 'windows-per-machine'
  | 'mac'
  | 'appimage'
  | 'deb'
  | 'rpm'
  | 'linux-other';

export interface InstallFacts {
  platform: string;
  isPackaged: boolean;
  execPath: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Contents of electron-builder's `resources/package-type` (deb, rpm, pacman…), or null. */
  packageType: string | null;
}

export function installKindOf(facts: InstallFacts): InstallKind {
  if (!facts.isPackaged) return 'development';
  if (facts.platform === 'darwin') return 'mac';
  if (facts.platform === 'win32') {
    const exec = facts.execPath.toLowerCase();
    const machineFolders = [facts.env.ProgramFiles, facts.env['ProgramFiles(x86)'], facts.env.ProgramW6432]
      .filter((folder): folder is string => Boolean(folder))
      .map((folder) => `${folder.toLowerCase().replace(/\\+$/, '')}\\`);
    return machineFolders.some((folder) => exec.startsWith(folder)) ? 'windows-per-machine' : 'windows-per-user';
  }
  if (facts.env.APPIMAGE) return 'appimage';
  const packageType = facts.packageType?.trim().toLowerCase();
  if (packageType === 'deb') return 'deb';
  if (packageType === 'rpm') return 'rpm';
  return 'linux-other';
}

export type UpdatesDisabledReason =
  | 'policy'
  | 'no-feed'
  | 'insecure-feed'
  | 'managed-install'
  | 'unsigned-package'
  | 'development';

export type UpdateAvailability = { enabled: true; feedUrl: string; channel: string } | { enabled: false; reason: UpdatesDisabledReason };

/** The update part of the app's settings. */
export type UpdateSettings = Pick<EffectiveSettings, 'updatesEnabled' | 'updateFeedUrl' | 'updateChannel'>;

/** The feed is the ministry's own server: https, or http on loopback for the local stack. */
export function isAcceptableFeedUrl(feedUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(feedUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

export function updateAvailability(settings: UpdateSettings, installKind: InstallKind): UpdateAvailability {
  if (!settings.updatesEnabled) return { enabled: false, reason: 'policy' };
  if (installKind === 'development') return { enabled: false, reason: 'development' };
  if (installKind === 'windows-per-machine' || installKind === 'deb' || installKind === 'rpm' || installKind === 'linux-other') {
    return { enabled: false, reason: 'managed-install' };
  }
  if (installKind === 'appimage') return { enabled: false, reason: 'unsigned-package' };
  if (!settings.updateFeedUrl) return { enabled: false, reason: 'no-feed' };
  if (!isAcceptableFeedUrl(settings.updateFeedUrl)) return { enabled: false, reason: 'insecure-feed' };
  return { enabled: true, feedUrl: settings.updateFeedUrl, channel: settings.updateChannel };
}

export type UpdatePhase = 'idle' | 'checking' | 'available' | 'downloading' | 'ready' | 'failed';

export interface UpdaterPorts {
  /** Resolves with the new version, or null when the app is up to date. */
  check(): Promise<string | null>;
  download(): Promise<void>;
  quitAndInstall(): void;
  inCall(): boolean;
  now(): number;
  onPhaseChanged(phase: UpdatePhase, version: string | null): void;
}

export const defaultCheckIntervalMilliseconds = 6 * 60 * 60 * 1000;
/** After a failure, the next attempt waits less than a full interval but does not hammer the server. */
export const retryAfterFailureMilliseconds = 30 * 60 * 1000;

export type RestartRefusal = 'in-call' | 'not-ready';

export class UpdateController {
  private phase: UpdatePhase = 'idle';
  private version: string | null = null;
  private lastAttempt: number | null = null;
  private busy = false;

  constructor(
    private readonly ports: UpdaterPorts,
    private readonly checkIntervalMilliseconds = defaultCheckIntervalMilliseconds,
  ) {}

  currentPhase(): UpdatePhase {
    return this.phase;
  }

  isReady(): boolean {
    return this.phase === 'ready';
  }

  /** Called periodically and when a call ends: moves on one step if nothing forbids it. */
  async tick(): Promise<void> {
    if (this.busy || this.ports.inCall()) return;
    if (this.phase === 'available') return this.download();
    if (this.phase === 'ready' || !this.isCheckDue()) return;
    return this.check();
  }

  /** The user chose "Restart to update". */
  restartToUpdate(): { ok: true } | { ok: false; reason: RestartRefusal } {
    if (this.phase !== 'ready') return { ok: false, reason: 'not-ready' };
    if (this.ports.inCall()) return { ok: false, reason: 'in-call' };
    this.ports.quitAndInstall();
    return { ok: true };
  }

  private isCheckDue(): boolean {
    if (this.lastAttempt === null) return true;
    const wait = this.phase === 'failed' ? retryAfterFailureMilliseconds : this.checkIntervalMilliseconds;
    return this.ports.now() - this.lastAttempt >= wait;
  }

  private async check(): Promise<void> {
    this.busy = true;
    this.lastAttempt = this.ports.now();
    this.setPhase('checking');
    try {
      const version = await this.ports.check();
      this.version = version;
      this.setPhase(version ? 'available' : 'idle');
    } catch {
      this.setPhase('failed');
    } finally {
      this.busy = false;
    }
    // A call may have started during the check: the download waits for the next tick.
    if (this.phase === 'available' && !this.ports.inCall()) await this.download();
  }

  private async download(): Promise<void> {
    this.busy = true;
    this.setPhase('downloading');
    try {
      await this.ports.download();
      this.setPhase('ready');
    } catch {
      this.setPhase('failed');
    } finally {
      this.busy = false;
    }
  }

  private setPhase(phase: UpdatePhase): void {
    this.phase = phase;
    this.ports.onPhaseChanged(phase, this.version);
  }
}
