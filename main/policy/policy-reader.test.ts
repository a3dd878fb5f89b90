import { describe, expect, it } from 'vitest';
import { policyIssueMessage } from './policy-issues';
import { parseXmlPlist, PlistError } from './plist-parser';
import { linuxPolicyPath, readMachinePolicy, type FileRead, type PolicyReadPorts } from './policy-reader';
import { machinePolicyKey, regExePath, parseRegQueryOutput, userPolicyKey } from './windows-registry-policy';

const machineOutput = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\LaSuite\\Visio',
  '    (Default)    REG_SZ    ',
  '    ForcedProfile    REG_SZ    example-ministere',
  '    UpdatesEnabled    REG_DWORD    0x0',
  '    HardwareAcceleration    REG_DWORD    0x1',
  '    UpdateFeedUrl    REG_SZ    https://maj.visio.example.gouv.fr/desktop/',
  '    ExtraCaCertificates    REG_MULTI_SZ    C:\\PKI\\racine.pem\\0C:\\PKI\\intermediaire.pem',
  '    ProxyMode    REG_SZ    fixed_servers',
  '    ProxyServer    REG_SZ    http://proxy.example.gouv.fr:3128',
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\LaSuite\\Visio\\AllowedProfiles',
  '    2    REG_SZ    devstack',
  '    1    REG_SZ    example-ministere',
  '',
].join('\r\n');

const userOutput = [
  'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\LaSuite\\Visio',
  '    UpdatesEnabled    REG_DWORD    0x1',
  '    Language    REG_SZ    en',
  '',
].join('\r\n');

function ports(overrides: Partial<PolicyReadPorts> & { files?: Record<string, FileRead> }): PolicyReadPorts {
  const files = overrides.files ?? {};
  return {
    platform: 'linux',
    userName: 'agent',
    exec: async () => ({ exitCode: 1, stdout: '' }),
    readFile: async (path, maximumBytes) => {
      const file = files[path];
      if (!file) return { kind: 'missing' };
      if (file.kind === 'ok' && file.bytes.length > maximumBytes) return { kind: 'too_large' };
      return file;
    },
    ...overrides,
  };
}

const text = (value: string): FileRead => ({ kind: 'ok', bytes: Buffer.from(value, 'utf8') });

describe('Windows registry', () => {
  it('parses REG_SZ, REG_DWORD, REG_MULTI_SZ and numbered list subkeys', () => {
    const parsed = parseRegQueryOutput(machineOutput, machinePolicyKey);
    expect(parsed.values).toEqual({
      ForcedProfile: 'example-ministere',
      UpdatesEnabled: 0,
      HardwareAcceleration: 1,
      UpdateFeedUrl: 'https://maj.visio.example.gouv.fr/desktop/',
      ExtraCaCertificates: ['C:\\PKI\\racine.pem', 'C:\\PKI\\intermediaire.pem'],
      ProxyMode: 'fixed_servers',
      ProxyServer: 'http://proxy.example.gouv.fr:3128',
      AllowedProfiles: ['example-ministere', 'devstack'],
    });
    expect(parsed.skipped).toEqual([]);
  });

  it('reads HKCU then HKLM, the machine winning, and converts DWORD booleans', async () => {
    const calls: string[][] = [];
    const report = await readMachinePolicy(
      ports({
        platform: 'win32',
        systemRoot: 'D:\\WINNT',
        exec: async (file, args) => {
          calls.push([file, ...args]);
          if (args[1] === machinePolicyKey) return { exitCode: 0, stdout: machineOutput };
          if (args[1] === userPolicyKey) return { exitCode: 0, stdout: userOutput };
          return { exitCode: 1, stdout: '' };
        },
      }),
    );
    expect(calls).toEqual([
      ['D:\\WINNT\\System32\\reg.exe', 'query', userPolicyKey, '/s'],
      ['D:\\WINNT\\System32\\reg.exe', 'query', machinePolicyKey, '/s'],
    ]);
    expect(report.policy.UpdatesEnabled).toBe(false);
    expect(report.policy.HardwareAcceleration).toBe(true);
    expect(report.policy.Language).toBe('en');
    expect(report.policy.AllowedProfiles).toEqual(['example-ministere', 'devstack']);
    expect(report.sources).toEqual(['windows-user', 'windows-machine']);
    expect(report.issues).toEqual([]);
  });

  it('reports a binary value and a DWORD out of range as invalid, keeping the rest', async () => {
    const output = [
      machinePolicyKey,
      '    ForcedProfile    REG_BINARY    0A0B',
      '    UpdatesEnabled    REG_DWORD    0x2',
      '    Language    REG_SZ    fr',
    ].join('\r\n');
    const report = await readMachinePolicy(
      ports({ platform: 'win32', exec: async (_file, args) => ({ exitCode: args[1] === machinePolicyKey ? 0 : 1, stdout: output }) }),
    );
    expect(report.policy).toEqual({ Language: 'fr' });
    expect(report.issues.map((issue) => [issue.code, issue.key])).toEqual([
      ['invalid_value', 'ForcedProfile'],
      ['invalid_value', 'UpdatesEnabled'],
    ]);
  });

  it('gives no policy and no issue when the keys do not exist', async () => {
    const report = await readMachinePolicy(ports({ platform: 'win32' }));
    expect(report).toEqual({ policy: {}, issues: [], sources: [] });
  });

  it('reads MiniWindowEnabled as a DWORD boolean', async () => {
    for (const [dword, expected] of [
      ['0x0', false],
      ['0x1', true],
    ] as const) {
      const output = [machinePolicyKey, `    MiniWindowEnabled    REG_DWORD    ${dword}`].join('\r\n');
      const report = await readMachinePolicy(
        ports({ platform: 'win32', exec: async (_file, args) => ({ exitCode: args[1] === machinePolicyKey ? 0 : 1, stdout: output }) }),
      );
      expect(report.policy).toEqual({ MiniWindowEnabled: expected });
      expect(report.issues).toEqual([]);
    }
  });

  it('survives reg.exe failing to run', async () => {
    const report = await readMachinePolicy(
      ports({
        platform: 'win32',
        exec: async () => {
          throw new Error('spawn reg ENOENT');
        },
      }),
    );
    expect(report.policy).toEqual({});
    expect(report.issues.map((issue) => issue.code)).toEqual(['read_failed', 'read_failed']);
  });
});

