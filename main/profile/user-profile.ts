// The user's own profiles file is written by the app, but anything in the user's folder may have
// been written by someone else: a profile found there is cut down to what adding an instance
// produces, and every host it may reach is derived again from its own URLs.
import { userProfileHosts, userProfileSchema, type Profile } from '../../common/profile';

const keptKeys = ['id', 'displayName', 'apiBaseUrl', 'defaultLanguage', 'livekitUrl', 'identityProviderUrl'] as const;

export type UserProfileResult =
  | { ok: true; profile: Profile; /** Keys dropped or rewritten, for the log. */ narrowed: string[] }
  | { ok: false; detail: string };

function sameHosts(left: unknown, right: readonly string[]): boolean {
  return Array.isArray(left) && [...left].sort().join(' ') === [...right].sort().join(' ');
}

export function narrowUserProfile(raw: unknown): UserProfileResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, detail: 'not an object' };
  const source = raw as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const key of keptKeys) if (source[key] !== undefined) kept[key] = source[key];
  const narrowed = Object.keys(source).filter((key) => !(keptKeys as readonly string[]).includes(key));

  let hosts: string[];
  let instanceHost: string;
  try {
    instanceHost = new URL(String(kept.apiBaseUrl)).hostname;
    hosts = userProfileHosts(kept as Pick<Profile, 'apiBaseUrl' | 'livekitUrl' | 'identityProviderUrl'>);
  } catch {
    return { ok: false, detail: 'apiBaseUrl: not a URL' };
  }
  const candidate = { ...kept, scheme: 'visio', meetingHosts: [instanceHost], allowedHosts: hosts };
  const parsed = userProfileSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` };
  }
  const rewritten = [
    ...(source.scheme === undefined || source.scheme === 'visio' ? [] : ['scheme']),
    ...(sameHosts(source.meetingHosts, [instanceHost]) ? [] : ['meetingHosts']),
    ...(sameHosts(source.allowedHosts, hosts) ? [] : ['allowedHosts']),
  ];
  return {
    ok: true,
    profile: parsed.data,
    narrowed: [...narrowed.filter((key) => !['scheme', 'meetingHosts', 'allowedHosts'].includes(key)), ...rewritten].sort(),
  };
}
