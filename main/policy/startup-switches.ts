// What must be decided before Electron's `ready`, from the machine policy and the user's saved
// settings: whether the GPU is used, and the interface language Chromium starts with.
import type { Language } from '../../common/profile';
import { parseSavedUserSettings } from './effective-settings';
import type { MachinePolicy } from './policy-schema';

export interface StartupSwitches {
  hardwareAcceleration: boolean;
  /** Null when neither the policy nor the user chose: the system's language applies. */
  language: Language | null;
}

export function startupSwitchesFrom(policy: MachinePolicy, savedUserSettings: unknown): StartupSwitches {
  const user = parseSavedUserSettings(savedUserSettings);
  return {
    hardwareAcceleration: policy.HardwareAcceleration ?? user.hardwareAcceleration ?? true,
    language: policy.Language ?? user.language ?? null,
  };
}
