import { describe, expect, it } from 'vitest';
import { parseMeetingLink } from './meeting-link';

const hosts = ['visio.numerique.gouv.fr', '127.0.0.1:4000'];

describe('parseMeetingLink', () => {
  it('accepts a bare code, trimmed and in any case', () => {
    expect(parseMeetingLink('  ABC-defg-hij ', hosts)).toEqual({ ok: true, slug: 'abc-defg-hij' });
  });

  it('accepts a code without dashes', () => {
    expect(parseMeetingLink('abcdefghij', hosts)).toEqual({ ok: true, slug: 'abc-defg-hij' });
  });

  it('accepts a link of the configured instance, with or without scheme', () => {
    expect(parseMeetingLink('https://visio.numerique.gouv.fr/abc-defg-hij', hosts)).toEqual({ ok: true, slug: 'abc-defg-hij' });
    expect(parseMeetingLink('visio.numerique.gouv.fr/abc-defg-hij?x=1', hosts)).toEqual({ ok: true, slug: 'abc-defg-hij' });
    expect(parseMeetingLink('http://127.0.0.1:4000/abc-defg-hij', hosts)).toEqual({ ok: true, slug: 'abc-defg-hij' });
  });

  it('refuses a link of another host', () => {
    expect(parseMeetingLink('https://evil.example/abc-defg-hij', hosts)).toEqual({ ok: false, reason: 'unknown_host' });
  });

  it('refuses malformed input', () => {
    expect(parseMeetingLink('', hosts)).toEqual({ ok: false, reason: 'empty' });
    for (const input of ['abc-def-hij', 'hello world', 'https://visio.numerique.gouv.fr/a/abc-defg-hij', 'javascript:alert(1)', 'abc-defg-hij1']) {
      expect(parseMeetingLink(input, hosts)).toMatchObject({ ok: false, reason: 'malformed' });
    }
  });
});
