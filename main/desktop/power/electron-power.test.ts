// Power's Electron wiring, against a stand-in for Electron: the display stays awake during a call
// only, quitting lets it sleep, and a suspend reaches the renderer.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CallStateStore, type CallState } from '../call-state';
import { app, powerMonitor, powerSaveBlocker, resetFakeElectron } from '../../testing/fake-electron';
import { installPower } from './electron-power';

vi.mock('electron', async () => (await import('../../testing/fake-electron')).fakeElectron);

const idle: CallState = { state: 'idle', muted: false, cameraOn: false, roomSlug: null, sharing: false };
const inCall: CallState = { ...idle, state: 'in-call', roomSlug: 'abc-defg-hij' };

beforeEach(() => {
  resetFakeElectron();
});

describe('Electron power', () => {
  it('keeps the display awake during a call and lets it sleep after', () => {
    const callState = new CallStateStore();
    installPower({ callState, onSuspend: vi.fn() });
    expect(powerSaveBlocker.started.size).toBe(0);

    callState.update(inCall);
    expect([...powerSaveBlocker.started.values()]).toEqual(['prevent-display-sleep']);
    callState.update({ ...inCall, muted: true });
    expect(powerSaveBlocker.started.size).toBe(1);

    callState.update(idle);
    expect(powerSaveBlocker.started.size).toBe(0);
  });

  it('holds the blocker at once when installed during a call, and releases it when the app quits', () => {
    const callState = new CallStateStore();
    callState.update({ ...inCall, state: 'lobby' });
    installPower({ callState, onSuspend: vi.fn() });
    expect(powerSaveBlocker.started.size).toBe(1);
    app.emit('will-quit');
    expect(powerSaveBlocker.started.size).toBe(0);
  });

  it('tells the renderer when the computer goes to sleep', () => {
    const onSuspend = vi.fn();
    installPower({ callState: new CallStateStore(), onSuspend });
    powerMonitor.emit('suspend');
    expect(onSuspend).toHaveBeenCalledTimes(1);
  });

  it('uninstalling releases the blocker and every listener', () => {
    const callState = new CallStateStore();
    const onSuspend = vi.fn();
    const uninstall = installPower({ callState, onSuspend });
    callState.update(inCall);
    uninstall();
    expect(powerSaveBlocker.started.size).toBe(0);
    expect(app.listenerCount('will-quit')).toBe(0);
    powerMonitor.emit('suspend');
    expect(onSuspend).not.toHaveBeenCalled();
    callState.update(idle);
    callState.update(inCall);
    expect(powerSaveBlocker.started.size).toBe(0);
  });
});