const managedPlist = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>PayloadUUID</key><string>6E1D2B9A-0000-4000-8000-000000000001</string>
  <key>ForcedProfile</key>
  <string>example-ministere</string>
  <key>UpdatesEnabled</key>
  <false/>
  <key>ScreenShareAudioAllowed</key>
  <integer>0</integer>
  <key>ProxyBypassList</key>
  <string>&lt;local&gt;;*.interne.gouv.fr</string>
  <key>AllowedProfiles</key>
  <array>
    <string>example-ministere</string>
  </array>
</dict>
</plist>`;

describe('macOS managed preferences', () => {
  it('reads the machine plist and the user plist, the machine winning', async () => {
    const report = await readMachinePolicy(
      ports({
        platform: 'darwin',
        files: {
          '/Library/Managed Preferences/fr.gouv.lasuite.visio.plist': text(managedPlist),
          '/Library/Managed Preferences/agent/fr.gouv.lasuite.visio.plist': text(
            '<plist version="1.0"><dict><key>ForcedProfile</key><string>devstack</string><key>Language</key><string>en</string></dict></plist>',
          ),
        },
      }),
    );
    expect(report.policy).toEqual({
      ForcedProfile: 'example-ministere',
      UpdatesEnabled: false,
      ScreenShareAudioAllowed: false,
      ProxyBypassList: '<local>;*.interne.gouv.fr',
      AllowedProfiles: ['example-ministere'],
      Language: 'en',
    });
    expect(report.issues).toEqual([]);
  });

  it('reads MiniWindowEnabled from a plist boolean or integer', async () => {
    for (const [value, expected] of [
      ['<false/>', false],
      ['<integer>1</integer>', true],
    ] as const) {
      const report = await readMachinePolicy(
        ports({
          platform: 'darwin',
          files: {
            '/Library/Managed Preferences/fr.gouv.lasuite.visio.plist': text(
              `<plist version="1.0"><dict><key>MiniWindowEnabled</key>${value}</dict></plist>`,
            ),
          },
        }),
      );
      expect(report.policy).toEqual({ MiniWindowEnabled: expected });
      expect(report.issues).toEqual([]);
    }
  });

  it('converts a binary plist with plutil', async () => {
    const calls: string[][] = [];
    const report = await readMachinePolicy(
      ports({
        platform: 'darwin',
        userName: '../../etc',
        files: { '/Library/Managed Preferences/fr.gouv.lasuite.visio.plist': text('bplist00\u0000\u0001') },
        exec: async (file, args) => {
          calls.push([file, ...args]);
          return { exitCode: 0, stdout: managedPlist };
        },
      }),
    );
    expect(calls[0]?.slice(0, 5)).toEqual(['/usr/bin/plutil', '-convert', 'xml1', '-o', '-']);
    expect(report.policy.ForcedProfile).toBe('example-ministere');
    expect(report.sources).toEqual(['macos-managed']);
  });

  it('refuses an entity-declaring DOCTYPE and malformed XML with a clear issue', async () => {
    const hostile = `<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY a "aaaaaaaa">]><plist><dict><key>Language</key><string>&a;</string></dict></plist>`;
    expect(() => parseXmlPlist(hostile)).toThrow(PlistError);
    expect(() => parseXmlPlist('<plist><dict><key>x</key></dict></plist>')).toThrow(PlistError);
    const report = await readMachinePolicy(
      ports({ platform: 'darwin', files: { '/Library/Managed Preferences/fr.gouv.lasuite.visio.plist': text(hostile) } }),
    );
    expect(report.policy).toEqual({});
    expect(report.issues[0]?.code).toBe('invalid_plist');
    expect(policyIssueMessage(report.issues[0]!, 'fr')).toMatch(/réglages par défaut/);
  });

  it('parses nested values, entities and self-closing elements', () => {
    expect(
      parseXmlPlist(
        '<plist><dict><key>a &amp; b</key><array><integer>-3</integer><real>1.5</real><true/><string/><dict/></array></dict></plist>',
      ),
    ).toEqual({ 'a & b': [-3, 1.5, true, '', {}] });
  });
});

describe('Linux policy file', () => {
  it('reads /etc/visio/policy.json', async () => {
    const report = await readMachinePolicy(
      ports({
        files: {
          [linuxPolicyPath]: text(
            JSON.stringify({ ForcedProfile: 'example-ministere', UpdatesEnabled: false, CalendarFeedUrl: 'https://agenda.example.gouv.fr/ical/' }),
          ),
        },
      }),
    );
    expect(report.policy).toEqual({
      ForcedProfile: 'example-ministere',
      UpdatesEnabled: false,
      CalendarFeedUrl: 'https://agenda.example.gouv.fr/ical/',
    });
    expect(report.sources).toEqual(['linux-file']);
  });

  it('reads MiniWindowEnabled as a boolean and refuses a string', async () => {
    const off = await readMachinePolicy(ports({ files: { [linuxPolicyPath]: text('{"MiniWindowEnabled": false}') } }));
    expect(off.policy).toEqual({ MiniWindowEnabled: false });
    expect(off.issues).toEqual([]);
    const wrong = await readMachinePolicy(ports({ files: { [linuxPolicyPath]: text('{"MiniWindowEnabled": "oui"}') } }));
    expect(wrong.policy).toEqual({});
    expect(wrong.issues.map((issue) => `${issue.code}:${issue.key}`)).toEqual(['invalid_value:MiniWindowEnabled']);
  });

  it('keeps valid keys and reports wrong types and unknown keys, in French and English', async () => {
    const report = await readMachinePolicy(
      ports({
        files: {
          [linuxPolicyPath]: text(
            JSON.stringify({
              Language: 'fr',
              UpdatesEnabled: 'non',
              ProxyMode: 42,
              UpdateFeedUrl: 'http://maj.example.gouv.fr/',
              AllowedProfiles: 'devstack',
              __proto__Polluted: true,
              ExtraCaCertificates: ['relative/path.pem'],
            }),
          ),
        },
      }),
    );
    expect(report.policy).toEqual({ Language: 'fr' });
    expect(report.issues.map((issue) => `${issue.code}:${issue.key}`)).toEqual([
      'invalid_value:UpdatesEnabled',
      'invalid_value:ProxyMode',
      'invalid_value:UpdateFeedUrl',
      'invalid_value:AllowedProfiles',
      'unknown_key:__proto__Polluted',
      'invalid_value:ExtraCaCertificates',
    ]);
    const unknown = report.issues.find((issue) => issue.code === 'unknown_key')!;
    expect(policyIssueMessage(unknown, 'fr')).toBe('Clé de politique inconnue « __proto__Polluted » ignorée (fichier /etc).');
    expect(policyIssueMessage(unknown, 'en')).toBe('Unknown policy key "__proto__Polluted" ignored (/etc file).');
  });

  it('ignores a huge file, invalid JSON and a JSON array, keeping safe defaults', async () => {
    for (const [file, code] of [
      [text(`{"Language":"fr","x":"${'a'.repeat(1024 * 1024)}"}`), 'too_large'],
      [text('{"Language": "fr",'), 'invalid_json'],
      [text('["Language"]'), 'invalid_format'],
      [text('null'), 'invalid_format'],
    ] as const) {
      const report = await readMachinePolicy(ports({ files: { [linuxPolicyPath]: file } }));
      expect(report.policy).toEqual({});
      expect(report.issues.map((issue) => issue.code)).toEqual([code]);
    }
  });

  it('never turns telemetry on, and says so', async () => {
    const report = await readMachinePolicy(
      ports({ files: { [linuxPolicyPath]: text('{"TelemetryEnabled": true, "telemetryenabled": 1}') } }),
    );
    expect(report.policy).toEqual({});
    expect(report.issues.map((issue) => issue.code)).toEqual(['telemetry_ignored', 'telemetry_ignored']);
    expect(policyIssueMessage(report.issues[0]!, 'en')).toMatch(/sends none/);
  });

  it('runs reg.exe by its full path in the system folder, never by bare name', () => {
    expect(regExePath('C:\\Windows')).toBe('C:\\Windows\\System32\\reg.exe');
    expect(regExePath('D:\\WINNT\\')).toBe('D:\\WINNT\\System32\\reg.exe');
    for (const unusable of [undefined, '', 'reg', '.\\Windows', '\\\\server\\share', 'C:\\Win"dows']) {
      expect(regExePath(unusable), String(unusable)).toBe('C:\\Windows\\System32\\reg.exe');
    }
  });
});
