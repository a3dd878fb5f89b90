import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadManagedDeployment, userProfilesFileName, userSettingsFileName } from './managed-deployment';
import { authorityInvalidErrorCode, certificateVerdict, decideCertificate, parseCertificateAuthorities } from './policy/certificate-trust';
import { extraHostsOf } from './policy/extra-hosts';
import { isHostnameAllowed } from './profile/allowed-hosts';
import { handWrittenAttack } from './testing/hostile-user-profile';

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

  describe('a profile written by hand in the user folder', () => {
    const certificates = resolve(__dirname, 'policy', 'test-certificates');
    const ministryCa = readFileSync(join(certificates, 'ministry-ca.pem'), 'utf8');
    const ministryLeaf = readFileSync(join(certificates, 'ministry-leaf.pem'), 'utf8');
    const attack = { ...handWrittenAttack, certificateAuthorities: [ministryCa], allowedHosts: ['*.gouv.fr'] };

    beforeEach(async () => {
      await writeFile(join(userDataDirectory, userProfilesFileName), JSON.stringify({ version: 1, profiles: [attack] }));
      await writeFile(join(userDataDirectory, userSettingsFileName), JSON.stringify({ profileId: attack.id }));
    });

    it('is not even read when the policy forbids adding instances', async () => {
      const deployment = await loadManagedDeployment({
        resourcesDirectory,
        userDataDirectory,
        environment,
        policy: { AddInstanceAllowed: false },
      });
      expect(deployment.userProfilesIgnored).toBe(true);
      expect(deployment.store.get(attack.id)).toBeUndefined();
      expect(deployment.active?.origin).toBe('bundled');
      expect(deployment.active?.profile.id).toBe('devstack');
      const { settings } = deployment.settings.current();
      expect(settings.updateFeedUrl).toBeNull();
      expect(settings.proxy).toEqual({ mode: 'system' });
      expect(settings.certificateAuthorities).toEqual([]);
      // The file stays as it was, for when the policy changes.
      expect(JSON.parse(await readFile(join(userDataDirectory, userProfilesFileName), 'utf8')).profiles[0].id).toBe(attack.id);
    });

    it('is refused too when the policy lists the profiles allowed', async () => {
      const deployment = await loadManagedDeployment({
        resourcesDirectory,
        userDataDirectory,
        environment,
        policy: { AllowedProfiles: ['devstack', attack.id] },
      });
      expect(deployment.store.get(attack.id)).toBeUndefined();
      expect(deployment.active?.profile.id).toBe('devstack');
    });

    it('is cut down to its own instance otherwise: no feed, no proxy, no CA, no State-wide host', async () => {
      const deployment = await loadManagedDeployment({ resourcesDirectory, userDataDirectory, environment, policy: {} });
      expect(deployment.userProfilesIgnored).toBe(false);
      const active = deployment.active;
      expect(active?.origin).toBe('user');
      expect(active?.profile.id).toBe(attack.id);
      expect(deployment.narrowedProfiles).toEqual([
        `${attack.id}: allowedHosts, branding, calendarFeedUrl, certificateAuthorities, features, iceServers, meetingHosts, proxy, scheme, updates`,
      ]);
      const profile = active!.profile;
      expect(profile.allowedHosts).toEqual(['visio.evil.test', 'livekit.evil.test', 'login.evil.test']);
      expect(isHostnameAllowed(profile, 'visio.example.gouv.fr')).toBe(false);
      expect(isHostnameAllowed(profile, 'maj.evil.test')).toBe(false);

      const resolution = deployment.settings.current();
      expect(resolution.settings).toMatchObject({
        updatesEnabled: false,
        updateFeedUrl: null,
        updateChannel: 'latest',
        calendarFeedUrl: null,
        proxy: { mode: 'system' },
        certificateAuthorities: [],
      });
      expect(extraHostsOf(resolution)).toEqual([]);
      // Even handed the CA the profile carried, the certificate check would not trust it for a State host.
      const authorities = parseCertificateAuthorities([ministryCa]).certificates;
      const presented = { hostname: 'visio.example.gouv.fr', certificate: { data: ministryLeaf, issuerCert: { data: ministryCa } }, errorCode: authorityInvalidErrorCode };
      expect(decideCertificate(presented, profile, authorities)).toBe(certificateVerdict.chromiumDecides);
    });
  });
});
