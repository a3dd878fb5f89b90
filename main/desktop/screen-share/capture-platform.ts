// What the operating system lets a screen share do: who shows the picker (us, or the xdg portal
// on Wayland), whether the computer's sound can be captured, and the Chromium switch the portal
// needs. Decided from plain values so each system's path is tested on any machine.
import type { Language } from '../../../common/languages';
import { mainT } from '../../i18n/main-i18n';

export interface CapturePlatform {
  os: string;
  /** Wayland: the xdg desktop portal shows its own picker, ours must not appear too. */
  usesPortalPicker: boolean;
  /** System sound (`audio: 'loopback'`) is reliable on Windows only. */
  loopbackAudio: boolean;
}

export interface CaptureEnvironment {
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
}

export function isWaylandSession(environment: CaptureEnvironment): boolean {
  return environment.platform === 'linux' && environment.env.XDG_SESSION_TYPE?.toLowerCase() === 'wayland';
}

export function capturePlatformOf(environment: CaptureEnvironment): CapturePlatform {
  return {
    os: environment.platform,
    usesPortalPicker: isWaylandSession(environment),
    loopbackAudio: environment.platform === 'win32',
  };
}

export const pipeWireCapturerFeature = 'WebRTCPipeWireCapturer';

/**
 * The `enable-features` value to append on Wayland, or null. A user who passed their own
 * `--enable-features` keeps exactly theirs: appending would replace it.
 */
export function pipeWireFeatureSwitch(environment: CaptureEnvironment, argv: readonly string[]): string | null {
  if (!isWaylandSession(environment)) return null;
  const userSetFeatures = argv.some((argument) => argument === '--enable-features' || argument.startsWith('--enable-features='));
  return userSetFeatures ? null : pipeWireCapturerFeature;
}

/** The Privacy & Security › Screen Recording pane of macOS System Settings. */
export const macScreenRecordingSettingsUrl =
  'x-apple.systempreferences:com.apple.preference.security?Privacy_ScreenCapture';

export function screenAccessDeniedMessage(language: Language): { title: string; detail: string; openSettings: string; close: string } {
  const t = mainT(language);
  return {
    title: t('screenAccess.title'),
    detail: t('screenAccess.detail'),
    openSettings: t('screenAccess.openSettings'),
    close: t('screenAccess.close'),
  };
}
