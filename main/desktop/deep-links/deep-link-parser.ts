// Links that open a meeting in the app: `<scheme>://join/<slug>`, `<scheme>://<slug>`, and the
// instance's own `https://<meeting host>/<slug>`. Anything a link could carry besides the slug
// (credentials, another host, a port, a longer path) is refused, never acted on: the link comes
// from outside (a mail, a web page, another program) and may be hostile.
import { isLoopbackHost } from '../../../common/host-patterns';

export const meetingSlugPattern = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

export type DeepLinkRefusal =
  | 'too_long'
  | 'malformed'
  | 'unknown_scheme'
  | 'unknown_host'
  | 'credentials'
  | 'port'
  | 'insecure'
  | 'invalid_path'
  | 'invalid_slug';

export type DeepLink = { kind: 'join'; slug: string } | { kind: 'refused'; reason: DeepLinkRefusal };

export interface DeepLinkConfig {
  /** The profile's scheme, without `:` (e.g. `visio`). */
  scheme: string;
  /** `host` or `host:port`; a link must name one of them exactly. */
  meetingHosts: readonly string[];
}

export const maximumLinkLength = 2048;

const refused = (reason: DeepLinkRefusal): DeepLink => ({ kind: 'refused', reason });

/** The URL parser silently drops tabs, newlines and edge spaces and reads `\` as `/`: refuse them first. */
function hasForbiddenCharacter(link: string): boolean {
  for (const character of link) {
    const code = character.codePointAt(0) ?? 0;
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f) || character === '\\') return true;
  }
  return false;
}

function slugFromPath(segments: readonly string[]): DeepLink {
  const [slug, ...rest] = segments;
  if (slug === undefined || rest.some((segment) => segment !== '') || rest.length > 1) return refused('invalid_path');
  return meetingSlugPattern.test(slug) ? { kind: 'join', slug } : refused('invalid_slug');
}

function parseSchemeLink(url: URL): DeepLink {
  if (url.username || url.password) return refused('credentials');
  if (url.port) return refused('port');
  const host = url.hostname;
  const segments = url.pathname === '' ? [] : url.pathname.split('/').slice(1);
  if (host === 'join') return slugFromPath(segments);
  if (segments.length > 1 || (segments.length === 1 && segments[0] !== '')) return refused('invalid_path');
  return meetingSlugPattern.test(host) ? { kind: 'join', slug: host } : refused('invalid_slug');
}

function configuredHost(url: URL, meetingHosts: readonly string[]): string | undefined {
  const linkHost = url.host.toLowerCase();
  return meetingHosts.map((host) => host.trim().toLowerCase()).find((host) => host === linkHost);
}

function parseWebLink(url: URL, config: DeepLinkConfig): DeepLink {
  if (url.username || url.password) return refused('credentials');
  const host = configuredHost(url, config.meetingHosts);
  if (!host) {
    const sameNameOtherPort = config.meetingHosts.some((configured) => configured.trim().toLowerCase() === url.hostname.toLowerCase());
    return refused(url.port && sameNameOtherPort ? 'port' : 'unknown_host');
  }
  // Plain http only for a loopback instance (the local development stack).
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return refused('insecure');
  return slugFromPath(url.pathname.split('/').slice(1));
}

/** The path as written; the URL parser resolves `.`, `..` and `%2e` segments, which a link must not use. */
function rawPathOf(link: string): string {
  const withoutSuffix = link.split(/[?#]/, 1)[0] ?? '';
  const authorityStart = withoutSuffix.indexOf('//');
  const pathStart = withoutSuffix.indexOf('/', authorityStart + 2);
  return pathStart === -1 ? '' : withoutSuffix.slice(pathStart);
}

/** Never throws: every string gets an answer. Query and fragment are ignored. */
export function parseDeepLink(link: string, config: DeepLinkConfig): DeepLink {
  if (typeof link !== 'string' || link.length === 0) return refused('malformed');
  if (link.length > maximumLinkLength) return refused('too_long');
  if (hasForbiddenCharacter(link)) return refused('malformed');
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return refused('malformed');
  }
  const scheme = config.scheme.toLowerCase();
  const isSchemeLink = url.protocol === `${scheme}:`;
  if (!isSchemeLink && url.protocol !== 'https:' && url.protocol !== 'http:') return refused('unknown_scheme');
  // `visio:abc-defg-hij` without `//` has no host: not one of our forms.
  if (!link.slice(url.protocol.length).startsWith('//')) return refused('malformed');
  const rawPath = rawPathOf(link);
  if (rawPath !== url.pathname && !(rawPath === '' && url.pathname === '/')) return refused('invalid_path');
  return isSchemeLink ? parseSchemeLink(url) : parseWebLink(url, config);
}

/** Whether a command-line argument looks like a link at all (and so deserves an answer). */
export function looksLikeLink(argument: string, scheme: string): boolean {
  const lower = argument.slice(0, scheme.length + 8).toLowerCase();
  return lower.startsWith(`${scheme.toLowerCase()}:`) || lower.startsWith('https:') || lower.startsWith('http:');
}
