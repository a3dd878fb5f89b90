// The hosts a session may reach besides the profile's own, from the settings that name a server.
import type { SettingKey } from '../../common/settings';
import type { SettingsResolution } from './effective-settings';

/**
 * Hosts a session may reach besides the profile's: the update server, calendar feed and PAC script
 * the policy or the bundled profile set. A URL the user typed never widens the allowlist.
 */
export function extraHostsOf(resolution: Pick<SettingsResolution, 'settings' | 'origins'>): string[] {
  const { settings, origins } = resolution;
  const trusted = (key: SettingKey) => origins[key] === 'policy' || origins[key] === 'profile';
  const urls = [
    trusted('updateFeedUrl') ? settings.updateFeedUrl : null,
    trusted('calendarFeedUrl') ? settings.calendarFeedUrl : null,
    trusted('proxy') && settings.proxy.mode === 'pac_script' ? settings.proxy.pacUrl : null,
  ];
  const hosts: string[] = [];
  for (const url of urls) {
    if (!url) continue;
    try {
      hosts.push(new URL(url).hostname);
    } catch {
      // An invalid URL adds no host.
    }
  }
  return hosts;
}
