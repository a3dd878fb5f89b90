// The settings the app runs with, from four layers: built-in defaults < bundled profile < user
// settings < machine policy. Every key a policy sets is locked: shown in settings, not editable.
import { z } from 'zod';
import {
  languageSchema,
  profileDefaults,
  type Language,
  type Profile,
  type ProxySettings,
} from '../../common/profile';
import type { ChatFilesPolicy } from '../../common/chat-files';
import { builtInDefaults, type EffectiveSettings, type SettingKey } from '../../common/settings';
import { addInstanceForbiddenBy, type MachinePolicy } from './policy-schema';

const optionalHttpsUrl = z
  .string()
  .max(2048)
  .url()
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  }, 'must be https, without credentials')
  .nullable();

/**
 * What a user may change (when no policy locks it), and nothing else: the proxy, the update
 * channel and feed, CA certificates and telemetry come only from the policy or the bundled profile.
 */
export const userSettingsSchema = z
  .object({
    profileId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/),
    language: languageSchema,
    updatesEnabled: z.boolean(),
    calendarFeedUrl: optionalHttpsUrl,
    screenShareAudioAllowed: z.boolean(),
    hardwareAcceleration: z.boolean(),
    miniWindowEnabled: z.boolean(),
  })
  .strict();
export type UserSettings = z.infer<typeof userSettingsSchema>;
export const userSettingsPatchSchema = userSettingsSchema.partial();
export type UserSettingsPatch = z.infer<typeof userSettingsPatchSchema>;

/**
 * The settings file as saved, read key by key: a key a user may not set (a proxy, an update
 * channel written by hand or by an older version) or a bad value costs that key only.
 */
export function parseSavedUserSettings(raw: unknown): UserSettingsPatch {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const saved: Record<string, unknown> = {};
  const shape = userSettingsSchema.shape;
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(shape, key)) continue;
    const parsed = shape[key as keyof typeof shape].safeParse(value);
    if (parsed.success) saved[key] = parsed.data;
  }
  return saved as UserSettingsPatch;
}

export type SettingLayer = 'default' | 'profile' | 'user' | 'policy';

export interface SettingsResolution {
  settings: EffectiveSettings;
  /** Keys a machine policy sets: refused by `SettingsService.update`, shown locked. */
  locked: SettingKey[];
  /** Which layer gave each key its value. */
  origins: Record<SettingKey, SettingLayer>;
  /** Profiles the user may pick, or null when any is allowed. */
  permittedProfileIds: string[] | null;
}

function policyProxy(policy: MachinePolicy): ProxySettings | undefined {
  if (policy.ProxyMode === undefined) return undefined;
  return {
    mode: policy.ProxyMode,
    ...(policy.ProxyServer !== undefined ? { server: policy.ProxyServer } : {}),
    ...(policy.ProxyBypassList !== undefined ? { bypass: policy.ProxyBypassList } : {}),
    ...(policy.ProxyPacUrl !== undefined ? { pacUrl: policy.ProxyPacUrl } : {}),
  };
}

/** The chat files setting with the policy's keys over it, or undefined when the policy sets none. */
function policyChatFiles(current: ChatFilesPolicy, policy: MachinePolicy): ChatFilesPolicy | undefined {
  const { ChatFilesEnabled: enabled, ChatFilesMaxSizeBytes: maxSizeBytes, ChatFilesAllowedTypes: allowedMimeTypes } = policy;
  if (enabled === undefined && maxSizeBytes === undefined && allowedMimeTypes === undefined) return undefined;
  return {
    enabled: enabled ?? current.enabled,
    maxSizeBytes: maxSizeBytes ?? current.maxSizeBytes,
    allowedMimeTypes: allowedMimeTypes ? [...allowedMimeTypes] : current.allowedMimeTypes,
  };
}

/** The profile the app runs with: forced by policy, else the user's choice if permitted, else the first permitted one. */
export function resolveProfileId(
  candidates: readonly string[],
  userChoice: string | undefined,
  policy: MachinePolicy,
  fallback: string,
): { profileId: string; layer: SettingLayer; permitted: string[] | null } {
  if (policy.ForcedProfile !== undefined) {
    return { profileId: policy.ForcedProfile, layer: 'policy', permitted: [policy.ForcedProfile] };
  }
  const permitted = policy.AllowedProfiles ? candidates.filter((id) => policy.AllowedProfiles?.includes(id)) : null;
  const choices = permitted ?? candidates;
  if (userChoice !== undefined && choices.includes(userChoice)) return { profileId: userChoice, layer: 'user', permitted };
  if (permitted) return { profileId: permitted[0] ?? policy.AllowedProfiles?.[0] ?? fallback, layer: 'policy', permitted };
  return { profileId: choices.includes(fallback) ? fallback : (choices[0] ?? fallback), layer: 'default', permitted };
}

