// Electron side of the system-wide mute shortcut: `globalShortcut`, fed by the call state.
import { globalShortcut } from 'electron';
import type { CallStateStore } from '../call-state';
import { GlobalMuteShortcut } from './global-mute-shortcut';

export function installGlobalMuteShortcut(options: {
  callState: CallStateStore;
  accelerator(): string | null;
  toggleMicrophone(): void;
}): () => void {
  const shortcut = new GlobalMuteShortcut(
    {
      register: (accelerator, callback) => {
        try {
          return globalShortcut.register(accelerator, callback);
        } catch {
          // Electron throws on a combination it cannot parse: the same as not getting it.
          return false;
        }
      },
      unregister: (accelerator) => globalShortcut.unregister(accelerator),
    },
    options.toggleMicrophone,
  );
  shortcut.configure(options.accelerator());
  shortcut.onCallState(options.callState.current());
  const unsubscribe = options.callState.subscribe((state) => {
    // Settings may have changed since the last call: read them when the call state moves.
    shortcut.configure(options.accelerator());
    shortcut.onCallState(state);
  });
  return () => {
    unsubscribe();
    shortcut.dispose();
  };
}
