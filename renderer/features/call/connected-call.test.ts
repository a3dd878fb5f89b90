// In-call actions against a fake preload API that checks every payload against the IPC contract.
import type { Participant } from 'livekit-client';
import { beforeEach, describe, expect, it } from 'vitest';
import { stubContractCheckedPreload } from '../../testing/contract-checked-preload';
import type { InvokeChannel } from '../../../common/ipc-contract';
import type { Room } from '../../../common/meet-types';
import { setHandRaised } from '../hand/hand';
import { useMeetingStore } from '../meeting/meeting-store';
import { lowerEveryHand, lowerHandOf } from '../participants/admin-actions';
import { useCallLifecycleStore } from './call-lifecycle-store';

const meetRoom: Room = { id: 'room-1', name: 'abc-defg-hij', slug: 'abc-defg-hij', access_level: 'public', configuration: {} };
let calls: { channel: InvokeChannel; payload: Record<string, unknown> }[];

beforeEach(() => {
  calls = stubContractCheckedPreload();
  useMeetingStore.setState({ phase: { name: 'call', room: meetRoom, grant: { url: 'ws://x', room: 'room-1', token: 'token-123456' }, username: 'Camille' } });
  useCallLifecycleStore.setState({ phase: 'connected' });
});

describe('lowering someone else’s hand', () => {
  it('clears their handRaisedAt attribute through update-participant, as Meet’s web app does', async () => {
    expect(await lowerHandOf({ identity: 'ana' })).toBeNull();
    expect(calls).toEqual([
      { channel: 'backend:room:update-participant', payload: { roomId: 'room-1', identity: 'ana', attributes: { handRaisedAt: '' } } },
    ]);
  });

  it('lowers only the other raised hands', async () => {
    const people = [
      { identity: 'me', isLocal: true, attributes: { handRaisedAt: '2026-01-01T10:00:00Z' } },
      { identity: 'ana', isLocal: false, attributes: { handRaisedAt: '2026-01-01T10:00:01Z' } },
      { identity: 'bob', isLocal: false, attributes: {} },
    ] as unknown as Participant[];
    expect(await lowerEveryHand(people)).toBeNull();
    expect(calls.map(({ payload }) => payload.identity)).toEqual(['ana']);
  });

  it('addresses an unregistered room by its slug', async () => {
    useMeetingStore.setState({ phase: { name: 'call', room: { ...meetRoom, id: null }, grant: { url: 'ws://x', room: 'abc-defg-hij', token: 'token-123456' }, username: 'Camille' } });
    await lowerHandOf({ identity: 'ana' });
    expect(calls[0]?.payload.roomId).toBe('abc-defg-hij');
  });
});

describe('actions that send the LiveKit token', () => {
  it('are sent while connected', async () => {
    expect(await setHandRaised(true)).toBeNull();
    expect(calls).toEqual([{ channel: 'backend:room:toggle-hand', payload: { roomId: 'room-1', token: 'token-123456', raised: true } }]);
  });

  it('are not sent while the call reconnects, with a reason the user is told', async () => {
    useCallLifecycleStore.setState({ phase: 'rejoining' });
    expect(await setHandRaised(true)).toMatchObject({ reason: 'not_connected' });
    expect(calls).toEqual([]);
  });
});
