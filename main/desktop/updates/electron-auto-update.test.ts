// electron-updater's wiring, against a stand-in for Electron and for electron-updater's
// `autoUpdater` (the real one loads Electron): the ministry's generic feed, nothing automatic, no
// check while installing nor during a call, nothing at all when a policy or the install kind says
// no, and a restart only once the update is downloaded.
import type { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autoUpdater } from 'electron-updater';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetFakeElectron } from '../../testing/fake-electron';
import { installAutoUpdate, type AutoUpdateHandle } from './electron-auto-update';
import type { UpdateSettings } from './update-policy';

vi.mock('electron', async () => (await import('../../testing/fake-electron')).fakeElectron);
vi.mock('electron-updater', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return { autoUpdater: new Emitter() };
});

/** What the adapter uses of electron-updater's `autoUpdater`. */
interface FakeUpdater extends EventEmitter {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  setFeedURL: ReturnType<typeof vi.fn>;
  checkForUpdates: ReturnType<typeof vi.fn>;
  downloadUpdate: ReturnType<typeof vi.fn>;
  quitAndInstall: ReturnType<typeof vi.fn>;
}
const updater = autoUpdater as unknown as FakeUpdater;

const feedUrl = 'https://maj.example.gouv.fr/visio/';
const enabled: UpdateSettings = { updatesEnabled: true, updateFeedUrl: feedUrl, updateChannel: 'latest' };
const firstCheckAfter = 60_000;
const tick = 5 * 60_000;

const realPlatform = process.platform;
const realExecPath = process.execPath;
let resources: string | null = null;

function pretendPlatform(platform: NodeJS.Platform, execPath: string): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
  process.execPath = execPath;
}

let handle: AutoUpdateHandle | null = null;
const calls = { inCall: false };

function install(settings: UpdateSettings = enabled) {
  const onPhaseChanged = vi.fn();
  handle = installAutoUpdate({ settings, inCall: () => calls.inCall, onPhaseChanged });
  return { handle, onPhaseChanged };
}

/** Lets the promises of a tick settle. */
async function settle(): Promise<void> {
  for (let index = 0; index < 10; index += 1) await Promise.resolve();
}

beforeEach(() => {
  resetFakeElectron();
  vi.useFakeTimers();
  updater.removeAllListeners();
  Object.assign(updater, {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowDowngrade: true,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => ({ isUpdateAvailable: true, updateInfo: { version: '2.4.0' } })),
    downloadUpdate: vi.fn(async () => ['C:\\Users\\agent\\AppData\\Local\\visio-updater\\Visio-2.4.0-setup.exe']),
    quitAndInstall: vi.fn(),
  });
  calls.inCall = false;
  // A packaged per-user Windows install, which updates itself.
  app.isPackaged = true;
  vi.stubEnv('ProgramFiles', 'C:\\Program Files');
  pretendPlatform('win32', 'C:\\Users\\agent\\AppData\\Local\\Programs\\Visio\\Visio.exe');
});

afterEach(() => {
  handle?.dispose();
  handle = null;
  vi.useRealTimers();
  vi.unstubAllEnvs();
  Object.defineProperty(process, 'platform', { value: realPlatform, configurable: true });
  process.execPath = realExecPath;
  if (resources) rmSync(resources, { recursive: true, force: true });
  resources = null;
  Reflect.deleteProperty(process, 'resourcesPath');
});

