// Reads a profile file. Bundled profiles may name values known only at run time (the devstack's
// ports) as `${VISIO_NAME}` or `${VISIO_NAME:-default}`; they are resolved from the environment
// before validation, and only `VISIO_*` variables can be read, so a profile cannot pull secrets.
import { iceServerHostNotAllowed, profileSchema, type Language, type Profile } from '../../common/profile';
import { mainT } from '../i18n/main-i18n';

export const maximumProfileFileBytes = 256 * 1024;

export type ProfileErrorCode =
  | 'too_large'
  | 'invalid_json'
  | 'unresolved_placeholder'
  | 'invalid_profile'
  | 'ice_server_host_not_allowed';

export interface ProfileError {
  code: ProfileErrorCode;
  detail: string;
}

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; error: ProfileError };

const placeholderPattern = /\$\{(VISIO_[A-Z0-9_]+)(?::-([^}]*))?\}/g;

type Environment = Readonly<Record<string, string | undefined>>;

function resolveString(value: string, environment: Environment, missing: string[]): string {
  return value.replace(placeholderPattern, (_match, name: string, fallback: string | undefined) => {
    const fromEnvironment = environment[name];
    if (fromEnvironment !== undefined && fromEnvironment !== '') return fromEnvironment;
    if (fallback !== undefined) return fallback;
    missing.push(name);
    return '';
  });
}

function resolveValue(value: unknown, environment: Environment, missing: string[]): unknown {
  if (typeof value === 'string') return resolveString(value, environment, missing);
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, environment, missing));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveValue(item, environment, missing)]),
    );
  }
  return value;
}

/** Resolves the placeholders of an already parsed profile and validates it. */
export function parseProfile(raw: unknown, environment: Environment): ProfileResult {
  const missing: string[] = [];
  const resolved = resolveValue(raw, environment, missing);
  if (missing.length > 0) {
    return { ok: false, error: { code: 'unresolved_placeholder', detail: [...new Set(missing)].join(', ') } };
  }
  const parsed = profileSchema.safeParse(resolved);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const params = issue?.code === 'custom' ? (issue.params as { reason?: unknown; url?: unknown } | undefined) : undefined;
    if (params?.reason === iceServerHostNotAllowed) {
      return { ok: false, error: { code: 'ice_server_host_not_allowed', detail: String(params.url) } };
    }
    return {
      ok: false,
      error: { code: 'invalid_profile', detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` },
    };
  }
  return { ok: true, profile: parsed.data };
}

/** Parses the text of a profile file. */
export function parseProfileText(text: string, environment: Environment): ProfileResult {
  if (Buffer.byteLength(text, 'utf8') > maximumProfileFileBytes) {
    return { ok: false, error: { code: 'too_large', detail: `more than ${maximumProfileFileBytes} bytes` } };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: { code: 'invalid_json', detail: error instanceof Error ? error.message : String(error) } };
  }
  return parseProfile(raw, environment);
}

export function profileErrorMessage(error: ProfileError, language: Language): string {
  return mainT(language)(`profile.${error.code}`, { detail: error.detail ?? '' });
}
