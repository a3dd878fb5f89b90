// Reads the machine policy of this OS before anything else starts. It never throws: whatever a
// source holds (nothing, garbage, a huge file), the app gets a policy and the list of problems.
import { applicationId } from '../application-id';
import type { PolicyIssue, PolicySourceName } from './policy-issues';
import { isBinaryPlist, parseXmlPlist } from './plist-parser';
import { parsePolicyValues, type MachinePolicy } from './policy-schema';
import { machinePolicyKey, parseRegQueryOutput, regExePath, userPolicyKey } from './windows-registry-policy';

export const maximumPolicyBytes = 1024 * 1024;
export const linuxPolicyPath = '/etc/visio/policy.json';
export const macosManagedPreferencesFolder = '/Library/Managed Preferences';

export type FileRead = { kind: 'missing' } | { kind: 'too_large' } | { kind: 'ok'; bytes: Uint8Array };

export interface PolicyReadPorts {
  platform: NodeJS.Platform;
  /** Runs a program without a shell; rejects when it cannot run or its output exceeds the limit. */
  exec(file: string, args: readonly string[]): Promise<{ exitCode: number; stdout: string }>;
  /** Reads a file, without loading it when it is larger than `maximumBytes`. */
  readFile(path: string, maximumBytes: number): Promise<FileRead>;
  userName: string;
  /** Windows' `%SystemRoot%` (e.g. `C:\\Windows`), where `reg.exe` is run from. */
  systemRoot?: string | undefined;
}

export interface MachinePolicyReport {
  policy: MachinePolicy;
  issues: PolicyIssue[];
  /** The sources that held a policy, for the log and the settings screen. */
  sources: PolicySourceName[];
}

interface SourceRead {
  source: PolicySourceName;
  raw: unknown;
  issues: PolicyIssue[];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readRegistry(ports: PolicyReadPorts, key: string, source: PolicySourceName): Promise<SourceRead | null> {
  let result: { exitCode: number; stdout: string };
  try {
    result = await ports.exec(regExePath(ports.systemRoot), ['query', key, '/s']);
  } catch (error) {
    return { source, raw: {}, issues: [{ code: 'read_failed', source, detail: errorText(error) }] };
  }
  // `reg query` exits with 1 when the key does not exist: no policy, not an error.
  if (result.exitCode !== 0) return null;
  if (result.stdout.length > maximumPolicyBytes) return { source, raw: {}, issues: [{ code: 'too_large', source }] };
  const parsed = parseRegQueryOutput(result.stdout, key);
  const issues: PolicyIssue[] = parsed.skipped.map((item) => ({
    code: 'invalid_value',
    source,
    key: item.name,
    detail: item.reason,
  }));
  return { source, raw: parsed.values, issues };
}

async function readPlist(ports: PolicyReadPorts, path: string, source: PolicySourceName): Promise<SourceRead | null> {
  const file = await ports.readFile(path, maximumPolicyBytes);
  if (file.kind === 'missing') return null;
  if (file.kind === 'too_large') return { source, raw: {}, issues: [{ code: 'too_large', source, detail: path }] };
  let xml: string;
  if (isBinaryPlist(file.bytes)) {
    // Managed preferences are often written in binary form; plutil ships with every macOS.
    const converted = await ports.exec('/usr/bin/plutil', ['-convert', 'xml1', '-o', '-', path]);
    if (converted.exitCode !== 0) return { source, raw: {}, issues: [{ code: 'invalid_plist', source, detail: path }] };
    xml = converted.stdout;
  } else {
    xml = Buffer.from(file.bytes).toString('utf8');
  }
  try {
    const raw = parseXmlPlist(xml);
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      // Keys macOS itself adds to managed preference files are not policy keys.
      const entries = Object.entries(raw).filter(([key]) => !/^(Payload|mcx_|PolicyTimestamp)/.test(key));
      return { source, raw: Object.fromEntries(entries), issues: [] };
    }
    return { source, raw, issues: [] };
  } catch (error) {
    return { source, raw: {}, issues: [{ code: 'invalid_plist', source, detail: errorText(error) }] };
  }
}

async function readJsonFile(ports: PolicyReadPorts, path: string, source: PolicySourceName): Promise<SourceRead | null> {
  const file = await ports.readFile(path, maximumPolicyBytes);
  if (file.kind === 'missing') return null;
  if (file.kind === 'too_large') return { source, raw: {}, issues: [{ code: 'too_large', source, detail: path }] };
  try {
    return { source, raw: JSON.parse(Buffer.from(file.bytes).toString('utf8')) as unknown, issues: [] };
  } catch (error) {
    return { source, raw: {}, issues: [{ code: 'invalid_json', source, detail: errorText(error) }] };
  }
}

interface PolicySource {
  source: PolicySourceName;
  read: () => Promise<SourceRead | null>;
}

/** The sources of this platform, the weakest first: machine-wide policy wins over per-user policy. */
function sourcesOf(ports: PolicyReadPorts): PolicySource[] {
  switch (ports.platform) {
    case 'win32':
      return [
        { source: 'windows-user', read: () => readRegistry(ports, userPolicyKey, 'windows-user') },
        { source: 'windows-machine', read: () => readRegistry(ports, machinePolicyKey, 'windows-machine') },
      ];
    case 'darwin': {
      const machinePath = `${macosManagedPreferencesFolder}/${applicationId}.plist`;
      const machine: PolicySource = { source: 'macos-managed', read: () => readPlist(ports, machinePath, 'macos-managed') };
      // The user name becomes a path segment: anything but a plain name is not looked up.
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(ports.userName) || /^\.+$/.test(ports.userName)) return [machine];
      const userPath = `${macosManagedPreferencesFolder}/${ports.userName}/${applicationId}.plist`;
      return [{ source: 'macos-managed-user', read: () => readPlist(ports, userPath, 'macos-managed-user') }, machine];
    }
    default:
      return [{ source: 'linux-file', read: () => readJsonFile(ports, linuxPolicyPath, 'linux-file') }];
  }
}

export async function readMachinePolicy(ports: PolicyReadPorts): Promise<MachinePolicyReport> {
  const report: MachinePolicyReport = { policy: {}, issues: [], sources: [] };
  for (const { source, read: readSource } of sourcesOf(ports)) {
    let read: SourceRead | null;
    try {
      read = await readSource();
    } catch (error) {
      report.issues.push({ code: 'read_failed', source, detail: errorText(error) });
      continue;
    }
    if (!read) continue;
    report.issues.push(...read.issues);
    if (read.issues.some((issue) => ['too_large', 'invalid_json', 'invalid_plist', 'read_failed'].includes(issue.code))) {
      continue;
    }
    const parsed = parsePolicyValues(read.raw, read.source);
    report.issues.push(...parsed.issues);
    report.sources.push(read.source);
    Object.assign(report.policy, parsed.policy);
  }
  return report;
}
