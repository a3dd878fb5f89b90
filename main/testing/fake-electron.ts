// A stand-in for the part of Electron's main-process API the adapters (main/**/electron-*.ts)
// use, so that their wiring runs in Node without the Electron binary. A test file replaces the
// module before anything imports it (vitest hoists the call above the imports):
//
//   vi.mock('electron', async () => (await import('../testing/fake-electron')).fakeElectron);
//
// and reaches the very same objects through this module: the windows made, the handlers
// registered, the menus built. The objects keep their identity for the whole test file (an
// adapter holds on to what it imported); `resetFakeElectron()` empties their state between tests.
//
// The fakes follow Electron where the adapters depend on it: events are Node EventEmitters,
// `destroy()` emits `closed` without `close`, a destroyed window throws on use, `ipcMain.handle`
// refuses a second handler for a channel (a session's `protocol.handle`, a second handler for a
// scheme), `webContents.send` throws once destroyed, every new web contents is announced on
// `app` as `web-contents-created`.
import { EventEmitter } from 'node:events';
import type { BrowserWindow, IpcMainInvokeEvent, MenuItemConstructorOptions, Session, WebContents } from 'electron';
import { vi } from 'vitest';

export interface FakeRectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Electron's `Event`: what a listener may prevent, with the event's own fields. */
export type FakeEvent<T extends object = object> = T & { defaultPrevented: boolean; preventDefault(): void };

export function fakeEvent<T extends object>(fields: T = {} as T): FakeEvent<T> {
  const event: FakeEvent<T> = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

function destroyedError(): TypeError {
  return new TypeError('Object has been destroyed');
}

// ── Frames and web contents ─────────────────────────────────────────────────────────────────

/** `WebFrameMain`, as far as the IPC checks read it. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

let nextWebContentsId = 1;
let nextRoutingId = 100;

export interface FakeWindowOpenDetails {
  url: string;
  frameName: string;
  features: string;
  disposition: string;
}
type WindowOpenResponse = { action: 'deny' } | { action: 'allow'; overrideBrowserWindowOptions?: FakeWindowOptions };
type WindowOpenHandler = (details: FakeWindowOpenDetails) => WindowOpenResponse;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  /** Every `send(channel, ...args)`, in order. */
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly mainFrame: FakeFrame = { url: '', parent: null, processId: 1, routingId: nextRoutingId++ };
  private destroyed = false;

  constructor(readonly session: FakeSession) {
    super();
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw destroyedError();
    this.sent.push({ channel, args });
  }

  /** The payloads sent on one channel (first argument of each send). */
  sentOn(channel: string): unknown[] {
    return this.sent.filter((message) => message.channel === channel).map((message) => message.args[0]);
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** What the window or the test does when the contents goes. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }

  // ── What a page does, for the tests ──

  /**
   * A page's `window.open(url, frameName)`: the handler's answer (Electron allows when none is
   * set). An allowed window is made with the handler's options, loads `url`, and is announced
   * as `did-create-window`, as Electron does.
   */
  openWindow(url: string, frameName = ''): WindowOpenResponse {
    const details = { url, frameName, features: '', disposition: 'new-window' };
    const response = this.windowOpenHandler ? this.windowOpenHandler(details) : { action: 'allow' as const };
    if (response.action === 'allow') {
      const child = new FakeBrowserWindow(response.overrideBrowserWindowOptions ?? {});
      child.loadedUrls.push(url);
      child.webContents.mainFrame.url = url;
      this.emit('did-create-window', child, details);
    }
    return response;
  }

  /**
   * A navigation event as Electron 45 gives it: the event carries `url` and `isMainFrame`, and
   * the older positional arguments follow. Returns the event, to read `defaultPrevented`.
   */
  navigate(
    name: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    url: string,
    options: { isMainFrame?: boolean } = {},
  ): FakeEvent<{ url: string; isMainFrame: boolean }> {
    const isMainFrame = options.isMainFrame ?? true;
    const event = fakeEvent({ url, isMainFrame });
    this.emit(name, event, url, false, isMainFrame);
    return event;
  }

  /** A wrapper of the main frame, as `event.senderFrame` gives it: the same ids, another object. */
  mainFrameAt(url = this.mainFrame.url): FakeFrame {
    return { ...this.mainFrame, url };
  }

  /** A sub-frame (an iframe) of this contents. */
  subFrameAt(url: string): FakeFrame {
    return { url, parent: this.mainFrame, processId: this.mainFrame.processId, routingId: nextRoutingId++ };
  }
}

