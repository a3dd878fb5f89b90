import { EventEmitter } from 'node:events';
import { ConnectionState, RoomEvent, type Room } from 'livekit-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useMeetingStore } from '../meeting/meeting-store';
import { endCall, leaveCall } from './call-ending';
import { useCallLifecycleStore } from './call-lifecycle-store';

/** A room in `state` whose disconnection is reported as LiveKit does, through its Disconnected event. */
function fakeRoom(state: ConnectionState): Room {
  const room = Object.assign(new EventEmitter(), { state });
  return Object.assign(room, {
    disconnect: vi.fn(async () => {
      room.state = ConnectionState.Disconnected;
      room.emit(RoomEvent.Disconnected);
    }),
  }) as unknown as Room;
}

function inCall(room: Room): void {
  useMeetingStore.setState({ phase: { name: 'call' } } as never);
  useCallLifecycleStore.setState({ room, phase: 'rejoining' });
}

describe('leaveCall', () => {
  afterEach(() => useCallLifecycleStore.setState({ room: null, phase: 'idle', nextRejoinAt: null }));

  it('ends the call as left while a rejoin attempt is still being joined', async () => {
    const room = fakeRoom(ConnectionState.Connecting);
    inCall(room);
    await leaveCall();
    expect(room.disconnect).toHaveBeenCalled();
    expect(useMeetingStore.getState().phase).toMatchObject({ name: 'ended', reason: 'left' });
    expect(useCallLifecycleStore.getState().room).toBeNull();
  });

  it('leaves the ending to the joined room’s disconnection, once', async () => {
    const room = fakeRoom(ConnectionState.Connected);
    // What call-lifecycle.ts does when a joined room is disconnected.
    room.on(RoomEvent.Disconnected, () => endCall('left'));
    inCall(room);
    const end = vi.spyOn(useMeetingStore.getState(), 'end');
    await leaveCall();
    expect(end).toHaveBeenCalledTimes(1);
    expect(useMeetingStore.getState().phase).toMatchObject({ name: 'ended', reason: 'left' });
  });
});
