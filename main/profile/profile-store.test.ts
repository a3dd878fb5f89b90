import { describe, expect, it } from 'vitest';
import type { Profile } from '../../common/profile';
import { credentialServiceName } from '../desktop/credentials/credential-store';
import { loginPartitionFor } from '../backend/login-navigation';
import { ProfileStore, profilesPermittedBy, type ProfileStoragePort } from './profile-store';

function profile(id: string, host: string): Profile {
  return {
    id,
    displayName: host,
    apiBaseUrl: `https://${host}/api/v1.0/`,
    meetingHosts: [host],
    scheme: 'visio',
    allowedHosts: [host],
    defaultLanguage: 'fr',
  };
}

function memoryStorage(initial: unknown = undefined): ProfileStoragePort & { data: unknown } {
  const storage = {
    data: initial,
    read: async () => storage.data,
    write: async (data: unknown) => {
      storage.data = JSON.parse(JSON.stringify(data));
    },
  };
  return storage;
}

describe('ProfileStore', () => {
  it('gives two profiles separate in-memory partitions and keychain services', async () => {
    const store = new ProfileStore([profile('devstack', '127.0.0.1')], memoryStorage());
    await store.add(profile('ministere-a', 'visio.a.gouv.fr'));
    const [first, second] = store.list();
    // The partition and keychain service the running app uses for the login, not a second scheme.
    expect(first?.partition).toBe(loginPartitionFor({ id: 'devstack' }));
    expect(second?.partition).toBe('login-ministere-a');
    expect(first?.partition).not.toBe(second?.partition);
    for (const stored of store.list()) expect(stored.partition.startsWith('persist:')).toBe(false);
    expect(first?.keychainService).not.toBe(second?.keychainService);
    expect(second?.keychainService).toBe(credentialServiceName('ministere-a'));
    expect(credentialServiceName('ministere-a')).toBe('fr.gouv.lasuite.visio.profile.ministere-a');
  });

  it('keeps user-added profiles between runs and drops invalid ones', async () => {
    const storage = memoryStorage();
    const first = new ProfileStore([], storage);
    await first.add(profile('ministere-a', 'visio.a.gouv.fr'));
    (storage.data as { profiles: unknown[] }).profiles.push({ id: 'BAD ID' });
    const second = new ProfileStore([], storage);
    const report = await second.load();
    expect(second.get('ministere-a')?.origin).toBe('user');
    expect(report.dropped).toEqual(['invalid profile']);
  });

  it('refuses a duplicate id and the removal of a bundled profile, and finds a free id', async () => {
    const store = new ProfileStore([profile('devstack', '127.0.0.1')], memoryStorage());
    const duplicate = await store.add(profile('devstack', 'visio.a.gouv.fr'));
    expect(!duplicate.ok && duplicate.error.code).toBe('duplicate_id');
    const removal = await store.remove('devstack');
    expect(!removal.ok && removal.error.code).toBe('bundled_profile');
    expect(store.freeId('devstack')).toBe('devstack-2');
  });
});

describe('profilesPermittedBy', () => {
  const stored = new ProfileStore([profile('a', 'a.gouv.fr'), profile('b', 'b.gouv.fr')], memoryStorage()).list();
  it('keeps only the forced profile, else the allowed ones', () => {
    expect(profilesPermittedBy(stored, { forcedProfile: 'b' }).map((item) => item.profile.id)).toEqual(['b']);
    expect(profilesPermittedBy(stored, { allowedProfiles: ['a'] }).map((item) => item.profile.id)).toEqual(['a']);
    expect(profilesPermittedBy(stored, { forcedProfile: 'unknown' })).toEqual([]);
    expect(profilesPermittedBy(stored, {})).toHaveLength(2);
  });
});
