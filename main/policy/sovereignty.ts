// The Electron defaults that would reach hosts the ministry did not choose, closed one by one.
// Remote fonts, CDN models and any other stray request are caught by the request filter; these
// are the ones that need a setting because they may not go through it.
import type { CrashReporterStartOptions } from 'electron';
import type { Profile } from '../../common/profile';
import { allowedHostsOf } from '../../common/host-patterns';
import { filterIceServers, type IceServer } from '../../common/ice-servers';

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

export type { IceServer };

/**
 * Neither Chromium nor livekit-client adds STUN servers of its own: the ICE servers come from the
 * LiveKit server's join answer (or the profile's `iceServers`). ICE traffic (UDP) escapes the
 * request filter, so a server that hands out a foreign STUN or TURN host is filtered, keeping only
 * the profile's hosts. The interface applies the same filter to every RTCPeerConnection
 * (renderer/platform/ice-guard.ts) with the hosts `app:info` gives it.
 */
export function sovereignIceServers(iceServers: readonly IceServer[], profile: Profile): IceServer[] {
  return filterIceServers(iceServers, allowedHostsOf(profile));
}
