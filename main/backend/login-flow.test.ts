import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isLoginComplete, loginStartUrl, runLoginFlow, type LoginWindowEvents, type LoginWindowPort } from './login-flow';

const apiBaseUrl = 'https://visio.gouv.fr/api/v1.0/';

class FakeLoginWindow implements LoginWindowPort {
  openedUrl: string | null = null;
  events: LoginWindowEvents | null = null;
  closed = 0;

  open(url: string, events: LoginWindowEvents) {
    this.openedUrl = url;
    this.events = events;
    return {
      close: () => {
        this.closed += 1;
        events.onClosed();
      },
    };
  }
}

describe('login flow', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens authenticate with a returnTo of the instance', () => {
    expect(loginStartUrl(apiBaseUrl)).toEqual({
      url: 'https://visio.gouv.fr/api/v1.0/authenticate/?returnTo=https%3A%2F%2Fvisio.gouv.fr%2F',
      returnTo: 'https://visio.gouv.fr/',
    });
  });

  it('completes when the window comes back to the instance, and closes it', async () => {
    const window = new FakeLoginWindow();
    const result = runLoginFlow({ apiBaseUrl, window });
    expect(window.openedUrl).toBe(loginStartUrl(apiBaseUrl).url);
    window.events?.onNavigation('https://sso.gouv.fr/login?client=meet');
    window.events?.onNavigation('https://visio.gouv.fr/api/v1.0/callback/?code=abc');
    window.events?.onNavigation('https://visio.gouv.fr/');
    await expect(result).resolves.toEqual({ ok: true, value: null });
    expect(window.closed).toBe(1);
  });

  it('is cancelled when the user closes the window', async () => {
    const window = new FakeLoginWindow();
    const result = runLoginFlow({ apiBaseUrl, window });
    window.events?.onNavigation('https://sso.gouv.fr/login');
    window.events?.onClosed();
    await expect(result).resolves.toEqual({ ok: false, error: { code: 'cancelled', detail: 'closed' } });
  });

  it('gives up after the timeout and closes the window', async () => {
    const window = new FakeLoginWindow();
    const result = runLoginFlow({ apiBaseUrl, window, timeoutMs: 1000 });
    vi.advanceTimersByTime(999);
    window.events?.onNavigation('https://sso.gouv.fr/login');
    vi.advanceTimersByTime(1);
    await expect(result).resolves.toEqual({ ok: false, error: { code: 'cancelled', detail: 'timeout' } });
    expect(window.closed).toBe(1);
  });

  it('reports a window that cannot open', async () => {
    const window: LoginWindowPort = {
      open() {
        throw new Error('no display');
      },
    };
    await expect(runLoginFlow({ apiBaseUrl, window })).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('does not take the API pages or a look-alike host for the end', () => {
    expect(isLoginComplete('https://visio.gouv.fr/api/v1.0/authenticate/', apiBaseUrl)).toBe(false);
    expect(isLoginComplete('https://visio.gouv.fr.evil.example/', apiBaseUrl)).toBe(false);
    expect(isLoginComplete('http://visio.gouv.fr/', apiBaseUrl)).toBe(false);
    expect(isLoginComplete('https://visio.gouv.fr/abc-defg-hij', apiBaseUrl)).toBe(true);
  });
});
