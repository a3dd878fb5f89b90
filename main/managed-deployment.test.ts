import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadManagedDeployment, userProfilesFileName, userSettingsFileName } from './managed-deployment';

const resourcesDirectory = resolve(__dirname, '..', 'resources');
const environment = { VISIO_API_BASE_URL: 'http://127.0.0.1:9999/api/v1.0/', VISIO_LIVEKIT_URL: 'ws://127.0.0.1:9998' };

const addedProfile = {
  id: 'visio-autre-gouv-fr',
  displayName: 'visio.autre.gouv.fr',
  apiBaseUrl: 'https://visio.autre.gouv.fr/api/v1.0/',
  meetingHosts: ['visio.autre.gouv.fr'],
  allowedHosts: ['visio.autre.gouv.fr'],
};

describe('managed deployment', () => {
  let userDataDirectory: string;
  beforeEach(async () => {
    userDataDirectory = await mkdtemp(join(tmpdir(), 'visio-deployment-'));
  });
  afterEach(async () => {
    await rm(userDataDirectory, { recursive: true, force: true });
  });

  it('runs the bundled devstack profile with the URLs of the running stack by default', async () => {
    const deployment = await loadManagedDeployment({ resourcesDirectory, userDataDirectory, environment, policy: {} });
    expect(deployment.bundledErrors).toEqual([]);
    expect(deployment.active?.profile.apiBaseUrl).toBe('http://127.0.0.1:9999/api/v1.0/');
    expect(deployment.active?.profile.livekitUrl).toBe('ws://127.0.0.1:9998');
    expect(deployment.store.list().map((stored) => stored.profile.id)).toContain('example-ministere');
  });

  it('runs the instance the user chose, among the added ones', async () => {
    await writeFile(join(userDataDirectory, userProfilesFileName), JSON.stringify({ version: 1, profiles: [addedProfile] }));
    await writeFile(join(userDataDirectory, userSettingsFileName), JSON.stringify({ profileId: addedProfile.id }));
    const deployment = await loadManagedDeployment({ resourcesDirectory, userDataDirectory, environment, policy: {} });
    expect(deployment.active?.profile.id).toBe(addedProfile.id);
    expect(deployment.active?.origin).toBe('user');
  });

  it('lets a forced profile win over the user choice, and locks it', async () => {
    await writeFile(join(userDataDirectory, userSettingsFileName), JSON.stringify({ profileId: 'devstack' }));
    const deployment = await loadManagedDeployment({
      resourcesDirectory,
      userDataDirectory,
      environment,
      policy: { ForcedProfile: 'example-ministere' },
    });
    expect(deployment.active?.profile.id).toBe('example-ministere');
    const refused = await deployment.settings.update({ profileId: 'devstack' });
    expect(refused.ok === false && refused.error.code).toBe('locked_by_policy');
    expect(JSON.parse(await readFile(join(userDataDirectory, userSettingsFileName), 'utf8'))).toEqual({ profileId: 'devstack' });
  });

  it('has no active profile when the policy forces one the app does not know', async () => {
    const deployment = await loadManagedDeployment({
      resourcesDirectory,
      userDataDirectory,
      environment,
      policy: { ForcedProfile: 'inconnu' },
    });
    expect(deployment.active).toBeNull();
  });
});
