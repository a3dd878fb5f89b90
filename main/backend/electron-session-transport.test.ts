import { describe, expect, it, vi } from 'vitest';
import { ElectronSessionTransport, type TransportSession } from './electron-session-transport';

const apiBaseUrl = 'https://visio.gouv.fr/api/v1.0/';

function fakeSession(answer: { status: number; body: string }, csrfToken: string | null = 'csrf-123') {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(answer.body, { status: answer.status }));
  const get = vi.fn(async (filter: { url?: string; name?: string }) =>
    csrfToken && filter.name === 'csrftoken' ? [{ name: 'csrftoken', value: csrfToken }] : [],
  );
  const session = { fetch, cookies: { get } } as unknown as TransportSession;
  return { session, fetch, get };
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  return init?.headers as Record<string, string>;
}

describe('Electron session transport', () => {
  it('sends the CSRF token, Origin and Referer on POST, with a JSON body and the session cookies', async () => {
    const { session, fetch, get } = fakeSession({ status: 201, body: '{"id":"r1"}' });
    const transport = new ElectronSessionTransport(session, apiBaseUrl);
    const response = await transport.send({ method: 'POST', path: 'rooms/', query: { username: 'Camille' }, body: { name: 'abc-defg-hij' } });
    expect(response).toEqual({ status: 201, json: { id: 'r1' } });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('https://visio.gouv.fr/api/v1.0/rooms/?username=Camille');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('include');
    expect(init?.body).toBe('{"name":"abc-defg-hij"}');
    expect(headersOf(init)).toMatchObject({
      'X-CSRFToken': 'csrf-123',
      Origin: 'https://visio.gouv.fr',
      Referer: 'https://visio.gouv.fr/',
      'Content-Type': 'application/json',
    });
    expect(get).toHaveBeenCalledWith({ url: apiBaseUrl, name: 'csrftoken' });
  });

  it('sends no CSRF token nor Origin on GET', async () => {
    const { session, fetch, get } = fakeSession({ status: 200, body: '{"id":"u1"}' });
    await new ElectronSessionTransport(session, apiBaseUrl).send({ method: 'GET', path: 'users/me/' });
    const headers = headersOf(fetch.mock.calls[0]?.[1]);
    expect(headers['X-CSRFToken']).toBeUndefined();
    expect(headers.Origin).toBeUndefined();
    expect(headers.Authorization).toBeUndefined();
    expect(get).not.toHaveBeenCalled();
  });

  it('sends the LiveKit token as Bearer', async () => {
    const { session, fetch } = fakeSession({ status: 200, body: '' });
    const response = await new ElectronSessionTransport(session, apiBaseUrl).send({
      method: 'POST',
      path: 'rooms/r1/toggle-hand/',
      body: { raised: true },
      bearer: 'livekit-token-value',
    });
    expect(headersOf(fetch.mock.calls[0]?.[1]).Authorization).toBe('Bearer livekit-token-value');
    expect(response).toEqual({ status: 200, json: undefined });
  });

  it('posts without a token when the partition has no CSRF cookie', async () => {
    const { session, fetch } = fakeSession({ status: 403, body: '{"detail":"CSRF Failed"}' }, null);
    const response = await new ElectronSessionTransport(session, apiBaseUrl).send({ method: 'POST', path: 'rooms/', body: {} });
    expect(headersOf(fetch.mock.calls[0]?.[1])['X-CSRFToken']).toBeUndefined();
    expect(response.status).toBe(403);
  });

  it('gives undefined JSON for an HTML answer and lets network errors through', async () => {
    const { session } = fakeSession({ status: 502, body: '<html>Bad gateway</html>' });
    expect(await new ElectronSessionTransport(session, apiBaseUrl).send({ method: 'GET', path: 'config/' })).toEqual({
      status: 502,
      json: undefined,
    });
    const failing = {
      fetch: vi.fn(async () => {
        throw new Error('net::ERR_CONNECTION_REFUSED');
      }),
      cookies: { get: vi.fn(async () => []) },
    } as unknown as TransportSession;
    await expect(new ElectronSessionTransport(failing, apiBaseUrl).send({ method: 'GET', path: 'config/' })).rejects.toThrow(
      'ERR_CONNECTION_REFUSED',
    );
  });
});
