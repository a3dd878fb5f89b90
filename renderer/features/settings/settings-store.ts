// The preferences, shared by the settings dialog and the call, kept in localStorage.
import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { applyAppFont } from '../../app/app-font';
import { decodeStored, pageStorage, checkedStorage } from '../../platform/checked-storage';
import { defaultCallPreferences, storedCallPreferences, type CallPreferences, type CaptionSize } from './call-preferences';

export type { CaptionColour, CaptionSize, PublishResolution, ReceivedQuality } from './call-preferences';

const STORAGE_KEY = 'visio.callPreferences';
/** Where the caption size lived before the other preferences joined it. */
const LEGACY_CAPTION_SIZE_KEY = 'visio.captionSize';

/** The caption size kept under its old key, for a user who has set nothing since. */
function legacyPreferences(): Partial<CallPreferences> {
  const captionSize = decodeStored(z.enum(['small', 'large']), pageStorage()?.getItem(LEGACY_CAPTION_SIZE_KEY), { decode: (raw) => raw });
  return captionSize ? { captionSize } : {};
}

interface SettingsState extends CallPreferences {
  update(changes: Partial<CallPreferences>): void;
  setCaptionSize(size: CaptionSize): void;
}

export const useSettingsStore = create<SettingsState>()(
  persist(
    (set, get) => ({
      ...defaultCallPreferences,
      ...legacyPreferences(),
      update: (changes) => set(changes),
      setCaptionSize: (captionSize) => get().update({ captionSize }),
    }),
    {
      name: STORAGE_KEY,
      storage: checkedStorage(storedCallPreferences),
      partialize: ({ update: _update, setCaptionSize: _setCaptionSize, ...preferences }) => preferences,
    },
  ),
);

/**
 * Keeps the page in the chosen reading font: at once, on each change here, and on a change made
 * in another page of the app (the mini window follows the main one through the storage event).
 */
export function followFontPreference(): void {
  applyAppFont(useSettingsStore.getState().font);
  useSettingsStore.subscribe((state) => applyAppFont(state.font));
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) void useSettingsStore.persist.rehydrate();
  });
}
