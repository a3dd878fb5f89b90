// What `app:info` tells the interface about this run.
import type { AppInfo } from '../common/ipc-contract';
import type { Profile } from '../common/profile';

export function appInfoOf(options: { version: string; platform: string; locale: string; profile: Profile }): AppInfo {
  const { profile } = options;
  const localeLanguage = options.locale.toLowerCase().split(/[-_]/)[0];
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
    },
    language: localeLanguage === 'fr' || localeLanguage === 'en' ? localeLanguage : profile.defaultLanguage,
  };
}
