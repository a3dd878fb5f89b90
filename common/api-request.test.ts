import { describe, expect, it } from 'vitest';
import { parseCookies, parseJsonBody, prepareApiRequest } from './api-request';

describe('API requests', () => {
  const base = 'https://visio.example.gouv.fr/api/v1.0/';

  it('carries the CSRF token, the instance origin and JSON on unsafe methods', () => {
    const prepared = prepareApiRequest(base, { method: 'POST', path: 'rooms/', body: { name: 'x' } }, 'token');
    expect(prepared.url).toBe('https://visio.example.gouv.fr/api/v1.0/rooms/');
    expect(prepared.headers).toMatchObject({
      'X-CSRFToken': 'token',
      Origin: 'https://visio.example.gouv.fr',
      Referer: 'https://visio.example.gouv.fr/',
      'Content-Type': 'application/json',
    });
    expect(prepared.body).toBe('{"name":"x"}');
  });

  it('leaves Origin and Referer to the browser of a page served by the instance', () => {
    const prepared = prepareApiRequest(base, { method: 'DELETE', path: 'rooms/x/' }, 'token', { pageOrigin: true });
    expect(prepared.headers['X-CSRFToken']).toBe('token');
    expect(prepared.headers.Origin).toBeUndefined();
    expect(prepared.headers.Referer).toBeUndefined();
  });

  it('sends neither the token nor an origin on safe methods, and the bearer when given', () => {
    const prepared = prepareApiRequest(base, { method: 'GET', path: 'users/me/', bearer: 'lk' }, 'token');
    expect(prepared.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer lk' });
    expect(prepared.body).toBeUndefined();
  });

  it('reads cookies, skipping a malformed one', () => {
    const cookies = parseCookies('a=1; csrftoken=tok%20en; bad=%E0%A4%A; b=2');
    expect(cookies.get('csrftoken')).toBe('tok en');
    expect(cookies.has('bad')).toBe(false);
    expect(cookies.get('b')).toBe('2');
    expect(parseCookies(undefined).size).toBe(0);
  });

  it('reads a JSON body, and nothing from an empty or HTML one', () => {
    expect(parseJsonBody('{"a":1}')).toEqual({ a: 1 });
    expect(parseJsonBody('  ')).toBeUndefined();
    expect(parseJsonBody('<html>')).toBeUndefined();
  });
});