/** The event `ipcMain.handle` listeners receive; `frame` null is a frame gone meanwhile. */
export function invokeEventFrom(sender: FakeWebContents, frame: FakeFrame | null = sender.mainFrameAt()): IpcMainInvokeEvent {
  return { sender, senderFrame: frame, frameId: frame?.routingId ?? -1, processId: frame?.processId ?? -1 } as unknown as IpcMainInvokeEvent;
}

// ── Windows ─────────────────────────────────────────────────────────────────────────────────

let nextWindowId = 1;

// Loosely typed on purpose: the adapters pass Electron's option objects, the tests read them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FakeWindowOptions = Record<string, any>;

export class FakeBrowserWindow extends EventEmitter {
  /** Every window made since the last reset, in order. */
  static readonly made: FakeBrowserWindow[] = [];

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.made.filter((window) => !window.isDestroyed());
  }

  /** The last window made; fails the test when there is none. */
  static last(): FakeBrowserWindow {
    const window = FakeBrowserWindow.made.at(-1);
    if (!window) throw new Error('no BrowserWindow was made');
    return window;
  }

  readonly id = nextWindowId++;
  readonly webContents: FakeWebContents;
  /** Every `loadURL`, in order. */
  readonly loadedUrls: string[] = [];
  bounds: FakeRectangle;
  normalBounds: FakeRectangle | null = null;
  visible: boolean;
  /** How the window was last shown: `show` takes the focus, `showInactive` does not. */
  shownWith: 'show' | 'showInactive' | null = null;
  minimized = false;
  maximized = false;
  fullScreen = false;
  focused = false;
  contentProtection = false;
  alwaysOnTop: { flag: boolean; level?: string };
  visibleOnAllWorkspaces: { flag: boolean; options?: unknown } = { flag: false };
  private destroyed = false;

  constructor(readonly options: FakeWindowOptions = {}) {
    super();
    const partition: string | undefined = options.webPreferences?.partition;
    this.webContents = new FakeWebContents(partition ? session.fromPartition(partition) : session.defaultSession);
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.visible = options.show !== false;
    this.alwaysOnTop = { flag: Boolean(options.alwaysOnTop) };
    FakeBrowserWindow.made.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }

  private live(): void {
    if (this.destroyed) throw destroyedError();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Electron: no `close` event, no way to refuse, but `closed` is emitted. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroy();
    this.emit('closed');
  }

  /** The user's (or the app's) close: `close` may be prevented, otherwise the window goes. */
  close(): void {
    this.live();
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }

  loadURL(url: string): Promise<void> {
    this.live();
    this.loadedUrls.push(url);
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }

  show(): void {
    this.live();
    this.shownWith = 'show';
    this.focused = true;
    this.setVisible(true);
  }

  showInactive(): void {
    this.live();
    this.shownWith = 'showInactive';
    this.setVisible(true);
  }

  hide(): void {
    this.live();
    this.focused = false;
    this.setVisible(false);
  }

  private setVisible(visible: boolean): void {
    if (this.visible === visible) return;
    this.visible = visible;
    this.emit(visible ? 'show' : 'hide');
  }

  focus(): void {
    this.live();
    this.focused = true;
    this.emit('focus');
  }

  minimize(): void {
    this.live();
    if (this.minimized) return;
    this.minimized = true;
    this.focused = false;
    this.emit('minimize');
  }

  restore(): void {
    this.live();
    if (!this.minimized) return;
    this.minimized = false;
    this.emit('restore');
  }

  maximize(): void {
    this.live();
    this.maximized = true;
    this.emit('maximize');
  }

  isVisible(): boolean {
    this.live();
    return this.visible;
  }

  isMinimized(): boolean {
    this.live();
    return this.minimized;
  }

  isMaximized(): boolean {
    this.live();
    return this.maximized;
  }

  isFullScreen(): boolean {
    this.live();
    return this.fullScreen;
  }

  isFocused(): boolean {
    this.live();
    return this.focused;
  }

  setContentProtection(enabled: boolean): void {
    this.live();
    this.contentProtection = enabled;
  }

  setAlwaysOnTop(flag: boolean, level?: string): void {
    this.live();
    this.alwaysOnTop = level === undefined ? { flag } : { flag, level };
  }

  setVisibleOnAllWorkspaces(flag: boolean, options?: unknown): void {
    this.live();
    this.visibleOnAllWorkspaces = options === undefined ? { flag } : { flag, options };
  }

  getBounds(): FakeRectangle {
    this.live();
    return { ...this.bounds };
  }

  /** The user moved the window: new bounds, then `move` and `moved` as Electron emits them. */
  moveTo(bounds: Partial<FakeRectangle>): void {
    this.live();
    this.bounds = { ...this.bounds, ...bounds };
    this.emit('move');
    this.emit('moved');
  }

  setBounds(bounds: Partial<FakeRectangle>): void {
    this.live();
    this.bounds = { ...this.bounds, ...bounds };
  }

  getNormalBounds(): FakeRectangle {
    this.live();
    return { ...(this.normalBounds ?? this.bounds) };
  }

  getMediaSourceId(): string {
    this.live();
    return `window:${this.id}:0`;
  }

  /** The page has painted (`ready-to-show`), then finished loading (`did-finish-load`). */
  finishLoading(): void {
    this.emit('ready-to-show');
    this.webContents.emit('did-finish-load');
  }
}

