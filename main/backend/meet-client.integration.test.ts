// The Meet client over the Node transport against the real devstack (LiveKit, OpenID Connect
// provider, Meet-compatible API): the same requests the app's main process sends.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Room as LivekitRoom, dispose } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import { CookieJar } from 'tough-cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSlug, MeetClient } from '../../common/meet-client';
import { isRegisteredRoom, type RegisteredRoom, type Room } from '../../common/meet-types';

function registered(room: Room): RegisteredRoom {
  if (!isRegisteredRoom(room)) throw new Error('the devstack created a room without id');
  return room;
}
import { startDevstack, type Devstack } from '../../devstack/index';
import { BackendSession } from './backend-session';
import { loginWithPassword } from './node-password-login';
import { NodeTransport } from './node-transport';

const bytes = (length: number) => new Uint8Array(randomBytes(length));

let dataDir: string;
let devstack: Devstack;
let ownerTransport: NodeTransport;
let owner: MeetClient;
let room: RegisteredRoom;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'visio-meet-client-'));
  devstack = await startDevstack({ dataDir });
  ownerTransport = new NodeTransport({ apiBaseUrl: devstack.apiBaseUrl });
  const user = devstack.users[0];
  if (!user) throw new Error('the devstack has no user');
  const login = await loginWithPassword(ownerTransport, { apiBaseUrl: devstack.apiBaseUrl, ...user });
  expect(login).toEqual({ ok: true, value: null });
  owner = new MeetClient(ownerTransport);
});

afterAll(async () => {
  await devstack?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await dispose();
});

