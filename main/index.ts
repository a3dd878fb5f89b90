// The composition root: the only module that knows every part. It wires the security core, the
// app protocol, the IPC router, the backend and the desktop features to Electron.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { dispatchBackend, isBackendChannel, livekitUrlIn } from '../common/backend-dispatch';
import { invokeChannelNames } from '../common/ipc-channels';
import { fail, ok } from '../common/ipc-contract';
import { MeetClient } from '../common/meet-client';
import type { Profile } from '../common/profile';
import type { Language } from '../common/languages';
import { appInfoOf } from './app-info';
import { mainT } from './i18n/main-i18n';
import { chosenLanguageOf } from './policy/effective-settings';
import { BackendSession } from './backend/backend-session';
import { createElectronLoginWindowPort, lockDownLoginSession } from './backend/electron-login-window';
import { ElectronSessionTransport } from './backend/electron-session-transport';
import { runLoginFlow } from './backend/login-flow';
import { loginPartitionFor } from './backend/login-navigation';
import { createElectronReportSaver } from './diagnostics/electron-connection-report';
import { createElectronChatFileSaver } from './files/electron-chat-file';
import { installDesktopFeatures, type DesktopContext, type DesktopFeatures } from './desktop/index';
import { applyPolicyBeforeReady, createInstanceFetch, hardenProfileSessions } from './electron-managed-deployment';
import { createMainWindow } from './electron-main-window';
import { handleAppProtocol, registerAppSchemeAsPrivileged } from './electron-protocol';
import { bindIpcRouter } from './ipc/electron-ipc';
import { IpcRouter } from './ipc/ipc-router';
import { createManagedHandlers } from './managed-ipc-handlers';
import { loadManagedDeployment } from './managed-deployment';
import type { MachinePolicyReport } from './policy/policy-reader';
import { createRendererEventSender } from './ipc/renderer-events';
import { profileErrorMessage } from './profile/profile-loader';
import { isHostAllowed } from './profile/allowed-hosts';
import { APP_ORIGIN } from './security/app-origin';
import { contentSecurityPolicy } from './security/content-security-policy';
import { installPermissionHandlers } from './security/electron-permissions';
import { createExternalOpener } from './security/electron-open-external';
import { guardWebContents } from './security/electron-web-contents-guard';

/** Settles once the app stands (main window, IPC, desktop features), has failed, or gave way to the first instance. */
export const started: Promise<void> = boot();

function boot(): Promise<void> {
  // Both must happen before `ready`.
  registerAppSchemeAsPrivileged();
  app.enableSandbox();
  // Settled before `ready`: the GPU and language switches only count then.
  const machinePolicy = applyPolicyBeforeReady();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
  return app
    .whenReady()
    .then(() => start(machinePolicy))
    .catch((error: unknown) => fatal(error instanceof Error ? error.message : String(error)));
}

function fatal(message: string): void {
  dialog.showErrorBox('Visio', message);
  app.quit();
}

function resourcesDirectory(): string {
  return app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
}

