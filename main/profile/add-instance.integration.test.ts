// Adding an instance by its URL against real servers: the devstack's Meet API, and local
// servers that are not Meet, do not answer, or send the app elsewhere. Then two profiles side by
// side, each with its own cookie jar (its own session partition in the app).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CookieJar } from 'tough-cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetClient } from '../../common/meet-client';
import type { Profile } from '../../common/profile';
import { freeTcpPort } from '../../devstack/free-port';
import { startDevstack, type Devstack } from '../../devstack/index';
import { loginPartitionFor } from '../backend/login-navigation';
import { loginWithPassword } from '../backend/node-password-login';
import { NodeTransport } from '../backend/node-transport';
import { addInstanceErrorMessage, profileFromInstanceUrl, type AddInstanceResult } from './add-instance';
import { isHostAllowed } from './allowed-hosts';
import { instanceFetchPort } from './instance-fetch';
import { credentialServiceName } from '../desktop/credentials/credential-store';
import { ProfileStore } from './profile-store';

let devstack: Devstack;
const servers: Server[] = [];
const fetchInstance = instanceFetchPort((url, init) => fetch(url, init), 5_000);

function add(url: string, store?: ProfileStore): Promise<AddInstanceResult> {
  return profileFromInstanceUrl(url, {
    fetchInstance,
    language: 'fr',
    ...(store ? { freeId: (wanted: string) => store.freeId(wanted) } : {}),
  });
}

/** A local HTTP server answering every request with `answer`; resolves with its origin. */
async function localServer(answer: (response: ServerResponse, request: IncomingMessage) => void): Promise<string> {
  const server = createServer((request, response) => answer(response, request));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function expectRefused(result: AddInstanceResult, code: string, french: RegExp, english: RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(addInstanceErrorMessage(result.error, 'fr')).toMatch(french);
  expect(addInstanceErrorMessage(result.error, 'en')).toMatch(english);
}

beforeAll(async () => {
  devstack = await startDevstack();
});

afterAll(async () => {
  for (const server of servers) server.close();
  await devstack?.stop();
});

describe('adding an instance by URL', () => {
  it('accepts the devstack, read from its /api/v1.0/config/', async () => {
    const result = await add(devstack.origin);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.apiBaseUrl).toBe(devstack.apiBaseUrl);
    expect(result.profile.livekitUrl).toBe(new URL(devstack.livekitUrl).toString());
    // The login goes through the devstack's identity provider: learnt, so the login is allowed.
    expect(result.profile.identityProviderUrl).toBe(new URL(devstack.issuer).origin);
    for (const url of [devstack.apiBaseUrl, devstack.livekitUrl, devstack.issuer]) expect(isHostAllowed(result.profile, url)).toBe(true);
  });

  it('accepts a meeting link of the instance as well', async () => {
    const result = await add(`${devstack.origin}/abc-defg-hij`);
    expect(result.ok && result.profile.apiBaseUrl).toBe(devstack.apiBaseUrl);
  });

  it('refuses a server that is not a Meet instance', async () => {
    const html = await localServer((response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>Intranet</title>');
    });
    expectRefused(await add(html), 'not_meet', /ne semble pas être une instance Visio/, /does not look like a Visio/);
    const otherJson = await localServer((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok', version: '1.0' }));
    });
    expectRefused(await add(otherJson), 'not_meet', /ne semble pas être une instance Visio/, /does not look like a Visio/);
    const missing = await localServer((response) => {
      response.writeHead(404);
      response.end();
    });
    expectRefused(await add(missing), 'not_meet', /ne semble pas/, /does not look like/);
  });

  it('refuses an unreachable server', async () => {
    const closedPort = await freeTcpPort();
    expectRefused(await add(`http://127.0.0.1:${closedPort}`), 'unreachable', /injoignable/, /cannot be reached/);
  });

  it('refuses a server that redirects to another host, without following it', async () => {
    let requests = 0;
    const redirecting = await localServer((response) => {
      requests += 1;
      response.writeHead(302, { location: 'https://visio.ailleurs.example/api/v1.0/config/' });
      response.end();
    });
    const result = await add(redirecting);
    expectRefused(result, 'redirect_elsewhere', /renvoie vers un autre site \(visio\.ailleurs\.example\)/, /redirects to another site/);
    expect(requests).toBe(1);
  });

  it('follows a redirect that stays on the instance', async () => {
    const devstackConfig = await (await fetch(`${devstack.apiBaseUrl}config/`)).json();
    const moved = await localServer((response, request) => {
      if (request.url === '/api/v1.0/config/') {
        response.writeHead(301, { location: '/v2/api/v1.0/config/' });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(devstackConfig));
    });
    const result = await add(moved);
    expect(result.ok).toBe(true);
  });

  it('refuses plain http off this machine before any request', async () => {
    expectRefused(await add('http://visio.example.gouv.fr'), 'insecure_url', /pas sécurisée/, /not secure/);
  });
});

describe('two profiles side by side', () => {
  it('keep separate partitions, keychain entries and sessions: a login in one leaves the other logged out', async () => {
    const store = new ProfileStore([], { read: async () => undefined, write: async () => undefined });
    const first = await add(devstack.origin, store);
    if (!first.ok) throw new Error(first.error.code);
    const firstStored = await store.add(first.profile);
    const second = await add(devstack.origin, store);
    if (!second.ok) throw new Error(second.error.code);
    const secondStored = await store.add(second.profile);
    if (!firstStored.ok || !secondStored.ok) throw new Error('profiles not stored');
    const profiles: Profile[] = [firstStored.stored.profile, secondStored.stored.profile];
    expect(profiles[0]?.id).not.toBe(profiles[1]?.id);
    expect(firstStored.stored.partition).not.toBe(secondStored.stored.partition);
    expect(loginPartitionFor(profiles[0]!)).not.toBe(loginPartitionFor(profiles[1]!));
    expect(credentialServiceName(profiles[0]!.id)).not.toBe(credentialServiceName(profiles[1]!.id));

    // One cookie jar per login partition, as the app keeps one Electron session per partition.
    const jars = new Map(profiles.map((profile) => [loginPartitionFor(profile), new CookieJar()]));
    const transportOf = (profile: Profile) =>
      new NodeTransport({ apiBaseUrl: profile.apiBaseUrl, cookieJar: jars.get(loginPartitionFor(profile))! });
    const firstTransport = transportOf(profiles[0]!);
    const user = devstack.users[0]!;
    expect(await loginWithPassword(firstTransport, { apiBaseUrl: profiles[0]!.apiBaseUrl, ...user })).toEqual({ ok: true, value: null });

    const firstMe = await new MeetClient(firstTransport).getMe();
    expect(firstMe.ok && firstMe.value?.email).toBe(user.email);
    const secondMe = await new MeetClient(transportOf(profiles[1]!)).getMe();
    expect(secondMe).toEqual({ ok: true, value: null });
  });
});