describe('Meet client against the devstack', () => {
  it('knows the logged-in user', async () => {
    const me = await owner.getMe();
    expect(me.ok && me.value).toMatchObject({ email: devstack.users[0]?.email, full_name: devstack.users[0]?.fullName });
  });

  it('refuses a wrong password', async () => {
    const stranger = new NodeTransport({ apiBaseUrl: devstack.apiBaseUrl });
    const login = await loginWithPassword(stranger, {
      apiBaseUrl: devstack.apiBaseUrl,
      email: devstack.users[0]?.email ?? '',
      password: 'not-the-password',
    });
    expect(login.ok).toBe(false);
    expect(await new MeetClient(stranger).getMe()).toEqual({ ok: true, value: null });
  });

  it('creates a room and gets it with a LiveKit grant', async () => {
    const created = await owner.createRoom({ username: 'Camille' }, 'abc-defg-hij');
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    room = registered(created.value);
    expect(room.slug).toBe('abc-defg-hij');
    const fetched = await owner.getRoom({ slug: room.slug, username: 'Camille' });
    expect(fetched.ok && fetched.value.livekit).toMatchObject({ url: devstack.livekitUrl, room: room.id });
    const config = await owner.getConfig();
    expect(config.ok && config.value.livekit.url).toBe(devstack.livekitUrl);
  });

  it('lets a guest wait in the lobby with one identity across polls, then admits them', async () => {
    const restricted = await owner.patchRoom({ roomId: room.id, accessLevel: 'restricted' });
    expect(restricted.ok && restricted.value.access_level).toBe('restricted');

    const guest = new MeetClient(new NodeTransport({ apiBaseUrl: devstack.apiBaseUrl }));
    const asGuest = await guest.getRoom({ slug: room.slug, username: 'Invité' });
    expect(asGuest.ok && asGuest.value.livekit).toBeFalsy();

    const first = await guest.requestEntry({ roomId: room.id, username: 'Invité' });
    const second = await guest.requestEntry({ roomId: room.id, username: 'Invité' });
    expect(first.ok && first.value.status).toBe('waiting');
    expect(second.ok && second.value.id).toBe(first.ok && first.value.id);

    const waiting = await owner.listWaiting({ roomId: room.id });
    expect(waiting.ok && waiting.value.map((participant) => participant.username)).toEqual(['Invité']);
    const participantId = first.ok ? first.value.id : '';
    expect(await owner.enter({ roomId: room.id, participantId, allowEntry: true })).toEqual({ ok: true, value: null });

    const admitted = await guest.requestEntry({ roomId: room.id, username: 'Invité' });
    expect(admitted.ok && admitted.value.status).toBe('accepted');
    const token = admitted.ok ? admitted.value.livekit?.token : undefined;
    expect(token).toBeTruthy();

    // The hand is an attribute of a participant present in the LiveKit room.
    const livekitRoom = new LivekitRoom();
    await livekitRoom.connect(devstack.livekitUrl, token ?? '', { autoSubscribe: false, dynacast: false });
    try {
      expect(await guest.toggleHand({ roomId: room.id, token: token ?? '', raised: true })).toEqual({ ok: true, value: null });
      const roomService = new RoomServiceClient(devstack.livekitHttpUrl, devstack.apiKey, devstack.apiSecret);
      const participants = await roomService.listParticipants(room.id);
      const raisedAt = participants.find((participant) => participant.identity === livekitRoom.localParticipant?.identity)
        ?.attributes.handRaisedAt;
      expect(Number.isNaN(Date.parse(raisedAt ?? ''))).toBe(false);
    } finally {
      await livekitRoom.disconnect();
    }
    // Meet refuses a token it cannot read with 403 ("Invalid LiveKit token: ...").
    expect(await guest.toggleHand({ roomId: room.id, token: 'not-a-livekit-token', raised: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('gets a connection test grant that joins its own LiveKit room, and a 404 once the instance turns the test off', async () => {
    const anonymous = new MeetClient(new NodeTransport({ apiBaseUrl: devstack.apiBaseUrl }));
    const grant = await anonymous.startConnectionTest();
    if (!grant.ok) throw new Error(`no grant: ${grant.error.code}`);
    expect(grant.value.livekit).toMatchObject({ url: devstack.livekitUrl, room: expect.stringMatching(/^connection-test-/), expires_in: 300 });
    const livekitRoom = new LivekitRoom();
    await livekitRoom.connect(grant.value.livekit.url, grant.value.livekit.token, { autoSubscribe: false, dynacast: false });
    expect(livekitRoom.name).toBe(grant.value.livekit.room);
    await livekitRoom.disconnect();

    devstack.settings.connectionTest = false;
    try {
      expect(await owner.startConnectionTest()).toMatchObject({ ok: false, error: { code: 'not_found', status: 404, serverMessage: 'Not found.' } });
    } finally {
      devstack.settings.connectionTest = true;
    }
  });

  it('creates rooms with the slugs the app generates', async () => {
    const created = await owner.createRoom({}, generateSlug(bytes));
    expect(created.ok).toBe(true);
  });

  it('fails an unsafe call without the CSRF token', async () => {
    const sessionOnly = new CookieJar();
    for (const cookie of await ownerTransport.cookieJar.getCookies(devstack.apiBaseUrl)) {
      if (cookie.key !== 'csrftoken') await sessionOnly.setCookie(cookie, devstack.apiBaseUrl);
    }
    const withoutCsrf = new MeetClient(new NodeTransport({ apiBaseUrl: devstack.apiBaseUrl, cookieJar: sessionOnly }));
    expect((await withoutCsrf.getMe()).ok).toBe(true);
    const refused = await withoutCsrf.createRoom({ username: 'Camille' }, 'zyx-wvut-srq');
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', status: 403 } });
  });

  it('is logged out after logout: getMe answers null', async () => {
    const transport = new NodeTransport({ apiBaseUrl: devstack.apiBaseUrl });
    const user = devstack.users[1] ?? devstack.users[0];
    expect(await loginWithPassword(transport, { apiBaseUrl: devstack.apiBaseUrl, email: user?.email ?? '', password: user?.password ?? '' })).toEqual({
      ok: true,
      value: null,
    });
    const client = new MeetClient(transport);
    const stolenJar = await transport.cookieJar.clone();
    const session = new BackendSession({
      client,
      transport,
      runLogin: async () => ({ ok: true, value: null }),
      clearLoginStorage: () => transport.cookieJar.removeAllCookies(),
    });
    expect(await session.logout()).toEqual({ ok: true, value: null });
    expect(await client.getMe()).toEqual({ ok: true, value: null });
    // The server ended the session too: its old cookie is worth nothing.
    const replay = new MeetClient(new NodeTransport({ apiBaseUrl: devstack.apiBaseUrl, cookieJar: stolenJar }));
    expect(await replay.getMe()).toEqual({ ok: true, value: null });
    // As on the real server, a logged-out caller gets an empty list rather than an error.
    expect(await replay.listRooms({})).toMatchObject({ ok: true, value: { count: 0, results: [] } });
  });
});

describe('Meet client against a broken backend', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url?.includes('config/')) {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<!doctype html><title>Maintenance</title>');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ unexpected: true }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1.0/`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('turns an HTML answer into invalid_response', async () => {
    const client = new MeetClient(new NodeTransport({ apiBaseUrl: baseUrl }));
    expect(await client.getConfig()).toMatchObject({ ok: false, error: { code: 'invalid_response', status: 200 } });
  });

  it('turns JSON of the wrong shape into invalid_response', async () => {
    const client = new MeetClient(new NodeTransport({ apiBaseUrl: baseUrl }));
    expect(await client.getRoom({ slug: 'abc-defg-hij' })).toMatchObject({ ok: false, error: { code: 'invalid_response' } });
    expect(await client.createRoom({}, 'abc-defg-hij')).toMatchObject({ ok: false, error: { code: 'invalid_response' } });
  });

  it('reports an API that is down as network', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const client = new MeetClient(new NodeTransport({ apiBaseUrl: `http://127.0.0.1:${port}/api/v1.0/` }));
    expect(await client.getMe()).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(await client.getConfig()).toMatchObject({ ok: false, error: { code: 'network' } });
  });
});
