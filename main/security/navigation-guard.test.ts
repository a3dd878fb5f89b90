import { describe, expect, it } from 'vitest';
import { isAppUrl, originOf } from './app-origin';
import { decideNavigation, decideWindowOpen } from './navigation-guard';

describe('navigation guard', () => {
  it('allows our own origin', () => {
    expect(decideNavigation('app://visio/index.html')).toEqual({ action: 'allow' });
    expect(decideNavigation('app://visio/abc-defg-hij?x=1#y')).toEqual({ action: 'allow' });
    expect(decideNavigation('APP://VISIO/')).toEqual({ action: 'allow' });
  });

  it.each([
    'app://visio.evil/index.html',
    'app://visio@evil/index.html',
    'app://user:pass@visio/index.html',
    'app://visio:8080/index.html',
    'app://evil/index.html',
    'http://visio/index.html',
    'http://127.0.0.1:8071/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
  ])('refuses %s', (url) => {
    expect(decideNavigation(url).action).not.toBe('allow');
    expect(isAppUrl(url)).toBe(false);
  });

  it('hands https links to the system browser and drops the others', () => {
    expect(decideNavigation('https://www.numerique.gouv.fr/')).toEqual({
      action: 'open-external',
      url: 'https://www.numerique.gouv.fr/',
    });
    expect(decideNavigation('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(decideNavigation('javascript:alert(1)')).toEqual({ action: 'deny' });
  });

  it('never opens a new window, even of our origin', () => {
    expect(decideWindowOpen('app://visio/index.html')).toEqual({ action: 'deny' });
    expect(decideWindowOpen('https://example.org/doc')).toEqual({ action: 'open-external', url: 'https://example.org/doc' });
    expect(decideWindowOpen('http://example.org/doc')).toEqual({ action: 'deny' });
  });

  it('does not take the opaque origin "null" for ours', () => {
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('data:text/plain,x')).toBeNull();
    expect(originOf('app://visio/x')).toBe('app://visio');
  });
});
