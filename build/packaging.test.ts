// The packaging configuration as electron-builder would apply it: builds are signed, the Windows
// updater checks the publisher it is given, the AppImage never updates itself, and the profiles
// the app reads are the ones the package ships, without the development one.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledProfilesFolder } from '../main/managed-deployment';
import { parseProfileText } from '../main/profile/profile-loader';
import { packagedFiles, windowsAppUpdateYml, type PackagedFile } from './packaging';
import { brand, readBaseConfiguration, repositoryRoot } from './scripts/brand';

// The YAML is read as loosely typed data, as electron-builder reads it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const metadata = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as Loose;

/** What is wrong with the `app-update.yml` of a Windows build, for electron-updater's signature check. */
function updateSignatureProblems(appUpdateYml: string | null): string[] {
  if (appUpdateYml === null) return ['no app-update.yml'];
  const written = yaml.load(appUpdateYml) as Loose;
  const names = [written.publisherName].flat().filter((name) => typeof name === 'string' && name.trim() !== '');
  return names.length > 0 ? [] : ['no publisherName: an update signed by anyone would be installed'];
}

/** What is wrong with the profiles a package ships. */
function shippedProfileProblems(files: readonly PackagedFile[]): string[] {
  const problems: string[] = [];
  const profiles = files.filter((file) => file.source.endsWith('.json') && /(^|\/)profiles?(\/|\.json$)/.test(file.source));
  if (profiles.length === 0) problems.push('no profile shipped');
  for (const file of profiles) {
    const text = readFileSync(join(repositoryRoot, file.source), 'utf8');
    if (text.includes('${VISIO_')) problems.push(`${file.source}: development profile (\${VISIO_*} placeholders)`);
    if (dirname(file.destination) !== `resources/${bundledProfilesFolder}`) {
      problems.push(`${file.source}: lands in ${file.destination}, where the app does not read profiles`);
    }
    const parsed = parseProfileText(text, {});
    if (!parsed.ok) problems.push(`${file.source}: ${parsed.error.code}`);
  }
  return problems;
}

describe('signing', () => {
  const configuration = readBaseConfiguration() as Loose;

  it('refuses to build unsigned, pins the Windows publisher, notarizes for macOS', () => {
    expect(configuration.forceCodeSigning).toBe(true);
    expect(configuration.win.verifyUpdateCodeSignature).toBe(true);
    expect(configuration.win.signtoolOptions.publisherName).toEqual([expect.stringMatching(/\S/)]);
    expect(configuration.mac.hardenedRuntime).toBe(true);
    expect(configuration.mac.notarize).toBe(true);
    expect(configuration.appImage.publish).toBeNull();
  });

  it('writes the publisher into the app-update.yml of a Windows build', async () => {
    const written = await windowsAppUpdateYml(configuration, repositoryRoot, metadata);
    expect(updateSignatureProblems(written)).toEqual([]);
    expect((yaml.load(written ?? '') as Loose).publisherName).toEqual(configuration.win.signtoolOptions.publisherName);
  });

  it('would find an app-update.yml without publisher', async () => {
    const { signtoolOptions: _signtoolOptions, ...win } = configuration.win;
    const unpinned = await windowsAppUpdateYml({ ...configuration, win }, repositoryRoot, metadata);
    expect(unpinned).toMatch(/provider: generic/);
    expect(updateSignatureProblems(unpinned)).toEqual([expect.stringMatching(/publisherName/)]);
    const unchecked = await windowsAppUpdateYml({ ...configuration, win: { ...configuration.win, verifyUpdateCodeSignature: false } }, repositoryRoot, metadata);
    expect(updateSignatureProblems(unchecked)).not.toEqual([]);
  });
});

describe('shipped profiles', () => {
  const out = mkdtempSync(join(tmpdir(), 'visio-packaging-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('ships the ministry profiles where the packaged app reads them, and never the development one', () => {
    const files = packagedFiles(readBaseConfiguration(), repositoryRoot);
    expect(shippedProfileProblems(files)).toEqual([]);
    expect(files.map((file) => file.source)).toContain('resources/profiles/example-ministere.json');
    expect(files.map((file) => file.source)).not.toContain('resources/profiles/devstack.json');
    expect(files.filter((file) => file.destination.startsWith('app/resources/profiles'))).toEqual([]);
  });

  it('would find the development profile, or profiles left inside the app archive', () => {
    const base = readBaseConfiguration() as Loose;
    const withDevelopment = { ...base, extraResources: [{ from: 'resources/profiles', to: 'profiles', filter: ['*.json'] }] };
    expect(shippedProfileProblems(packagedFiles(withDevelopment, repositoryRoot))).toEqual(
      expect.arrayContaining([expect.stringMatching(/devstack\.json: development profile/)]),
    );
    const inArchive = { ...base, files: base.files.filter((pattern: string) => pattern !== '!resources/profiles/**') };
    expect(shippedProfileProblems(packagedFiles(inArchive, repositoryRoot))).toEqual(
      expect.arrayContaining([expect.stringMatching(/lands in app\/resources\/profiles/)]),
    );
  });

  it('ships, in a branded build, that ministry’s profile alone, signed like the base build', async () => {
    const result = brand(join(repositoryRoot, 'resources', 'profiles', 'example-ministere.json'), out);
    const branded = yaml.load(readFileSync(result.configurationPath, 'utf8')) as Loose;
    const files = packagedFiles(branded, repositoryRoot);
    const profiles = files.filter((file) => file.destination.startsWith('resources/'));
    expect(profiles.map((file) => file.destination)).toEqual([`resources/${bundledProfilesFolder}/example-ministere.json`]);
    expect(shippedProfileProblems(files)).toEqual([]);
    expect(branded.forceCodeSigning).toBe(true);
    expect(branded.mac.notarize).toBe(true);
    expect(updateSignatureProblems(await windowsAppUpdateYml(branded, repositoryRoot, metadata))).toEqual([]);
  });

  it('pins the ministry’s own publisher when the build is branded with one', async () => {
    const result = brand(join(repositoryRoot, 'resources', 'profiles', 'example-ministere.json'), out, 'Ministère de l’Exemple');
    const written = await windowsAppUpdateYml(result.configuration, repositoryRoot, metadata);
    expect((yaml.load(written ?? '') as Loose).publisherName).toEqual(['Ministère de l’Exemple']);
  });
});
