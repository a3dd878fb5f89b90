// Wires each desktop feature to the app: which Electron event feeds which core, which core
// answers which invoke channel, and what each sends to the renderer.
import { app, session as electronSession, type BrowserWindow } from 'electron';
import { profileDefaults } from '../../common/profile';
import { loginPartitionFor } from '../backend/login-navigation';
import { APP_ORIGIN } from '../security/app-origin';
import { allowWindowOpen } from '../security/electron-web-contents-guard';
import type { CalendarMeeting } from './calendar/calendar-feed';
import { installCalendar } from './calendar/electron-calendar';
import { todaysMeetingsAnswer } from './calendar/todays-meetings';
import { CallStateStore, isInCall } from './call-state';
import { CredentialStore, loadKeychain, noKeyringMessage } from './credentials/credential-store';
import { installSessionPersistence } from './credentials/electron-session-persistence';
import { DeepLinkDispatcher } from './deep-links/deep-link-dispatcher';
import { installDeepLinks, registerScheme } from './deep-links/electron-deep-links';
import type { DesktopSettings } from '../../common/settings';
import type { DesktopContext } from './index';
import { ElectronNotifier, notificationActionsSupported } from './notifications/electron-notifications';
import { NotificationRouter } from './notifications/notification-router';
import { installPower } from './power/electron-power';
import { installMiniWindow, type InstalledMiniWindow } from './mini-window/electron-mini-window';
import { installDisplayMediaHandler } from './screen-share/electron-display-media';
import { installGlobalMuteShortcut } from './shortcuts/electron-global-mute-shortcut';
import { ElectronShareIndicator } from './screen-share/electron-share-indicator';
import { shareIndicatorUrlFor } from './screen-share/share-indicator';
import { installClosePolicy } from './tray/electron-close-policy';
import { ElectronTray } from './tray/electron-tray';
import { runTrayCommand } from './tray/tray-commands';
import { installAutoUpdate } from './updates/electron-auto-update';
import { installWindowState } from './windows/electron-window-state';
import type { Language } from '../../common/languages';

export interface DesktopFeatures {
  /** Settles once the login kept in the keychain is back in the login session (or is not there). */
  sessionRestored: Promise<void>;
  /** Logout: the profile's secrets (login session, calendar password) leave the keychain. */
  forgetCredentials(): Promise<void>;
  /** A main window made again (macOS Dock after the last one closed) gets the same hooks. */
  attachMainWindow(window: BrowserWindow): void;
  dispose(): void;
}

/** If the renderer never reports its state, links wait this long after the page has loaded. */
const rendererReadyFallbackMilliseconds = 3000;

function settingsFallback(context: DesktopContext): DesktopSettings {
  const defaults = profileDefaults(context.profile);
  return {
    language: context.profile.defaultLanguage,
    updatesEnabled: defaults.updatesEnabled,
    updateFeedUrl: defaults.updateFeedUrl,
    updateChannel: defaults.updateChannel,
    calendarFeedUrl: defaults.calendarFeedUrl,
    screenShareAudioAllowed: defaults.features.screenShareAudio,
  };
}

