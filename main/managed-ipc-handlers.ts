// The settings and profile channels: what the settings screen reads and changes. Locked keys and
// a disallowed "add an instance" are refused here, whatever the renderer sends.
import {
  fail,
  ok,
  type AppError,
  type InvokeInput,
  type InvokeOutputs,
  type ProfileList,
  type ProfileSummary,
  type Result,
  type SettingsView,
} from '../common/ipc-contract';
import { shownSettings } from '../common/settings';
import type { SettingsResolution } from './policy/effective-settings';
import type { MachinePolicy } from './policy/policy-schema';
import type { SettingsService } from './policy/settings-service';
import { profileFromInstanceUrl, type AddInstanceError, type InstanceFetchPort } from './profile/add-instance';
import type { ProfileStore, StoredProfile } from './profile/profile-store';
import { visibleProfiles } from './managed-deployment';

export type ManagedChannel = 'settings:get' | 'settings:update' | 'profiles:list' | 'profiles:add-instance' | 'profiles:select';

export type ManagedHandlers = {
  [C in ManagedChannel]: (payload: InvokeInput<C>) => Promise<Result<InvokeOutputs[C]>>;
};

export interface ManagedHandlersOptions {
  settings: SettingsService;
  store: ProfileStore;
  policy: MachinePolicy;
  /** The profile this run uses (a new choice applies at the next start). */
  activeProfileId: string;
  /** One GET on a candidate instance, without following redirects. */
  fetchInstance: InstanceFetchPort;
}

export function settingsViewOf(resolution: SettingsResolution): SettingsView {
  return { settings: shownSettings(resolution.settings), locked: [...resolution.locked], permittedProfileIds: resolution.permittedProfileIds };
}

function summaryOf(stored: StoredProfile): ProfileSummary {
  return {
    id: stored.profile.id,
    displayName: stored.profile.displayName,
    apiBaseUrl: stored.profile.apiBaseUrl,
    origin: stored.origin,
  };
}

/** Which contract error each refusal of an instance becomes; `reason` keeps the precise cause. */
function appErrorOf(error: AddInstanceError): AppError {
  const code = {
    invalid_url: 'invalid_input',
    insecure_url: 'invalid_input',
    unreachable: 'network',
    redirect_elsewhere: 'forbidden',
    not_meet: 'invalid_response',
  } as const;
  return { code: code[error.code], reason: error.code, ...(error.detail === undefined ? {} : { detail: error.detail }) };
}

export function createManagedHandlers(options: ManagedHandlersOptions): ManagedHandlers {
  const { settings, store, policy } = options;
  const list = (): ProfileList => {
    const current = settings.current().settings;
    return {
      profiles: visibleProfiles(store, policy).map(summaryOf),
      activeProfileId: options.activeProfileId,
      selectedProfileId: current.profileId,
      addInstanceAllowed: current.addInstanceAllowed,
    };
  };

  return {
    'settings:get': async () => ok(settingsViewOf(settings.current())),
    'settings:update': async (patch) => {
      const updated = await settings.update(patch);
      return updated.ok ? ok(settingsViewOf(updated.value)) : updated;
    },
    'profiles:list': async () => ok(list()),
    'profiles:add-instance': async ({ url }) => {
      const current = settings.current().settings;
      if (!current.addInstanceAllowed) {
        return { ok: false, error: { code: 'locked_by_policy', reason: 'add_instance_locked', detail: 'addInstanceAllowed' } };
      }
      const checked = await profileFromInstanceUrl(url, {
        fetchInstance: options.fetchInstance,
        language: current.language,
        freeId: (wanted) => store.freeId(wanted),
      });
      if (!checked.ok) return { ok: false, error: appErrorOf(checked.error) };
      const known = store.list().find((stored) => stored.profile.apiBaseUrl === checked.profile.apiBaseUrl);
      if (known) return { ok: false, error: { code: 'conflict', reason: 'already_added', detail: known.profile.id } };
      const added = await store.add(checked.profile);
      if (!added.ok) return fail('conflict', undefined, added.error.code);
      return ok(summaryOf(added.stored));
    },
    'profiles:select': async ({ profileId }) => {
      const updated = await settings.update({ profileId });
      return updated.ok ? ok(list()) : updated;
    },
  };
}
