// The one shape of the app's settings, its built-in defaults, and the views other parts take of
// it. Main resolves the effective values (main/policy/effective-settings.ts); the settings screen
// shows them through `settings:get`; the desktop features read a few.
import { defaultChatFilesPolicy, type ChatFilesPolicy } from './chat-files';
import type { Language } from './languages';
import type { ProxySettings } from './profile';

export interface EffectiveSettings {
  profileId: string;
  language: Language;
  updatesEnabled: boolean;
  updateFeedUrl: string | null;
  updateChannel: string;
  calendarFeedUrl: string | null;
  screenShareAudioAllowed: boolean;
  hardwareAcceleration: boolean;
  /** Shows a small always-on-top call window when the main window is hidden during a call. */
  miniWindowEnabled: boolean;
  proxy: ProxySettings;
  /** PEM texts or paths: the profile's CAs then the policy's extra ones. */
  certificateAuthorities: string[];
  addInstanceAllowed: boolean;
  /** Files in the chat: on or off, their largest size and their types (profile, then machine policy). */
  chatFiles: ChatFilesPolicy;
  /** Always false: the app sends no telemetry, whatever any layer says. */
  telemetry: false;
}

export type SettingKey = keyof EffectiveSettings;

export const builtInDefaults: EffectiveSettings = {
  profileId: 'devstack',
  language: 'fr',
  updatesEnabled: false,
  updateFeedUrl: null,
  updateChannel: 'latest',
  calendarFeedUrl: null,
  screenShareAudioAllowed: true,
  hardwareAcceleration: true,
  miniWindowEnabled: true,
  proxy: { mode: 'system' },
  certificateAuthorities: [],
  addInstanceAllowed: true,
  chatFiles: defaultChatFilesPolicy,
  telemetry: false,
};

/** What the settings screen shows: everything but the certificates, which stay in main. */
export type ShownSettings = Omit<EffectiveSettings, 'certificateAuthorities'>;

export function shownSettings({ certificateAuthorities: _kept, ...shown }: EffectiveSettings): ShownSettings {
  return shown;
}

/** What the desktop features read (tray, updates, calendar, screen share, mini window). */
export type DesktopSettings = Pick<
  EffectiveSettings,
  'language' | 'updatesEnabled' | 'updateFeedUrl' | 'updateChannel' | 'calendarFeedUrl' | 'screenShareAudioAllowed'
> &
  Partial<Pick<EffectiveSettings, 'miniWindowEnabled'>> & {
    /** The system-wide mute shortcut (an Electron accelerator), held during calls only; none when absent. */
    globalMuteShortcut?: string | null;
  };