// ── IPC ─────────────────────────────────────────────────────────────────────────────────────

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    // Electron refuses a second handler rather than replacing the first.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What a renderer's `ipcRenderer.invoke(channel, ...args)` reaches. */
  async invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  }

  reset(): void {
    this.handlers.clear();
    this.removeAllListeners();
  }
}

// ── Sessions ────────────────────────────────────────────────────────────────────────────────

type PermissionRequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void;
type PermissionCheckHandler = (webContents: unknown, permission: string, requestingOrigin: string, details: object) => boolean;
type DisplayMediaHandler = (request: object, callback: (streams: unknown) => void) => void;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type CertificateVerifyProc = (request: FakeCertificateVerifyRequest, callback: (verificationResult: number) => void) => void;
type BeforeRequestListener = (details: FakeRequestDetails, callback: (response: { cancel?: boolean; redirectURL?: string }) => void) => void;
type HeadersReceivedListener = (
  details: FakeResponseDetails,
  callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;

/** Chromium's URL patterns as `webRequest` filters take them: `<all_urls>`, or `*` as a wildcard. */
function urlMatches(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return true;
  const expression = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${expression}$`).test(url);
}

/** What `setCertificateVerifyProc` procs receive, as far as the adapters read it. */
export interface FakeCertificateVerifyRequest {
  hostname: string;
  certificate: { data: string; issuerCert?: FakeCertificateVerifyRequest['certificate'] | null };
  /** Chromium's own result: 0 when it accepted the certificate, a net error otherwise. */
  errorCode: number;
  verificationResult?: string;
}

/** What `webRequest.onBeforeRequest` listeners receive, as far as the adapters read it. */
export interface FakeRequestDetails {
  url: string;
  resourceType?: string;
  method?: string;
}

/** What `webRequest.onHeadersReceived` listeners receive, as far as the adapters read it. */
export interface FakeResponseDetails extends FakeRequestDetails {
  responseHeaders?: Record<string, string[]>;
  statusCode?: number;
}

/** A session's `protocol`: one handler per scheme, a second one refused as Electron does. */
export class FakeSessionProtocol {
  readonly handlers = new Map<string, ProtocolHandler>();

  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  /** A page of this session requests `url`: the handler's response (fails when none handles it). */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${scheme})`);
    return handler(new Request(url, init));
  }
}

