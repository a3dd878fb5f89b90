// What electron-builder itself would make of our configuration, computed with its own code (no
// packaging runs here): the `app-update.yml` a Windows build carries, and the files it copies
// into the app and next to it.
import { readdirSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);

type Configuration = Record<string, unknown>;

interface WindowsPackagerModule {
  WinPackager: new (info: unknown) => unknown;
  Arch: { x64: number };
}
interface PublishManagerModule {
  getAppUpdatePublishConfiguration(packager: unknown, targetOptions: null, arch: number, errorIfCannot: boolean): Promise<unknown>;
}
interface FileMatcher {
  from: string;
  to: string;
  createFilter(): (file: string, stat: Stats) => boolean;
}
interface FileMatcherModule {
  getFileMatchers(
    config: Configuration,
    name: 'files' | 'extraResources',
    destination: string,
    options: { macroExpander: (value: string) => string; customBuildOptions: Configuration; globalOutDir: string; defaultSrc: string },
  ): FileMatcher[] | null;
}

/**
 * The `app-update.yml` electron-builder writes into a Windows build: the same function it calls
 * after packing, on a real Windows packager made from the configuration. No signing certificate
 * is at hand here, so `publisherName` comes only from the configuration, as the updater needs.
 */
export async function windowsAppUpdateYml(configuration: Configuration, projectDir: string, metadata: Configuration): Promise<string | null> {
  const { WinPackager, Arch } = require('app-builder-lib') as WindowsPackagerModule;
  const { getAppUpdatePublishConfiguration } = require('app-builder-lib/out/publish/PublishManager') as PublishManagerModule;
  const { serializeToYaml } = require('builder-util') as { serializeToYaml(value: unknown): string };
  const info = {
    config: configuration,
    metadata,
    projectDir,
    buildResourcesDir: join(projectDir, 'build'),
    repositoryInfo: Promise.resolve(null),
    debugLogger: { isEnabled: false, add: () => undefined },
  };
  const saved = { CSC_LINK: process.env.CSC_LINK, WIN_CSC_LINK: process.env.WIN_CSC_LINK };
  delete process.env.CSC_LINK;
  delete process.env.WIN_CSC_LINK;
  try {
    const publishConfig = await getAppUpdatePublishConfiguration(new WinPackager(info), null, Arch.x64, false);
    return publishConfig === null ? null : serializeToYaml(publishConfig);
  } finally {
    for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
  }
}

export interface PackagedFile {
  /** Relative to the project. */
  source: string;
  /** Where it lands: `app/…` inside the ASAR, `resources/…` next to it. */
  destination: string;
}

function walk(directory: string, filter: (file: string, stat: Stats) => boolean, found: string[]): void {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    const stat = statSync(path);
    if (!filter(path, stat)) continue;
    if (stat.isDirectory()) walk(path, filter, found);
    else found.push(path);
  }
}

/** The files electron-builder's `files` and `extraResources` would copy, with its own matchers. */
export function packagedFiles(configuration: Configuration, projectDir: string): PackagedFile[] {
  const { getFileMatchers } = require('app-builder-lib/out/fileMatcher') as FileMatcherModule;
  const root = resolve(projectDir);
  const result: PackagedFile[] = [];
  for (const [name, destination] of [
    ['files', 'app'],
    ['extraResources', 'resources'],
  ] as const) {
    const base = join(root, '.packaged', destination);
    const matchers = getFileMatchers(configuration, name, base, {
      macroExpander: (value) => value,
      customBuildOptions: {},
      globalOutDir: join(root, 'out'),
      defaultSrc: root,
    });
    for (const matcher of matchers ?? []) {
      let stat: Stats;
      try {
        stat = statSync(matcher.from);
      } catch {
        continue;
      }
      const files: string[] = [];
      if (stat.isFile()) files.push(matcher.from);
      else walk(matcher.from, matcher.createFilter(), files);
      for (const file of files) {
        const target = stat.isFile() ? matcher.to : join(matcher.to, relative(matcher.from, file));
        result.push({ source: relative(root, file), destination: join(destination, relative(base, target)).split('\\').join('/') });
      }
    }
  }
  return result;
}
