// The chosen layout and the pinned tile. The layout choice is remembered; a pin lasts for the call.
import { create } from 'zustand';
import { layoutChoices, type LayoutChoice } from './layout';

const STORAGE_KEY = 'visio.layout';

function storedChoice(): LayoutChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (layoutChoices as readonly string[]).includes(value ?? '') ? (value as LayoutChoice) : 'auto';
  } catch {
    return 'auto';
  }
}

interface LayoutState {
  choice: LayoutChoice;
  pinnedKey: string | null;
  choose(choice: LayoutChoice): void;
  togglePin(key: string): void;
  reset(): void;
}

export const useLayoutStore = create<LayoutState>((set, get) => ({
  choice: storedChoice(),
  pinnedKey: null,
  choose(choice) {
    set({ choice });
    try {
      localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // Kept for this page only.
    }
  },
  togglePin: (key) => set({ pinnedKey: get().pinnedKey === key ? null : key }),
  reset: () => set({ pinnedKey: null }),
}));
