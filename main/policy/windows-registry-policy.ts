// Windows: Group Policy writes under `SOFTWARE\Policies\<vendor>\<app>` in HKLM (machine) and HKCU
// (user). `reg query /s` is present on every Windows and needs no native module; its output is
// parsed here. List policies are a REG_MULTI_SZ or, as ADMX `<list>` elements write them, a
// subkey of numbered string values.
import { canonicalPolicyKey, listPolicyKeys } from './policy-schema';

export const registryVendor = 'LaSuite';
export const registryApplication = 'Visio';
export const machinePolicyKey = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${registryVendor}\\${registryApplication}`;
export const userPolicyKey = `HKEY_CURRENT_USER\\SOFTWARE\\Policies\\${registryVendor}\\${registryApplication}`;

export type RegistryValue = string | number | string[];

export interface RegistryParseResult {
  values: Record<string, RegistryValue>;
  /** Values that could not be read (binary, malformed): name and reason. */
  skipped: { name: string; reason: string }[];
}

const valueLine = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

function parseData(type: string, data: string): RegistryValue | { error: string } {
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return data;
    case 'REG_DWORD':
    case 'REG_QWORD': {
      if (!/^0x[0-9a-f]{1,16}$/i.test(data)) return { error: `bad number ${data.slice(0, 40)}` };
      const number = Number.parseInt(data.slice(2), 16);
      return Number.isSafeInteger(number) ? number : { error: 'number too large' };
    }
    case 'REG_MULTI_SZ':
      return data === '' ? [] : data.split('\\0').filter((item) => item.length > 0);
    default:
      return { error: `unsupported type ${type}` };
  }
}

/**
 * Parses the output of `reg query <rootKey> /s`. Values of the root key are policies; a subkey
 * named after a list policy gives that list, ordered by the numeric names of its values.
 */
export function parseRegQueryOutput(output: string, rootKey: string): RegistryParseResult {
  const values: Record<string, RegistryValue> = {};
  const skipped: RegistryParseResult['skipped'] = [];
  const lists = new Map<string, { order: number; value: string }[]>();
  const root = rootKey.toLowerCase();
  let currentKey: string | null = null;

  for (const rawLine of output.split(/\r?\n/)) {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      currentKey = line.trim();
      continue;
    }
    const match = valueLine.exec(line);
    if (!match || currentKey === null) continue;
    const [, name = '', type = '', data = ''] = match;
    const keyLower = currentKey.toLowerCase();
    const parsed = parseData(type, data);

    if (keyLower === root) {
      if (name.startsWith('(')) continue; // the unnamed default value, whatever the display language
      if (typeof parsed === 'object' && !Array.isArray(parsed)) skipped.push({ name, reason: parsed.error });
      else values[name] = parsed;
      continue;
    }
    const subkey = keyLower.startsWith(`${root}\\`) ? currentKey.slice(rootKey.length + 1) : null;
    const listKey = subkey === null ? undefined : canonicalPolicyKey(subkey);
    if (!listKey || !listPolicyKeys.includes(listKey)) {
      skipped.push({ name: subkey ?? currentKey, reason: 'unexpected subkey' });
      continue;
    }
    if (typeof parsed !== 'string') {
      skipped.push({ name: `${listKey}\\${name}`, reason: 'list items must be REG_SZ' });
      continue;
    }
    const items = lists.get(listKey) ?? [];
    items.push({ order: Number.parseInt(name, 10) || 0, value: parsed });
    lists.set(listKey, items);
  }
  for (const [listKey, items] of lists) {
    values[listKey] = items.sort((left, right) => left.order - right.order).map((item) => item.value);
  }
  return { values, skipped: dedupeSkipped(skipped) };
}

function dedupeSkipped(skipped: RegistryParseResult['skipped']): RegistryParseResult['skipped'] {
  const seen = new Set<string>();
  return skipped.filter((item) => {
    const id = `${item.name}|${item.reason}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * `reg.exe` by its full path in the system folder: run by bare name, Windows would look in the
 * current directory first, where anyone who can drop a file would be read as the machine policy.
 */
export function regExePath(systemRoot: string | undefined): string {
  const root = systemRoot && /^[A-Za-z]:\\[^"<>|?*]*$/.test(systemRoot) ? systemRoot.replace(/\\+$/, '') : 'C:\\Windows';
  return `${root}\\System32\\reg.exe`;
}
