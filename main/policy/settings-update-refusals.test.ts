// Every value `settings:update` refuses, one by one: the renderer may change a short list of
// keys, and never the network (proxy, update channel or feed, CA certificates), nor reach a host
// the ministry did not configure through a URL it names.
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../common/profile';
import { extraHostsOf } from './extra-hosts';
import { SettingsService, type UserSettingsStoragePort } from './settings-service';

const ministry: Profile = {
  id: 'ministere',
  displayName: 'Ministère',
  apiBaseUrl: 'https://visio.ministere.gouv.fr/api/v1.0/',
  meetingHosts: ['visio.ministere.gouv.fr'],
  scheme: 'visio',
  allowedHosts: ['agenda.ministere.gouv.fr'],
  defaultLanguage: 'fr',
  updates: { feedUrl: 'https://maj.ministere.gouv.fr/', channel: 'latest' },
};

function storage(initial: unknown = {}): UserSettingsStoragePort & { writes: unknown[] } {
  const writes: unknown[] = [];
  return { writes, read: async () => initial, write: async (settings) => void writes.push(settings) };
}

const refused: Array<[string, Record<string, unknown>]> = [
  ['a PAC script over http', { proxy: { mode: 'pac_script', pacUrl: 'http://pac.evil.test/proxy.pac' } }],
  ['a PAC script over https', { proxy: { mode: 'pac_script', pacUrl: 'https://pac.ministere.gouv.fr/proxy.pac' } }],
  ['a SOCKS proxy', { proxy: { mode: 'fixed_servers', server: 'socks5://evil.test:1080' } }],
  ['no proxy at all', { proxy: { mode: 'direct' } }],
  ['another update channel', { updateChannel: 'beta' }],
  ['even the default update channel', { updateChannel: 'latest' }],
  ['an update feed', { updateFeedUrl: 'https://maj.evil.test/' }],
  ['a CA certificate', { certificateAuthorities: ['/tmp/evil-ca.pem'] }],
  ['telemetry', { telemetry: true }],
  ['adding instances', { addInstanceAllowed: true }],
  ['an unknown key', { updateServer: 'https://maj.evil.test/' }],
  ['a calendar over http', { calendarFeedUrl: 'http://agenda.ministere.gouv.fr/agent.ics' }],
  ['a webcal calendar', { calendarFeedUrl: 'webcal://agenda.ministere.gouv.fr/agent.ics' }],
  ['a javascript: calendar', { calendarFeedUrl: 'javascript:alert(1)' }],
  ['a file: calendar', { calendarFeedUrl: 'file:///etc/passwd' }],
  ['a calendar with credentials in its URL', { calendarFeedUrl: 'https://agent:secret@agenda.ministere.gouv.fr/agent.ics' }],
  ['a calendar on a host the profile does not allow', { calendarFeedUrl: 'https://agenda.evil.test/agent.ics' }],
  ['a calendar on a look-alike host', { calendarFeedUrl: 'https://agenda.ministere.gouv.fr.evil.test/agent.ics' }],
  ['a language the app does not speak', { language: 'es' }],
  ['a boolean as text', { updatesEnabled: 'yes' }],
  ['a boolean as a number', { hardwareAcceleration: 1 }],
  ['an unknown profile', { profileId: 'nowhere' }],
  ['a malformed profile id', { profileId: '../ministere' }],
];

describe('settings:update refusals', () => {
  it.each(refused)('refuses %s, and writes nothing', async (_name, patch) => {
    const saved = storage();
    const service = await SettingsService.create({ storage: saved, policy: {}, profiles: () => [ministry] });
    const before = service.current();
    const result = await service.update(patch);
    expect(result.ok).toBe(false);
    expect(saved.writes).toEqual([]);
    expect(service.current()).toEqual(before);
  });

  it('still accepts a calendar on an allowed host, whose host joins no allowlist', async () => {
    const service = await SettingsService.create({ storage: storage(), policy: {}, profiles: () => [ministry] });
    const result = await service.update({ calendarFeedUrl: 'https://agenda.ministere.gouv.fr/agent.ics' });
    expect(result.ok).toBe(true);
    expect(service.current().origins.calendarFeedUrl).toBe('user');
    expect(extraHostsOf(service.current())).not.toContain('agenda.ministere.gouv.fr');
  });

  it('ignores a proxy and an update channel written by hand in the settings file, and keeps the rest', async () => {
    const service = await SettingsService.create({
      storage: storage({
        language: 'en',
        proxy: { mode: 'pac_script', pacUrl: 'http://pac.evil.test/proxy.pac' },
        updateChannel: 'beta',
        updateFeedUrl: 'https://maj.evil.test/',
        calendarFeedUrl: 'https://agenda.evil.test/agent.ics',
      }),
      policy: {},
      profiles: () => [ministry],
    });
    const { settings } = service.current();
    expect(settings.language).toBe('en');
    expect(settings.proxy).toEqual({ mode: 'system' });
    expect(settings.updateChannel).toBe('latest');
    expect(settings.updateFeedUrl).toBe('https://maj.ministere.gouv.fr/');
    expect(extraHostsOf(service.current())).toEqual(['maj.ministere.gouv.fr']);
  });
});