export interface FakeCookie {
  name: string;
  value: string;
  domain?: string;
  path?: string;
  [key: string]: unknown;
}

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  displayMediaRequestHandler: DisplayMediaHandler | null = null;
  displayMediaOptions: unknown = undefined;
  /** Electron's default: on, with Google's dictionary server. */
  spellCheckerEnabled = true;
  spellCheckerDictionaryDownloadUrl = 'https://redirector.gvt1.com/edgedl/chrome/dict/';
  /** Every `setProxy(config)`, in order. */
  readonly proxyConfigs: unknown[] = [];
  certificateVerifyProc: CertificateVerifyProc | null = null;
  readonly protocol = new FakeSessionProtocol();
  readonly webRequestListeners = new Map<string, unknown[]>();
  /**
   * `session.fetch`: a 404 unless the test let sessions reach the network (`session.network`);
   * then the session's `onBeforeRequest` filter decides first, as in Chromium's stack.
   */
  readonly fetch = vi.fn(async (url: string, init?: RequestInit): Promise<Response> => {
    if (!session.network) return new Response('', { status: 404 });
    const verdict = await this.beforeRequest({ url, method: init?.method ?? 'GET' });
    if (verdict.cancel) throw new TypeError('net::ERR_BLOCKED_BY_CLIENT');
    return fetch(url, init);
  });
  readonly cookies: EventEmitter & {
    jar: FakeCookie[];
    get(filter: { url?: string; name?: string }): Promise<FakeCookie[]>;
    set(details: FakeCookie & { url: string }): Promise<void>;
    remove(url: string, name: string): Promise<void>;
  };
  readonly webRequest: Record<'onBeforeRequest' | 'onBeforeSendHeaders' | 'onHeadersReceived' | 'onCompleted' | 'onErrorOccurred', (...args: unknown[]) => void>;

  constructor(readonly partition: string) {
    const cookies = Object.assign(new EventEmitter(), {
      jar: [] as FakeCookie[],
      get: async (filter: { url?: string; name?: string }) =>
        cookies.jar.filter((cookie) => filter.name === undefined || cookie.name === filter.name),
      set: async (details: FakeCookie & { url: string }) => {
        const { url, ...rest } = details;
        const cookie: FakeCookie = { domain: new URL(url).hostname, path: '/', ...rest };
        cookies.jar = [...cookies.jar.filter((existing) => existing.name !== cookie.name), cookie];
        cookies.emit('changed', fakeEvent(), cookie, 'explicit', false);
      },
      remove: async (_url: string, name: string) => {
        const gone = cookies.jar.filter((cookie) => cookie.name === name);
        cookies.jar = cookies.jar.filter((cookie) => cookie.name !== name);
        for (const cookie of gone) cookies.emit('changed', fakeEvent(), cookie, 'explicit', true);
      },
    });
    this.cookies = cookies;
    const record =
      (name: string) =>
      (...args: unknown[]) =>
        this.webRequestListeners.set(name, args);
    this.webRequest = {
      onBeforeRequest: record('onBeforeRequest'),
      onBeforeSendHeaders: record('onBeforeSendHeaders'),
      onHeadersReceived: record('onHeadersReceived'),
      onCompleted: record('onCompleted'),
      onErrorOccurred: record('onErrorOccurred'),
    };
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDisplayMediaRequestHandler(handler: DisplayMediaHandler | null, options?: unknown): void {
    this.displayMediaRequestHandler = handler;
    this.displayMediaOptions = options;
  }

  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellCheckerEnabled = enabled;
  }

  setSpellCheckerDictionaryDownloadURL(url: string): void {
    this.spellCheckerDictionaryDownloadUrl = url;
  }

  setProxy(config: unknown): Promise<void> {
    this.proxyConfigs.push(config);
    return Promise.resolve();
  }

  setCertificateVerifyProc(proc: CertificateVerifyProc | null): void {
    this.certificateVerifyProc = proc;
  }

  // ── What Chromium asks, for the tests ──

  /** A page asking for a permission; settles with the handler's answer (Electron grants without one). */
  requestPermission(webContents: FakeWebContents, permission: string, details: object): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(webContents, permission, resolve, details));
  }

  /** A page testing a permission (Electron grants without a handler). */
  checkPermission(webContents: FakeWebContents | null, permission: string, requestingOrigin: string, details: object): boolean {
    return this.permissionCheckHandler ? this.permissionCheckHandler(webContents, permission, requestingOrigin, details) : true;
  }

  /**
   * Chromium verifying a server certificate: settles with the proc's verdict (0 trusted, -2
   * refused, -3 Chromium's own result), or Chromium's own result when no proc is set.
   */
  verifyCertificate(request: FakeCertificateVerifyRequest): Promise<number> {
    const proc = this.certificateVerifyProc;
    if (!proc) return Promise.resolve(request.errorCode === 0 ? 0 : -3);
    return new Promise((resolve) => proc(request, resolve));
  }

  /**
   * A response arriving: settles with what the `onHeadersReceived` listener hands the callback
   * (the headers unchanged without one), for a URL its filter covers.
   */
  headersReceived(details: FakeResponseDetails): Promise<{ responseHeaders?: Record<string, string[]>; cancel?: boolean }> {
    const [filter, listener] = (this.webRequestListeners.get('onHeadersReceived') ?? []) as [{ urls: string[] } | null, HeadersReceivedListener | null];
    const full = { method: 'GET', resourceType: 'other', responseHeaders: {}, ...details };
    if (!listener || (filter && !filter.urls.some((pattern) => urlMatches(pattern, details.url)))) {
      return Promise.resolve({ responseHeaders: full.responseHeaders });
    }
    return new Promise((resolve) => listener(full, resolve));
  }

  /** A request about to leave: settles with the `onBeforeRequest` listener's answer (`{}` without one). */
  beforeRequest(details: FakeRequestDetails): Promise<{ cancel?: boolean; redirectURL?: string }> {
    const listener = this.webRequestListeners.get('onBeforeRequest')?.at(-1) as BeforeRequestListener | null | undefined;
    if (!listener) return Promise.resolve({});
    return new Promise((resolve) => listener({ method: 'GET', resourceType: 'other', ...details }, resolve));
  }

  /** A page's `getDisplayMedia()`: settles with what the handler gives the callback. */
  requestDisplayMedia(request: { securityOrigin: string; audioRequested?: boolean; videoRequested?: boolean }): Promise<unknown> {
    const handler = this.displayMediaRequestHandler;
    if (!handler) return Promise.reject(new Error('no display-media handler'));
    const full = { frame: null, videoRequested: true, audioRequested: false, userGesture: true, ...request };
    return new Promise((resolve) => handler(full, resolve));
  }
}

