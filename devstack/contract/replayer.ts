// Sends a recorded request again, to the devstack, as the same kind of caller: its own cookie
// jar, the same headers (the instance's Origin becoming the devstack's), the same body with
// its placeholders filled in for this run; then holds the answer against the recording.
import { randomBytes, randomUUID } from 'node:crypto';
import { CookieJar } from 'tough-cookie';
import { parseCookies } from '../../common/api-request';
import { compareExchange, type Origins } from './compare';
import { readRecording, type EndpointFile, type RecordedExchange } from './recording';

/** A caller with its own cookies (a browser, a guest, a script). */
export class Caller {
  readonly jar = new CookieJar();
  constructor(readonly label: string) {}

  async cookie(url: string, name: string): Promise<string | undefined> {
    return (await this.jar.getCookies(url)).find((entry) => entry.key === name)?.value;
  }
}

export interface Fill {
  /** Room id for `{id}` (and its slug for `{slug}`, `{SLUG}`). */
  room?: { id: string; slug: string };
  /** Replaces `<uuid>` in the body (a participant id or identity). */
  uuid?: string;
  /** Replaces `<slug>` in the body (a new room's name). */
  slug?: string;
  trackSid?: string;
  bearer?: string;
  /** Replaces `<string>` in the query (`?username=`). */
  text?: string;
}

export interface Replayed {
  file: EndpointFile;
  exchange: RecordedExchange;
  status: number;
  body: unknown;
  headers: Headers;
}

function fillBody(value: unknown, fill: Fill): unknown {
  if (typeof value === 'string') {
    if (value === '<uuid>') return fill.uuid ?? randomUUID();
    if (value === '<slug>') return fill.slug ?? value;
    if (value === '<track-sid>') return fill.trackSid ?? value;
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => fillBody(item, fill));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillBody(item, fill)]));
  }
  return value;
}

export class Replayer {
  readonly problems: string[] = [];
  readonly replayed: Replayed[] = [];
  private readonly files = new Map<EndpointFile, RecordedExchange[]>();

  constructor(
    readonly apiOrigin: string,
    readonly origins: Origins,
  ) {}

  exchanges(file: EndpointFile): RecordedExchange[] {
    let list = this.files.get(file);
    if (!list) {
      list = readRecording<RecordedExchange[]>(file);
      this.files.set(file, list);
    }
    return list;
  }

  /** The exchange of `file` with that situation, else the one whose situation starts with it. */
  find(file: EndpointFile, situation: string): RecordedExchange {
    const exchanges = this.exchanges(file);
    const exact = exchanges.filter((exchange) => exchange.situation === situation);
    const matches = exact.length > 0 ? exact : exchanges.filter((exchange) => exchange.situation.startsWith(situation));
    if (matches.length !== 1) throw new Error(`${file}: ${matches.length} situations start with "${situation}"`);
    return matches[0] as RecordedExchange;
  }

  /** Replays one recorded exchange as `caller`; differences are kept in `problems`. */
  async replay(file: EndpointFile, situation: string, caller: Caller, fill: Fill = {}): Promise<Replayed> {
    const exchange = this.find(file, situation);
    const { request } = exchange;
    let path = request.path;
    if (fill.room) {
      path = path
        .replaceAll('{id}', fill.room.id)
        .replaceAll('{slug}', fill.room.slug)
        .replaceAll('{SLUG}', fill.room.slug.toUpperCase());
    }
    path = path.replaceAll('{unknown-id}', randomUUID());
    const url = new URL(path, this.apiOrigin);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      url.searchParams.set(key, String(value).replace('<string>', fill.text ?? 'Invité').replace('https://<instance>', this.origins.instance));
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (name === 'Cookie') {
        const parts: string[] = [];
        for (const cookieName of parseCookies(value).keys()) {
          const held = await caller.cookie(url.toString(), cookieName);
          const stand = cookieName === 'lobbyParticipantId' ? randomUUID() : randomBytes(16).toString('hex');
          parts.push(`${cookieName}=${held ?? stand}`);
        }
        headers.set('cookie', parts.join('; '));
      } else if (name === 'X-CSRFToken') {
        headers.set(name, (await caller.cookie(url.toString(), 'csrftoken')) ?? '');
      } else if (name === 'Authorization') {
        headers.set(name, value === 'Bearer <jwt>' ? `Bearer ${fill.bearer ?? ''}` : value);
      } else {
        headers.set(name, value.replace('https://<instance>', this.origins.instance));
      }
    }
    const response = await fetch(url, {
      method: request.method,
      headers,
      redirect: 'manual',
      body: request.body === null ? undefined : JSON.stringify(fillBody(request.body, fill)),
    });
    for (const setCookie of response.headers.getSetCookie()) await caller.jar.setCookie(setCookie, url.toString(), { ignoreError: true });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    const result: Replayed = { file, exchange, status: response.status, body, headers: response.headers };
    this.check(result);
    return result;
  }

  /** Holds an answer obtained another way (e.g. inside a login) against its recorded exchange. */
  check(result: Replayed): void {
    this.replayed.push(result);
    for (const problem of compareExchange(result.exchange, result, this.origins)) {
      this.problems.push(`${result.file} — ${result.exchange.situation}: ${problem}`);
    }
  }
}
