import { describe, expect, it } from 'vitest';
import { idleCallState, type CallState } from '../call-state';
import { GlobalMuteShortcut, isAcceptableMuteShortcut, type GlobalShortcutPort } from './global-mute-shortcut';

class FakeGlobalShortcut implements GlobalShortcutPort {
  readonly held = new Map<string, () => void>();
  readonly takenElsewhere = new Set<string>();
  register(accelerator: string, callback: () => void) {
    if (this.takenElsewhere.has(accelerator) || this.held.has(accelerator)) return false;
    this.held.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: string) {
    this.held.delete(accelerator);
  }
  press(accelerator: string) {
    this.held.get(accelerator)?.();
  }
}

const inCall: CallState = { ...idleCallState, state: 'in-call', roomSlug: 'abc-defg-hij' };
const inLobby: CallState = { ...idleCallState, state: 'lobby', roomSlug: 'abc-defg-hij' };

function setup() {
  const port = new FakeGlobalShortcut();
  let toggles = 0;
  const shortcut = new GlobalMuteShortcut(port, () => {
    toggles += 1;
  });
  return { port, shortcut, toggles: () => toggles };
}

describe('isAcceptableMuteShortcut', () => {
  it.each(['CommandOrControl+Shift+M', 'Alt+F9', 'Ctrl+Alt+Space', 'Super+M'])('accepts %s', (accelerator) => {
    expect(isAcceptableMuteShortcut(accelerator)).toBe(true);
  });

  it.each(['M', 'F9', '', 'Shift+Shift+M', 'Ctrl+', 'Ctrl+MM', 'Hyper+M', 'Ctrl+M+N', `Ctrl+${'x'.repeat(80)}`])('refuses %j', (accelerator) => {
    expect(isAcceptableMuteShortcut(accelerator)).toBe(false);
  });
});

describe('GlobalMuteShortcut', () => {
  it('holds the combination only during a call, and a press toggles the microphone', () => {
    const { port, shortcut, toggles } = setup();
    shortcut.configure('CommandOrControl+Shift+M');
    shortcut.onCallState(idleCallState);
    expect(port.held.size).toBe(0);
    expect(shortcut.status()).toBe('waiting-for-call');
    shortcut.onCallState(inLobby);
    expect(port.held.size).toBe(0);

    shortcut.onCallState(inCall);
    expect([...port.held.keys()]).toEqual(['CommandOrControl+Shift+M']);
    expect(shortcut.status()).toBe('active');
    port.press('CommandOrControl+Shift+M');
    port.press('CommandOrControl+Shift+M');
    expect(toggles()).toBe(2);
    // Repeated reports of the same call do not register twice.
    shortcut.onCallState({ ...inCall, muted: true });
    expect(port.held.size).toBe(1);

    shortcut.onCallState(idleCallState);
    expect(port.held.size).toBe(0);
    port.press('CommandOrControl+Shift+M');
    expect(toggles()).toBe(2);
  });

  it('is off without a combination, and lets go when the combination changes or is removed', () => {
    const { port, shortcut } = setup();
    shortcut.onCallState(inCall);
    expect(shortcut.status()).toBe('off');
    expect(port.held.size).toBe(0);
    shortcut.configure('Alt+F9');
    expect([...port.held.keys()]).toEqual(['Alt+F9']);
    shortcut.configure('Alt+F10');
    expect([...port.held.keys()]).toEqual(['Alt+F10']);
    shortcut.configure(null);
    expect(port.held.size).toBe(0);
    expect(shortcut.status()).toBe('off');
  });

  it('never registers a bare key, and says so', () => {
    const { port, shortcut } = setup();
    shortcut.configure('M');
    shortcut.onCallState(inCall);
    expect(port.held.size).toBe(0);
    expect(shortcut.status()).toBe('invalid');
  });

  it('reports a combination another application holds, and tries again at the next call', () => {
    const { port, shortcut } = setup();
    port.takenElsewhere.add('Alt+F9');
    shortcut.configure('Alt+F9');
    shortcut.onCallState(inCall);
    expect(shortcut.status()).toBe('taken');
    shortcut.onCallState(idleCallState);
    port.takenElsewhere.clear();
    shortcut.onCallState(inCall);
    expect(shortcut.status()).toBe('active');
  });

  it('lets go on dispose', () => {
    const { port, shortcut } = setup();
    shortcut.configure('Alt+F9');
    shortcut.onCallState(inCall);
    shortcut.dispose();
    expect(port.held.size).toBe(0);
  });
});
