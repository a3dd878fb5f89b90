// Turns the proxy setting (profile, user or policy) into the object `session.setProxy` takes,
// refusing anything Chromium would misread rather than passing it through.
import type { ProxyConfig } from 'electron';
import type { ProxySettings } from '../../common/profile';

export type ProxyConfigResult = { ok: true; config: ProxyConfig } | { ok: false; error: { code: 'invalid_proxy'; detail: string } };

/** One Chromium proxy rule: `[scheme=][proxy-scheme://]host[:port]`, or `direct://`. */
const proxyRule =
  /^(?:(?:https?|ftp|socks)=)?(?:direct:\/\/|(?:(?:https?|socks[45]?|quic):\/\/)?(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?)$/i;
/** One bypass entry: `<local>`, `<-loopback>`, a host pattern, an IP range. */
const bypassRule = /^(?:<local>|<-loopback>|[a-z0-9*.\-[\]:/]{1,253})$/i;

function invalid(detail: string): ProxyConfigResult {
  return { ok: false, error: { code: 'invalid_proxy', detail } };
}

function splitList(value: string): string[] {
  return value
    .split(/[;,\s]+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function proxyConfigFor(settings: ProxySettings): ProxyConfigResult {
  const bypassRules = splitList(settings.bypass ?? '');
  const badBypass = bypassRules.find((rule) => !bypassRule.test(rule));
  if (badBypass !== undefined) return invalid(`bypass entry ${badBypass.slice(0, 80)}`);
  const bypass = bypassRules.length > 0 ? { proxyBypassRules: bypassRules.join(',') } : {};

  switch (settings.mode) {
    case 'system':
      return { ok: true, config: { mode: 'system' } };
    case 'direct':
      return { ok: true, config: { mode: 'direct' } };
    case 'fixed_servers': {
      const rules = splitList(settings.server?.replaceAll(';', ' ') ?? '');
      if (rules.length === 0) return invalid('fixed_servers needs a server');
      const badRule = rules.find((rule) => !proxyRule.test(rule));
      if (badRule !== undefined) return invalid(`proxy rule ${badRule.slice(0, 80)}`);
      return { ok: true, config: { mode: 'fixed_servers', proxyRules: rules.join(';'), ...bypass } };
    }
    case 'pac_script': {
      let url: URL;
      try {
        url = new URL(settings.pacUrl ?? '');
      } catch {
        return invalid('pac_script needs a pacUrl');
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return invalid(`pacUrl protocol ${url.protocol}`);
      return { ok: true, config: { mode: 'pac_script', pacScript: url.toString() } };
    }
  }
}
