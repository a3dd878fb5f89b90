// The tray menu as data, built from the call state, today's meetings and the updater: the
// adapter turns it into an Electron Menu, the tests read it as it is.
import type { Language } from '../../../common/languages';
import { mainT, timeOfDay } from '../../i18n/main-i18n';
import { isInCall, type CallState } from '../call-state';

export interface TodaysMeeting {
  occurrenceId: string;
  title: string;
  slug: string;
  startsAt: Date;
}

export interface TrayState {
  call: CallState;
  todaysMeetings: readonly TodaysMeeting[];
  updateReady: boolean;
  language: Language;
}

export type TrayCommand =
  | { type: 'join-by-link' }
  | { type: 'join-meeting'; slug: string }
  | { type: 'toggle-mic' }
  | { type: 'leave' }
  | { type: 'show' }
  | { type: 'restart-to-update' }
  | { type: 'quit' };

export type TrayMenuEntry =
  | { kind: 'item'; label: string; command: TrayCommand; enabled: boolean }
  | { kind: 'label'; label: string }
  | { kind: 'submenu'; label: string; entries: TrayMenuEntry[] }
  | { kind: 'separator' };

export type TrayIcon = 'idle' | 'in-call' | 'muted';

export function trayIcon(call: CallState): TrayIcon {
  if (call.state !== 'in-call') return 'idle';
  return call.muted ? 'muted' : 'in-call';
}

export function trayTooltip(state: TrayState): string {
  const t = mainT(state.language);
  const icon = trayIcon(state.call);
  return t(icon === 'idle' ? 'tray.idle' : icon === 'muted' ? 'tray.muted' : 'tray.inCall');
}

export function buildTrayMenu(state: TrayState): TrayMenuEntry[] {
  const t = mainT(state.language);
  const inCall = isInCall(state.call);
  const entries: TrayMenuEntry[] = [];

  if (state.call.state === 'in-call') {
    entries.push(
      { kind: 'item', label: t(state.call.muted ? 'tray.unmute' : 'tray.mute'), command: { type: 'toggle-mic' }, enabled: true },
      { kind: 'item', label: t('tray.leave'), command: { type: 'leave' }, enabled: true },
      { kind: 'separator' },
    );
  } else if (inCall) {
    entries.push({ kind: 'item', label: t('tray.leave'), command: { type: 'leave' }, enabled: true }, { kind: 'separator' });
  }

  // Joining another meeting from the tray would silently drop the current call.
  entries.push({ kind: 'item', label: t('tray.joinByLink'), command: { type: 'join-by-link' }, enabled: !inCall });
  const meetings = [...state.todaysMeetings].sort((first, second) => first.startsAt.getTime() - second.startsAt.getTime());
  entries.push({
    kind: 'submenu',
    label: t('tray.todaysMeetings'),
    entries:
      meetings.length === 0
        ? [{ kind: 'label', label: t('tray.noMeetings') }]
        : meetings.map((meeting) => ({
            kind: 'item' as const,
            label: `${timeOfDay(meeting.startsAt, state.language)} ${meeting.title} — ${t('tray.join')}`,
            command: { type: 'join-meeting' as const, slug: meeting.slug },
            enabled: !inCall,
          })),
  });
  entries.push({ kind: 'separator' }, { kind: 'item', label: t('tray.show'), command: { type: 'show' }, enabled: true });
  if (state.updateReady) {
    // Restarting ends the call: offered only when there is none.
    entries.push({ kind: 'item', label: t('tray.restart'), command: { type: 'restart-to-update' }, enabled: !inCall });
  }
  entries.push({ kind: 'separator' }, { kind: 'item', label: t('tray.quit'), command: { type: 'quit' }, enabled: true });
  return entries;
}
