// What the instance picker offers: the known profiles with their host, which one this run uses,
// which one is chosen for the next start, and which ones the machine policy keeps out of reach.
import type { ProfileList, SettingsView } from '../../../common/ipc-contract';

export interface ProfileChoice {
  id: string;
  displayName: string;
  /** The instance's host, which tells two instances of the same name apart. */
  host: string;
  /** This run uses it. */
  active: boolean;
  disabled: boolean;
}

export interface ProfileChoices {
  choices: ProfileChoice[];
  selectedId: string;
  /** The policy forces the profile (ForcedProfile): nothing can be chosen. */
  locked: boolean;
  /** The chosen profile differs from the one in use: it applies at the next start. */
  restartPending: boolean;
}

export function hostOf(apiBaseUrl: string): string {
  try {
    return new URL(apiBaseUrl).host;
  } catch {
    return apiBaseUrl;
  }
}

export function profileChoices(list: ProfileList, view: SettingsView | null): ProfileChoices {
  const locked = view?.locked.includes('profileId') ?? false;
  const permitted = view?.permittedProfileIds ?? null;
  return {
    choices: list.profiles.map((profile) => ({
      id: profile.id,
      displayName: profile.displayName,
      host: hostOf(profile.apiBaseUrl),
      active: profile.id === list.activeProfileId,
      disabled: locked || (permitted !== null && !permitted.includes(profile.id)),
    })),
    selectedId: list.selectedProfileId,
    locked,
    restartPending: list.selectedProfileId !== list.activeProfileId,
  };
}
