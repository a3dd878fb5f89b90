import { describe, expect, it } from 'vitest';
import { apiBaseFor, browserAppInfo, createBrowserApi, createFetchTransport, loginUrl, type BrowserEnvironment } from './browser-api';

interface RecordedRequest {
  url: string;
  init: RequestInit;
}

function fakeEnvironment(answer: { status: number; body: unknown }, cookies = 'csrftoken=abc%3D1; sessionid=xyz') {
  const requests: RecordedRequest[] = [];
  const navigations: string[] = [];
  const opened: string[] = [];
  const environment: BrowserEnvironment = {
    href: 'http://127.0.0.1:4000/abc-defg-hij',
    readCookies: () => cookies,
    fetch: (async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), { status: answer.status });
    }) as typeof fetch,
    navigate: (url) => navigations.push(url),
    openWindow: (url) => opened.push(url),
    randomBytes: (length) => new Uint8Array(length),
    version: '1.2.3',
    platform: 'Linux',
  };
  return { environment, requests, navigations, opened };
}

describe('browser preload API', () => {
  it('derives the API base and the login URL from the page', () => {
    expect(apiBaseFor('http://127.0.0.1:4000/abc-defg-hij?x=1')).toBe('http://127.0.0.1:4000/api/v1.0/');
    expect(loginUrl('http://h:1/api/v1.0/', 'http://h:1/abc-defg-hij')).toBe(
      'http://h:1/api/v1.0/authenticate/?returnTo=http%3A%2F%2Fh%3A1%2Fabc-defg-hij',
    );
  });

  it('sends the CSRF token on unsafe methods only, and the bearer when given', async () => {
    const { environment, requests } = fakeEnvironment({ status: 200, body: {} });
    const transport = createFetchTransport('http://127.0.0.1:4000/api/v1.0/', environment);
    await transport.send({ method: 'GET', path: 'users/me/' });
    await transport.send({ method: 'POST', path: 'rooms/x/toggle-hand/', body: { raised: true }, bearer: 'tok' });
    const [get, post] = requests;
    expect(get?.init.credentials).toBe('same-origin');
    expect((get?.init.headers as Record<string, string>)['X-CSRFToken']).toBeUndefined();
    const postHeaders = post?.init.headers as Record<string, string>;
    expect(postHeaders['X-CSRFToken']).toBe('abc=1');
    expect(postHeaders.Authorization).toBe('Bearer tok');
    // The page's browser sets Origin and Referer itself; a script may not.
    expect(postHeaders.Origin).toBeUndefined();
    expect(postHeaders.Referer).toBeUndefined();
    expect(post?.init.body).toBe('{"raised":true}');
  });

  it('answers a backend channel through the Meet client', async () => {
    const { environment, requests } = fakeEnvironment({ status: 404, body: { detail: 'Not found.' } });
    const api = createBrowserApi(environment);
    const result = await api.invoke('backend:rooms:get', { slug: 'abc-defg-hij', username: 'Ana' });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('not_found');
    expect(requests[0]?.url).toBe('http://127.0.0.1:4000/api/v1.0/rooms/abc-defg-hij/?username=Ana');
  });

  it('turns a network failure into a typed error', async () => {
    const { environment } = fakeEnvironment({ status: 200, body: {} });
    environment.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const result = await createBrowserApi(environment).invoke('backend:config', undefined);
    expect(result.ok ? null : result.error.code).toBe('network');
  });

  it('logs in by navigating to the OIDC page with a way back', () => {
    const { environment, navigations } = fakeEnvironment({ status: 200, body: {} });
    void createBrowserApi(environment).invoke('backend:login', undefined);
    expect(navigations).toEqual([
      'http://127.0.0.1:4000/api/v1.0/authenticate/?returnTo=http%3A%2F%2F127.0.0.1%3A4000%2Fabc-defg-hij',
    ]);
  });

  it('"Show Visio" brings the call page forward, and says so when the page cannot be', async () => {
    const { environment } = fakeEnvironment({ status: 200, body: {} });
    let focused = 0;
    const api = createBrowserApi({ ...environment, focusPage: () => void (focused += 1) });
    await expect(api.invoke('window:show-main', undefined)).resolves.toEqual({ ok: true, value: null });
    expect(focused).toBe(1);
    const withoutFocus = await createBrowserApi(environment).invoke('window:show-main', undefined);
    expect(withoutFocus.ok ? null : withoutFocus.error.code).toBe('unavailable');
  });

  it('opens only https links', async () => {
    const { environment, opened } = fakeEnvironment({ status: 200, body: {} });
    const api = createBrowserApi(environment);
    expect((await api.invoke('shell:open-external', { url: 'javascript:alert(1)' })).ok).toBe(false);
    expect((await api.invoke('shell:open-external', { url: 'https://example.org/' })).ok).toBe(true);
    expect(opened).toEqual(['https://example.org/']);
  });

  it('passes on the LiveKit URL of a room answer, for the ICE guard', async () => {
    const room = {
      id: 'r1',
      name: 'abc-defg-hij',
      slug: 'abc-defg-hij',
      access_level: 'public',
      livekit: { url: 'wss://livekit.instance.gouv.fr', room: 'r1', token: 't' },
    };
    const { environment } = fakeEnvironment({ status: 200, body: room });
    const learnt: string[] = [];
    environment.onLivekitUrl = (url) => learnt.push(url);
    const api = createBrowserApi(environment);
    expect((await api.invoke('backend:rooms:get', { slug: 'abc-defg-hij', username: 'Ana' })).ok).toBe(true);
    expect(learnt).toEqual(['wss://livekit.instance.gouv.fr']);
  });

  it('describes a browser profile for the page origin', () => {
    const info = browserAppInfo('http://127.0.0.1:4000/?lang=en', '1.0.0', 'Linux');
    expect(info.kind).toBe('browser');
    expect(info.profile.meetingHosts).toEqual(['127.0.0.1:4000']);
    expect(info.profile.allowedHosts).toEqual(['127.0.0.1']);
    expect(info.profile.iceServers).toBeUndefined();
    expect(info.language).toBe('en');
    expect(browserAppInfo('http://127.0.0.1:4000/', '1.0.0', 'Linux').language).toBe('fr');
    expect(browserAppInfo('http://127.0.0.1:4000/?lang=de', '1.0.0', 'Linux').language).toBe('de');
    expect(browserAppInfo('http://127.0.0.1:4000/?lang=es', '1.0.0', 'Linux').language).toBe('fr');
  });

  it('learns the LiveKit host of the connection test’s grant, and keeps the grant to the page', async () => {
    const grant = { livekit: { url: 'wss://livekit.instance.gouv.fr', room: 'connection-test-1', token: 'eyJ.x.y', expires_in: 300 } };
    const { environment, requests } = fakeEnvironment({ status: 200, body: grant });
    const learnt: string[] = [];
    environment.onLivekitUrl = (url) => learnt.push(url);
    const result = await createBrowserApi(environment).invoke('backend:diagnostics:connection', undefined);
    expect(result).toEqual({ ok: true, value: grant });
    expect(requests.map(({ url, init }) => `${init.method} ${url}`)).toEqual(['POST http://127.0.0.1:4000/api/v1.0/diagnostics/connection/']);
    expect(learnt).toEqual(['wss://livekit.instance.gouv.fr']);
  });

  it('hands the connection report to the downloads as JSON, and refuses one holding a token', async () => {
    const { environment } = fakeEnvironment({ status: 200, body: {} });
    const downloads: Array<{ fileName: string; contents: string; type: string }> = [];
    environment.downloadFile = (fileName, contents, type) => downloads.push({ fileName, contents, type });
    const api = createBrowserApi(environment);
    const report = {
      format: 'visio-connection-test/2' as const,
      app: { version: '1.2.3', kind: 'browser' as const, os: 'Linux', language: 'fr' },
      instance: { apiBaseUrl: 'http://127.0.0.1:4000/api/v1.0/', livekitUrl: 'ws://127.0.0.1:7880' },
      startedAt: '2026-12-02T09:30:12.000Z',
      finishedAt: '2026-12-02T09:30:20.000Z',
      durationMs: 8000,
      outcome: 'pass' as const,
      steps: [],
      selectedCandidatePair: null,
    };
    expect(await api.invoke('diagnostics:save-report', { report })).toEqual({ ok: true, value: null });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.fileName).toBe('visio-test-connexion-2026-12-02-0930.json');
    expect(downloads[0]?.type).toBe('application/json');
    expect(JSON.parse(downloads[0]?.contents ?? '')).toEqual(report);

    const leaking = { ...report, instance: { ...report.instance, livekitUrl: 'ws://127.0.0.1:7880/rtc?access_token=secret' } };
    expect(await api.invoke('diagnostics:save-report', { report: leaking })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(downloads).toHaveLength(1);
  });
});