export function wireDesktopFeatures(context: DesktopContext): DesktopFeatures {
  const { profile } = context;
  const settings = () => context.settings?.() ?? settingsFallback(context);
  const language = () => settings().language;
  const features = profileDefaults(profile).features;
  const disposers: Array<() => void> = [];
  const callState = new CallStateStore();
  const linkConfig = { scheme: profile.scheme, meetingHosts: profile.meetingHosts };

  const showWindow = () => {
    const window = context.getMainWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const windowVisible = () => {
    const window = context.getMainWindow();
    return Boolean(window && window.isVisible() && !window.isMinimized());
  };

  // Notifications (lobby, chat, meeting reminders).
  let router: NotificationRouter | null = null;
  const notifier = new ElectronNotifier((id, response) => router?.respond(id, response));
  router = new NotificationRouter({
    language,
    supportsActions: notificationActionsSupported,
    windowVisible,
    windowFocused: () => Boolean(context.getMainWindow()?.isFocused()),
    showWindow,
    show: (notification) => notifier.show(notification),
    send: (event, payload) => context.sendToRenderer(event, payload),
  });
  const notifications = router;
  disposers.push(() => notifier.dispose());
  context.registerInvoke('lobby:waiting-changed', async (payload) => {
    notifications.lobbyWaitingChanged(payload);
    return { ok: true, value: null };
  });
  context.registerInvoke('chat:received', async (payload) => {
    notifications.chatReceived(payload);
    return { ok: true, value: null };
  });

  // Deep links.
  registerScheme(profile.scheme);
  const dispatcher = new DeepLinkDispatcher({
    config: linkConfig,
    language,
    showWindow,
    sendJoin: (slug) => context.sendToRenderer('event:join', { slug }),
    notifyRefused: (message) => notifier.inform(message),
  });
  disposers.push(installDeepLinks(dispatcher));

  // Call state: the renderer's report feeds the tray, the close policy, power and updates; its
  // first report also says the renderer listens (queued links may go).
  context.registerInvoke('call:state', async (payload) => {
    callState.update(payload);
    dispatcher.markRendererReady();
    return { ok: true, value: null };
  });

  // The mini call window, while the main window is out of sight during a call.
  const mini = installMiniWindow({
    appOrigin: APP_ORIGIN,
    title: () => profile.displayName,
    enabled: () => settings().miniWindowEnabled ?? true,
    mainWindowVisible: windowVisible,
    language,
    showMain: showWindow,
    requestOpen: () => {
      const window = context.getMainWindow();
      if (!window || window.isDestroyed()) return false;
      context.sendToRenderer('event:floating-window', {});
      return true;
    },
  });
  disposers.push(callState.subscribe((state) => mini.controller.onCallState(state)));
  disposers.push(() => mini.dispose());
  context.registerInvoke('call:speaker', async (payload) => {
    mini.controller.onSpeaker(payload);
    return { ok: true, value: null };
  });
  context.registerInvoke('window:show-main', async () => {
    mini.controller.command('show-main');
    return { ok: true, value: null };
  });

  // Screen sharing.
  const registry = installDisplayMediaHandler({
    session: context.session,
    getMainWindow: context.getMainWindow,
    sendToRenderer: (event, payload) => context.sendToRenderer(event, payload),
    language,
    shareAudioAllowed: () => features.screenShareAudio && settings().screenShareAudioAllowed,
  });
  context.registerInvoke('capture:choose', async (payload) => registry.choose(payload));
  const indicator = new ElectronShareIndicator({
    pageUrl: () => shareIndicatorUrlFor(APP_ORIGIN, language()),
    requestStop: () => context.sendToRenderer('event:command', { command: 'stop-screen-share' }),
  });
  disposers.push(callState.subscribe((state) => indicator.onCallState(state)));
  disposers.push(() => {
    registry.cancelAll('shutdown');
    indicator.dispose();
  });

  // Tray, with today's meetings and the update state.
  let todaysMeetings: CalendarMeeting[] = [];
  let agendaRead = false;
  let updateReady = false;
  let update: ReturnType<typeof installAutoUpdate> | null = null;
  const tray = new ElectronTray(
    (command) =>
      runTrayCommand(command, {
        showWindow,
        send: (event, payload) => context.sendToRenderer(event, payload),
        restartToUpdate: () => update?.controller?.restartToUpdate(),
        quit: () => app.quit(),
      }),
    showWindow,
  );
  const refreshTray = () => tray.update({ call: callState.current(), todaysMeetings, updateReady, language: language() });
  refreshTray();
  disposers.push(callState.subscribe(refreshTray));
  // Another language: the menu and tooltip are rebuilt at once, without a restart.
  if (context.onSettingsChanged) disposers.push(context.onSettingsChanged(refreshTray));
  disposers.push(() => tray.dispose());

  // Power.
  disposers.push(installPower({ callState, onSuspend: () => context.sendToRenderer('event:system-suspend', {}) }));

  // The optional system-wide mute shortcut, held only while a call is under way.
  disposers.push(
    installGlobalMuteShortcut({
      callState,
      accelerator: () => settings().globalMuteShortcut ?? null,
      toggleMicrophone: () => context.sendToRenderer('event:command', { command: 'toggle-mic' }),
    }),
  );

  // Updates: checked when idle; a call that ends lets a waiting step go on.
  update = installAutoUpdate({
    settings: settings(),
    inCall: () => isInCall(callState.current()),
    onPhaseChanged: (phase) => {
      updateReady = phase === 'ready';
      refreshTray();
    },
  });
  const updater = update;
  disposers.push(() => updater.dispose());
  disposers.push(
    callState.subscribe((state, previous) => {
      if (isInCall(previous) && !isInCall(state)) updater.nudge();
    }),
  );

  // Credentials: the login kept in the keychain, and the calendar's password.
  let toldNoKeyring = false;
  const onNoKeyring = () => {
    if (toldNoKeyring) return;
    toldNoKeyring = true;
    notifier.inform({ title: 'Visio', body: noKeyringMessage(language()) });
  };
  const storePromise = loadKeychain().then((keychain) => new CredentialStore(keychain, profile.id));
  const sessionRestored = storePromise.then((store) => {
    const persistence = installSessionPersistence({
      session: electronSession.fromPartition(loginPartitionFor(profile)),
      store,
      apiBaseUrl: profile.apiBaseUrl,
      ...(profile.sessionCookieName ? { sessionCookieName: profile.sessionCookieName } : {}),
      onNoKeyring,
    });
    disposers.push(persistence.dispose);
    return persistence.restored;
  });

  // Calendar reminders, and today's meetings on the home page.
  const feedUrl = settings().calendarFeedUrl;
  const agendaConfigured = Boolean(features.calendar && feedUrl);
  context.registerInvoke('calendar:today', async () => ({ ok: true, value: todaysMeetingsAnswer(agendaConfigured, agendaRead ? todaysMeetings : null) }));
  if (features.calendar && feedUrl) {
    disposers.push(
      installCalendar({
        session: context.session,
        profile,
        feedUrl,
        linkConfig,
        calendarSecret: async () => {
          const read = await (await storePromise).read('calendar');
          return read.ok ? read.value : null;
        },
        onReminder: (meeting) => notifications.meetingStarting(meeting),
        onMeetingsChanged: (meetings) => {
          todaysMeetings = meetings;
          agendaRead = true;
          refreshTray();
        },
      }),
    );
  }

  // The main window: close policy, remembered place, pending shares settled when it goes. Its
  // hooks go with it, so a window made again never finds a dead window's quit question.
  const attachMainWindow = (window: BrowserWindow) => {
    if (window.isDestroyed()) return;
    const windowDisposers = wireMainWindow(window, { context, callState, dispatcher, registry, notifier, language, mini });
    const release = () => {
      for (const disposer of windowDisposers.splice(0).reverse()) disposer();
    };
    window.once('closed', release);
    disposers.push(release);
  };
  const window = context.getMainWindow();
  if (window) attachMainWindow(window);

  const dispose = () => {
    for (const disposer of disposers.splice(0).reverse()) disposer();
  };
  app.once('will-quit', dispose);
  const forgetCredentials = async () => {
    // Where no keychain answers there is nothing to forget: nothing was ever kept.
    await (await storePromise).removeAll();
  };
  return { sessionRestored, forgetCredentials, attachMainWindow, dispose };
}

function wireMainWindow(
  window: BrowserWindow,
  parts: {
    context: DesktopContext;
    callState: CallStateStore;
    dispatcher: DeepLinkDispatcher;
    registry: ReturnType<typeof installDisplayMediaHandler>;
    notifier: ElectronNotifier;
    language(): Language;
    mini: InstalledMiniWindow;
  },
): Array<() => void> {
  const { callState, dispatcher, registry, mini } = parts;
  const disposers: Array<() => void> = [];
  disposers.push(
    installClosePolicy({
      window,
      inCall: () => isInCall(callState.current()),
      language: parts.language,
      leaveCall: () => parts.context.sendToRenderer('event:command', { command: 'leave' }),
      inform: (message) => parts.notifier.inform(message),
    }),
  );
  disposers.push(installWindowState(window, { restoreNow: true }));

  const contents = window.webContents;
  let fallback: ReturnType<typeof setTimeout> | null = null;
  const onNavigated = () => {
    // A new page: its picker is gone, and it must say it listens before links are sent.
    registry.cancelAll('window-closed');
    dispatcher.markRendererGone();
  };
  const onLoaded = () => {
    if (fallback) clearTimeout(fallback);
    fallback = setTimeout(() => dispatcher.markRendererReady(), rendererReadyFallbackMilliseconds);
  };
  const onGone = () => {
    registry.cancelAll('window-closed');
    dispatcher.markRendererGone();
  };
  const onClosed = () => {
    registry.cancelAll('window-closed');
    dispatcher.markRendererGone();
    if (fallback) clearTimeout(fallback);
  };
  // Hidden (closed to the tray) or minimized during a call: the mini window takes over. The page
  // opens it; this window may open that one window, and no other.
  const stopFollowingVisibility = followVisibility(window, () => mini.controller.onMainWindowVisibilityChanged());
  const stopAllowingMiniWindow = allowWindowOpen(contents, (details) => mini.windowOpen(details));
  const onWindowCreated = (child: BrowserWindow, details: { url: string; frameName: string }) => mini.adopt(child, details);
  contents.on('did-create-window', onWindowCreated);
  contents.on('did-navigate', onNavigated);
  contents.on('did-finish-load', onLoaded);
  contents.on('render-process-gone', onGone);
  window.on('closed', onClosed);
  disposers.push(() => {
    if (fallback) clearTimeout(fallback);
    if (window.isDestroyed()) return;
    stopFollowingVisibility();
    stopAllowingMiniWindow();
    contents.off('did-create-window', onWindowCreated);
    contents.off('did-navigate', onNavigated);
    contents.off('did-finish-load', onLoaded);
    contents.off('render-process-gone', onGone);
    window.off('closed', onClosed);
  });
  return disposers;
}

/** Calls `listener` whenever the window is shown, hidden, minimized or restored; returns the way to stop. */
function followVisibility(window: BrowserWindow, listener: () => void): () => void {
  const events = ['show', 'hide', 'minimize', 'restore'] as const;
  // Electron types each event's listener apart; these four take the same (event) argument.
  const on = window.on.bind(window) as (event: (typeof events)[number], listener: () => void) => BrowserWindow;
  const off = window.off.bind(window) as (event: (typeof events)[number], listener: () => void) => BrowserWindow;
  for (const event of events) on(event, listener);
  return () => {
    for (const event of events) off(event, listener);
  };
}
