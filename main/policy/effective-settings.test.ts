import { describe, expect, it } from 'vitest';
import type { Profile } from '../../common/profile';
import { chosenLanguageOf, resolveSettings } from './effective-settings';
import { SettingsService, type UserSettingsStoragePort } from './settings-service';

const ministry: Profile = {
  id: 'ministere',
  displayName: 'Ministère',
  apiBaseUrl: 'https://visio.ministere.gouv.fr/api/v1.0/',
  meetingHosts: ['visio.ministere.gouv.fr'],
  scheme: 'visio',
  allowedHosts: [],
  defaultLanguage: 'en',
  updates: { feedUrl: 'https://maj.ministere.gouv.fr/', channel: 'beta' },
  features: { screenShareAudio: false },
  certificateAuthorities: ['/etc/pki/ministere.pem'],
};
const devstack: Profile = {
  id: 'devstack',
  displayName: 'Devstack',
  apiBaseUrl: 'http://127.0.0.1:8071/api/v1.0/',
  meetingHosts: [],
  scheme: 'visio',
  allowedHosts: ['127.0.0.1'],
  defaultLanguage: 'fr',
};
const profiles = [devstack, ministry];
const layers = {
  profileIds: profiles.map((profile) => profile.id),
  profileOf: (id: string) => profiles.find((profile) => profile.id === id),
};

