// The language the interface starts in. The desktop app's main process already resolves it in
// `app:info` (machine policy, then the user's saved choice, then the system, then the profile);
// in a browser, the choice saved through `settings:update` wins over the page's `?lang=`. A
// language the policy locks wins whatever the rest says.
import type { AppInfo, SettingsView } from '../../common/ipc-contract';

export type StartupLanguage = 'fr' | 'en';

export interface StartupLanguageSources {
  info: AppInfo | null;
  /** `settings:get`, or null when it failed. */
  view: SettingsView | null;
  /** The language the browser variant saved, or null. */
  savedInBrowser: StartupLanguage | null;
}

export function startupLanguage({ info, view, savedInBrowser }: StartupLanguageSources): StartupLanguage {
  if (view?.locked.includes('language')) return view.settings.language;
  if (info?.kind === 'electron') return info.language;
  return savedInBrowser ?? info?.language ?? view?.settings.language ?? 'fr';
}
