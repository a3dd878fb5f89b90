// Decides, for every request a session makes (renderer, login window, main-process `net`),
// whether it may leave: only to the active profile's hosts. The app's own scheme and local
// schemes stay inside the machine; fonts come only from the app bundle.
import type { Profile } from '../../common/profile';
import { isHostAllowed } from '../profile/allowed-hosts';

export interface FilteredRequest {
  url: string;
  /** Electron's `resourceType` (`mainFrame`, `xhr`, `font`, `webSocket`, ...). */
  resourceType?: string;
}

export type RequestDecision =
  | { cancel: false }
  | { cancel: true; reason: 'host_not_allowed' | 'scheme_not_allowed' | 'remote_font' | 'invalid_url' };

/** Schemes that never reach the network. `app:` is the renderer's own origin. */
const localSchemes = new Set(['app:', 'data:', 'blob:', 'devtools:', 'chrome-devtools:', 'about:']);
const networkSchemes = new Set(['http:', 'https:', 'ws:', 'wss:']);

export interface RequestFilterOptions {
  /** Hosts allowed besides the profile's (the PAC script host, an update server set by policy). */
  extraHosts?: readonly string[];
}

export function decideRequest(request: FilteredRequest, profile: Profile, options: RequestFilterOptions = {}): RequestDecision {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { cancel: true, reason: 'invalid_url' };
  }
  if (localSchemes.has(url.protocol)) return { cancel: false };
  if (!networkSchemes.has(url.protocol)) return { cancel: true, reason: 'scheme_not_allowed' };
  if (request.resourceType === 'font') return { cancel: true, reason: 'remote_font' };
  if (!isHostAllowed(profile, request.url, options.extraHosts)) return { cancel: true, reason: 'host_not_allowed' };
  return { cancel: false };
}
