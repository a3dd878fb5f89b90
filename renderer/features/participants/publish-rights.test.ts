// changePublishRight with a fake preload API that checks every payload against the IPC contract:
// the order of the calls, who is updated, who is told, and what a failure leaves.
import type { Participant, Room as LivekitRoom } from 'livekit-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubContractCheckedPreload } from '../../testing/contract-checked-preload';
import { fail, ok, type InvokeChannel, type Result } from '../../../common/ipc-contract';
import type { Room } from '../../../common/meet-types';
import { useMeetingStore } from '../meeting/meeting-store';
import { changePublishRight, changeRole } from './admin-actions';

const meetRoom: Room = { id: 'room-1', name: 'abc-defg-hij', slug: 'abc-defg-hij', access_level: 'public', configuration: {} };

interface Call {
  channel: InvokeChannel;
  payload: Record<string, unknown>;
}

function person(identity: string, role: string, isLocal = false) {
  return {
    identity,
    isLocal,
    attributes: { room_role: role },
    permissions: { canSubscribe: true, canPublishData: true, canUpdateMetadata: false, canSubscribeMetrics: false, canPublish: true, canPublishSources: [] },
  } as unknown as Participant;
}

let calls: Call[];
let answers: Partial<Record<string, (payload: Record<string, unknown>) => Result<unknown>>>;
let sent: { payload: unknown; options: unknown }[];
let livekitRoom: LivekitRoom;
const participants = [person('me', 'owner', true), person('admin', 'administrator'), person('ana', 'member'), person('guest', 'member')];

beforeEach(() => {
  sent = [];
  answers = {};
  calls = stubContractCheckedPreload((channel, payload) => {
    const answer = answers[channel === 'backend:room:update-participant' ? `${channel}:${String(payload.identity)}` : channel] ?? answers[channel];
    if (answer) return answer(payload);
    if (channel === 'backend:room:patch') return ok({ ...meetRoom, configuration: payload.configuration });
    return undefined;
  });
  livekitRoom = {
    localParticipant: {
      publishData: (payload: Uint8Array, options: unknown) => {
        sent.push({ payload: JSON.parse(new TextDecoder().decode(payload)), options });
        return Promise.resolve();
      },
    },
  } as unknown as LivekitRoom;
  useMeetingStore.setState({ phase: { name: 'call', room: meetRoom, grant: { url: 'ws://x', room: 'room-1', token: 'token-123456' }, username: 'Camille' } });
});

afterEach(() => {
  vi.unstubAllGlobals();
  useMeetingStore.setState({ phase: { name: 'prejoin' } });
});

describe('changePublishRight', () => {
  it('saves the room, updates each member, then tells them what they lost', async () => {
    const outcome = await changePublishRight(livekitRoom, participants, { everyone_can_mute: true }, ['camera', 'microphone', 'screen_share', 'screen_share_audio'], 'camera', false);
    expect(outcome.error).toBeNull();
    expect(outcome.room?.configuration).toEqual({ everyone_can_mute: true, can_publish_sources: ['microphone', 'screen_share', 'screen_share_audio'] });
    expect(calls[0]).toEqual({
      channel: 'backend:room:patch',
      payload: { roomId: 'room-1', configuration: { everyone_can_mute: true, can_publish_sources: ['microphone', 'screen_share', 'screen_share_audio'] } },
    });
    expect(calls.slice(1).map((call) => [call.channel, call.payload.identity])).toEqual([
      ['backend:room:update-participant', 'ana'],
      ['backend:room:update-participant', 'guest'],
    ]);
    expect(calls[1]?.payload.permission).toEqual({
      canSubscribe: true,
      canPublish: true,
      canPublishData: true,
      canUpdateMetadata: false,
      canSubscribeMetrics: false,
      canPublishSources: ['microphone', 'screen_share', 'screen_share_audio'],
    });
    expect(sent).toEqual([
      { payload: { type: 'permissionsRemoved', data: { removedSources: ['camera'] } }, options: { reliable: true, destinationIdentities: ['ana', 'guest'] } },
    ]);
  });

  it('tells nobody when a right is given back', async () => {
    const outcome = await changePublishRight(livekitRoom, participants, { can_publish_sources: ['microphone'] }, undefined, 'screenShare', true);
    expect(outcome).toMatchObject({ error: null, room: { configuration: { can_publish_sources: ['microphone', 'screen_share', 'screen_share_audio'] } } });
    expect(calls).toHaveLength(3);
    expect(sent).toEqual([]);
  });

  it('changes nothing else when the room cannot be saved', async () => {
    answers['backend:room:patch'] = () => fail('forbidden', 403);
    const outcome = await changePublishRight(livekitRoom, participants, null, undefined, 'microphone', false);
    expect(outcome).toEqual({ room: null, error: { code: 'forbidden', status: 403 } });
    expect(calls.map((call) => call.channel)).toEqual(['backend:room:patch']);
    expect(sent).toEqual([]);
  });

  it('reports a participant it could not update, and tells only the others', async () => {
    answers['backend:room:update-participant:ana'] = () => fail('not_found', 404);
    const outcome = await changePublishRight(livekitRoom, participants, null, undefined, 'microphone', false);
    expect(outcome.room).not.toBeNull();
    expect(outcome.error).toEqual({ code: 'not_found', status: 404 });
    expect(sent.map((packet) => packet.options)).toEqual([{ reliable: true, destinationIdentities: ['guest'] }]);
  });

  it('does nothing outside a call', async () => {
    useMeetingStore.setState({ phase: { name: 'prejoin' } });
    const outcome = await changePublishRight(livekitRoom, participants, null, undefined, 'camera', false);
    expect(outcome.room).toBeNull();
    expect(calls).toEqual([]);
  });
});

describe('changeRole', () => {
  it('gives a promoted member everything an administrator publishes, even in a restricted room', async () => {
    expect(await changeRole(person('ana', 'member'), 'administrator', ['microphone'])).toBeNull();
    expect(calls.map(({ channel, payload }) => [channel, payload.identity])).toEqual([
      ['backend:room:update-role', 'ana'],
      ['backend:room:update-participant', 'ana'],
    ]);
    expect(calls[1]?.payload.permission).toMatchObject({ canPublish: true, canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'] });
  });

  it('gives a demoted administrator only what the room lets members publish', async () => {
    expect(await changeRole(person('admin', 'administrator'), 'member', ['microphone'])).toBeNull();
    expect(calls[1]?.payload.permission).toMatchObject({ canPublish: true, canPublishSources: ['microphone'] });
  });

  it('touches no permission when the role change is refused, and reports a refused permission', async () => {
    answers['backend:room:update-role'] = () => fail('forbidden', 403);
    expect(await changeRole(person('ana', 'member'), 'administrator', [])).toMatchObject({ code: 'forbidden' });
    expect(calls.map(({ channel }) => channel)).toEqual(['backend:room:update-role']);
    calls = [];
    delete answers['backend:room:update-role'];
    answers['backend:room:update-participant'] = () => fail('not_found', 404);
    expect(await changeRole(person('ana', 'member'), 'administrator', [])).toMatchObject({ code: 'not_found' });
  });
});
