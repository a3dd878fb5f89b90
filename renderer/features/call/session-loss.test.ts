import { EventEmitter } from 'events';
import { ConnectionState, RoomEvent, type Room } from 'livekit-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useMediaHealthStore } from './connection-health';
import { followSessionLoss, isSessionLost } from './session-loss';

describe('isSessionLost', () => {
  it('says a restart or an offline room has lost its session, media or not', () => {
    expect(isSessionLost(ConnectionState.Reconnecting, false)).toBe(true);
    expect(isSessionLost(ConnectionState.Reconnecting, true)).toBe(true);
  });

  it('leaves a signalling resume alone while the media flows, not once it stopped too', () => {
    expect(isSessionLost(ConnectionState.SignalReconnecting, false)).toBe(false);
    expect(isSessionLost(ConnectionState.SignalReconnecting, true)).toBe(true);
  });

  it('never flags a connected room, even with the media stopped (that is the unstable state)', () => {
    expect(isSessionLost(ConnectionState.Connected, true)).toBe(false);
    expect(isSessionLost(ConnectionState.Connecting, true)).toBe(false);
  });
});

class FakeRoom extends EventEmitter {
  state = ConnectionState.Connected;

  moveTo(state: ConnectionState): void {
    this.state = state;
    this.emit(RoomEvent.ConnectionStateChanged, state);
  }
}

describe('followSessionLoss', () => {
  afterEach(() => useMediaHealthStore.getState().setMediaStalled(false));

  it('reports once when the media stops during a signalling resume, and again after a recovery', () => {
    const room = new FakeRoom();
    const onLost = vi.fn();
    followSessionLoss(room as unknown as Room, () => true, onLost);
    room.moveTo(ConnectionState.SignalReconnecting);
    expect(onLost).not.toHaveBeenCalled();
    useMediaHealthStore.getState().setMediaStalled(true);
    room.moveTo(ConnectionState.Reconnecting);
    expect(onLost).toHaveBeenCalledTimes(1);
    useMediaHealthStore.getState().setMediaStalled(false);
    room.moveTo(ConnectionState.Connected);
    room.moveTo(ConnectionState.Reconnecting);
    expect(onLost).toHaveBeenCalledTimes(2);
  });

  it('stops following a room that is no longer the call’s', () => {
    const room = new FakeRoom();
    const onLost = vi.fn();
    let current = true;
    followSessionLoss(room as unknown as Room, () => current, onLost);
    current = false;
    room.moveTo(ConnectionState.Reconnecting);
    expect(onLost).not.toHaveBeenCalled();
    expect(room.listenerCount(RoomEvent.ConnectionStateChanged)).toBe(0);
  });
});
