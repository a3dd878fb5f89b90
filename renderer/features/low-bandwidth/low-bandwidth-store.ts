// The low-bandwidth mode during a call: whether the link calls for it (the user's own choice is a
// preference, in the settings store), which tiles the user brought back, and which are paused.
import { create } from 'zustand';
import { useSettingsStore } from '../settings/settings-store';

interface LowBandwidthState {
  /** Set by the trigger: the link has been poor for a while and has not been good long enough since. */
  automatic: boolean;
  /** Tiles brought back by the user: received even in the mode, until the call ends. */
  broughtBack: ReadonlySet<string>;
  /** Tiles whose video is paused now, so that they can say so. */
  paused: ReadonlySet<string>;
  setAutomatic(automatic: boolean): void;
  bringBack(key: string): void;
  setPaused(paused: ReadonlySet<string>): void;
  reset(): void;
}

const sameKeys = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((key) => b.has(key));

export const useLowBandwidthStore = create<LowBandwidthState>((set, get) => ({
  automatic: false,
  broughtBack: new Set(),
  paused: new Set(),
  setAutomatic: (automatic) => set({ automatic }),
  bringBack: (key) => set({ broughtBack: new Set([...get().broughtBack, key]) }),
  setPaused(paused) {
    if (!sameKeys(paused, get().paused)) set({ paused });
  },
  reset: () => set({ automatic: false, broughtBack: new Set(), paused: new Set() }),
}));

export type LowBandwidthCause = 'manual' | 'automatic' | null;

/** Why the mode is on (the user's choice wins over the link's state), or null when it is off. */
export function useLowBandwidthCause(): LowBandwidthCause {
  const manual = useSettingsStore((state) => state.lowBandwidth);
  const automatic = useLowBandwidthStore((state) => state.automatic);
  return manual ? 'manual' : automatic ? 'automatic' : null;
}
