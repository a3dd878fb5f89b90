// The settings as the settings screen sees them: the effective values, which keys are locked,
// and the one way to change them. A change to a key the machine policy sets is refused with
// `locked_by_policy`, whatever the renderer sends; a key outside the user's short list, or a value
// outside its schema, is refused as `invalid_input`.
import { fail, ok, type Result } from '../../common/ipc-contract';
import type { Profile } from '../../common/profile';
import type { SettingKey } from '../../common/settings';
import { isHostAllowed } from '../profile/allowed-hosts';
import {
  parseSavedUserSettings,
  resolveSettings,
  userSettingsPatchSchema,
  type SettingsResolution,
  type UserSettingsPatch,
} from './effective-settings';
import type { MachinePolicy } from './policy-schema';

/** Where the user's own settings live between runs (a JSON file in the user data folder). */
export interface UserSettingsStoragePort {
  read(): Promise<unknown>;
  write(settings: UserSettingsPatch): Promise<void>;
}

export interface SettingsServiceOptions {
  storage: UserSettingsStoragePort;
  policy: MachinePolicy;
  /** The known profiles, read each time so that added instances are seen. */
  profiles: () => readonly Profile[];
}

export class SettingsService {
  private user: UserSettingsPatch = {};
  private resolution: SettingsResolution;
  private readonly listeners = new Set<(resolution: SettingsResolution) => void>();

  private constructor(private readonly options: SettingsServiceOptions) {
    this.resolution = this.resolve();
  }

  /** Loads the user's settings; unreadable or invalid ones are dropped, never fatal. */
  static async create(options: SettingsServiceOptions): Promise<SettingsService> {
    const service = new SettingsService(options);
    try {
      service.user = parseSavedUserSettings(await options.storage.read());
    } catch {
      service.user = {};
    }
    service.resolution = service.resolve();
    return service;
  }

  current(): SettingsResolution {
    return this.resolution;
  }

  isLocked(key: SettingKey): boolean {
    return this.resolution.locked.includes(key);
  }

  onChange(listener: (resolution: SettingsResolution) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async update(patch: unknown): Promise<Result<SettingsResolution>> {
    const parsed = userSettingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail('invalid_input', undefined, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
    }
    const keys = Object.keys(parsed.data) as (keyof UserSettingsPatch)[];
    const lockedKeys = keys.filter((key) => this.isLocked(key));
    if (lockedKeys.length > 0) return fail('locked_by_policy', undefined, lockedKeys.join(', '));
    const profileId = parsed.data.profileId;
    if (profileId !== undefined) {
      if (!this.options.profiles().some((profile) => profile.id === profileId)) {
        return fail('invalid_input', undefined, `unknown profile ${profileId}`);
      }
      const permitted = this.resolution.permittedProfileIds;
      if (permitted && !permitted.includes(profileId)) return fail('locked_by_policy', undefined, 'profileId');
    }
    const calendarFeedUrl = parsed.data.calendarFeedUrl;
    if (calendarFeedUrl) {
      // A feed the user names joins no allowlist: it must be on a host the profile already allows.
      const profile = this.options.profiles().find((candidate) => candidate.id === this.resolution.settings.profileId);
      if (!profile || !isHostAllowed(profile, calendarFeedUrl)) {
        return { ok: false, error: { code: 'forbidden', reason: 'calendar_host_not_allowed', detail: new URL(calendarFeedUrl).host } };
      }
    }
    const next = { ...this.user, ...parsed.data };
    try {
      await this.options.storage.write(next);
    } catch (error) {
      return fail('unavailable', undefined, error instanceof Error ? error.message : String(error));
    }
    this.user = next;
    this.resolution = this.resolve();
    for (const listener of this.listeners) listener(this.resolution);
    return ok(this.resolution);
  }

  private resolve(): SettingsResolution {
    const profiles = this.options.profiles();
    return resolveSettings({
      profileIds: profiles.map((profile) => profile.id),
      profileOf: (id) => profiles.find((profile) => profile.id === id),
      user: this.user,
      policy: this.options.policy,
    });
  }
}
