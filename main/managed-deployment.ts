// The deployment this run uses: the bundled profiles and the instances the user added, the
// user's settings and the machine policy, resolved into one active profile. Plain Node, so
// that tests build it from folders; the composition root hands it the real ones.
import { join } from 'node:path';
import type { Profile } from '../common/profile';
import { SettingsService } from './policy/settings-service';
import { addInstanceForbiddenBy, type MachinePolicy } from './policy/policy-schema';
import { readBundledProfiles, type BundledProfiles } from './profile/bundled-profiles';
import { jsonFileStorage } from './profile/json-file-storage';
import { ProfileStore, profilesPermittedBy, type StoredProfile } from './profile/profile-store';

export const userSettingsFileName = 'settings.json';
/** The folder of the resources where the bundled profiles are: packaging puts them there. */
export const bundledProfilesFolder = 'profiles';
export const userProfilesFileName = 'profiles.json';

export interface ManagedDeploymentSource {
  /** The folder holding `profiles/`: the packaged app's resources, or the repository's `resources/`. */
  resourcesDirectory: string;
  /** The user data folder, where settings and added instances are kept. */
  userDataDirectory: string;
  environment: Readonly<Record<string, string | undefined>>;
  policy: MachinePolicy;
}

export interface ManagedDeployment {
  store: ProfileStore;
  settings: SettingsService;
  /** The profile this run uses, or null when the policy names one the app does not know. */
  active: StoredProfile | null;
  /** For the log: bundled files skipped, user-added profiles dropped or cut down. */
  bundledErrors: BundledProfiles['errors'];
  droppedProfiles: string[];
  narrowedProfiles: string[];
  /** True when the policy forbids instances of the user's own, whose file is then not read. */
  userProfilesIgnored: boolean;
}

/** The profiles the policy lets the user see, bundled and added alike. */
export function visibleProfiles(store: ProfileStore, policy: MachinePolicy): StoredProfile[] {
  return profilesPermittedBy(store.list(), { forcedProfile: policy.ForcedProfile, allowedProfiles: policy.AllowedProfiles });
}

export async function loadManagedDeployment(source: ManagedDeploymentSource): Promise<ManagedDeployment> {
  const bundled = await readBundledProfiles(join(source.resourcesDirectory, bundledProfilesFolder), source.environment);
  const store = new ProfileStore(bundled.profiles, jsonFileStorage(join(source.userDataDirectory, userProfilesFileName)));
  // With instances forbidden, the user's file is not even read: whatever it holds cannot become
  // the active profile. It is left on disk, untouched, for when the policy changes.
  const userProfilesIgnored = addInstanceForbiddenBy(source.policy);
  const { dropped, narrowed } = userProfilesIgnored ? { dropped: [], narrowed: [] } : await store.load();
  const settings = await SettingsService.create({
    storage: jsonFileStorage(join(source.userDataDirectory, userSettingsFileName)),
    policy: source.policy,
    profiles: (): Profile[] => store.list().map((stored) => stored.profile),
  });
  const active = store.get(settings.current().settings.profileId) ?? null;
  return {
    store,
    settings,
    active,
    bundledErrors: bundled.errors,
    droppedProfiles: dropped,
    narrowedProfiles: narrowed,
    userProfilesIgnored,
  };
}
