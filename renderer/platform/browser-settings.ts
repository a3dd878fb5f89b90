// The settings and profile channels when the interface runs in a plain browser, served by its
// instance: no machine policy, one instance (the page's own), and the language kept in
// localStorage like the interface's own choice.
import { fail, ok, type ProfileList, type Result, type SettingsView } from '../../common/ipc-contract';
import { isLanguage, type Language } from '../../common/languages';
import { builtInDefaults, shownSettings } from '../../common/settings';

const languageStorageKey = 'visio.language';
export const browserProfileId = 'browser';

export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The language saved through `settings:update`, or null when none was (or storage is refused). */
export function savedLanguage(storage: SettingsStorage | undefined): Language | null {
  try {
    const value = storage?.getItem(languageStorageKey);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function browserSettingsView(storage: SettingsStorage | undefined): SettingsView {
  return {
    settings: {
      ...shownSettings(builtInDefaults),
      profileId: browserProfileId,
      language: savedLanguage(storage) ?? builtInDefaults.language,
      // A page served by an instance talks to that instance only.
      addInstanceAllowed: false,
    },
    locked: [],
    permittedProfileIds: null,
  };
}

export function updateBrowserSettings(storage: SettingsStorage | undefined, patch: Record<string, unknown>): Result<SettingsView> {
  const keys = Object.keys(patch);
  const unsupported = keys.filter((key) => key !== 'language');
  if (unsupported.length > 0) return fail('unavailable', undefined, `desktop only: ${unsupported.join(', ')}`);
  if (keys.includes('language')) {
    if (!isLanguage(patch.language)) return fail('invalid_input', undefined, 'language');
    try {
      storage?.setItem(languageStorageKey, patch.language);
    } catch {
      return fail('unavailable', undefined, 'storage refused');
    }
  }
  return ok(browserSettingsView(storage));
}

export function browserProfileList(displayName: string, apiBaseUrl: string): ProfileList {
  return {
    profiles: [{ id: browserProfileId, displayName, apiBaseUrl, origin: 'bundled' }],
    activeProfileId: browserProfileId,
    selectedProfileId: browserProfileId,
    addInstanceAllowed: false,
  };
}