describe('resolveSettings precedence', () => {
  it('uses the built-in defaults when nothing else speaks', () => {
    const { settings, locked, origins } = resolveSettings({ ...layers, user: {}, policy: {} });
    expect(settings).toMatchObject({ profileId: 'devstack', language: 'fr', updatesEnabled: false, telemetry: false });
    expect(origins.hardwareAcceleration).toBe('default');
    expect(locked).toEqual(['telemetry']);
  });

  it('lets the profile override defaults, the user override the profile, the policy override all', () => {
    const profileOnly = resolveSettings({ ...layers, user: { profileId: 'ministere' }, policy: {} });
    expect(profileOnly.settings).toMatchObject({
      language: 'en',
      updatesEnabled: true,
      updateChannel: 'beta',
      screenShareAudioAllowed: false,
      certificateAuthorities: ['/etc/pki/ministere.pem'],
    });
    expect(profileOnly.origins.language).toBe('profile');

    const withUser = resolveSettings({
      ...layers,
      user: { profileId: 'ministere', language: 'fr', screenShareAudioAllowed: true },
      policy: {},
    });
    expect(withUser.settings).toMatchObject({ language: 'fr', screenShareAudioAllowed: true, updateChannel: 'beta' });
    expect(withUser.origins.language).toBe('user');

    const withPolicy = resolveSettings({
      ...layers,
      user: { profileId: 'ministere', language: 'fr', updatesEnabled: true },
      policy: { Language: 'en', UpdatesEnabled: false, ExtraCaCertificates: ['/etc/pki/extra.pem'], ProxyMode: 'direct' },
    });
    expect(withPolicy.settings).toMatchObject({
      language: 'en',
      updatesEnabled: false,
      proxy: { mode: 'direct' },
      certificateAuthorities: ['/etc/pki/ministere.pem', '/etc/pki/extra.pem'],
    });
    expect(withPolicy.locked).toEqual(['certificateAuthorities', 'language', 'proxy', 'telemetry', 'updatesEnabled']);
  });

  it('takes the chat files setting from the profile, each policy key over it, and locks it then', () => {
    const withFiles: Profile = { ...ministry, chatFiles: { maxSizeBytes: 5_000_000, allowedMimeTypes: ['application/pdf'] } };
    const profileOf = (id: string) => (id === 'ministere' ? withFiles : devstack);
    const fromProfile = resolveSettings({ ...layers, profileOf, user: { profileId: 'ministere' }, policy: {} });
    expect(fromProfile.settings.chatFiles).toEqual({ enabled: true, maxSizeBytes: 5_000_000, allowedMimeTypes: ['application/pdf'] });
    expect(fromProfile.locked).not.toContain('chatFiles');

    const fromPolicy = resolveSettings({ ...layers, profileOf, user: { profileId: 'ministere' }, policy: { ChatFilesMaxSizeBytes: 1000 } });
    expect(fromPolicy.settings.chatFiles).toEqual({ enabled: true, maxSizeBytes: 1000, allowedMimeTypes: ['application/pdf'] });
    expect(fromPolicy.locked).toContain('chatFiles');

    const off = resolveSettings({ ...layers, user: {}, policy: { ChatFilesEnabled: false } });
    expect(off.settings.chatFiles.enabled).toBe(false);
    expect(off.settings.chatFiles.allowedMimeTypes).toContain('application/pdf');
  });

  it('forces a profile and forbids adding instances', () => {
    const { settings, locked, permittedProfileIds } = resolveSettings({
      ...layers,
      user: { profileId: 'devstack' },
      policy: { ForcedProfile: 'ministere' },
    });
    expect(settings.profileId).toBe('ministere');
    expect(settings.addInstanceAllowed).toBe(false);
    expect(locked).toContain('profileId');
    expect(permittedProfileIds).toEqual(['ministere']);
  });

  it('moves a user off a profile the policy does not allow', () => {
    const { settings, permittedProfileIds } = resolveSettings({
      ...layers,
      user: { profileId: 'devstack' },
      policy: { AllowedProfiles: ['ministere'] },
    });
    expect(settings.profileId).toBe('ministere');
    expect(permittedProfileIds).toEqual(['ministere']);
  });

  it('shows the mini call window by default, lets the user turn it off, and lets the policy decide over both', () => {
    const byDefault = resolveSettings({ ...layers, user: {}, policy: {} });
    expect(byDefault.settings.miniWindowEnabled).toBe(true);
    expect(byDefault.origins.miniWindowEnabled).toBe('default');
    expect(byDefault.locked).not.toContain('miniWindowEnabled');

    const userOff = resolveSettings({ ...layers, user: { miniWindowEnabled: false }, policy: {} });
    expect(userOff.settings.miniWindowEnabled).toBe(false);
    expect(userOff.origins.miniWindowEnabled).toBe('user');
    expect(userOff.locked).not.toContain('miniWindowEnabled');

    const policyOn = resolveSettings({ ...layers, user: { miniWindowEnabled: false }, policy: { MiniWindowEnabled: true } });
    expect(policyOn.settings.miniWindowEnabled).toBe(true);
    expect(policyOn.origins.miniWindowEnabled).toBe('policy');
    expect(policyOn.locked).toContain('miniWindowEnabled');

    const policyOff = resolveSettings({ ...layers, user: { miniWindowEnabled: true }, policy: { MiniWindowEnabled: false } });
    expect(policyOff.settings.miniWindowEnabled).toBe(false);
    expect(policyOff.locked).toContain('miniWindowEnabled');
  });

  it('tells which language the user or the policy chose, and none when a profile or the defaults gave it', () => {
    expect(chosenLanguageOf(resolveSettings({ ...layers, user: {}, policy: {} }))).toBeNull();
    expect(chosenLanguageOf(resolveSettings({ ...layers, user: { profileId: 'ministere' }, policy: {} }))).toBeNull();
    expect(chosenLanguageOf(resolveSettings({ ...layers, user: { language: 'en' }, policy: {} }))).toBe('en');
    expect(chosenLanguageOf(resolveSettings({ ...layers, user: { language: 'en' }, policy: { Language: 'fr' } }))).toBe('fr');
  });

  it('keeps updates off when no feed is known', () => {
    const { settings } = resolveSettings({ ...layers, user: { updatesEnabled: true }, policy: {} });
    expect(settings.updatesEnabled).toBe(false);
  });
});

function memoryStorage(initial: unknown = {}): UserSettingsStoragePort & { writes: unknown[] } {
  let data = initial;
  const writes: unknown[] = [];
  return {
    writes,
    read: async () => data,
    write: async (settings) => {
      data = settings;
      writes.push(settings);
    },
  };
}

