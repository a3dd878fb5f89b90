// The verdict of the sovereignty test: of everything the app contacted (renderer requests,
// WebSockets, ICE servers, the main process's API calls), what went to a host the profile does
// not allow. Local schemes never leave the machine; any other scheme counts as foreign.
import { iceUrlHost } from '../../common/ice-servers';
import type { Profile } from '../../common/profile';
import { isHostnameAllowed } from '../profile/allowed-hosts';

export type ContactChannel = 'renderer' | 'websocket' | 'ice' | 'main';

export interface RecordedContact {
  url: string;
  channel: ContactChannel;
}

export interface ForeignContact extends RecordedContact {
  /** The host contacted, or the scheme when the URL has none. */
  host: string;
}

const localSchemes = new Set(['app:', 'data:', 'blob:', 'about:', 'devtools:', 'chrome-devtools:']);
const networkSchemes = new Set(['http:', 'https:', 'ws:', 'wss:']);
const iceScheme = /^\s*(?:stun|stuns|turn|turns):/i;

function hostOf(url: string): { kind: 'local' } | { kind: 'network'; host: string } | { kind: 'unknown'; host: string } {
  // The ICE guard's own parser: a STUN/TURN URL it would not accept counts as foreign.
  if (iceScheme.test(url)) {
    const host = iceUrlHost(url);
    return host ? { kind: 'network', host } : { kind: 'unknown', host: url.slice(0, 80) };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'unknown', host: url.slice(0, 80) };
  }
  if (localSchemes.has(parsed.protocol)) return { kind: 'local' };
  if (networkSchemes.has(parsed.protocol) && parsed.hostname) return { kind: 'network', host: parsed.hostname };
  return { kind: 'unknown', host: parsed.protocol };
}

export function foreignContacts(profile: Profile, contacts: readonly RecordedContact[]): ForeignContact[] {
  const foreign: ForeignContact[] = [];
  for (const contact of contacts) {
    const target = hostOf(contact.url);
    if (target.kind === 'local') continue;
    if (target.kind === 'network' && isHostnameAllowed(profile, target.host)) continue;
    foreign.push({ ...contact, host: target.host });
  }
  return foreign;
}