const sessions = new Map<string, FakeSession>();

export const session = {
  /** Off: every `session.fetch` answers 404 without leaving the process. */
  network: false,
  get defaultSession(): FakeSession {
    return session.fromPartition('');
  },
  fromPartition(partition: string): FakeSession {
    let found = sessions.get(partition);
    if (!found) {
      found = new FakeSession(partition);
      sessions.set(partition, found);
    }
    return found;
  },
};

// ── App, screen, power ──────────────────────────────────────────────────────────────────────

export class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly paths = new Map<string, string>();
  readonly switches = new Map<string, string>();
  readonly quit = vi.fn(() => undefined);
  readonly getAppPath = vi.fn(() => '/opt/visio/resources/app.asar');
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly setAsDefaultProtocolClient = vi.fn((_scheme: string, _path?: string, _args?: string[]) => true);
  readonly getLocale = vi.fn(() => 'fr-FR');
  readonly disableHardwareAcceleration = vi.fn(() => undefined);
  readonly enableSandbox = vi.fn(() => undefined);
  /** The app's version: the `version` of its package.json, as Electron reads it. */
  readonly getVersion = vi.fn(() => '0.1.0');
  readonly commandLine = {
    appendSwitch: (name: string, value = '') => void this.switches.set(name, value),
    hasSwitch: (name: string) => this.switches.has(name),
    getSwitchValue: (name: string) => this.switches.get(name) ?? '',
  };

  getPath(name: string): string {
    const found = this.paths.get(name);
    if (found === undefined) throw new Error(`Failed to get '${name}' path`);
    return found;
  }

  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.paths.clear();
    this.switches.clear();
    for (const mock of [
      this.quit,
      this.getAppPath,
      this.requestSingleInstanceLock,
      this.setAsDefaultProtocolClient,
      this.getLocale,
      this.disableHardwareAcceleration,
      this.enableSandbox,
      this.getVersion,
    ]) {
      mock.mockReset();
    }
  }
}

export interface FakeDisplay {
  id: number;
  bounds: FakeRectangle;
  workArea: FakeRectangle;
  scaleFactor: number;
}

const defaultDisplay = (): FakeDisplay => ({
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  scaleFactor: 1,
});

export const screen = {
  /** The primary display first. */
  displays: [defaultDisplay()] as FakeDisplay[],
  getPrimaryDisplay(): FakeDisplay {
    const primary = screen.displays[0];
    if (!primary) throw new Error('no display');
    return primary;
  },
  getAllDisplays(): FakeDisplay[] {
    return [...screen.displays];
  },
};

export const powerMonitor = new EventEmitter();

