import { EventEmitter } from 'events';
import { ConnectionState, RoomEvent, type Room } from 'livekit-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useMediaHealthStore } from './connection-health';
import { followSessionLoss, isSessionLost, PROBE_INTERVAL_MS } from './session-loss';

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

describe('followSessionLoss with a server probe', () => {
  afterEach(() => {
    useMediaHealthStore.getState().setMediaStalled(false);
    vi.useRealTimers();
  });

  const losePath = () => useMediaHealthStore.getState().noteMediaSample({ stalled: true, pathLost: true });

  it('reports a media path lost under a connected signalling once the server answers and the next sample still sees it lost', async () => {
    const room = new FakeRoom();
    const onLost = vi.fn();
    const probe = vi.fn(async () => true);
    followSessionLoss(room as unknown as Room, () => true, onLost, probe);
    useMediaHealthStore.getState().setMediaStalled(true);
    await vi.waitFor(() => expect(probe).not.toHaveBeenCalled());
    losePath();
    await vi.waitFor(() => expect(probe).toHaveBeenCalledTimes(1));
    expect(onLost).not.toHaveBeenCalled();
    losePath();
    await vi.waitFor(() => expect(onLost).toHaveBeenCalledTimes(1));
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('does not report an answer let through by a link coming back: the next sample sees the media again', async () => {
    const room = new FakeRoom();
    const onLost = vi.fn();
    const probe = vi.fn(async () => true);
    followSessionLoss(room as unknown as Room, () => true, onLost, probe);
    losePath();
    await vi.waitFor(() => expect(probe).toHaveBeenCalledTimes(1));
    useMediaHealthStore.getState().noteMediaSample({ stalled: true, pathLost: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onLost).not.toHaveBeenCalled();
  });

  it('keeps probing while nothing answers (a network cut), and reports when something does', async () => {
    vi.useFakeTimers();
    const room = new FakeRoom();
    const onLost = vi.fn();
    let answers = false;
    const probe = vi.fn(async () => answers);
    followSessionLoss(room as unknown as Room, () => true, onLost, probe);
    losePath();
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS * 3 + 10);
    expect(probe).toHaveBeenCalledTimes(4);
    expect(onLost).not.toHaveBeenCalled();
    answers = true;
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS);
    losePath();
    await vi.advanceTimersByTimeAsync(0);
    expect(onLost).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS * 3);
    expect(probe).toHaveBeenCalledTimes(5);
  });

  it('stops probing once the path is back, and does not report an answer that came after it', async () => {
    const room = new FakeRoom();
    const onLost = vi.fn();
    let answer: (value: boolean) => void = () => undefined;
    const probe = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    followSessionLoss(room as unknown as Room, () => true, onLost, probe);
    losePath();
    await vi.waitFor(() => expect(probe).toHaveBeenCalledTimes(1));
    useMediaHealthStore.getState().noteMediaSample({ stalled: true, pathLost: false });
    answer(true);
    await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS + 100));
    expect(onLost).not.toHaveBeenCalled();
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('leaves a lost path to the resume once livekit-client is resuming the signalling (the earlier rule decides)', async () => {
    const room = new FakeRoom();
    const onLost = vi.fn();
    const probe = vi.fn(async () => false);
    followSessionLoss(room as unknown as Room, () => true, onLost, probe);
    room.moveTo(ConnectionState.SignalReconnecting);
    losePath();
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(probe).not.toHaveBeenCalled();
  });
});
