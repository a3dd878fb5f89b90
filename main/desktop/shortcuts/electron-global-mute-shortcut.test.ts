// The system-wide mute shortcut's Electron wiring, against a stand-in for Electron: held during a
// call only, read again from the settings when the call state moves, and never a crash when
// Electron cannot parse the combination.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CallStateStore, type CallState } from '../call-state';
import { globalShortcut, resetFakeElectron } from '../../testing/fake-electron';
import { installGlobalMuteShortcut } from './electron-global-mute-shortcut';

vi.mock('electron', async () => (await import('../../testing/fake-electron')).fakeElectron);

const idle: CallState = { state: 'idle', muted: false, cameraOn: false, roomSlug: null, sharing: false };
const inCall: CallState = { ...idle, state: 'in-call', roomSlug: 'abc-defg-hij' };

function install(accelerator: string | null = 'CommandOrControl+Shift+M') {
  const settings = { accelerator };
  const callState = new CallStateStore();
  const toggleMicrophone = vi.fn();
  const uninstall = installGlobalMuteShortcut({ callState, accelerator: () => settings.accelerator, toggleMicrophone });
  return { settings, callState, toggleMicrophone, uninstall };
}

beforeEach(() => {
  resetFakeElectron();
});

describe('Electron global mute shortcut', () => {
  it('holds the combination during a call only, and pressing it toggles the microphone', () => {
    const { callState, toggleMicrophone } = install();
    expect(globalShortcut.registered.size).toBe(0);
    callState.update({ ...inCall, state: 'lobby' });
    expect(globalShortcut.registered.size).toBe(0);

    callState.update(inCall);
    expect(globalShortcut.isRegistered('CommandOrControl+Shift+M')).toBe(true);
    globalShortcut.press('CommandOrControl+Shift+M');
    expect(toggleMicrophone).toHaveBeenCalledTimes(1);

    callState.update(idle);
    expect(globalShortcut.registered.size).toBe(0);
  });

  it('reads the setting again when the call state moves', () => {
    const { settings, callState } = install(null);
    callState.update(inCall);
    expect(globalShortcut.registered.size).toBe(0);

    settings.accelerator = 'Alt+F9';
    callState.update({ ...inCall, muted: true });
    expect([...globalShortcut.registered.keys()]).toEqual(['Alt+F9']);

    settings.accelerator = 'Ctrl+Alt+K';
    callState.update(inCall);
    expect([...globalShortcut.registered.keys()]).toEqual(['Ctrl+Alt+K']);
  });

  it('a combination Electron cannot parse, or another application holds, is simply not taken', () => {
    globalShortcut.unparseable.add('Ctrl+F13');
    const unparseable = install('Ctrl+F13');
    expect(() => unparseable.callState.update(inCall)).not.toThrow();
    expect(globalShortcut.registered.size).toBe(0);

    globalShortcut.taken.add('Ctrl+Alt+M');
    const taken = install('Ctrl+Alt+M');
    taken.callState.update(inCall);
    expect(globalShortcut.registered.size).toBe(0);
  });

  it('uninstalling gives the combination back', () => {
    const { callState, uninstall } = install();
    callState.update(inCall);
    uninstall();
    expect(globalShortcut.registered.size).toBe(0);
    callState.update({ ...inCall, muted: true });
    expect(globalShortcut.registered.size).toBe(0);
  });
});