/** The language the policy or the user chose, or null when it only comes from a profile or the defaults. */
export function chosenLanguageOf(resolution: Pick<SettingsResolution, 'settings' | 'origins'>): Language | null {
  const origin = resolution.origins.language;
  return origin === 'policy' || origin === 'user' ? resolution.settings.language : null;
}

export interface SettingsLayers {
  /** Ids of the profiles known to the app (bundled and user-added). */
  profileIds: readonly string[];
  /** Looks a profile up once its id is resolved. */
  profileOf: (profileId: string) => Profile | undefined;
  user: UserSettingsPatch;
  policy: MachinePolicy;
  defaults?: EffectiveSettings;
}

export function resolveSettings(layers: SettingsLayers): SettingsResolution {
  const defaults = layers.defaults ?? builtInDefaults;
  const settings: EffectiveSettings = { ...defaults, proxy: { ...defaults.proxy }, certificateAuthorities: [] };
  const origins = Object.fromEntries(Object.keys(defaults).map((key) => [key, 'default'])) as Record<
    SettingKey,
    SettingLayer
  >;
  const locked = new Set<SettingKey>();
  const apply = <K extends SettingKey>(key: K, value: EffectiveSettings[K] | undefined, layer: SettingLayer) => {
    if (value === undefined) return;
    settings[key] = value;
    origins[key] = layer;
    if (layer === 'policy') locked.add(key);
  };

  const { policy, user } = layers;
  const chosen = resolveProfileId(layers.profileIds, user.profileId, policy, defaults.profileId);
  apply('profileId', chosen.profileId, chosen.layer);
  if (chosen.layer === 'policy') locked.add('profileId');

  const profile = layers.profileOf(settings.profileId);
  if (profile) {
    const fromProfile = profileDefaults(profile);
    apply('language', profile.defaultLanguage, 'profile');
    apply('updatesEnabled', fromProfile.updatesEnabled, 'profile');
    apply('updateFeedUrl', fromProfile.updateFeedUrl ?? undefined, 'profile');
    apply('updateChannel', fromProfile.updateChannel, 'profile');
    apply('calendarFeedUrl', fromProfile.calendarFeedUrl ?? undefined, 'profile');
    apply('screenShareAudioAllowed', fromProfile.features.screenShareAudio, 'profile');
    apply('addInstanceAllowed', fromProfile.features.addInstance, 'profile');
    apply('chatFiles', fromProfile.chatFiles, 'profile');
    apply('proxy', profile.proxy, 'profile');
    if (profile.certificateAuthorities?.length) apply('certificateAuthorities', [...profile.certificateAuthorities], 'profile');
  }

  apply('language', user.language, 'user');
  apply('updatesEnabled', user.updatesEnabled, 'user');
  apply('calendarFeedUrl', user.calendarFeedUrl ?? undefined, 'user');
  apply('screenShareAudioAllowed', user.screenShareAudioAllowed, 'user');
  apply('hardwareAcceleration', user.hardwareAcceleration, 'user');
  apply('miniWindowEnabled', user.miniWindowEnabled, 'user');

  apply('language', policy.Language, 'policy');
  apply('updatesEnabled', policy.UpdatesEnabled, 'policy');
  apply('updateFeedUrl', policy.UpdateFeedUrl, 'policy');
  apply('updateChannel', policy.UpdateChannel, 'policy');
  apply('calendarFeedUrl', policy.CalendarFeedUrl, 'policy');
  apply('screenShareAudioAllowed', policy.ScreenShareAudioAllowed, 'policy');
  apply('hardwareAcceleration', policy.HardwareAcceleration, 'policy');
  apply('miniWindowEnabled', policy.MiniWindowEnabled, 'policy');
  apply('addInstanceAllowed', policy.AddInstanceAllowed, 'policy');
  apply('proxy', policyProxy(policy), 'policy');
  apply('chatFiles', policyChatFiles(settings.chatFiles, policy), 'policy');
  if (policy.ExtraCaCertificates !== undefined) {
    apply('certificateAuthorities', [...settings.certificateAuthorities, ...policy.ExtraCaCertificates], 'policy');
  }
  if (policy.AddInstanceAllowed === undefined && addInstanceForbiddenBy(policy)) apply('addInstanceAllowed', false, 'policy');
  // Updates without a feed would reach nobody the ministry chose: they stay off.
  if (settings.updateFeedUrl === null && settings.updatesEnabled) settings.updatesEnabled = false;
  settings.telemetry = false;
  locked.add('telemetry');

  return { settings, locked: [...locked].sort(), origins, permittedProfileIds: chosen.permitted };
}
