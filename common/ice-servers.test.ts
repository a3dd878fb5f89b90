import { describe, expect, it } from 'vitest';
import { filterIceServers, iceUrlHost, isIceUrlAllowed, parseIceUrl } from './ice-servers';

const allowed = ['turn.ministere.gouv.fr', '*.relais.gouv.fr', '127.0.0.1', '[2001:db8::7]'];

describe('parseIceUrl', () => {
  it.each([
    ['stun:stun.l.google.com:19302', { scheme: 'stun', host: 'stun.l.google.com', port: 19302, transport: null }],
    ['stuns:turn.ministere.gouv.fr', { scheme: 'stuns', host: 'turn.ministere.gouv.fr', port: null, transport: null }],
    ['turn:127.0.0.1:3478?transport=udp', { scheme: 'turn', host: '127.0.0.1', port: 3478, transport: 'udp' }],
    ['turns:turn.ministere.gouv.fr:443?transport=tcp', { scheme: 'turns', host: 'turn.ministere.gouv.fr', port: 443, transport: 'tcp' }],
    ['TURN:Turn.Ministere.GOUV.fr:3478', { scheme: 'turn', host: 'turn.ministere.gouv.fr', port: 3478, transport: null }],
    ['turn:[2001:DB8:0:0::7]:3478?transport=udp', { scheme: 'turn', host: '[2001:db8::7]', port: 3478, transport: 'udp' }],
    ['stun:[::1]', { scheme: 'stun', host: '[::1]', port: null, transport: null }],
    ['  stun:turn.ministere.gouv.fr:3478\n', { scheme: 'stun', host: 'turn.ministere.gouv.fr', port: 3478, transport: null }],
  ])('%j → host and port', (url, expected) => {
    expect(parseIceUrl(url)).toMatchObject(expected);
  });

  it('hands back the URL trimmed, scheme and host in lower case, query untouched', () => {
    expect(parseIceUrl(' TURNS:Turn.Ministere.gouv.fr:443?transport=tcp ')?.url).toBe('turns:turn.ministere.gouv.fr:443?transport=tcp');
  });

  it.each([
    ['user info before the host', 'turn:turn.ministere.gouv.fr@evil.example.com:3478'],
    ['user info that names an allowed host last', 'turn:evil.example.com@turn.ministere.gouv.fr'],
    ['an authority', 'stun://turn.ministere.gouv.fr:3478'],
    ['a path', 'stun:turn.ministere.gouv.fr/evil.example.com'],
    ['percent-encoding', 'stun:turn%2eministere.gouv.fr'],
    ['a control character inside', 'stun:turn.ministere\n.gouv.fr'],
    ['a trailing dot', 'stun:turn.ministere.gouv.fr.:3478'],
    ['an empty label', 'stun:turn..gouv.fr'],
    ['a non-ASCII name', 'stun:turn.ministère.gouv.fr'],
    ['an IPv6 zone', 'stun:[fe80::1%25eth0]:3478'],
    ['an unclosed IPv6 bracket', 'turn:[2001:db8::7:3478'],
    ['an invalid IPv6 address', 'turn:[2001:db8:::7:1:2:3:4:5]'],
    ['port 0', 'stun:turn.ministere.gouv.fr:0'],
    ['a port above 65535', 'stun:turn.ministere.gouv.fr:65536'],
    ['a port with letters', 'stun:turn.ministere.gouv.fr:34x'],
    ['an empty port', 'stun:turn.ministere.gouv.fr:'],
    ['a query on STUN', 'stun:turn.ministere.gouv.fr:3478?transport=udp'],
    ['an unknown transport', 'turn:turn.ministere.gouv.fr?transport=tls'],
    ['an upper-case query', 'turn:turn.ministere.gouv.fr?TRANSPORT=UDP'],
    ['another query parameter', 'turn:turn.ministere.gouv.fr?transport=udp&x=evil.example.com'],
    ['a fragment', 'turn:turn.ministere.gouv.fr#x'],
    ['another scheme', 'https://turn.ministere.gouv.fr'],
    ['no host', 'stun:'],
    ['no scheme', 'turn.ministere.gouv.fr:3478'],
    ['an empty string', ''],
  ])('refuses %s', (_label, url) => {
    expect(parseIceUrl(url)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, ['stun:turn.ministere.gouv.fr'], { toString: () => 'stun:x' }]) {
      expect(parseIceUrl(value)).toBeNull();
    }
    expect(iceUrlHost('stun:' + 'a'.repeat(2048))).toBeNull();
  });
});

