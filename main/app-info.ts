// What `app:info` tells the interface about this run, among which the language it starts in:
// the one the machine policy or the user chose, else the system's, else the profile's.
import type { AppInfo } from '../common/ipc-contract';
import { languageOfLocale } from '../common/languages';
import { allowedHostsOf } from '../common/host-patterns';
import { profileDefaults, type Language, type Profile } from '../common/profile';

export interface AppInfoOptions {
  version: string;
  platform: string;
  locale: string;
  profile: Profile;
  /** The language the machine policy or the user's saved settings chose, if any. */
  chosenLanguage?: Language | null;
}

export function appInfoOf(options: AppInfoOptions): AppInfo {
  const { profile } = options;
  const systemLanguage = languageOfLocale(options.locale);
  return {
    kind: 'electron',
    version: options.version,
    os: options.platform,
    profile: {
      id: profile.id,
      displayName: profile.displayName,
      apiBaseUrl: profile.apiBaseUrl,
      meetingHosts: [...profile.meetingHosts],
      scheme: profile.scheme,
      allowedHosts: allowedHostsOf(profile),
      ...(profile.iceServers ? { iceServers: profile.iceServers.map((server) => ({ ...server })) } : {}),
      accentColor: profileDefaults(profile).accentColor,
    },
    language: options.chosenLanguage ?? systemLanguage ?? profile.defaultLanguage,
  };
}
