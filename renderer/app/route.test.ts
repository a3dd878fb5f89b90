import { describe, expect, it } from 'vitest';
import { hrefForRoute, routeFromLocation } from './route';

describe('route', () => {
  it('reads a meeting from the path when served over HTTP', () => {
    expect(routeFromLocation({ protocol: 'http:', pathname: '/abc-defg-hij', hash: '' })).toEqual({ name: 'meeting', slug: 'abc-defg-hij' });
    expect(routeFromLocation({ protocol: 'http:', pathname: '/', hash: '' })).toEqual({ name: 'home' });
    expect(routeFromLocation({ protocol: 'http:', pathname: '/not-a-slug', hash: '' })).toEqual({ name: 'home' });
  });

  it('reads a meeting from the hash when served from a file', () => {
    const location = { protocol: 'app:', pathname: '/index.html', hash: '#/abc-defg-hij' };
    expect(routeFromLocation(location)).toEqual({ name: 'meeting', slug: 'abc-defg-hij' });
    expect(hrefForRoute({ name: 'meeting', slug: 'abc-defg-hij' }, location)).toBe('/index.html#/abc-defg-hij');
  });

  it('writes routes as paths over HTTP', () => {
    const location = { protocol: 'http:', pathname: '/', hash: '' };
    expect(hrefForRoute({ name: 'meeting', slug: 'abc-defg-hij' }, location)).toBe('/abc-defg-hij');
    expect(hrefForRoute({ name: 'home' }, location)).toBe('/');
  });
});