describe('Electron auto-update', () => {
  it('points electron-updater at the generic feed of the settings, with nothing automatic', () => {
    const { handle: installed } = install({ ...enabled, updateChannel: 'beta' });
    expect(installed.availability).toEqual({ enabled: true, feedUrl, channel: 'beta' });
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: feedUrl, channel: 'beta' });
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.allowDowngrade).toBe(false);
    // An 'error' event nobody hears would throw in the main process.
    expect(() => updater.emit('error', new Error('net::ERR_CONNECTION_REFUSED'))).not.toThrow();
  });

  it('never checks while installing: the first check waits a minute, the next ones the check interval', async () => {
    updater.checkForUpdates.mockResolvedValue({ isUpdateAvailable: false, updateInfo: { version: '2.3.0' } });
    install();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(firstCheckAfter - 1);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    // The periodic tick does not hammer the server: one check per interval (six hours).
    await vi.advanceTimersByTimeAsync(6 * 60 * 60_000 - tick);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2 * tick);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('checks and downloads when idle, then offers the restart', async () => {
    const { handle: installed, onPhaseChanged } = install();
    await vi.advanceTimersByTimeAsync(firstCheckAfter);
    expect(updater.downloadUpdate).toHaveBeenCalledTimes(1);
    expect(onPhaseChanged.mock.calls).toEqual([
      ['checking', null],
      ['available', '2.4.0'],
      ['downloading', '2.4.0'],
      ['ready', '2.4.0'],
    ]);
    expect(installed.controller?.isReady()).toBe(true);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('never checks nor downloads during a call; the end of the call lets it go on', async () => {
    calls.inCall = true;
    const { handle: installed } = install();
    await vi.advanceTimersByTimeAsync(firstCheckAfter + 3 * tick);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();

    calls.inCall = false;
    installed.nudge();
    await settle();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(updater.downloadUpdate).toHaveBeenCalledTimes(1);
  });

  it('a call that starts during the check holds the download until it ends', async () => {
    updater.checkForUpdates.mockImplementation(async () => {
      calls.inCall = true;
      return { isUpdateAvailable: true, updateInfo: { version: '2.4.0' } };
    });
    const { handle: installed } = install();
    await vi.advanceTimersByTimeAsync(firstCheckAfter + 2 * tick);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(updater.downloadUpdate).not.toHaveBeenCalled();

    calls.inCall = false;
    installed.nudge();
    await settle();
    expect(updater.downloadUpdate).toHaveBeenCalledTimes(1);
  });

  it('restarts to update only once the update is ready, and not during a call', async () => {
    const { handle: installed } = install();
    const controller = installed.controller;
    if (!controller) throw new Error('updates should be on');
    expect(controller.restartToUpdate()).toEqual({ ok: false, reason: 'not-ready' });
    expect(updater.quitAndInstall).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(firstCheckAfter);
    calls.inCall = true;
    expect(controller.restartToUpdate()).toEqual({ ok: false, reason: 'in-call' });
    expect(updater.quitAndInstall).not.toHaveBeenCalled();

    calls.inCall = false;
    expect(controller.restartToUpdate()).toEqual({ ok: true });
    // Not silent: the installer shows its progress, and the app starts again afterwards.
    expect(updater.quitAndInstall).toHaveBeenCalledWith(false, true);
  });

  it('an unreachable feed is a failed check, not an exception', async () => {
    updater.checkForUpdates.mockRejectedValue(new Error('net::ERR_NAME_NOT_RESOLVED'));
    const { onPhaseChanged } = install();
    await vi.advanceTimersByTimeAsync(firstCheckAfter);
    expect(onPhaseChanged).toHaveBeenLastCalledWith('failed', null);
    expect(updater.downloadUpdate).not.toHaveBeenCalled();
  });

  it('up to date: nothing is downloaded', async () => {
    updater.checkForUpdates.mockResolvedValue({ isUpdateAvailable: false, updateInfo: { version: '2.3.0' } });
    const { onPhaseChanged } = install();
    await vi.advanceTimersByTimeAsync(firstCheckAfter);
    expect(onPhaseChanged).toHaveBeenLastCalledWith('idle', null);
    expect(updater.downloadUpdate).not.toHaveBeenCalled();
  });

  it('stops checking once disposed', async () => {
    const { handle: installed } = install();
    installed.dispose();
    await vi.advanceTimersByTimeAsync(firstCheckAfter + 10 * tick);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });
});

describe('Electron auto-update turned off', () => {
  async function expectUntouched(installed: AutoUpdateHandle) {
    expect(installed.controller).toBeNull();
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    expect(updater.autoDownload).toBe(true);
    expect(updater.listenerCount('error')).toBe(0);
    installed.nudge();
    await vi.advanceTimersByTimeAsync(firstCheckAfter + 10 * tick);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  }

  it('by the policy', async () => {
    const { handle: installed } = install({ ...enabled, updatesEnabled: false });
    expect(installed.availability).toEqual({ enabled: false, reason: 'policy' });
    await expectUntouched(installed);
  });

  it('for a per-machine Windows install, which its administrators update', async () => {
    vi.stubEnv('ProgramFiles', 'C:\\Program Files');
    pretendPlatform('win32', 'C:\\Program Files\\Visio\\Visio.exe');
    const { handle: installed } = install();
    expect(installed.availability).toEqual({ enabled: false, reason: 'managed-install' });
    await expectUntouched(installed);
  });

  it('but not for a per-user Windows install', () => {
    vi.stubEnv('ProgramFiles', 'C:\\Program Files');
    pretendPlatform('win32', 'C:\\Users\\agent\\AppData\\Local\\Programs\\Visio\\Visio.exe');
    expect(install().handle.availability).toEqual({ enabled: true, feedUrl, channel: 'latest' });
  });

  it('for an AppImage, whose downloads nothing signs', async () => {
    vi.stubEnv('APPIMAGE', '/home/agent/Applications/Visio.AppImage');
    pretendPlatform('linux', '/tmp/.mount_Visio/visio');
    const { handle: installed } = install();
    expect(installed.availability).toEqual({ enabled: false, reason: 'unsigned-package' });
    await expectUntouched(installed);
  });

  it('for a distribution package', async () => {
    pretendPlatform('linux', '/opt/Visio/visio');
    resources = mkdtempSync(join(tmpdir(), 'visio-resources-'));
    writeFileSync(join(resources, 'package-type'), 'deb\n');
    Object.defineProperty(process, 'resourcesPath', { value: resources, configurable: true });
    const { handle: installed } = install();
    expect(installed.availability).toEqual({ enabled: false, reason: 'managed-install' });
    await expectUntouched(installed);
  });

  it('in an unpackaged run', async () => {
    app.isPackaged = false;
    const { handle: installed } = install();
    expect(installed.availability).toEqual({ enabled: false, reason: 'development' });
    await expectUntouched(installed);
  });

  it('without a feed, or with one that is not https', async () => {
    expect(install({ ...enabled, updateFeedUrl: null }).handle.availability).toEqual({ enabled: false, reason: 'no-feed' });
    const { handle: insecure } = install({ ...enabled, updateFeedUrl: 'http://maj.example.gouv.fr/visio/' });
    expect(insecure.availability).toEqual({ enabled: false, reason: 'insecure-feed' });
    await expectUntouched(insecure);
  });
});
