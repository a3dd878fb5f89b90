// The machine policy: the same key names in the Windows registry, the macOS configuration profile
// and the Linux file (and in the ADMX templates). Each key is validated on its own, so one typo
// costs one key, not the whole policy.
import { z } from 'zod';
import { chatFileTypes, chatFileTypeSchema, MAX_CHAT_FILE_BYTES } from '../../common/chat-files';
import { certificateAuthoritySchema, languageSchema, updateChannelSchema } from '../../common/profile';
import type { PolicyIssue, PolicySourceName } from './policy-issues';

const httpsUrl = z
  .string()
  .max(2048)
  .url()
  .refine((value) => new URL(value).protocol === 'https:', 'must be https');

const profileId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/);

/** Registry DWORDs and plist integers carry booleans as 0/1. */
const policyBoolean = z.union([z.boolean(), z.literal(0).transform(() => false), z.literal(1).transform(() => true)]);

export const policyKeySchemas = {
  ForcedProfile: profileId,
  AllowedProfiles: z.array(profileId).min(1).max(50),
  AddInstanceAllowed: policyBoolean,
  UpdatesEnabled: policyBoolean,
  UpdateFeedUrl: httpsUrl,
  UpdateChannel: updateChannelSchema,
  CalendarFeedUrl: httpsUrl,
  Language: languageSchema,
  ScreenShareAudioAllowed: policyBoolean,
  HardwareAcceleration: policyBoolean,
  MiniWindowEnabled: policyBoolean,
  ChatFilesEnabled: policyBoolean,
  ChatFilesMaxSizeBytes: z.number().int().min(1).max(MAX_CHAT_FILE_BYTES),
  ChatFilesAllowedTypes: z.array(chatFileTypeSchema).max(chatFileTypes.length),
  ProxyMode: z.enum(['system', 'direct', 'fixed_servers', 'pac_script']),
  ProxyServer: z.string().min(1).max(1024),
  ProxyBypassList: z.string().max(2048),
  ProxyPacUrl: httpsUrl,
  ExtraCaCertificates: z.array(certificateAuthoritySchema).max(20),
  TelemetryEnabled: policyBoolean,
} as const;

export type PolicyKey = keyof typeof policyKeySchemas;
export const policyKeys = Object.keys(policyKeySchemas) as PolicyKey[];

export type MachinePolicy = { -readonly [K in PolicyKey]?: z.output<(typeof policyKeySchemas)[K]> };

/** Keys whose value is a list: a REG_MULTI_SZ, or a subkey of numbered values as ADMX lists write. */
export const listPolicyKeys: readonly PolicyKey[] = ['AllowedProfiles', 'ExtraCaCertificates', 'ChatFilesAllowedTypes'];

const canonicalKeys = new Map(policyKeys.map((key) => [key.toLowerCase(), key]));

export function canonicalPolicyKey(name: string): PolicyKey | undefined {
  return canonicalKeys.get(name.toLowerCase());
}

export interface ParsedPolicy {
  policy: MachinePolicy;
  issues: PolicyIssue[];
}

/** Validates one source's raw values key by key. Telemetry can never be turned on. */
export function parsePolicyValues(raw: unknown, source: PolicySourceName): ParsedPolicy {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { policy: {}, issues: [{ code: 'invalid_format', source }] };
  }
  const policy: Record<string, unknown> = {};
  const issues: PolicyIssue[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const key = canonicalPolicyKey(name);
    if (!key) {
      issues.push({ code: 'unknown_key', source, key: name.slice(0, 100) });
      continue;
    }
    const parsed = policyKeySchemas[key].safeParse(value);
    if (!parsed.success) {
      issues.push({ code: 'invalid_value', source, key, detail: parsed.error.issues[0]?.message });
      continue;
    }
    if (key === 'TelemetryEnabled') {
      if (parsed.data === true) issues.push({ code: 'telemetry_ignored', source, key });
      continue;
    }
    policy[key] = parsed.data;
  }
  return { policy: policy as MachinePolicy, issues };
}

/**
 * Whether the machine policy forbids instances of the user's own: a forced profile or a list of
 * allowed ones forbids them too, unless `AddInstanceAllowed` says otherwise.
 */
export function addInstanceForbiddenBy(policy: MachinePolicy): boolean {
  if (policy.AddInstanceAllowed !== undefined) return !policy.AddInstanceAllowed;
  return policy.ForcedProfile !== undefined || policy.AllowedProfiles !== undefined;
}
