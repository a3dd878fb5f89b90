// Generates the electron-builder configuration of one ministry's build from its profile file:
//   npx tsx build/scripts/brand.ts resources/profiles/example-ministere.json [--out build/branding/<id>]
//     [--publisher "<CN of the ministry's Windows signing certificate>"]
//   npx electron-builder --config build/branding/<id>/electron-builder.yml
// The profile is copied next to the configuration and shipped, alone, as
// `resources/profiles/<id>.json`, where the packaged app reads its profiles; its logo becomes the
// app icon.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { profileSchema, type Profile } from '../../common/profile';

export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const baseConfigurationPath = join(repositoryRoot, 'electron-builder.yml');

type Configuration = Record<string, unknown>;

export function readBaseConfiguration(path = baseConfigurationPath): Configuration {
  return yaml.load(readFileSync(path, 'utf8')) as Configuration;
}

/** A stable UUID (name-based, SHA-1) so each ministry's MSI upgrades itself and nobody else's. */
export function upgradeCodeFor(appId: string): string {
  const hash = createHash('sha1').update(`visio-msi:${appId}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface BrandingPaths {
  /** Folder of the generated files, relative to the repository root (electron-builder's project dir). */
  outFolder: string;
  /** The icon, relative to the repository root, when the profile has a logo. */
  iconPath?: string;
  /** The copied profile, relative to the repository root. */
  profilePath: string;
  /** The subject CN of the ministry's Windows signing certificate, when not the base one. */
  publisherName?: string;
}

function section(base: Configuration, key: string): Configuration {
  return { ...((base[key] as Configuration | undefined) ?? {}) };
}

export function brandedConfiguration(base: Configuration, profile: Profile, paths: BrandingPaths): Configuration {
  const productName = profile.branding?.productName ?? profile.displayName;
  const appId = `fr.gouv.lasuite.visio.${profile.id}`;
  const executableName = profile.id.startsWith('visio') ? profile.id : `visio-${profile.id}`;
  const icon = paths.iconPath ? { icon: paths.iconPath } : {};

  const linux = section(base, 'linux');
  const win = section(base, 'win');
  const desktop = (linux.desktop as { entry?: Record<string, string> } | undefined) ?? {};
  const configuration: Configuration = {
    ...base,
    appId,
    productName,
    extraMetadata: { name: executableName, productName },
    directories: { ...section(base, 'directories'), output: `out/${profile.id}` },
    protocols: [{ name: productName, schemes: [profile.scheme] }],
    extraResources: [{ from: paths.profilePath, to: `profiles/${profile.id}.json` }],
    linux: {
      ...linux,
      ...icon,
      executableName,
      mimeTypes: [`x-scheme-handler/${profile.scheme}`],
      desktop: {
        ...desktop,
        entry: {
          ...desktop.entry,
          Name: productName,
          MimeType: `x-scheme-handler/${profile.scheme};`,
          StartupWMClass: productName,
        },
      },
    },
    win: {
      ...win,
      ...icon,
      executableName: productName.replace(/[^A-Za-z0-9 ._-]/g, ''),
      ...(paths.publisherName ? { signtoolOptions: { ...section(win, 'signtoolOptions'), publisherName: [paths.publisherName] } } : {}),
    },
    nsis: { ...section(base, 'nsis'), shortcutName: productName },
    msi: { ...section(base, 'msi'), shortcutName: productName, upgradeCode: upgradeCodeFor(appId) },
    mac: { ...section(base, 'mac'), ...icon },
  };
  if (profile.updates?.feedUrl) {
    configuration.publish = [
      { provider: 'generic', url: profile.updates.feedUrl, channel: profile.updates.channel ?? 'latest' },
    ];
  } else {
    // No feed: the ministry distributes updates itself, nothing is published.
    delete configuration.publish;
  }
  return configuration;
}

export interface BrandResult {
  outFolder: string;
  configurationPath: string;
  configuration: Configuration;
}

/** Reads the profile, writes `<out>/electron-builder.yml`, `<out>/profile.json` and the icon. */
export function brand(profilePath: string, outFolder?: string, publisherName?: string): BrandResult {
  const absoluteProfile = resolve(profilePath);
  const profile = profileSchema.parse(JSON.parse(readFileSync(absoluteProfile, 'utf8')));
  const out = resolve(outFolder ?? join(repositoryRoot, 'build', 'branding', profile.id));
  mkdirSync(out, { recursive: true });
  const fromRoot = (path: string) => relative(repositoryRoot, path).split('\\').join('/');

  const copiedProfile = join(out, 'profile.json');
  if (copiedProfile !== absoluteProfile) copyFileSync(absoluteProfile, copiedProfile);
  let iconPath: string | undefined;
  if (profile.branding?.logoPath) {
    const logo = isAbsolute(profile.branding.logoPath)
      ? profile.branding.logoPath
      : resolve(dirname(absoluteProfile), profile.branding.logoPath);
    const icon = join(out, 'icon.png');
    if (logo !== icon) copyFileSync(logo, icon);
    iconPath = fromRoot(icon);
  }
  const configuration = brandedConfiguration(readBaseConfiguration(), profile, {
    outFolder: fromRoot(out),
    profilePath: fromRoot(copiedProfile),
    ...(iconPath ? { iconPath } : {}),
    ...(publisherName ? { publisherName } : {}),
  });
  const configurationPath = join(out, 'electron-builder.yml');
  const header = `# Generated by build/scripts/brand.ts from ${fromRoot(absoluteProfile)}: edit the profile, not this file.\n`;
  writeFileSync(configurationPath, header + yaml.dump(configuration, { lineWidth: 120, noRefs: true }));
  return { outFolder: out, configurationPath, configuration };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(name);
    return index === -1 ? undefined : args[index + 1];
  };
  const profilePath = args.find((arg, index) => !arg.startsWith('--') && !['--out', '--publisher'].includes(args[index - 1] ?? ''));
  if (!profilePath) {
    console.error('usage: tsx build/scripts/brand.ts <profile.json> [--out <folder>] [--publisher <certificate CN>]');
    process.exit(2);
  }
  const result = brand(profilePath, option('--out'), option('--publisher'));
  console.log(`${relative(process.cwd(), result.configurationPath)}`);
}
