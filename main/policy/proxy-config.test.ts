import { describe, expect, it } from 'vitest';
import { proxyConfigFor } from './proxy-config';

describe('proxyConfigFor', () => {
  it('maps each mode to the Electron proxy configuration', () => {
    expect(proxyConfigFor({ mode: 'system' })).toEqual({ ok: true, config: { mode: 'system' } });
    expect(proxyConfigFor({ mode: 'direct' })).toEqual({ ok: true, config: { mode: 'direct' } });
    expect(
      proxyConfigFor({
        mode: 'fixed_servers',
        server: 'https=proxy.example.gouv.fr:3128; http=http://proxy.example.gouv.fr:3128',
        bypass: '<local>;*.interne.gouv.fr, 10.0.0.0/8',
      }),
    ).toEqual({
      ok: true,
      config: {
        mode: 'fixed_servers',
        proxyRules: 'https=proxy.example.gouv.fr:3128;http=http://proxy.example.gouv.fr:3128',
        proxyBypassRules: '<local>,*.interne.gouv.fr,10.0.0.0/8',
      },
    });
    expect(proxyConfigFor({ mode: 'pac_script', pacUrl: 'https://pac.example.gouv.fr/proxy.pac' })).toEqual({
      ok: true,
      config: { mode: 'pac_script', pacScript: 'https://pac.example.gouv.fr/proxy.pac' },
    });
  });

  it('refuses what Chromium would misread', () => {
    expect(proxyConfigFor({ mode: 'fixed_servers' }).ok).toBe(false);
    expect(proxyConfigFor({ mode: 'fixed_servers', server: 'proxy"; rm -rf' }).ok).toBe(false);
    expect(proxyConfigFor({ mode: 'fixed_servers', server: 'user:secret@proxy:3128' }).ok).toBe(false);
    expect(proxyConfigFor({ mode: 'pac_script', pacUrl: 'javascript:alert(1)' }).ok).toBe(false);
    expect(proxyConfigFor({ mode: 'pac_script' }).ok).toBe(false);
    expect(proxyConfigFor({ mode: 'direct', bypass: '<script>' }).ok).toBe(false);
  });
});
