// The profiles side by side: the bundled ones and the instances the user added. Each has its
// own session partition (in memory, so a login never outlives the app unless the keychain keeps
// it) and its own keychain service, so two instances never see each other's cookies or secrets.
import { z } from 'zod';
import type { Profile } from '../../common/profile';
import { loginPartitionFor } from '../backend/login-navigation';
import { credentialServiceName } from '../desktop/credentials/credential-store';
import { narrowUserProfile } from './user-profile';

export type ProfileOrigin = 'bundled' | 'user';

export interface StoredProfile {
  profile: Profile;
  origin: ProfileOrigin;
  /** The login session's partition: no `persist:` prefix, the session lives in memory. */
  partition: string;
  /** Keychain service name under which this profile's secrets are kept. */
  keychainService: string;
}

/** Where the user-added profiles are kept between runs (a JSON file in the user data folder). */
export interface ProfileStoragePort {
  read(): Promise<unknown>;
  write(data: unknown): Promise<void>;
}

export type ProfileStoreError =
  | { code: 'duplicate_id'; profileId: string }
  | { code: 'not_found'; profileId: string }
  | { code: 'bundled_profile'; profileId: string }
  | { code: 'invalid_profile'; profileId: string };

const storedFileSchema = z.object({ version: z.literal(1), profiles: z.array(z.unknown()).max(50) });

export class ProfileStore {
  private readonly profiles = new Map<string, StoredProfile>();

  constructor(
    bundled: readonly Profile[],
    private readonly storage: ProfileStoragePort,
  ) {
    for (const profile of bundled) this.profiles.set(profile.id, this.entry(profile, 'bundled'));
  }

  /**
   * Reads the user-added profiles, each cut down to what adding an instance produces; returns, for
   * the log, the ones dropped as invalid and the keys removed from the others.
   */
  async load(): Promise<{ dropped: string[]; narrowed: string[] }> {
    const dropped: string[] = [];
    const narrowed: string[] = [];
    let raw: unknown;
    try {
      raw = await this.storage.read();
    } catch (error) {
      return { dropped: [`unreadable: ${error instanceof Error ? error.message : String(error)}`], narrowed };
    }
    if (raw === undefined || raw === null) return { dropped, narrowed };
    const file = storedFileSchema.safeParse(raw);
    if (!file.success) return { dropped: ['invalid profiles file'], narrowed };
    for (const item of file.data.profiles) {
      const parsed = narrowUserProfile(item);
      if (!parsed.ok || this.profiles.has(parsed.profile.id)) {
        dropped.push(parsed.ok ? parsed.profile.id : 'invalid profile');
        continue;
      }
      if (parsed.narrowed.length > 0) narrowed.push(`${parsed.profile.id}: ${parsed.narrowed.join(', ')}`);
      this.profiles.set(parsed.profile.id, this.entry(parsed.profile, 'user'));
    }
    return { dropped, narrowed };
  }

  list(): StoredProfile[] {
    return [...this.profiles.values()];
  }

  get(profileId: string): StoredProfile | undefined {
    return this.profiles.get(profileId);
  }

  /** An id not used yet, derived from a wanted one (`visio-example-gouv-fr`, then `-2`, ...). */
  freeId(wanted: string): string {
    if (!this.profiles.has(wanted)) return wanted;
    for (let index = 2; ; index += 1) {
      const candidate = `${wanted.slice(0, 36)}-${index}`;
      if (!this.profiles.has(candidate)) return candidate;
    }
  }

  async add(profile: Profile): Promise<{ ok: true; stored: StoredProfile } | { ok: false; error: ProfileStoreError }> {
    if (this.profiles.has(profile.id)) return { ok: false, error: { code: 'duplicate_id', profileId: profile.id } };
    const narrowed = narrowUserProfile(profile);
    if (!narrowed.ok) return { ok: false, error: { code: 'invalid_profile', profileId: profile.id } };
    const stored = this.entry(narrowed.profile, 'user');
    this.profiles.set(profile.id, stored);
    await this.save();
    return { ok: true, stored };
  }

  async remove(profileId: string): Promise<{ ok: true } | { ok: false; error: ProfileStoreError }> {
    const stored = this.profiles.get(profileId);
    if (!stored) return { ok: false, error: { code: 'not_found', profileId } };
    if (stored.origin === 'bundled') return { ok: false, error: { code: 'bundled_profile', profileId } };
    this.profiles.delete(profileId);
    await this.save();
    return { ok: true };
  }

  private entry(profile: Profile, origin: ProfileOrigin): StoredProfile {
    return {
      profile,
      origin,
      partition: loginPartitionFor(profile),
      keychainService: credentialServiceName(profile.id),
    };
  }

  private save(): Promise<void> {
    const profiles = this.list()
      .filter((stored) => stored.origin === 'user')
      .map((stored) => stored.profile);
    return this.storage.write({ version: 1, profiles });
  }
}

/**
 * The profiles a machine policy lets the user see: only the forced one when there is one, else
 * the allowed ones when a list is given, else all. An unknown forced profile leaves none, so the
 * app shows an error instead of silently connecting somewhere the ministry did not choose.
 */
export function profilesPermittedBy(
  profiles: readonly StoredProfile[],
  policy: { forcedProfile?: string | undefined; allowedProfiles?: readonly string[] | undefined },
): StoredProfile[] {
  if (policy.forcedProfile !== undefined) {
    return profiles.filter((stored) => stored.profile.id === policy.forcedProfile);
  }
  if (policy.allowedProfiles !== undefined) {
    const allowed = new Set(policy.allowedProfiles);
    return profiles.filter((stored) => allowed.has(stored.profile.id));
  }
  return [...profiles];
}
