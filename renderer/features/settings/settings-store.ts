// The preferences, shared by the settings dialog and the call, kept in localStorage.
import { create } from 'zustand';
import { applyAppFont } from '../../app/app-font';
import { defaultCallPreferences, parseCallPreferences, type CallPreferences, type CaptionSize } from './call-preferences';

export type { CaptionColour, CaptionSize, PublishResolution, ReceivedQuality } from './call-preferences';

const STORAGE_KEY = 'visio.callPreferences';
/** Where the caption size lived before the other preferences joined it. */
const LEGACY_CAPTION_SIZE_KEY = 'visio.captionSize';

function readStorage(key: string): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
  } catch {
    return null;
  }
}

function storedPreferences(): CallPreferences {
  const preferences = parseCallPreferences(readStorage(STORAGE_KEY));
  if (readStorage(STORAGE_KEY) === null) {
    const legacy = readStorage(LEGACY_CAPTION_SIZE_KEY);
    if (legacy === 'small' || legacy === 'large') preferences.captionSize = legacy;
  }
  return preferences;
}

interface SettingsState extends CallPreferences {
  update(changes: Partial<CallPreferences>): void;
  setCaptionSize(size: CaptionSize): void;
}

export const useSettingsStore = create<SettingsState>((set, get) => ({
  ...storedPreferences(),
  update(changes) {
    set(changes);
    const state = get();
    const kept = Object.fromEntries(Object.keys(defaultCallPreferences).map((key) => [key, state[key as keyof CallPreferences]]));
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
    } catch {
      // Storage refused (private mode, full): the choice lasts for this page only.
    }
  },
  setCaptionSize(captionSize) {
    get().update({ captionSize });
  },
}));

/**
 * Keeps the page in the chosen reading font: at once, on each change here, and on a change made
 * in another page of the app (the mini window follows the main one through the storage event).
 */
export function followFontPreference(): void {
  applyAppFont(useSettingsStore.getState().font);
  useSettingsStore.subscribe((state) => applyAppFont(state.font));
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) applyAppFont(parseCallPreferences(event.newValue).font);
  });
}