export const powerSaveBlocker = {
  nextId: 1,
  /** Blockers started and not stopped, by id, with their type. */
  started: new Map<number, string>(),
  start(type: string): number {
    const id = powerSaveBlocker.nextId++;
    powerSaveBlocker.started.set(id, type);
    return id;
  },
  stop(id: number): boolean {
    return powerSaveBlocker.started.delete(id);
  },
  isStarted(id: number): boolean {
    return powerSaveBlocker.started.has(id);
  },
};

export const globalShortcut = {
  registered: new Map<string, () => void>(),
  /** Combinations another application holds: `register` answers false. */
  taken: new Set<string>(),
  /** Combinations Electron cannot parse: `register` throws. */
  unparseable: new Set<string>(),
  register(accelerator: string, callback: () => void): boolean {
    if (globalShortcut.unparseable.has(accelerator)) throw new Error(`Error processing argument at index 0, conversion failure from ${accelerator}`);
    if (globalShortcut.taken.has(accelerator) || globalShortcut.registered.has(accelerator)) return false;
    globalShortcut.registered.set(accelerator, callback);
    return true;
  },
  unregister(accelerator: string): void {
    globalShortcut.registered.delete(accelerator);
  },
  isRegistered(accelerator: string): boolean {
    return globalShortcut.registered.has(accelerator);
  },
  /** The user presses the combination anywhere on the desktop. */
  press(accelerator: string): void {
    const callback = globalShortcut.registered.get(accelerator);
    if (!callback) throw new Error(`${accelerator} is not registered`);
    callback();
  },
};

// ── Tray, menus, images, notifications ─────────────────────────────────────────────────────

export class FakeNativeImage {
  readonly representations: Array<{ scaleFactor: number; width?: number; height?: number; buffer?: Buffer }> = [];

  constructor(private readonly dataUrl = 'data:image/png;base64,') {}

  addRepresentation(representation: { scaleFactor: number; width?: number; height?: number; buffer?: Buffer }): void {
    this.representations.push(representation);
  }

  isEmpty(): boolean {
    return this.representations.length === 0 && this.dataUrl === 'data:image/png;base64,';
  }

  toDataURL(): string {
    return this.dataUrl;
  }
}

export const nativeImage = {
  createFromBitmap(buffer: Buffer, options: { width: number; height: number; scaleFactor?: number }): FakeNativeImage {
    const image = new FakeNativeImage();
    image.addRepresentation({ scaleFactor: options.scaleFactor ?? 1, width: options.width, height: options.height, buffer });
    return image;
  },
  createFromDataURL(dataUrl: string): FakeNativeImage {
    return new FakeNativeImage(dataUrl);
  },
  createEmpty(): FakeNativeImage {
    return new FakeNativeImage();
  },
};

export class FakeMenu {
  constructor(readonly items: MenuItemConstructorOptions[]) {}

  static buildFromTemplate(template: MenuItemConstructorOptions[]): FakeMenu {
    return new FakeMenu(template);
  }

  /** The item with this label, at any depth; fails the test when there is none. */
  item(label: string): MenuItemConstructorOptions {
    const search = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined => {
      for (const item of items) {
        if (item.label === label) return item;
        if (Array.isArray(item.submenu)) {
          const found = search(item.submenu);
          if (found) return found;
        }
      }
      return undefined;
    };
    const found = search(this.items);
    if (!found) throw new Error(`no menu item "${label}" in ${JSON.stringify(this.labels())}`);
    return found;
  }

  /** The labels of the top level, separators as "—". */
  labels(): string[] {
    return this.items.map((item) => (item.type === 'separator' ? '—' : (item.label ?? '')));
  }

  /** A click on the item with this label. */
  click(label: string): void {
    const item = this.item(label);
    if (item.enabled === false) throw new Error(`menu item "${label}" is disabled`);
    if (typeof item.click !== 'function') throw new Error(`menu item "${label}" does nothing`);
    (item.click as () => void)();
  }
}

export class FakeTray extends EventEmitter {
  static readonly made: FakeTray[] = [];
  image: FakeNativeImage;
  readonly images: FakeNativeImage[] = [];
  tooltip = '';
  contextMenu: FakeMenu | null = null;
  private destroyed = false;

  constructor(image: FakeNativeImage) {
    super();
    this.image = image;
    this.images.push(image);
    FakeTray.made.push(this);
  }

  setImage(image: FakeNativeImage): void {
    if (this.destroyed) throw destroyedError();
    this.image = image;
    this.images.push(image);
  }

