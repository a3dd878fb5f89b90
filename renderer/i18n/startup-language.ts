// The language the interface starts in. The desktop app's main process already resolves it in
// `app:info` (machine policy, then the user's saved choice, then the system, then the profile);
// in a browser, where no policy exists, the choice saved through `settings:update` wins over the
// page's `?lang=`.
import type { AppInfo } from '../../common/ipc-contract';
import type { Language } from '../../common/languages';

export type StartupLanguage = Language;

export interface StartupLanguageSources {
  info: AppInfo | null;
  /** The language the browser variant saved, or null. */
  savedInBrowser: StartupLanguage | null;
}

export function startupLanguage({ info, savedInBrowser }: StartupLanguageSources): StartupLanguage {
  if (info?.kind === 'electron') return info.language;
  return savedInBrowser ?? info?.language ?? 'fr';
}
