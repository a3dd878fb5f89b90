// Restricting what a participant may publish, against the real devstack: the room's owner sends
// `update-participant` through the Meet client as the app does, the API checks it like Meet's
// backend and LiveKit applies it (it drops a track whose source is no longer allowed).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispose } from '@livekit/rtc-node';
import { RoomServiceClient, TokenVerifier, TrackSource, TrackType } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MeetClient } from '../../common/meet-client';
import type { InvokeInput } from '../../common/ipc-contract';
import { isRegisteredRoom, type RegisteredRoom, type Room } from '../../common/meet-types';

function registered(room: Room): RegisteredRoom {
  if (!isRegisteredRoom(room)) throw new Error('the devstack created a room without id');
  return room;
}
import { Bot } from '../../devstack/bot';
import { HttpSession } from '../../devstack/http-session';
import { startDevstack, type Devstack } from '../../devstack/index';
import { waitFor, WAITING_TEST_TIMEOUT_MS } from '../../devstack/wait-for';
import { loginWithPassword } from './node-password-login';
import { NodeTransport } from './node-transport';

type Permission = NonNullable<InvokeInput<'backend:room:update-participant'>['permission']>;

const everything: Permission = {
  canSubscribe: true,
  canPublish: true,
  canPublishData: true,
  canUpdateMetadata: false,
  canSubscribeMetrics: false,
  canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'],
};

vi.setConfig({ testTimeout: WAITING_TEST_TIMEOUT_MS });

let dataDir: string;
let devstack: Devstack;
let owner: MeetClient;
let ownerHttp: HttpSession;
let colleagueHttp: HttpSession;
let roomService: RoomServiceClient;
let room: RegisteredRoom;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'visio-update-participant-'));
  devstack = await startDevstack({ dataDir });
  const [ownerUser, colleague] = devstack.users;
  if (!ownerUser || !colleague) throw new Error('the devstack needs two users');
  const transport = new NodeTransport({ apiBaseUrl: devstack.apiBaseUrl });
  expect(await loginWithPassword(transport, { apiBaseUrl: devstack.apiBaseUrl, ...ownerUser })).toEqual({ ok: true, value: null });
  owner = new MeetClient(transport);
  ownerHttp = new HttpSession(devstack.origin);
  await ownerHttp.login(devstack.apiBaseUrl, ownerUser);
  colleagueHttp = new HttpSession(devstack.origin);
  await colleagueHttp.login(devstack.apiBaseUrl, colleague);
  roomService = new RoomServiceClient(devstack.livekitHttpUrl, devstack.apiKey, devstack.apiSecret);
  const created = await owner.createRoom({ username: 'Camille' }, 'per-miss-ion');
  if (!created.ok) throw new Error(`room creation failed: ${created.error.code}`);
  room = registered(created.value);
});

afterAll(async () => {
  await devstack?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await dispose();
});

async function liveParticipant(identity: string) {
  return (await roomService.listParticipants(room.id)).find((participant) => participant.identity === identity);
}