describe('isIceUrlAllowed', () => {
  it.each([
    ['turn:turn.ministere.gouv.fr:3478?transport=udp', true],
    ['stun:a.relais.gouv.fr', true],
    ['stun:a.b.relais.gouv.fr:3478', true],
    ['stun:relais.gouv.fr', false],
    ['stun:evilrelais.gouv.fr', false],
    ['stun:turn.ministere.gouv.fr.evil.example.com', false],
    ['turn:localhost:3478', true],
    ['turn:[::1]:3478', true],
    ['turn:[2001:db8:0::7]', true],
    ['turn:[2001:db8::8]', false],
    // Not the same string as the allowed 127.0.0.1, whatever a resolver may make of it.
    ['stun:2130706433', false],
    ['stun:127.1', false],
    ['stun:stun.l.google.com:19302', false],
    ['turn:global.turn.twilio.com:3478?transport=udp', false],
    ['turn:turn.ministere.gouv.fr@global.turn.twilio.com', false],
  ])('%s → %s', (url, expected) => {
    expect(isIceUrlAllowed(url, allowed)).toBe(expected);
  });

  it('allows nothing without host patterns', () => {
    expect(isIceUrlAllowed('turn:turn.ministere.gouv.fr', [])).toBe(false);
  });
});

describe('filterIceServers', () => {
  it('keeps the allowed URLs of each server, with its credentials, and drops emptied servers', () => {
    expect(
      filterIceServers(
        [
          { urls: ['stun:stun.l.google.com:19302', 'STUN:turn.ministere.gouv.fr:3478'] },
          { urls: 'turns:turn.ministere.gouv.fr:443?transport=tcp', username: 'u', credential: 'c' },
          { urls: 'turn:global.turn.twilio.com:3478?transport=udp', username: 'u', credential: 'c' },
          { urls: ['stun:global.stun.twilio.com:3478', 'stun:stun1.l.google.com:19302'] },
        ],
        allowed,
      ),
    ).toEqual([
      { urls: ['stun:turn.ministere.gouv.fr:3478'] },
      { urls: ['turns:turn.ministere.gouv.fr:443?transport=tcp'], username: 'u', credential: 'c' },
    ]);
  });

  it('reads the pre-standard `url` and never passes it on', () => {
    expect(
      filterIceServers([{ url: 'stun:stun.l.google.com:19302' }, { url: 'stun:turn.ministere.gouv.fr' }], allowed),
    ).toEqual([{ urls: ['stun:turn.ministere.gouv.fr'] }]);
  });

  it('copies only urls, username and credential', () => {
    const [server] = filterIceServers(
      [{ urls: ['turn:127.0.0.1:3478'], username: 'u', credential: 'c', credentialType: 'password', extra: 'stun:evil.example.com' }],
      allowed,
    );
    expect(server).toEqual({ urls: ['turn:127.0.0.1:3478'], username: 'u', credential: 'c' });
  });

  it('accepts any iterable and ignores entries that are not servers', () => {
    const urls = new Set(['stun:turn.ministere.gouv.fr', 'stun:stun.l.google.com']);
    expect(filterIceServers(new Set([null, 'stun:turn.ministere.gouv.fr', { urls }, { urls: 42 }]), allowed)).toEqual([
      { urls: ['stun:turn.ministere.gouv.fr'] },
    ]);
  });

  it('gives an empty list for a missing or malformed list', () => {
    for (const value of [undefined, null, 'stun:turn.ministere.gouv.fr', 42, { urls: 'stun:turn.ministere.gouv.fr' }]) {
      expect(filterIceServers(value, allowed)).toEqual([]);
    }
  });

  it('reads a getter once, so a second read cannot swap in a foreign server', () => {
    let reads = 0;
    const server = {
      get urls() {
        reads += 1;
        return reads === 1 ? 'stun:turn.ministere.gouv.fr' : 'stun:stun.l.google.com';
      },
    };
    expect(filterIceServers([server], allowed)).toEqual([{ urls: ['stun:turn.ministere.gouv.fr'] }]);
    expect(reads).toBe(1);
  });
});