async function start(machinePolicy: Promise<MachinePolicyReport>): Promise<void> {
  const policyReport = await machinePolicy;
  const deployment = await loadManagedDeployment({
    resourcesDirectory: resourcesDirectory(),
    userDataDirectory: app.getPath('userData'),
    environment: process.env,
    policy: policyReport.policy,
  });
  for (const { file, error } of deployment.bundledErrors) console.warn(`[profile] ${file}: ${profileErrorMessage(error, 'en')}`);
  for (const dropped of deployment.droppedProfiles) console.warn(`[profile] user profile ignored: ${dropped}`);
  for (const narrowed of deployment.narrowedProfiles) console.warn(`[profile] user profile cut down, removed: ${narrowed}`);
  if (deployment.userProfilesIgnored) console.warn('[profile] the machine policy forbids added instances: user profiles not read');
  if (!deployment.active) {
    const id = deployment.settings.current().settings.profileId;
    fatal(
      `Le profil « ${id} » choisi par votre administrateur est introuvable.\n\nThe profile "${id}" set by your administrator cannot be found.`,
    );
    return;
  }
  const profile = deployment.active.profile;
  const startupSettings = deployment.settings.current().settings;
  const appSession = session.defaultSession;
  const appWindowIds = new Set<number>();
  let mainWindow: BrowserWindow | null = null;

  // LiveKit URLs handed out by the API join the policy when the profile allows their host.
  const learnedLivekitUrls = new Set<string>();
  const rememberLivekitUrl = (url: string) => {
    if (isHostAllowed(profile, url)) learnedLivekitUrls.add(url);
  };
  const policy = () => contentSecurityPolicy({ profile, extraLivekitUrls: [...learnedLivekitUrls] });

  const openExternal = createExternalOpener({
    language: () => deployment.settings.current().settings.language,
    parent: () => mainWindow,
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appSession, openExternal));
  appSession.setSpellCheckerEnabled(false);
  installPermissionHandlers(appSession, (id) => appWindowIds.has(id));
  lockDownLoginSession(profile);
  await hardenProfileSessions(profile, deployment.settings.current(), [appSession, session.fromPartition(loginPartitionFor(profile))]);
  handleAppProtocol(appSession, join(app.getAppPath(), 'dist', 'renderer'), policy);
  appSession.webRequest.onHeadersReceived({ urls: [`${APP_ORIGIN}/*`] }, (details, callback) => {
    const headers = { ...details.responseHeaders };
    if (details.resourceType === 'mainFrame') headers['Content-Security-Policy'] = [policy()];
    callback({ responseHeaders: headers });
  });

  const router = new IpcRouter({
    isAppWindow: (id) => appWindowIds.has(id),
    report: (message) => console.warn(`[ipc] ${message}`),
  });
  // The backend answers once the desktop features exist and the login kept in the keychain is
  // back in the login partition: the renderer's first `users/me/` call already sees it.
  let desktopInstalled: (features: DesktopFeatures) => void = () => undefined;
  const desktopFeatures = new Promise<DesktopFeatures>((resolve) => {
    desktopInstalled = resolve;
  });
  registerBackend(router, profile, () => mainWindow, rememberLivekitUrl, desktopFeatures, () => deployment.settings.current().settings.language);
  router.register('app:info', async () =>
    ok(
      appInfoOf({
        version: app.getVersion(),
        platform: process.platform,
        locale: app.getLocale(),
        profile,
        chosenLanguage: chosenLanguageOf(deployment.settings.current()),
      }),
    ),
  );
  const managed = createManagedHandlers({
    settings: deployment.settings,
    store: deployment.store,
    policy: policyReport.policy,
    activeProfileId: profile.id,
    fetchInstance: await createInstanceFetch(startupSettings),
  });
  router.register('settings:get', managed['settings:get']);
  router.register('settings:update', managed['settings:update']);
  router.register('profiles:list', managed['profiles:list']);
  router.register('profiles:add-instance', managed['profiles:add-instance']);
  router.register('profiles:select', managed['profiles:select']);
  router.register('shell:open-external', async ({ url }) => {
    const outcome = await openExternal(url);
    if (outcome.opened) return ok(null);
    return outcome.reason === 'declined' ? fail('cancelled') : fail('forbidden', undefined, outcome.reason);
  });
  const saveConnectionReport = createElectronReportSaver({
    language: () => deployment.settings.current().settings.language,
    parent: () => mainWindow,
    report: (message) => console.warn(`[diagnostics] ${message}`),
  });
  router.register('diagnostics:save-report', ({ report }) => saveConnectionReport(report));
  const saveChatFile = createElectronChatFileSaver({
    language: () => deployment.settings.current().settings.language,
    policy: () => deployment.settings.current().settings.chatFiles,
    parent: () => mainWindow,
    report: (message) => console.warn(`[chat] ${message}`),
  });
  router.register('chat:save-file', (file) => saveChatFile(file));
  bindIpcRouter(router);

  const openMainWindow = (): BrowserWindow => {
    const window = createMainWindow({
      preloadPath: join(app.getAppPath(), 'dist', 'preload', 'index.js'),
      devTools: !app.isPackaged,
      title: profile.displayName,
    });
    const id = window.webContents.id;
    appWindowIds.add(id);
    window.on('closed', () => {
      appWindowIds.delete(id);
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
    return window;
  };
  openMainWindow();

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (mainWindow) return;
    const window = openMainWindow();
    // The macOS Dock made it again: same close policy, remembered place, share settling.
    void desktopFeatures.then((features) => features.attachMainWindow(window));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  const sendToRenderer = createRendererEventSender(() => mainWindow?.webContents ?? null);
  const context: DesktopContext = {
    getMainWindow: () => mainWindow,
    sendToRenderer: (event, payload) => {
      sendToRenderer(event, payload);
    },
    profile,
    registerInvoke: (channel, handler) => router.register(channel, (payload) => handler(payload)),
    session: appSession,
    settings: () => deployment.settings.current().settings,
    onSettingsChanged: (listener) => deployment.settings.onChange(() => listener()),
  };
  desktopInstalled(installDesktopFeatures(context));
}

function registerBackend(
  router: IpcRouter,
  profile: Profile,
  parent: () => BrowserWindow | null,
  rememberLivekitUrl: (url: string) => void,
  desktopFeatures: Promise<DesktopFeatures>,
  language: () => Language,
): void {
  const loginSession = session.fromPartition(loginPartitionFor(profile));
  const loginRestored = desktopFeatures.then((features) => features.sessionRestored);
  const transport = new ElectronSessionTransport(loginSession, profile.apiBaseUrl);
  const client = new MeetClient(transport);
  const loginWindow = createElectronLoginWindowPort({ profile, title: () => mainT(language())('loginWindow.title'), parent });
  const backendSession = new BackendSession({
    client,
    transport,
    runLogin: () => runLoginFlow({ apiBaseUrl: profile.apiBaseUrl, window: loginWindow }),
    clearLoginStorage: async () => {
      await loginSession.clearStorageData();
      await loginSession.clearCache();
      await (await desktopFeatures).forgetCredentials();
    },
  });
  const bytes = (length: number) => new Uint8Array(randomBytes(length));
  for (const channel of invokeChannelNames.filter(isBackendChannel)) {
    router.register(channel, async (payload) => {
      await loginRestored;
      const result = await dispatchBackend(client, backendSession, bytes, channel, payload as never);
      const livekitUrl = result.ok ? livekitUrlIn(result.value) : null;
      if (livekitUrl) rememberLivekitUrl(livekitUrl);
      return result as never;
    });
  }
}
