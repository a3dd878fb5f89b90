// The administrator kit must describe every policy key the app reads, with values the app accepts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages } from '../../common/languages';
import { parseXmlPlist } from '../../main/policy/plist-parser';
import { parsePolicyValues, policyKeys } from '../../main/policy/policy-schema';

const read = (path: string) => readFileSync(join(__dirname, path), 'utf8');

describe('policy templates', () => {
  it('declares every key in the ADMX with its French and English strings', () => {
    const admx = read('visio.admx');
    const french = read('fr-FR/visio.adml');
    const english = read('en-US/visio.adml');
    for (const key of policyKeys) {
      expect(admx).toContain(`<policy name="${key}"`);
      expect(french).toContain(`<string id="${key}_Explain">`);
      expect(english).toContain(`<string id="${key}_Explain">`);
    }
    expect(admx.match(/<policy name=/g)).toHaveLength(policyKeys.length);
  });

  it('offers exactly the interface languages, each named in both strings files', () => {
    const admx = read('visio.admx');
    const offered = [...admx.matchAll(/<item displayName="\$\(string\.Language_(\w+)\)"><value><string>(\w+)<\/string>/g)];
    expect(offered.map((match) => match[2])).toEqual([...languages]);
    for (const [, id] of offered) {
      expect(read('fr-FR/visio.adml')).toContain(`<string id="Language_${id}">`);
      expect(read('en-US/visio.adml')).toContain(`<string id="Language_${id}">`);
    }
  });

  it('ships a Linux example the app accepts without any issue', () => {
    const parsed = parsePolicyValues(JSON.parse(read('policy.example.json')), 'linux-file');
    expect(parsed.issues).toEqual([]);
    expect(Object.keys(parsed.policy).sort()).toEqual(policyKeys.filter((key) => key !== 'TelemetryEnabled' && key !== 'AllowedProfiles' && key !== 'ProxyPacUrl').sort());
  });

  it('ships a macOS configuration profile whose payload the app accepts', () => {
    const profile = parseXmlPlist(read('example.mobileconfig')) as { PayloadContent: Record<string, unknown>[] };
    const payload = profile.PayloadContent[0]!;
    expect(payload.PayloadType).toBe('fr.gouv.lasuite.visio');
    const settings = Object.fromEntries(Object.entries(payload).filter(([key]) => !key.startsWith('Payload')));
    const parsed = parsePolicyValues(settings, 'macos-managed');
    expect(parsed.issues).toEqual([]);
    expect(Object.keys(settings).sort()).toEqual([...policyKeys].sort());
  });
});
