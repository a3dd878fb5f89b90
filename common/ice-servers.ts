// ICE servers (STUN, TURN) kept to the hosts a ministry configured. ICE traffic is UDP or raw TCP
// from the WebRTC stack: no request filter or content security policy sees it, so the server list
// handed to each RTCPeerConnection is the only place to stop it. Used by the interface's guard on
// RTCPeerConnection, by the profile validation and by the main process's sovereignty rules.
import { hostMatchesAny } from './host-patterns';

export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export type IceScheme = 'stun' | 'stuns' | 'turn' | 'turns';

export interface IceUrl {
  scheme: IceScheme;
  /** Lower case; an IPv6 address in brackets and in its canonical form, as `URL.hostname` gives it. */
  host: string;
  port: number | null;
  transport: 'udp' | 'tcp' | null;
  /** The URL as it may be handed to the WebRTC stack: trimmed, scheme and host in lower case. */
  url: string;
}

// RFC 7064 and 7065: `scheme ":" host [":" port] ["?transport=" ("udp" / "tcp")]`, no "//", no
// user info, no other parameter. Stricter than Chromium's parser on purpose: the host is a DNS
// name (letters, digits, hyphens, dots between labels) or a bracketed IPv6 address, so nothing
// (percent-encoding, "@", "/", zone ids, a trailing dot) can make the WebRTC stack contact
// another host than the one checked here. Anything else is dropped, never interpreted.
const iceUrlPattern =
  /^(stuns?|turns?):(\[[0-9a-f:.]+\]|[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::([0-9]{1,5}))?(?:\?transport=(udp|tcp))?$/;

/**
 * WHATWG URL parsing (which Chromium applies before its own) drops leading and trailing C0
 * controls and spaces; the same trim here keeps the checked host and the contacted one equal.
 */
function trimOuterControls(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start += 1;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end -= 1;
  return value.slice(start, end);
}

function canonicalIpv6(bracketed: string): string | null {
  try {
    const hostname = new URL(`http://${bracketed}/`).hostname;
    return hostname.startsWith('[') ? hostname : null;
  } catch {
    return null;
  }
}

/** Parses a STUN or TURN URL; null for anything malformed or outside the RFC 7064/7065 forms. */
export function parseIceUrl(value: unknown): IceUrl | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  const trimmed = trimOuterControls(value);
  // Scheme and host are case-insensitive (Chromium lowers the scheme, DNS ignores case); the
  // query must be exactly `?transport=udp` or `?transport=tcp`, as Chromium reads it.
  const queryAt = trimmed.indexOf('?');
  const url = queryAt === -1 ? trimmed.toLowerCase() : trimmed.slice(0, queryAt).toLowerCase() + trimmed.slice(queryAt);
  const match = iceUrlPattern.exec(url);
  if (!match) return null;
  const scheme = match[1] as IceScheme;
  const transport = (match[4] ?? null) as IceUrl['transport'];
  // A query is only defined for TURN; Chromium refuses `stun:host?transport=udp`.
  if (transport !== null && (scheme === 'stun' || scheme === 'stuns')) return null;
  const rawHost = match[2]!;
  const host = rawHost.startsWith('[') ? canonicalIpv6(rawHost) : rawHost;
  if (!host || host.length > 253) return null;
  const port = match[3] === undefined ? null : Number(match[3]);
  if (port !== null && (port < 1 || port > 65_535)) return null;
  return { scheme, host, port, transport, url };
}

/** The host a STUN or TURN URL points at, or null when the URL is malformed. */
export function iceUrlHost(value: unknown): string | null {
  return parseIceUrl(value)?.host ?? null;
}

/** Whether a STUN or TURN URL is well formed and points at one of the host patterns. */
export function isIceUrlAllowed(value: unknown, allowedHosts: readonly string[]): boolean {
  const host = iceUrlHost(value);
  return host !== null && hostMatchesAny(host, allowedHosts);
}

function urlsOf(server: Record<string, unknown>): unknown[] {
  // `url` is the pre-standard spelling some browsers still read when `urls` is absent.
  const urls = server.urls ?? server.url;
  if (typeof urls === 'string') return [urls];
  if (urls !== null && typeof urls === 'object' && Symbol.iterator in urls) return [...(urls as Iterable<unknown>)];
  return [];
}

/**
 * The servers of `iceServers` with only their URLs on the allowed host patterns; a server left
 * with no URL is dropped. Each result is a fresh plain object (`urls` always a list, plus the
 * `username` and `credential` strings), so nothing else of the input reaches the WebRTC stack.
 */
export function filterIceServers(iceServers: unknown, allowedHosts: readonly string[]): IceServer[] {
  if (iceServers === null || typeof iceServers !== 'object' || !(Symbol.iterator in iceServers)) return [];
  const kept: IceServer[] = [];
  for (const server of iceServers as Iterable<unknown>) {
    if (server === null || typeof server !== 'object') continue;
    const fields = server as Record<string, unknown>;
    const urls: string[] = [];
    for (const value of urlsOf(fields)) {
      const parsed = parseIceUrl(value);
      if (parsed && hostMatchesAny(parsed.host, allowedHosts)) urls.push(parsed.url);
    }
    if (urls.length === 0) continue;
    const { username, credential } = fields;
    kept.push({
      urls,
      ...(typeof username === 'string' ? { username } : {}),
      ...(typeof credential === 'string' ? { credential } : {}),
    });
  }
  return kept;
}
