import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addInstanceErrorMessage, profileFromInstanceUrl, type InstanceFetchPort } from './add-instance';
import { instanceFetchPort } from './instance-fetch';
import { isHostAllowed } from './allowed-hosts';

const meetConfig = {
  recording: { is_enabled: true, available_modes: ['screen_recording'] },
  subtitle: { enabled: true },
  livekit: { url: 'wss://livekit.visio.example.gouv.fr', force_wss_protocol: false, default_sources: [] },
};

function fakeFetch(routes: Record<string, { status: number; location?: string; json?: unknown } | Error>) {
  const requested: string[] = [];
  const port: InstanceFetchPort = async (url) => {
    requested.push(url);
    const route = routes[url];
    if (route instanceof Error) throw route;
    if (!route) return { status: 404, location: null, json: undefined };
    return { status: route.status, location: route.location ?? null, json: route.json };
  };
  return { port, requested };
}

describe('profileFromInstanceUrl', () => {
  it('builds the profile of a Meet instance, with its LiveKit and identity provider hosts', async () => {
    const { port } = fakeFetch({
      'https://visio.example.gouv.fr/api/v1.0/config/': { status: 200, json: meetConfig },
      'https://visio.example.gouv.fr/api/v1.0/authenticate/': {
        status: 302,
        location: 'https://auth.example.gouv.fr/realms/agents/protocol/openid-connect/auth?client_id=meet',
      },
    });
    const result = await profileFromInstanceUrl('visio.example.gouv.fr/abc-defg-hij', {
      fetchInstance: port,
      language: 'fr',
    });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.profile).toMatchObject({
      id: 'visio-example-gouv-fr',
      apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/',
      livekitUrl: 'wss://livekit.visio.example.gouv.fr/',
      meetingHosts: ['visio.example.gouv.fr'],
      identityProviderUrl: 'https://auth.example.gouv.fr',
    });
    expect(isHostAllowed(result.profile, 'https://auth.example.gouv.fr/realms/agents')).toBe(true);
    expect(isHostAllowed(result.profile, 'wss://livekit.visio.example.gouv.fr/rtc')).toBe(true);
  });

  it('follows a redirect that stays on the instance host', async () => {
    const { port, requested } = fakeFetch({
      'https://visio.example.gouv.fr/api/v1.0/config/': { status: 301, location: '/api/v1.0/config/?v=2' },
      'https://visio.example.gouv.fr/api/v1.0/config/?v=2': { status: 200, json: meetConfig },
    });
    const result = await profileFromInstanceUrl('https://visio.example.gouv.fr', { fetchInstance: port, language: 'fr' });
    expect(result.ok).toBe(true);
    expect(requested).toContain('https://visio.example.gouv.fr/api/v1.0/config/?v=2');
  });

  it('refuses a redirect to another host without requesting it', async () => {
    const { port, requested } = fakeFetch({
      'https://visio.example.gouv.fr/api/v1.0/config/': { status: 302, location: 'https://evil.example.com/config/' },
      'https://evil.example.com/config/': { status: 200, json: meetConfig },
    });
    const result = await profileFromInstanceUrl('https://visio.example.gouv.fr', { fetchInstance: port, language: 'fr' });
    expect(!result.ok && result.error).toEqual({ code: 'redirect_elsewhere', detail: 'evil.example.com' });
    expect(requested).not.toContain('https://evil.example.com/config/');
    if (!result.ok) expect(addInstanceErrorMessage(result.error, 'fr')).toContain('evil.example.com');
  });

  it('refuses a server that is not a Meet instance', async () => {
    const { port } = fakeFetch({
      'https://www.example.fr/api/v1.0/config/': { status: 200, json: { hello: 'world' } },
      'https://blog.example.fr/api/v1.0/config/': { status: 404 },
    });
    const notMeet = await profileFromInstanceUrl('https://www.example.fr', { fetchInstance: port, language: 'en' });
    expect(!notMeet.ok && notMeet.error.code).toBe('not_meet');
    const missing = await profileFromInstanceUrl('https://blog.example.fr', { fetchInstance: port, language: 'en' });
    expect(!missing.ok && missing.error.code).toBe('not_meet');
    if (!missing.ok) {
      expect(addInstanceErrorMessage(missing.error, 'en')).toBe(
        'This server does not look like a Visio (LaSuite Meet) instance.',
      );
    }
  });

  it('reports an unreachable host', async () => {
    const { port } = fakeFetch({ 'https://down.example.fr/api/v1.0/config/': new Error('ECONNREFUSED') });
    const result = await profileFromInstanceUrl('https://down.example.fr', { fetchInstance: port, language: 'fr' });
    expect(!result.ok && result.error.code).toBe('unreachable');
    if (!result.ok) expect(addInstanceErrorMessage(result.error, 'fr')).toMatch(/injoignable/);
  });

  it('refuses plain http off loopback and a non-TLS LiveKit, and rejects invalid input', async () => {
    const { port, requested } = fakeFetch({
      'https://visio.example.fr/api/v1.0/config/': { status: 200, json: { livekit: { url: 'ws://livekit.example.fr' } } },
    });
    const plain = await profileFromInstanceUrl('http://visio.example.fr', { fetchInstance: port, language: 'fr' });
    expect(!plain.ok && plain.error.code).toBe('insecure_url');
    const insecureLivekit = await profileFromInstanceUrl('https://visio.example.fr', { fetchInstance: port, language: 'fr' });
    expect(!insecureLivekit.ok && insecureLivekit.error.code).toBe('insecure_url');
    const garbage = await profileFromInstanceUrl('javascript:alert(1)', { fetchInstance: port, language: 'fr' });
    expect(!garbage.ok && garbage.error.code).toBe('invalid_url');
    expect(requested).toEqual(['https://visio.example.fr/api/v1.0/config/']);
  });
});

describe('profileFromInstanceUrl over HTTP on loopback', () => {
  let server: Server;
  let origin = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/api/v1.0/config/') {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ livekit: { url: 'ws://127.0.0.1:7880' } }));
      } else if (request.url === '/elsewhere/api/v1.0/config/') {
        response.statusCode = 302;
        response.setHeader('location', 'https://other.example.com/');
        response.end();
      } else {
        response.statusCode = 404;
        response.end('<html>not found</html>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('adds a loopback instance through the fetch adapter', async () => {
    const result = await profileFromInstanceUrl(origin, { fetchInstance: instanceFetchPort(fetch), language: 'fr' });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.profile.apiBaseUrl).toBe(`${origin}/api/v1.0/`);
    expect(result.profile.livekitUrl).toBe('ws://127.0.0.1:7880/');
  });

  it('sees a closed port as unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await profileFromInstanceUrl(`http://127.0.0.1:${port}`, {
      fetchInstance: instanceFetchPort(fetch, 2000),
      language: 'fr',
    });
    expect(!result.ok && result.error.code).toBe('unreachable');
  });
});
