// The optional system-wide mute shortcut: toggles the microphone from any application, but only
// while a call is under way, so the key combination is taken from the rest of the system for
// no longer than the call. Off unless the user (or policy) names a combination.
import type { CallState } from '../call-state';

/** Electron's `globalShortcut`, as far as this feature uses it. */
export interface GlobalShortcutPort {
  /** False when another application already holds the combination. */
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

const modifiers = new Set(['command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta']);
const keyPattern = /^([a-z0-9]|f([1-9]|1[0-9]|2[0-4])|space|tab|backspace|delete|insert|home|end|pageup|pagedown|up|down|left|right|plus|num[0-9])$/i;

/**
 * Whether `accelerator` is a combination this feature accepts: at least one modifier (a bare key
 * taken system-wide would stop the user typing it anywhere) and exactly one key.
 */
export function isAcceptableMuteShortcut(accelerator: string): boolean {
  if (accelerator.length === 0 || accelerator.length > 60) return false;
  const parts = accelerator.split('+');
  const key = parts.at(-1) ?? '';
  const heldModifiers = parts.slice(0, -1).map((part) => part.toLowerCase());
  if (heldModifiers.length === 0 || new Set(heldModifiers).size !== heldModifiers.length) return false;
  return heldModifiers.every((modifier) => modifiers.has(modifier)) && keyPattern.test(key);
}

export type MuteShortcutStatus = 'off' | 'waiting-for-call' | 'active' | 'taken' | 'invalid';

export class GlobalMuteShortcut {
  private accelerator: string | null = null;
  private registered = false;
  private inCall = false;
  private taken = false;

  constructor(
    private readonly port: GlobalShortcutPort,
    private readonly toggleMicrophone: () => void,
  ) {}

  /** The chosen combination, or null for none; takes effect at once. */
  configure(accelerator: string | null): void {
    if (accelerator === this.accelerator) return;
    this.release();
    this.accelerator = accelerator;
    this.taken = false;
    this.apply();
  }

  onCallState(state: CallState): void {
    // Not in the lobby: there is no microphone to mute before the call itself.
    this.inCall = state.state === 'in-call';
    this.apply();
  }

  status(): MuteShortcutStatus {
    if (this.accelerator === null) return 'off';
    if (!isAcceptableMuteShortcut(this.accelerator)) return 'invalid';
    if (this.registered) return 'active';
    if (this.taken) return 'taken';
    return 'waiting-for-call';
  }

  dispose(): void {
    this.release();
  }

  private apply(): void {
    const wanted = this.inCall && this.accelerator !== null && isAcceptableMuteShortcut(this.accelerator);
    if (!wanted) {
      this.release();
      return;
    }
    if (this.registered || this.accelerator === null) return;
    this.registered = this.port.register(this.accelerator, () => this.toggleMicrophone());
    this.taken = !this.registered;
  }

  private release(): void {
    if (!this.registered || this.accelerator === null) return;
    this.port.unregister(this.accelerator);
    this.registered = false;
  }
}
