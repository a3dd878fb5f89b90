import { describe, expect, it } from 'vitest';
import { linkConfirmationText, linkHostWarning } from './link-host-warning';

describe('linkHostWarning', () => {
  it.each([
    ['https://127.0.0.1:8080/admin', 'loopback', '127.0.0.1'],
    ['https://0x7f.1/', 'loopback', '127.0.0.1'],
    ['https://2130706433/', 'loopback', '127.0.0.1'],
    ['https://[::1]/', 'loopback', '[::1]'],
    ['https://localhost/', 'loopback', 'localhost'],
    ['https://printer.localhost/', 'loopback', 'printer.localhost'],
    ['https://10.2.3.4/', 'private', '10.2.3.4'],
    ['https://172.20.0.1/', 'private', '172.20.0.1'],
    ['https://192.168.1.1/', 'private', '192.168.1.1'],
    ['https://100.64.0.1/', 'private', '100.64.0.1'],
    ['https://[fd12:3456::1]/', 'private', '[fd12:3456::1]'],
    ['https://[::ffff:192.168.1.1]/', 'private', '[::ffff:c0a8:101]'],
    ['https://169.254.169.254/latest/meta-data/', 'link_local', '169.254.169.254'],
    ['https://[fe80::1]/', 'link_local', '[fe80::1]'],
    ['https://intranet/', 'private', 'intranet'],
    ['https://nas.local/', 'private', 'nas.local'],
    ['https://wiki.corp/', 'private', 'wiki.corp'],
    ['https://xn--vsio-gouv-9bb.fr/', 'look_alike', 'xn--vsio-gouv-9bb.fr'],
  ])('warns before %s (%s, %s)', (url, reason, host) => {
    expect(linkHostWarning(url)).toMatchObject({ reason, host });
  });

  it('names the look-alike in both its forms', () => {
    // A Cyrillic "і" in "visio.gouv.fr" makes a different site that reads the same.
    const warning = linkHostWarning('https://vіsio.gouv.fr/');
    expect(warning?.reason).toBe('look_alike');
    expect(warning?.host.startsWith('xn--')).toBe(true);
    expect(warning?.displayed).toBe('vіsio.gouv.fr');
    const text = linkConfirmationText(warning!, 'fr');
    expect(text.message).toContain(warning!.host);
    expect(text.message).toContain('vіsio.gouv.fr');
  });

  it.each(['https://visio.numerique.gouv.fr/abc-defg-hij', 'https://8.8.8.8/', 'https://172.32.0.1/', 'https://[2001:db8::1]/', 'mailto:agent@visio.gouv.fr', 'not a url'])(
    'lets %s through without a word',
    (url) => {
      expect(linkHostWarning(url)).toBeNull();
    },
  );

  it('says where the link leads, in each language of the app', () => {
    const warning = linkHostWarning('https://192.168.1.1/')!;
    expect(linkConfirmationText(warning, 'fr')).toMatchObject({ message: expect.stringContaining('192.168.1.1'), open: 'Ouvrir le lien', cancel: 'Annuler' });
    expect(linkConfirmationText(warning, 'en')).toMatchObject({ message: expect.stringContaining('192.168.1.1'), open: 'Open link', cancel: 'Cancel' });
    expect(linkConfirmationText(warning, 'de')).toMatchObject({ message: 'Dieser Link führt zu einer Adresse im internen Netzwerk (192.168.1.1).', open: 'Link öffnen' });
    expect(linkConfirmationText(warning, 'nl')).toMatchObject({ message: 'Deze link leidt naar een adres in een intern netwerk (192.168.1.1).', cancel: 'Annuleren' });
  });
});