  setToolTip(tooltip: string): void {
    if (this.destroyed) throw destroyedError();
    this.tooltip = tooltip;
  }

  setContextMenu(menu: FakeMenu | null): void {
    if (this.destroyed) throw destroyedError();
    this.contextMenu = menu;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeNotification extends EventEmitter {
  static readonly made: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }

  shown = false;
  closed = false;

  constructor(readonly options: { title?: string; body?: string; actions?: Array<{ type: string; text: string }>; [key: string]: unknown }) {
    super();
    FakeNotification.made.push(this);
  }

  show(): void {
    this.shown = true;
  }

  close(): void {
    this.closed = true;
  }
}

// ── Capture, dialogs, shell ─────────────────────────────────────────────────────────────────

export interface FakeCaptureSource {
  id: string;
  name: string;
  display_id: string;
  thumbnail: FakeNativeImage;
  appIcon: FakeNativeImage | null;
}

export function captureSource(id: string, name: string): FakeCaptureSource {
  return { id, name, display_id: '', thumbnail: new FakeNativeImage(`data:image/png;base64,${id}`), appIcon: null };
}

export const desktopCapturer = {
  /** What the next `getSources` lists. */
  sources: [] as FakeCaptureSource[],
  getSources: vi.fn(async (_options: unknown) => desktopCapturer.sources),
};

export const systemPreferences = {
  getMediaAccessStatus: vi.fn((_mediaType: string): string => 'granted'),
};

export const dialog = {
  showMessageBox: vi.fn(async (_windowOrOptions: unknown, _options?: unknown) => ({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
  /** Answers as a user who closes the dialog, unless a test says otherwise. */
  showSaveDialog: vi.fn(async (_windowOrOptions: unknown, _options?: unknown): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
};

export const shell = {
  openExternal: vi.fn(async (_url: string, _options?: unknown) => undefined),
};

/** The app-wide `protocol` module: the schemes registered as privileged before `ready`. */
export const protocol = {
  privilegedSchemes: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>): void {
    protocol.privilegedSchemes.push(...schemes);
  },
};

export const crashReporter = {
  start: vi.fn((_options: unknown) => undefined),
};

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();

/** The module `vi.mock('electron', ...)` returns: one object per Electron export the adapters use. */
export const fakeElectron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  crashReporter,
  desktopCapturer,
  dialog,
  globalShortcut,
  ipcMain,
  Menu: FakeMenu,
  nativeImage,
  Notification: FakeNotification,
  powerMonitor,
  powerSaveBlocker,
  protocol,
  screen,
  session,
  shell,
  systemPreferences,
  Tray: FakeTray,
};

/** Forgets every window, handler, listener and recorded call; the objects themselves stay. */
export function resetFakeElectron(): void {
  FakeBrowserWindow.made.length = 0;
  FakeTray.made.length = 0;
  FakeNotification.made.length = 0;
  FakeNotification.supported = true;
  ipcMain.reset();
  app.reset();
  powerMonitor.removeAllListeners();
  sessions.clear();
  session.network = false;
  screen.displays = [defaultDisplay()];
  powerSaveBlocker.started.clear();
  globalShortcut.registered.clear();
  globalShortcut.taken.clear();
  globalShortcut.unparseable.clear();
  desktopCapturer.sources = [];
  desktopCapturer.getSources.mockReset();
  systemPreferences.getMediaAccessStatus.mockReset();
  dialog.showMessageBox.mockReset();
  dialog.showErrorBox.mockReset();
  dialog.showSaveDialog.mockReset();
  dialog.showSaveDialog.mockImplementation(async () => ({ canceled: true }));
  shell.openExternal.mockReset();
  protocol.privilegedSchemes.length = 0;
  crashReporter.start.mockReset();
}

// ── Electron's types for the fakes, where an adapter takes an Electron object ───────────────

export const asElectron = {
  window: (fake: FakeBrowserWindow) => fake as unknown as BrowserWindow,
  session: (fake: FakeSession) => fake as unknown as Session,
  webContents: (fake: FakeWebContents) => fake as unknown as WebContents,
};

/** The fake behind a window an adapter returned. */
export function fakeWindow(window: BrowserWindow): FakeBrowserWindow {
  if (!(window instanceof FakeBrowserWindow)) throw new Error('not a fake window');
  return window;
}
