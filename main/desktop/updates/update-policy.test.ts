import { describe, expect, it, vi } from 'vitest';
import {
  installKindOf,
  retryAfterFailureMilliseconds,
  UpdateController,
  updateAvailability,
  type InstallFacts,
  type UpdaterPorts,
} from './update-policy';

const windowsEnv = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' };
const facts = (overrides: Partial<InstallFacts>): InstallFacts => ({
  platform: 'win32',
  isPackaged: true,
  execPath: 'C:\\Users\\agent\\AppData\\Local\\Programs\\Visio\\Visio.exe',
  env: windowsEnv,
  packageType: null,
  ...overrides,
});
const enabled = { updatesEnabled: true, updateFeedUrl: 'https://maj.visio.example.gouv.fr/desktop/', updateChannel: 'latest' };

describe('install kind and availability', () => {
  it('tells per-machine (MSI, Program Files) from per-user Windows installs', () => {
    expect(installKindOf(facts({}))).toBe('windows-per-user');
    expect(installKindOf(facts({ execPath: 'C:\\Program Files\\Visio\\Visio.exe' }))).toBe('windows-per-machine');
    expect(installKindOf(facts({ execPath: 'c:\\program files (x86)\\Visio\\Visio.exe' }))).toBe('windows-per-machine');
  });

  it('recognizes deb, rpm and AppImage installs, and development runs', () => {
    expect(installKindOf(facts({ platform: 'linux', execPath: '/opt/Visio/visio', packageType: 'deb\n' }))).toBe('deb');
    expect(installKindOf(facts({ platform: 'linux', execPath: '/opt/Visio/visio', packageType: 'rpm' }))).toBe('rpm');
    expect(installKindOf(facts({ platform: 'linux', env: { APPIMAGE: '/home/a/Visio.AppImage' } }))).toBe('appimage');
    expect(installKindOf(facts({ isPackaged: false }))).toBe('development');
  });

  it('never self-updates an MSI, deb or rpm install, even when enabled', () => {
    expect(updateAvailability(enabled, 'windows-per-machine')).toEqual({ enabled: false, reason: 'managed-install' });
    expect(updateAvailability(enabled, 'deb')).toEqual({ enabled: false, reason: 'managed-install' });
    expect(updateAvailability(enabled, 'rpm')).toEqual({ enabled: false, reason: 'managed-install' });
  });

  it('never self-updates an AppImage, whose downloads nothing signs', () => {
    expect(updateAvailability(enabled, 'appimage')).toEqual({ enabled: false, reason: 'unsigned-package' });
    expect(updateAvailability(enabled, 'mac')).toEqual({ enabled: true, feedUrl: enabled.updateFeedUrl, channel: 'latest' });
  });

  it('is off when the policy disables it, without a feed, or with a non-https feed', () => {
    expect(updateAvailability({ ...enabled, updatesEnabled: false }, 'windows-per-user')).toEqual({ enabled: false, reason: 'policy' });
    expect(updateAvailability({ ...enabled, updateFeedUrl: null }, 'mac')).toEqual({ enabled: false, reason: 'no-feed' });
    expect(updateAvailability({ ...enabled, updateFeedUrl: 'http://maj.example.gouv.fr/' }, 'mac')).toEqual({ enabled: false, reason: 'insecure-feed' });
    expect(updateAvailability(enabled, 'windows-per-user')).toEqual({ enabled: true, feedUrl: enabled.updateFeedUrl, channel: 'latest' });
  });
});

describe('UpdateController', () => {
  function setup(options: { available?: string | null } = {}) {
    let now = 0;
    let inCall = false;
    const phases: string[] = [];
    const ports = {
      check: vi.fn(async () => (options.available === undefined ? '1.2.0' : options.available)),
      download: vi.fn(async () => undefined),
      quitAndInstall: vi.fn(),
      inCall: () => inCall,
      now: () => now,
      onPhaseChanged: (phase: string) => phases.push(phase),
    } satisfies UpdaterPorts;
    const controller = new UpdateController(ports, 60_000);
    return {
      controller,
      ports,
      phases,
      setNow: (value: number) => (now = value),
      setInCall: (value: boolean) => (inCall = value),
    };
  }

  it('checks and downloads when idle, then waits for the user to restart', async () => {
    const { controller, ports, phases } = setup();
    await controller.tick();
    expect(phases).toEqual(['checking', 'available', 'downloading', 'ready']);
    expect(ports.quitAndInstall).not.toHaveBeenCalled();
    expect(controller.restartToUpdate()).toEqual({ ok: true });
    expect(ports.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('never checks, downloads or restarts during a call', async () => {
    const { controller, ports, setInCall } = setup();
    setInCall(true);
    await controller.tick();
    expect(ports.check).not.toHaveBeenCalled();

    setInCall(false);
    ports.check.mockImplementationOnce(async () => {
      setInCall(true);
      return '1.2.0';
    });
    await controller.tick();
    expect(controller.currentPhase()).toBe('available');
    expect(ports.download).not.toHaveBeenCalled();
    await controller.tick();
    expect(ports.download).not.toHaveBeenCalled();

    setInCall(false);
    await controller.tick();
    expect(controller.isReady()).toBe(true);
    setInCall(true);
    expect(controller.restartToUpdate()).toEqual({ ok: false, reason: 'in-call' });
    expect(ports.quitAndInstall).not.toHaveBeenCalled();
  });

  it('checks again only once the interval has passed', async () => {
    const { controller, ports, setNow } = setup({ available: null });
    await controller.tick();
    await controller.tick();
    expect(ports.check).toHaveBeenCalledTimes(1);
    setNow(60_000);
    await controller.tick();
    expect(ports.check).toHaveBeenCalledTimes(2);
    expect(controller.restartToUpdate()).toEqual({ ok: false, reason: 'not-ready' });
  });

  it('retries a failed check after a pause', async () => {
    const { controller, ports, setNow } = setup();
    ports.check.mockRejectedValueOnce(new Error('offline'));
    await controller.tick();
    expect(controller.currentPhase()).toBe('failed');
    setNow(retryAfterFailureMilliseconds - 1);
    await controller.tick();
    expect(ports.check).toHaveBeenCalledTimes(1);
    setNow(retryAfterFailureMilliseconds);
    await controller.tick();
    expect(controller.isReady()).toBe(true);
  });
});
