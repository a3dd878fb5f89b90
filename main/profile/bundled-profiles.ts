// The profiles shipped with the app: every `*.json` in `resources/profiles/`, in name order. A
// broken file is reported and skipped, so one bad profile never hides the others.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Profile } from '../../common/profile';
import { parseProfileText, type ProfileError } from './profile-loader';

export interface BundledProfiles {
  profiles: Profile[];
  errors: { file: string; error: ProfileError }[];
}

export async function readBundledProfiles(
  folder: string,
  environment: Readonly<Record<string, string | undefined>>,
): Promise<BundledProfiles> {
  const result: BundledProfiles = { profiles: [], errors: [] };
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    result.errors.push({
      file: folder,
      error: { code: 'invalid_json', detail: error instanceof Error ? error.message : String(error) },
    });
    return result;
  }
  for (const name of names) {
    const file = join(folder, name);
    const text = await readFile(file, 'utf8').catch(() => null);
    const parsed =
      text === null
        ? ({ ok: false, error: { code: 'invalid_json', detail: 'unreadable' } } as const)
        : parseProfileText(text, environment);
    if (!parsed.ok) {
      result.errors.push({ file, error: parsed.error });
      continue;
    }
    if (result.profiles.some((profile) => profile.id === parsed.profile.id)) {
      result.errors.push({ file, error: { code: 'invalid_profile', detail: `duplicate id ${parsed.profile.id}` } });
      continue;
    }
    result.profiles.push(parsed.profile);
  }
  return result;
}
