// The one place that says which deployment profile this run uses. For now: the bundled devstack
// profile, whose URLs come from VISIO_API_BASE_URL / VISIO_LIVEKIT_URL when set; the managed
// profile store replaces this function's body, not its callers.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseProfileText, type ProfileResult } from './profile/profile-loader';

export interface ActiveProfileSource {
  /** The folder holding `profiles/` (the app's resources). */
  resourcesDirectory: string;
  environment: Readonly<Record<string, string | undefined>>;
}

export const activeProfileFile = join('profiles', 'devstack.json');

export async function loadActiveProfile(source: ActiveProfileSource): Promise<ProfileResult> {
  let text: string;
  try {
    text = await readFile(join(source.resourcesDirectory, activeProfileFile), 'utf8');
  } catch (error) {
    return {
      ok: false,
      error: { code: 'invalid_json', detail: error instanceof Error ? error.message : String(error) },
    };
  }
  return parseProfileText(text, source.environment);
}
