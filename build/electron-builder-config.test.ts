// Packaging cannot run on the build machine, so the configuration is checked against
// electron-builder's own schema, with the options electron-builder itself validates with.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';

// The YAML is read as loosely typed data: the schema, not TypeScript, is the judge here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
import { brand, brandedConfiguration, readBaseConfiguration, repositoryRoot, upgradeCodeFor } from './scripts/brand';

const schema = JSON.parse(readFileSync(join(repositoryRoot, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, coerceTypes: true, strict: false }).compile(schema);

function schemaErrors(configuration: unknown): string[] {
  return validate(configuration) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

describe('electron-builder.yml', () => {
  const configuration = readBaseConfiguration() as Loose;

  it('matches electron-builder’s schema', () => {
    expect(schemaErrors(configuration)).toEqual([]);
  });

  it('would fail on a key electron-builder does not know', () => {
    expect(schemaErrors({ ...configuration, nsis: { ...configuration.nsis, silentMode: true } })).not.toEqual([]);
  });

  it('burns the security fuses and builds every target', () => {
    expect(configuration.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(configuration.linux.target).toEqual(['deb', 'rpm', 'AppImage']);
    expect(configuration.win.target).toEqual(['nsis', 'msi']);
    expect(configuration.mac.target).toEqual(['dmg', 'zip']);
    expect(configuration.nsis.perMachine).toBe(false);
    expect(configuration.msi.perMachine).toBe(true);
    expect(configuration.mac.hardenedRuntime).toBe(true);
    expect(configuration.mac.extendInfo.NSCameraUsageDescription).toMatch(/caméra/);
    expect(configuration.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/microphone/);
    expect(configuration.publish).toEqual([expect.objectContaining({ provider: 'generic' })]);
    expect(configuration.protocols[0].schemes).toEqual(['visio']);
  });

  it('grants the mac entitlements a call needs', () => {
    const entitlements = readFileSync(join(repositoryRoot, 'build', 'entitlements.mac.plist'), 'utf8');
    for (const key of ['cs.allow-jit', 'device.camera', 'device.audio-input', 'network.client']) {
      expect(entitlements).toContain(`com.apple.security.${key}</key>\n  <true/>`);
    }
  });
});

describe('branded build', () => {
  const out = mkdtempSync(join(tmpdir(), 'visio-brand-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('generates a valid configuration for the example ministry', () => {
    const result = brand(join(repositoryRoot, 'resources', 'profiles', 'example-ministere.json'), out);
    const written = yaml.load(readFileSync(result.configurationPath, 'utf8')) as Loose;
    expect(schemaErrors(written)).toEqual([]);
    expect(written.appId).toBe('fr.gouv.lasuite.visio.example-ministere');
    expect(written.productName).toBe('Visio Exemple');
    expect(written.protocols).toEqual([{ name: 'Visio Exemple', schemes: ['visio-exemple'] }]);
    expect(written.linux.mimeTypes).toEqual(['x-scheme-handler/visio-exemple']);
    expect(written.publish).toEqual([{ provider: 'generic', url: 'https://maj.visio.example.gouv.fr/desktop/', channel: 'latest' }]);
    expect(written.mac.icon).toMatch(/icon\.png$/);
    expect(written.msi.upgradeCode).toBe(upgradeCodeFor('fr.gouv.lasuite.visio.example-ministere'));
    expect(written.msi.upgradeCode).not.toBe((readBaseConfiguration() as Loose).msi.upgradeCode);
    expect(readFileSync(join(out, 'icon.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('matches the committed example in build/branding/example-ministere', () => {
    const committed = yaml.load(
      readFileSync(join(repositoryRoot, 'build', 'branding', 'example-ministere', 'electron-builder.yml'), 'utf8'),
    );
    expect(schemaErrors(committed)).toEqual([]);
    expect((committed as Record<string, unknown>).appId).toBe('fr.gouv.lasuite.visio.example-ministere');
  });

  it('publishes nothing when the profile has no update feed', () => {
    const configuration = brandedConfiguration(
      readBaseConfiguration(),
      {
        id: 'sans-maj',
        displayName: 'Sans mise à jour',
        apiBaseUrl: 'https://visio.sans-maj.gouv.fr/api/v1.0/',
        meetingHosts: [],
        scheme: 'visio',
        allowedHosts: [],
        defaultLanguage: 'fr',
      },
      { outFolder: 'build/branding/sans-maj', profilePath: 'build/branding/sans-maj/profile.json' },
    );
    expect(configuration.publish).toBeUndefined();
    expect(schemaErrors(configuration)).toEqual([]);
  });
});
