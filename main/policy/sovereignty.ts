// The Electron defaults that would reach hosts the ministry did not choose, closed one by one.
// Remote fonts, CDN models and any other stray request are caught by the request filter; these
// are the ones that need a setting because they may not go through it.
import type { CrashReporterStartOptions } from 'electron';

/**
 * Chromium's spellchecker downloads Hunspell dictionaries from a Google host. It is off, and its
 * download URL points at the app's own origin, which serves none, in case anything turns it on.
 */
export function spellcheckerSettings(appOrigin: string): { enabled: false; dictionaryDownloadUrl: string } {
  return { enabled: false, dictionaryDownloadUrl: new URL('/spellcheck-dictionaries/', appOrigin).toString() };
}

/** Web preferences every window gets, on top of the security baseline. */
export const sovereignWebPreferences = { spellcheck: false } as const;

/**
 * Crash dumps stay on the machine: the reporter may run (dumps help local support) but never
 * uploads, and has no server URL to upload to.
 */
export function crashReporterOptions(): CrashReporterStartOptions {
  return { uploadToServer: false, compress: true, ignoreSystemCrashHandler: false };
}

/** The app has no telemetry at all; no layer (profile, user, policy) can change that. */
export function telemetryEnabled(): false {
  return false;
}