describe('update-participant', () => {
  it('takes the camera right away from a member, who loses the published camera, then gives it back', async () => {
    const member = await Bot.join(devstack, { room: room.id, name: 'Bertrand Robot' });
    try {
      await member.publishVideo({ width: 160, height: 90, fps: 5 });
      await member.publishAudio();
      await waitFor(async () => ((await liveParticipant(member.identity))?.tracks.length === 2 ? true : undefined));

      const withoutCamera = await owner.updateParticipant({
        roomId: room.id,
        identity: member.identity,
        permission: { ...everything, canPublishSources: ['microphone', 'screen_share', 'screen_share_audio'] },
      });
      expect(withoutCamera).toEqual({ ok: true, value: null });
      const restricted = await liveParticipant(member.identity);
      expect(restricted?.permission?.canPublishSources).toEqual([TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO]);
      expect(restricted?.permission?.canSubscribe).toBe(true);
      expect(restricted?.permission?.canPublishData).toBe(true);
      // LiveKit unpublishes the camera itself; the microphone stays.
      const tracksLeft = await waitFor(async () => {
        const tracks = (await liveParticipant(member.identity))?.tracks ?? [];
        return tracks.length === 1 ? tracks : undefined;
      });
      expect(tracksLeft.map((track) => track.type)).toEqual([TrackType.AUDIO]);

      expect(await owner.updateParticipant({ roomId: room.id, identity: member.identity, permission: everything })).toEqual({ ok: true, value: null });
      expect((await liveParticipant(member.identity))?.permission?.canPublishSources).toContain(TrackSource.CAMERA);
      await member.publishVideo({ width: 160, height: 90, fps: 5 });
      await waitFor(async () =>
        (await liveParticipant(member.identity))?.tracks.some((track) => track.source === TrackSource.CAMERA) ? true : undefined,
      );

      // Nothing at all: no publishing, the subscriptions kept.
      const silenced = await owner.updateParticipant({
        roomId: room.id,
        identity: member.identity,
        permission: { ...everything, canPublish: false, canPublishSources: [] },
      });
      expect(silenced.ok).toBe(true);
      await waitFor(async () => ((await liveParticipant(member.identity))?.tracks.length === 0 ? true : undefined));
      expect((await liveParticipant(member.identity))?.permission).toMatchObject({ canPublish: false, canSubscribe: true });
    } finally {
      await member.disconnect();
    }
  });

  it('answers 404 for someone who is not in the room', async () => {
    const absent = await owner.updateParticipant({ roomId: room.id, identity: 'nobody-here', permission: everything });
    expect(absent).toMatchObject({ ok: false, error: { code: 'not_found', status: 404 } });
  });

  it('is for the room’s owner and administrators, with their session and its CSRF token', async () => {
    const body = { participant_identity: 'someone', permission: { can_publish: false } };
    const path = `rooms/${room.id}/update-participant/`;
    expect((await colleagueHttp.api(devstack.apiBaseUrl, 'POST', path, { body })).status).toBe(403);
    expect((await new HttpSession(devstack.origin).api(devstack.apiBaseUrl, 'POST', path, { body })).status).toBe(401);
    expect((await ownerHttp.api(devstack.apiBaseUrl, 'POST', path, { body, headers: { 'x-csrftoken': 'wrong' } })).status).toBe(403);
    // A LiveKit token, even a room admin's, is not enough.
    const grant = (await ownerHttp.api(devstack.apiBaseUrl, 'GET', `rooms/${room.slug}/`)).json as Room;
    const bearer = await fetch(`${devstack.apiBaseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${grant.livekit?.token ?? ''}` },
      body: JSON.stringify(body),
    });
    expect(bearer.status).toBe(401);
  });

  it('checks the body like Meet’s backend', async () => {
    const path = `rooms/${room.id}/update-participant/`;
    const refused = async (body: unknown) => {
      const response = await ownerHttp.api(devstack.apiBaseUrl, 'POST', path, { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      return (response.json as { detail: string }).detail;
    };
    expect(await refused({ participant_identity: ['test'] })).toContain('Not a valid string');
    expect(await refused({ participant_identity: 'someone' })).toContain('At least one of the following fields must be provided');
    expect(await refused({ participant_identity: 'someone', name: '' })).toContain('At least one');
    expect(await refused({ participant_identity: 'someone', permission: { 'invalid-attributes': true } })).toContain('invalid-attributes');
    expect(await refused({ participant_identity: 'someone', permission: { can_publish_sources: ['CAMERA', 'microphone'] } })).toContain('CAMERA');
    expect(await refused({ participant_identity: 'someone', permission: { can_publish: 'yes' } })).toContain('can_publish');
    expect(await refused({ participant_identity: 'someone', permission: { can_publish: true, hidden: false, agent: true } })).toBe(
      'Setting the following participant permissions is not allowed: hidden, agent.',
    );
    expect(await refused({ participant_identity: 'someone', metadata: 'wrong string' })).toContain('metadata');
    expect(await refused({ participant_identity: 'someone', attributes: { role: 3 } })).toContain('attributes');
    // Every permission field is optional: a valid body for someone absent reaches LiveKit (404).
    const valid = await ownerHttp.api(devstack.apiBaseUrl, 'POST', path, { body: { participant_identity: 'someone', permission: {} } });
    expect(valid.status).toBe(404);
  });
});

describe('room configuration', () => {
  it('keeps the sources chosen for participants, and the tokens handed out afterwards follow them', async () => {
    const patched = await owner.patchRoom({ roomId: room.id, configuration: { can_publish_sources: ['microphone'], everyone_can_mute: false } });
    expect(patched.ok && patched.value.configuration).toEqual({ can_publish_sources: ['microphone'], everyone_can_mute: false });
    // The colleague has no role on this trusted room: a member, whose token carries the room's sources.
    const asMember = (await colleagueHttp.api(devstack.apiBaseUrl, 'GET', `rooms/${room.slug}/?username=Dominique`)).json as Room;
    const claims = await new TokenVerifier(devstack.apiKey, devstack.apiSecret).verify(asMember.livekit?.token ?? '');
    expect(claims.video?.canPublishSources).toEqual(['microphone']);

    const refused = async (configuration: unknown) =>
      (await ownerHttp.api(devstack.apiBaseUrl, 'PATCH', `rooms/${room.id}/`, { body: { configuration } })).status;
    expect(await refused({ can_publish_sources: ['CAMERA'] })).toBe(400);
    expect(await refused({ can_publish_sources: 'camera' })).toBe(400);
    expect(await refused({ everyone_can_mute: 'yes' })).toBe(400);
    expect(await refused({ unknown_setting: true })).toBe(400);

    // Replaced whole, like upstream: a configuration without the sources gives the defaults back.
    const reset = await owner.patchRoom({ roomId: room.id, configuration: { everyone_can_mute: true } });
    expect(reset.ok && reset.value.configuration).toEqual({ everyone_can_mute: true });
  });
});
