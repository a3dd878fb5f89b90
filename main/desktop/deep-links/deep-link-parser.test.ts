import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeLink, meetingSlugPattern, parseDeepLink, type DeepLinkConfig } from './deep-link-parser';

const config: DeepLinkConfig = { scheme: 'visio', meetingHosts: ['visio.example.gouv.fr', 'localhost:8071'] };
const parse = (link: string) => parseDeepLink(link, config);

const letters = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: length, maxLength: length });
const validSlug = fc.tuple(letters(3), letters(4), letters(3)).map((parts) => parts.join('-'));

describe('parseDeepLink', () => {
  it.each([
    ['visio://join/abc-defg-hij'],
    ['visio://join/abc-defg-hij/'],
    ['visio://abc-defg-hij'],
    ['visio://abc-defg-hij/'],
    ['https://visio.example.gouv.fr/abc-defg-hij'],
    ['https://visio.example.gouv.fr/abc-defg-hij/'],
    ['https://VISIO.example.gouv.fr/abc-defg-hij'],
    ['https://visio.example.gouv.fr/abc-defg-hij?utm_source=mail#top'],
    ['http://localhost:8071/abc-defg-hij'],
  ])('joins %s', (link) => {
    expect(parse(link)).toEqual({ kind: 'join', slug: 'abc-defg-hij' });
  });

  it.each([
    ['', 'malformed'],
    ['not a link', 'malformed'],
    ['visio:abc-defg-hij', 'malformed'],
    ['visio://join/abc-defg-hij\n', 'malformed'],
    ['visio://join/abc-\tdefg-hij', 'malformed'],
    [' https://visio.example.gouv.fr/abc-defg-hij', 'malformed'],
    ['https:\\\\visio.example.gouv.fr\\abc-defg-hij', 'malformed'],
    ['javascript:alert(1)', 'unknown_scheme'],
    ['file:///etc/passwd', 'unknown_scheme'],
    ['other-app://join/abc-defg-hij', 'unknown_scheme'],
    ['https://evil.example/abc-defg-hij', 'unknown_host'],
    ['https://visio.example.gouv.fr.evil.example/abc-defg-hij', 'unknown_host'],
    ['https://sub.visio.example.gouv.fr/abc-defg-hij', 'unknown_host'],
    ['https://visio.example.gouv.fr@evil.example/abc-defg-hij', 'credentials'],
    ['https://visio.example.gouv.fr/x/../abc-defg-hij', 'invalid_path'],
    ['https://visio.example.gouv.fr/abc-defg-hij/.', 'invalid_path'],
    ['https://visio.example.gouv.fr/%2e/abc-defg-hij', 'invalid_path'],
    ['https://user:secret@visio.example.gouv.fr/abc-defg-hij', 'credentials'],
    ['visio://user@abc-defg-hij', 'credentials'],
    ['https://visio.example.gouv.fr:8443/abc-defg-hij', 'port'],
    ['https://localhost:9999/abc-defg-hij', 'unknown_host'],
    ['visio://abc-defg-hij:80', 'port'],
    ['http://visio.example.gouv.fr/abc-defg-hij', 'insecure'],
    ['https://visio.example.gouv.fr/abc-defg-hij/settings', 'invalid_path'],
    ['https://visio.example.gouv.fr/api/v1.0/rooms', 'invalid_path'],
    ['https://visio.example.gouv.fr//abc-defg-hij', 'invalid_path'],
    ['visio://join/abc-defg-hij//', 'invalid_path'],
    ['visio://join/', 'invalid_slug'],
    ['visio://join/ABC-DEFG-HIJ', 'invalid_slug'],
    ['visio://join/%61bc-defg-hij', 'invalid_slug'],
    ['visio://join/abc-defg-hijk', 'invalid_slug'],
    ['https://visio.example.gouv.fr/', 'invalid_slug'],
    [`https://visio.example.gouv.fr/${'a'.repeat(3000)}`, 'too_long'],
  ])('refuses %j (%s)', (link, reason) => {
    expect(parse(link)).toEqual({ kind: 'refused', reason });
  });

  it('never throws and only ever accepts well-formed slugs', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (link) => {
        const result = parse(link);
        if (result.kind === 'join') expect(result.slug).toMatch(meetingSlugPattern);
      }),
      { numRuns: 2000 },
    );
  });

  it('never accepts an arbitrary URL unless it is exactly one of our forms', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (link) => {
        const result = parse(link);
        if (result.kind === 'join') {
          const url = new URL(link);
          expect(config.meetingHosts).toContain(url.host);
          expect(url.pathname.replace(/\/$/, '')).toBe(`/${result.slug}`);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts every valid slug in every form, and refuses it behind a foreign host', () => {
    fc.assert(
      fc.property(validSlug, fc.domain(), (slug, domain) => {
        expect(parse(`visio://join/${slug}`)).toEqual({ kind: 'join', slug });
        expect(parse(`visio://${slug}`)).toEqual({ kind: 'join', slug });
        expect(parse(`https://visio.example.gouv.fr/${slug}`)).toEqual({ kind: 'join', slug });
        if (!config.meetingHosts.includes(domain)) {
          expect(parse(`https://${domain}/${slug}`)).toMatchObject({ kind: 'refused' });
        }
      }),
    );
  });

  it('refuses a valid link with any extra path segment or userinfo', () => {
    fc.assert(
      fc.property(validSlug, fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/), (slug, extra) => {
        expect(parse(`https://visio.example.gouv.fr/${slug}/${extra}`)).toMatchObject({ kind: 'refused' });
        expect(parse(`https://${extra}@visio.example.gouv.fr/${slug}`)).toMatchObject({ kind: 'refused' });
      }),
    );
  });
});

describe('looksLikeLink', () => {
  it('tells links from other command-line arguments', () => {
    expect(looksLikeLink('VISIO://join/abc-defg-hij', 'visio')).toBe(true);
    expect(looksLikeLink('https://evil.example/', 'visio')).toBe(true);
    expect(looksLikeLink('--enable-logging', 'visio')).toBe(false);
    expect(looksLikeLink('/usr/lib/visio/visio', 'visio')).toBe(false);
  });
});
