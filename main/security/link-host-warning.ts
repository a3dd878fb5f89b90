// Which links deserve a word before the browser opens them: a host on this machine or on a
// private network (the user's intranet, a router, a printer), and a host whose name imitates
// another (punycode, where letters of several alphabets look alike). The user is shown the real
// host, in the ASCII form the network uses, before anything is sent there.
import { isIP } from 'node:net';
import { domainToUnicode } from 'node:url';
import type { Language } from '../../common/profile';
import { mainT } from '../i18n/main-i18n';

export type LinkHostReason = 'loopback' | 'private' | 'link_local' | 'look_alike';

export interface LinkHostWarning {
  reason: LinkHostReason;
  /** The host as the network sees it (punycode for an international name). */
  host: string;
  /** How the name displays, when it differs from `host`. */
  displayed: string | null;
}

const privateSuffixes = ['localhost', 'local', 'internal', 'intranet', 'lan', 'home.arpa', 'corp', 'localdomain'];

function ipv4Reason(address: string): LinkHostReason | null {
  const [a = 0, b = 0] = address.split('.').map(Number);
  if (a === 127) return 'loopback';
  if (a === 169 && b === 254) return 'link_local';
  if (a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) {
    return 'private';
  }
  return null;
}

function ipv6Reason(address: string): LinkHostReason | null {
  const lower = address.toLowerCase();
  if (lower === '::1' || lower === '::') return 'loopback';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return ipv4Reason(mapped[1]!);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const high = parseInt(hex[1]!, 16);
    const low = parseInt(hex[2]!, 16);
    return ipv4Reason(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  if (/^fe[89ab]/.test(lower)) return 'link_local';
  if (/^f[cd]/.test(lower)) return 'private';
  return null;
}

/** Null when the link's host is an ordinary public name or address. */
export function linkHostWarning(rawUrl: string): LinkHostWarning | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (!host) return null;
  const bare = host.replace(/^\[|\]$/g, '');
  const version = isIP(bare);
  if (version !== 0) {
    const reason = version === 4 ? ipv4Reason(bare) : ipv6Reason(bare);
    return reason ? { reason, host, displayed: null } : null;
  }
  const name = host.replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return { reason: 'loopback', host, displayed: null };
  if (!name.includes('.') || privateSuffixes.some((suffix) => name.endsWith(`.${suffix}`))) {
    return { reason: 'private', host, displayed: null };
  }
  if (name.split('.').some((label) => label.startsWith('xn--'))) {
    const displayed = domainToUnicode(name);
    return { reason: 'look_alike', host, displayed: displayed && displayed !== name ? displayed : null };
  }
  return null;
}

export interface LinkConfirmationText {
  message: string;
  detail: string;
  open: string;
  cancel: string;
}

export function linkConfirmationText(warning: LinkHostWarning, language: Language): LinkConfirmationText {
  const t = mainT(language);
  return {
    message: t(`linkWarning.reasons.${warning.reason}`, { host: warning.host, shown: warning.displayed ?? warning.host }),
    detail: t('linkWarning.detail'),
    open: t('linkWarning.open'),
    cancel: t('linkWarning.cancel'),
  };
}
