// The chosen layout and the pinned tile. The layout choice is remembered; a pin lasts for the call.
import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { checkedStorage } from '../../platform/checked-storage';
import { layoutChoices, type LayoutChoice } from './layout';

const STORAGE_KEY = 'visio.layout';

const storedLayout = z.object({ choice: z.custom<LayoutChoice>((value) => (layoutChoices as readonly unknown[]).includes(value)) });
/** Kept as the word itself (`grid`), as it always was. */
const asWord = { decode: (raw: string) => ({ choice: raw }), encode: ({ choice }: { choice: LayoutChoice }) => choice };

interface LayoutState {
  choice: LayoutChoice;
  pinnedKey: string | null;
  choose(choice: LayoutChoice): void;
  togglePin(key: string): void;
  reset(): void;
}

export const useLayoutStore = create<LayoutState>()(
  persist(
    (set, get) => ({
      choice: 'auto',
      pinnedKey: null,
      choose: (choice) => set({ choice }),
      togglePin: (key) => set({ pinnedKey: get().pinnedKey === key ? null : key }),
      reset: () => set({ pinnedKey: null }),
    }),
    { name: STORAGE_KEY, storage: checkedStorage(storedLayout, undefined, asWord), partialize: ({ choice }) => ({ choice }) },
  ),
);
