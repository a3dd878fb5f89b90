import { describe, expect, it } from 'vitest';
import { idleCallState, type CallState } from '../call-state';
import { PowerBlocker, type PowerSaveBlockerPort } from './power-blocker';

class FakePowerSaveBlocker implements PowerSaveBlockerPort {
  private next = 1;
  readonly active = new Set<number>();
  starts = 0;
  start() {
    this.starts += 1;
    const id = this.next++;
    this.active.add(id);
    return id;
  }
  stop(id: number) {
    this.active.delete(id);
  }
  isStarted(id: number) {
    return this.active.has(id);
  }
}

const inCall: CallState = { ...idleCallState, state: 'in-call', roomSlug: 'abc-defg-hij' };

describe('PowerBlocker', () => {
  it('blocks display sleep once when a call starts and releases it when it ends', () => {
    const port = new FakePowerSaveBlocker();
    const blocker = new PowerBlocker(port);
    blocker.onCallState(idleCallState);
    expect(port.starts).toBe(0);
    blocker.onCallState(inCall);
    blocker.onCallState({ ...inCall, muted: true });
    expect(port.starts).toBe(1);
    expect(blocker.isBlocking()).toBe(true);
    blocker.onCallState(idleCallState);
    expect(port.active.size).toBe(0);
    expect(blocker.isBlocking()).toBe(false);
  });

  it('releases on quit, even in a call', () => {
    const port = new FakePowerSaveBlocker();
    const blocker = new PowerBlocker(port);
    blocker.onCallState(inCall);
    blocker.onQuit();
    expect(port.active.size).toBe(0);
  });

  it('starts again for the next call, and recovers a blocker stopped behind its back', () => {
    const port = new FakePowerSaveBlocker();
    const blocker = new PowerBlocker(port);
    blocker.onCallState(inCall);
    port.active.clear();
    blocker.onCallState(inCall);
    expect(port.starts).toBe(2);
    blocker.onCallState(idleCallState);
    blocker.onCallState(inCall);
    expect(port.starts).toBe(3);
    expect(port.active.size).toBe(1);
  });
});
