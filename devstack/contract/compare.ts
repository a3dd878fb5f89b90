// How an answer of the devstack is held against the recorded one: same status, same fields
// with the same JSON types (null stays null), the same error texts and lobby states, the same
// Location and the same cookies with the same flags.
import type { RecordedCookie, RecordedExchange } from './recording';

const EXACT_STRING_KEYS = new Set(['status', 'access_level', 'role', 'detail', 'error', 'message', 'type', 'msg']);
/** A list this short is part of the situation (who waits, who has access); longer ones are samples. */
const SITUATION_LIST_MAX = 4;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export interface Origins {
  instance: string;
  idp: string;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A recorded text with its placeholders as a pattern. */
export function placeholderPattern(recorded: string, origins: Origins): RegExp {
  const pattern = escapeRegExp(recorded)
    .replaceAll(escapeRegExp('https://<instance>'), escapeRegExp(origins.instance))
    .replaceAll(escapeRegExp('http://<idp>'), escapeRegExp(origins.idp))
    .replaceAll(escapeRegExp('http://<livekit-host>'), 'wss?://[^/]+|https?://[^/]+')
    .replaceAll('<slug>', '[a-z0-9-]+')
    .replaceAll('<uuid>', UUID)
    .replaceAll('<hsl-color>', 'hsl\\(\\d+, \\d+%, \\d+%\\)')
    .replaceAll('<iso-datetime>', '\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(Z|[+-]\\d\\d:\\d\\d)')
    .replaceAll('<jwt>', '[\\w-]+\\.[\\w-]+\\.[\\w-]+')
    .replaceAll('<string>', '.+');
  return new RegExp(`^${pattern}$`);
}

/** Differences between a recorded JSON body and the devstack's, as `path: what` lines. */
export function compareBodies(recorded: unknown, actual: unknown, origins: Origins, path = 'body'): string[] {
  const recordedType = typeOf(recorded);
  const actualType = typeOf(actual);
  if (recordedType !== actualType) return [`${path}: ${recordedType} recorded, ${actualType} answered`];
  if (recordedType === 'boolean' && recorded !== actual) return [`${path}: ${String(recorded)} recorded, ${String(actual)} answered`];
  if (recordedType === 'string') {
    const key = path.slice(path.lastIndexOf('.') + 1);
    if (EXACT_STRING_KEYS.has(key) && !placeholderPattern(recorded as string, origins).test(actual as string)) {
      return [`${path}: ${JSON.stringify(recorded)} recorded, ${JSON.stringify(actual)} answered`];
    }
    return [];
  }
  if (recordedType === 'array') {
    const recordedList = recorded as unknown[];
    const actualList = actual as unknown[];
    const problems: string[] = [];
    if (recordedList.length <= SITUATION_LIST_MAX && recordedList.length !== actualList.length) {
      problems.push(`${path}: ${recordedList.length} items recorded, ${actualList.length} answered`);
    }
    if (recordedList.length === 0) return problems;
    actualList.forEach((item, index) => {
      if (recordedList.length <= SITUATION_LIST_MAX) {
        problems.push(...compareBodies(recordedList[Math.min(index, recordedList.length - 1)], item, origins, `${path}[${index}]`));
        return;
      }
      // A sample of another state (e.g. the recorder's rooms): any recorded item may be the match.
      const candidates = recordedList.map((candidate) => compareBodies(candidate, item, origins, `${path}[${index}]`));
      if (!candidates.some((candidate) => candidate.length === 0)) {
        problems.push(...candidates.reduce((best, candidate) => (candidate.length < best.length ? candidate : best)));
      }
    });
    return problems;
  }
  if (recordedType === 'object') {
    const recordedObject = recorded as Record<string, unknown>;
    const actualObject = actual as Record<string, unknown>;
    const problems: string[] = [];
    for (const key of Object.keys(recordedObject)) {
      if (!(key in actualObject)) problems.push(`${path}.${key}: missing`);
      else problems.push(...compareBodies(recordedObject[key], actualObject[key], origins, `${path}.${key}`));
    }
    for (const key of Object.keys(actualObject)) if (!(key in recordedObject)) problems.push(`${path}.${key}: not in the recording`);
    return problems;
  }
  return [];
}

interface ParsedCookie {
  name: string;
  value: string;
  flags: Map<string, string | true>;
}

function parseSetCookie(header: string): ParsedCookie {
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  const separator = pair.indexOf('=');
  const flags = new Map<string, string | true>();
  for (const attribute of attributes) {
    const equals = attribute.indexOf('=');
    if (equals < 0) flags.set(attribute.toLowerCase(), true);
    else flags.set(attribute.slice(0, equals).toLowerCase(), attribute.slice(equals + 1));
  }
  return { name: pair.slice(0, separator), value: pair.slice(separator + 1), flags };
}

function compareCookies(recorded: RecordedCookie[], headers: string[], secureOrigin: boolean): string[] {
  const actual = headers.map(parseSetCookie);
  const problems: string[] = [];
  const recordedNames = recorded.map((entry) => entry.name).sort();
  const actualNames = actual.map((entry) => entry.name).sort();
  if (recordedNames.join() !== actualNames.join()) {
    return [`set-cookie: ${recordedNames.join(', ') || 'none'} recorded, ${actualNames.join(', ') || 'none'} answered`];
  }
  for (const expected of recorded) {
    const got = actual.find((entry) => entry.name === expected.name) as ParsedCookie;
    const flag = (name: string) => got.flags.get(name.toLowerCase());
    const checks: Array<[string, unknown, unknown]> = [
      ['HttpOnly', expected.HttpOnly === true, flag('HttpOnly') === true],
      // Browsers drop a Secure cookie an http origin sets: the flag is only expected over https.
      ['Secure', expected.Secure === true && secureOrigin, flag('Secure') === true],
      ['Path', expected.Path, flag('Path')],
      ['SameSite', expected.SameSite, flag('SameSite')],
      ['Max-Age', expected['Max-Age'] === undefined ? undefined : String(expected['Max-Age']), flag('Max-Age')],
    ];
    if (expected.value === '""') checks.push(['value', '""', got.value]);
    for (const [name, want, have] of checks) {
      if (want !== have) problems.push(`set-cookie ${expected.name} ${name}: ${String(want)} recorded, ${String(have)} answered`);
    }
  }
  return problems;
}

function compareLocation(recorded: string | undefined, actual: string | null, origins: Origins): string[] {
  if (recorded === undefined) return actual === null ? [] : [`location: none recorded, ${actual} answered`];
  if (actual === null) return [`location: ${recorded} recorded, none answered`];
  const substituted = recorded.replaceAll('https://<instance>', origins.instance).replaceAll('http://<idp>', origins.idp);
  if (!/^https?:/.test(substituted)) {
    return placeholderPattern(recorded, origins).test(actual) ? [] : [`location: ${recorded} recorded, ${actual} answered`];
  }
  const want = new URL(substituted.replace(/<[^>]+>/g, 'x'));
  const have = new URL(actual, origins.instance);
  const problems: string[] = [];
  if (`${want.origin}${want.pathname}` !== `${have.origin}${have.pathname}`) {
    problems.push(`location: ${want.origin}${want.pathname} recorded, ${have.origin}${have.pathname} answered`);
  }
  const wantKeys = [...new URL(substituted.replace(/<[^>]+>/g, 'x')).searchParams.keys()].sort().join();
  const haveKeys = [...have.searchParams.keys()].sort().join();
  if (wantKeys !== haveKeys) problems.push(`location query: ${wantKeys} recorded, ${haveKeys} answered`);
  for (const [key, value] of new URLSearchParams(substituted.split('?')[1] ?? '')) {
    if (!value.includes('<') && key !== 'iss' && have.searchParams.get(key) !== value) {
      problems.push(`location ${key}: ${value} recorded, ${have.searchParams.get(key) ?? 'none'} answered`);
    }
  }
  return problems;
}

export interface ActualAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Every difference between the recorded answer and the devstack's. */
export function compareExchange(exchange: RecordedExchange, actual: ActualAnswer, origins: Origins): string[] {
  const recorded = exchange.response;
  if (recorded.status !== actual.status) {
    return [`status: ${recorded.status} recorded, ${actual.status} answered (${JSON.stringify(actual.body)})`];
  }
  const problems: string[] = [];
  const recordedJson = String(recorded.headers['content-type'] ?? '').includes('json');
  const actualJson = (actual.headers.get('content-type') ?? '').includes('json');
  if (recordedJson !== actualJson) problems.push(`content-type: ${String(recorded.headers['content-type'])} recorded, ${actual.headers.get('content-type')} answered`);
  if (recordedJson) problems.push(...compareBodies(recorded.body, actual.body, origins));
  problems.push(...compareLocation(recorded.headers.location, actual.headers.get('location'), origins));
  const wwwAuthenticate = recorded.headers['www-authenticate'];
  if ((wwwAuthenticate ?? null) !== actual.headers.get('www-authenticate')) {
    problems.push(`www-authenticate: ${String(wwwAuthenticate)} recorded, ${actual.headers.get('www-authenticate')} answered`);
  }
  problems.push(...compareCookies(recorded.headers['set-cookie'] ?? [], actual.headers.getSetCookie(), origins.instance.startsWith('https:')));
  return problems;
}
