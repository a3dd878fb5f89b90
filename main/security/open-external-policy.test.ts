import { describe, expect, it } from 'vitest';
import { decideOpenExternal, maximumExternalUrlLength } from './open-external-policy';

describe('open-external policy', () => {
  it('allows https and mailto', () => {
    expect(decideOpenExternal('https://www.numerique.gouv.fr/a?b=c')).toEqual({
      allowed: true,
      url: 'https://www.numerique.gouv.fr/a?b=c',
    });
    expect(decideOpenExternal('mailto:agent@visio.gouv.fr').allowed).toBe(true);
  });

  it.each([
    ['http://example.org/', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['smb://server/share', 'scheme'],
    ['ms-settings:privacy', 'scheme'],
    ['app://visio/index.html', 'scheme'],
    ['https://user:secret@example.org/', 'credentials'],
    ['https://user@example.org/', 'credentials'],
    ['not a url', 'invalid'],
    ['mailto:nobody', 'invalid'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(decideOpenExternal(url)).toEqual({ allowed: false, reason });
  });

  it('refuses very long links', () => {
    const url = `https://example.org/${'a'.repeat(maximumExternalUrlLength)}`;
    expect(decideOpenExternal(url)).toEqual({ allowed: false, reason: 'too_long' });
  });
});
