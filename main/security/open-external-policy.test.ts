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

  it.each([
    ['mailto:agent@visio.gouv.fr', 'mailto:agent@visio.gouv.fr'],
    ['mailto:agent@visio.gouv.fr?attach=C:\\Users\\agent\\secret.pdf', 'mailto:agent@visio.gouv.fr'],
    ['mailto:agent@visio.gouv.fr?attachment=/etc/passwd&x-mail-client=1', 'mailto:agent@visio.gouv.fr'],
    ['mailto:agent@visio.gouv.fr?bcc=espion@evil.test', 'mailto:agent@visio.gouv.fr'],
    [
      'mailto:agent@visio.gouv.fr?Subject=R%C3%A9union%20de%20demain&body=Bonjour&cc=chef@visio.gouv.fr&attach=a.pdf',
      'mailto:agent@visio.gouv.fr?subject=R%C3%A9union%20de%20demain&body=Bonjour&cc=chef%40visio.gouv.fr',
    ],
    ['mailto:a@visio.gouv.fr,b@visio.gouv.fr?cc=not-an-address', 'mailto:a@visio.gouv.fr,b@visio.gouv.fr'],
  ])('reduces %s to its address, subject, body and cc', (url, expected) => {
    expect(decideOpenExternal(url)).toEqual({ allowed: true, url: expected });
  });

  it.each(['mailto:', 'mailto:?subject=x', 'mailto:agent@visio.gouv.fr,nobody', 'mailto:%E0%A4%A', 'mailto:a%0D%0Ab@x.fr'])(
    'refuses a mailto without valid addresses: %s',
    (url) => {
      expect(decideOpenExternal(url)).toEqual({ allowed: false, reason: 'invalid' });
    },
  );
});
