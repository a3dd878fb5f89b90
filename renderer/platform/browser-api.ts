// Globals of the page (window.visio, __APP_VERSION__), also for type-checks that start from tests.
import type {} from '../env';
// The browser implementation of the preload API, used when the page runs in a plain browser
// served by the instance itself (same origin as the API): it talks to the API with fetch and the
// page's own session cookies, and logs in by navigating to the OIDC login page.
import { chatFileRefusal, sanitizeFileName } from '../../common/chat-files';
import { connectionTestReportSchema, reportFileName } from '../../common/connection-test-report';
import { isLanguage, type Language } from '../../common/languages';
import { backendHandlers, livekitUrlIn, type ChannelHandlers, type SessionPort } from '../../common/backend-dispatch';
import { isInvokeChannelName } from '../../common/ipc-channels';
import { defaultAccentColor } from '../../common/profile';
import {
  fail,
  invokeSchemas,
  ok,
  type AppInfo,
  type InvokeChannel,
  type InvokeInput,
  type InvokeOutputs,
  type MainEventName,
  type Result,
  type VisioApi,
} from '../../common/ipc-contract';
import { BroadcastMiniHost, miniBroadcastName, type BroadcastPort, type CallCommandListener } from './mini-broadcast';
import { CSRF_COOKIE_NAME, isUnsafeMethod, parseCookies, parseJsonBody, prepareApiRequest } from '../../common/api-request';
import { API_TIMEOUT_MS, MeetClient, type MeetTransport, type TransportRequest } from '../../common/meet-client';
import { allowLivekitHost } from './ice-guard';
import {
  browserProfileId,
  browserProfileList,
  browserSettingsView,
  updateBrowserSettings,
  type SettingsStorage,
} from './browser-settings';

export interface BrowserEnvironment {
  /** The page's URL. */
  href: string;
  /** `document.cookie` at the time of the call. */
  readCookies(): string;
  fetch: typeof fetch;
  /** Replaces the page with another URL (login, logout). */
  navigate(url: string): void;
  /** Opens a URL in a new browsing context without giving it a handle on this page. */
  openWindow(url: string): void;
  randomBytes(length: number): Uint8Array;
  version: string;
  platform: string;
  /** Where the browser variant keeps its settings (localStorage). */
  storage?: SettingsStorage;
  /** The instance handed out a LiveKit URL (config, room answer): its host may serve ICE. */
  onLivekitUrl?(url: string): void;
  /** Opens the channel to a mini call page of the same origin (BroadcastChannel); none: no mini page. */
  openBroadcast?(name: string): BroadcastPort;
  /** The page's language now (the mini page speaks it too). */
  language?(): Language;
  /** Brings this page forward ("Show Visio" in the mini page and in the floating window). */
  focusPage?(): void;
  /** Hands a file to the browser's downloads (where it goes is the browser's and the user's choice). */
  downloadFile?(fileName: string, contents: string | Uint8Array<ArrayBuffer>, type: string): void;
}


export function apiBaseFor(href: string): string {
  return new URL('/api/v1.0/', new URL(href).origin).toString();
}

export function createFetchTransport(
  apiBase: string,
  environment: Pick<BrowserEnvironment, 'fetch' | 'readCookies'>,
): MeetTransport {
  return {
    async send(request: TransportRequest) {
      const csrfToken = isUnsafeMethod(request.method) ? parseCookies(environment.readCookies()).get(CSRF_COOKIE_NAME) : undefined;
      const prepared = prepareApiRequest(apiBase, request, csrfToken, { pageOrigin: true });
      const response = await environment.fetch(prepared.url, {
        method: prepared.method,
        headers: prepared.headers,
        credentials: 'same-origin',
        signal: AbortSignal.timeout(request.timeoutMs ?? API_TIMEOUT_MS),
        ...(prepared.body === undefined ? {} : { body: prepared.body }),
      });
      return { status: response.status, json: parseJsonBody(await response.text()) };
    },
  };
}

export function loginUrl(apiBase: string, returnTo: string): string {
  const url = new URL('authenticate/', apiBase);
  url.searchParams.set('returnTo', returnTo);
  return url.toString();
}

export function browserAppInfo(href: string, version: string, platform: string): AppInfo {
  const url = new URL(href);
  const requested = url.searchParams.get('lang');
  return {
    kind: 'browser',
    version,
    os: platform,
    profile: {
      id: 'browser',
      displayName: url.host,
      apiBaseUrl: apiBaseFor(href),
      meetingHosts: [url.host],
      scheme: 'visio',
      // The instance serving the page; the LiveKit hosts it hands out join through `onLivekitUrl`.
      allowedHosts: [url.hostname],
      accentColor: defaultAccentColor,
    },
    language: isLanguage(requested) ? requested : 'fr',
  };
}

function isSafeExternalUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The browser's answer to every invoke channel, one entry a channel, typed by its own input and output. */
function browserHandlers(environment: BrowserEnvironment, miniHost: BroadcastMiniHost | null): ChannelHandlers<InvokeChannel> {
  const apiBase = apiBaseFor(environment.href);
  const client = new MeetClient(createFetchTransport(apiBase, environment));
  // The page is replaced by the login page, which comes back here: the pending promise never
  // needs to settle.
  const session: SessionPort = {
    login: () => {
      environment.navigate(loginUrl(apiBase, environment.href));
      return new Promise(() => undefined);
    },
    logout: () => {
      environment.navigate(new URL('logout/', apiBase).toString());
      return new Promise(() => undefined);
    },
  };
  const profiles = () => browserProfileList(new URL(environment.href).host, apiBase);
  const nothingToDo = async () => ok(null);

  return {
    ...backendHandlers(client, session, environment.randomBytes),
    'shell:open-external': async ({ url }) => {
      if (!isSafeExternalUrl(url)) return fail('invalid_input', undefined, 'only https links open');
      environment.openWindow(url);
      return ok(null);
    },
    'app:info': async () => ok(browserAppInfo(environment.href, environment.version, environment.platform)),
    // The agenda is read by the desktop app, with the password it keeps in the system's keychain.
    'calendar:today': async () => ok({ state: 'disabled' as const }),
    'settings:get': async () => ok(browserSettingsView(environment.storage)),
    'settings:update': async (patch) => updateBrowserSettings(environment.storage, patch),
    'profiles:list': async () => ok(profiles()),
    'profiles:select': async ({ profileId }) =>
      profileId === browserProfileId ? ok(profiles()) : fail('invalid_input', undefined, 'unknown profile'),
    // A page served by one instance cannot switch to another: that is the desktop app's job.
    'profiles:add-instance': async () => fail('unavailable', undefined, 'desktop only'),
    'diagnostics:save-report': async (payload) => {
      // The same check as main's: a page bug must not put a token in a file either.
      const parsed = connectionTestReportSchema.safeParse(payload?.report);
      if (!parsed.success) return fail('invalid_input', undefined, parsed.error.issues[0]?.message);
      if (!environment.downloadFile) return fail('unavailable', undefined, 'no downloads');
      environment.downloadFile(reportFileName(parsed.data.startedAt), `${JSON.stringify(parsed.data, null, 2)}\n`, 'application/json');
      return ok(null);
    },
    'chat:save-file': async (payload) => {
      // The same checks as main's, against the page's own setting: an anchor download of the bytes.
      const parsed = invokeSchemas['chat:save-file'].safeParse(payload);
      if (!parsed.success) return fail('invalid_input', undefined, parsed.error.issues[0]?.message);
      const name = sanitizeFileName(parsed.data.name);
      const refusal = chatFileRefusal(
        { name, mimeType: parsed.data.mimeType, size: parsed.data.contents.byteLength },
        browserSettingsView(environment.storage).settings.chatFiles,
      );
      if (refusal) return fail('invalid_input', undefined, `chat file refused: ${refusal}`);
      if (!environment.downloadFile) return fail('unavailable', undefined, 'no downloads');
      environment.downloadFile(name, parsed.data.contents.slice(), parsed.data.mimeType);
      return ok(null);
    },
    // The floating window's "Show Visio": this page opened it, so this page is its opener.
    'window:show-main': async () => {
      if (!environment.focusPage) return fail('unavailable', undefined, 'no page to bring forward');
      environment.focusPage();
      return ok(null);
    },
    // The call's state and speaker feed a mini call page, if one is open.
    'call:state': async (state) => {
      miniHost?.callState(state);
      return ok(null);
    },
    'call:speaker': async (speaker) => {
      miniHost?.callSpeaker(speaker);
      return ok(null);
    },
    // Lobby and chat notices feed desktop integrations a browser does not have; sharing picks
    // its source in the browser's own dialog.
    'lobby:waiting-changed': nothingToDo,
    'chat:received': nothingToDo,
    'capture:choose': nothingToDo,
  } satisfies ChannelHandlers<InvokeChannel>;
}

export function createBrowserApi(environment: BrowserEnvironment): VisioApi {
  const miniHost = environment.openBroadcast
    ? new BroadcastMiniHost(
        environment.openBroadcast(miniBroadcastName),
        () => environment.language?.() ?? 'fr',
        () => environment.focusPage?.(),
      )
    : null;
  const handlers = browserHandlers(environment, miniHost);

  async function invoke<C extends InvokeChannel>(channel: C, payload: InvokeInput<C>): Promise<Result<InvokeOutputs[C]>> {
    if (!isInvokeChannelName(channel)) return fail('invalid_input', undefined, 'unknown channel');
    const handler: ChannelHandlers<InvokeChannel>[C] = handlers[channel];
    const result = await handler(payload);
    const livekitUrl = result.ok ? livekitUrlIn(result.value) : null;
    if (livekitUrl) environment.onLivekitUrl?.(livekitUrl);
    return result;
  }

  return {
    invoke,
    on: ((event: MainEventName, listener: (payload: never) => void) => {
      // The mini page's commands arrive as the desktop's would; nothing else is sent to a browser page.
      if (event === 'event:command' && miniHost) return miniHost.onCommand(listener as CallCommandListener);
      return () => undefined;
    }) as VisioApi['on'],
  };
}

/** The environment of the current page. */
export function currentBrowserEnvironment(): BrowserEnvironment {
  return {
    get href() {
      return window.location.href;
    },
    readCookies: () => document.cookie,
    fetch: (...args) => window.fetch(...args),
    navigate: (url) => window.location.assign(url),
    openWindow: (url) => {
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
    version: __APP_VERSION__,
    platform: navigator.platform || 'web',
    storage: window.localStorage,
    onLivekitUrl: allowLivekitHost,
    ...(typeof BroadcastChannel === 'function' ? { openBroadcast: (name: string) => new BroadcastChannel(name) } : {}),
    language: () => (isLanguage(document.documentElement.lang) ? document.documentElement.lang : 'fr'),
    focusPage: () => window.focus(),
    downloadFile: (fileName, contents, type) => {
      const url = URL.createObjectURL(new Blob([contents], { type }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      // The download has taken its copy once the click is handled.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}
