// Changing a setting kept by main (or by the browser variant): the change is saved first, and the
// screen follows only once it is kept, so a refusal leaves the previous value in place.
import type { AppError, AppInfo, Result, SettingsView } from '../../../common/ipc-contract';
import type { Language } from '../../../common/languages';

export type SettingsUpdate = (patch: Record<string, unknown>) => Promise<Result<SettingsView>>;

/** Saves the language, then switches the interface to the language main kept. */
export async function chooseLanguage(
  language: Language,
  update: SettingsUpdate,
  apply: (language: Language) => Promise<void>,
): Promise<Result<SettingsView>> {
  const saved = await update({ language });
  if (saved.ok) await apply(saved.value.settings.language);
  return saved;
}

/** The translation key of a refused change: the policy's lock, or a plain failure to save. */
export function settingsUpdateErrorKey(error: AppError, subject: 'language' | 'setting'): string {
  if (error.code === 'locked_by_policy') return 'errors.locked_by_policy';
  return subject === 'language' ? 'settings.languageNotSaved' : 'settings.settingNotSaved';
}

/**
 * The mini call window checkbox, or null where it means nothing: a browser page has no window of
 * its own to shrink into, and without `settings:get` the value is unknown.
 */
export function miniWindowControl(
  view: SettingsView | null,
  kind: AppInfo['kind'] | null,
): { checked: boolean; locked: boolean } | null {
  if (kind !== 'electron' || view === null) return null;
  return { checked: view.settings.miniWindowEnabled, locked: view.locked.includes('miniWindowEnabled') };
}