describe('SettingsService.update', () => {
  it('refuses keys locked by policy without writing anything', async () => {
    const storage = memoryStorage();
    const service = await SettingsService.create({
      storage,
      policy: { UpdatesEnabled: false, ForcedProfile: 'ministere' },
      profiles: () => profiles,
    });
    const refused = await service.update({ updatesEnabled: true, language: 'en' });
    expect(refused).toEqual({ ok: false, error: { code: 'locked_by_policy', detail: 'updatesEnabled' } });
    const profileRefused = await service.update({ profileId: 'devstack' });
    expect(!profileRefused.ok && profileRefused.error.code).toBe('locked_by_policy');
    expect(storage.writes).toEqual([]);
    expect(service.current().settings.updatesEnabled).toBe(false);
  });

  it('keeps German or Dutch when a policy sets it, and refuses another language', async () => {
    const storage = memoryStorage({ language: 'de' });
    const free = await SettingsService.create({ storage, policy: {}, profiles: () => profiles });
    expect(free.current().settings.language).toBe('de');
    const locked = await SettingsService.create({ storage, policy: { Language: 'nl' }, profiles: () => profiles });
    expect(locked.current().settings.language).toBe('nl');
    expect(locked.current().locked).toContain('language');
    expect(await locked.update({ language: 'de' })).toEqual({ ok: false, error: { code: 'locked_by_policy', detail: 'language' } });
    expect(locked.current().settings.language).toBe('nl');
  });

  it('applies and stores an unlocked change and tells listeners', async () => {
    const storage = memoryStorage({ language: 'en' });
    const service = await SettingsService.create({ storage, policy: { UpdatesEnabled: false }, profiles: () => profiles });
    expect(service.current().settings.language).toBe('en');
    const seen: string[] = [];
    service.onChange((resolution) => seen.push(resolution.settings.language));
    const result = await service.update({ language: 'fr' });
    expect(result.ok && result.value.settings.language).toBe('fr');
    expect(storage.writes).toEqual([{ language: 'fr' }]);
    expect(seen).toEqual(['fr']);
  });

  it('stores the mini window choice, and refuses it once the policy sets it', async () => {
    const storage = memoryStorage();
    const service = await SettingsService.create({ storage, policy: {}, profiles: () => profiles });
    const turnedOff = await service.update({ miniWindowEnabled: false });
    expect(turnedOff.ok && turnedOff.value.settings.miniWindowEnabled).toBe(false);
    expect(storage.writes).toEqual([{ miniWindowEnabled: false }]);
    expect((await service.update({ miniWindowEnabled: 'no' })).ok).toBe(false);

    const lockedStorage = memoryStorage({ miniWindowEnabled: false });
    const locked = await SettingsService.create({ storage: lockedStorage, policy: { MiniWindowEnabled: true }, profiles: () => profiles });
    expect(locked.current().settings.miniWindowEnabled).toBe(true);
    const refused = await locked.update({ miniWindowEnabled: false });
    expect(refused).toEqual({ ok: false, error: { code: 'locked_by_policy', detail: 'miniWindowEnabled' } });
    expect(lockedStorage.writes).toEqual([]);
  });

  it('refuses invalid payloads and unknown profiles, and survives a corrupt settings file', async () => {
    const service = await SettingsService.create({
      storage: memoryStorage({ language: 42, hacked: true }),
      policy: {},
      profiles: () => profiles,
    });
    expect(service.current().settings.language).toBe('fr');
    const wrongType = await service.update({ language: 'es' });
    expect(!wrongType.ok && wrongType.error.code).toBe('invalid_input');
    const unknownKey = await service.update({ telemetry: true });
    expect(!unknownKey.ok && unknownKey.error.code).toBe('invalid_input');
    const unknownProfile = await service.update({ profileId: 'nowhere' });
    expect(!unknownProfile.ok && unknownProfile.error.code).toBe('invalid_input');
  });
});
