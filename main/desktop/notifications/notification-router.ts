// Which notifications the app raises and where each answer lands: someone waiting in the lobby
// (Admit / Deny), a chat message while the window is hidden, a meeting about to start (Join).
// Where the system has no notification buttons (Linux), a click opens the screen that offers the
// same choice, so no decision is ever lost.
import type { InvokeInput, MainEventName, MainEvents } from '../../../common/ipc-contract';
import type { Language } from '../../../common/languages';
import { mainT, timeOfDay } from '../../i18n/main-i18n';

export interface NotificationSpec {
  id: string;
  title: string;
  body: string;
  /** Button labels, in order; empty where the system shows none. */
  actions: string[];
  urgent: boolean;
}

export type NotificationResponse = { type: 'click' } | { type: 'action'; index: number } | { type: 'close' };

export interface NotificationRouterPorts {
  language(): Language;
  /** macOS and Windows show buttons on notifications; Linux notification daemons vary. */
  supportsActions: boolean;
  windowVisible(): boolean;
  windowFocused(): boolean;
  showWindow(): void;
  show(notification: NotificationSpec): void;
  send<E extends MainEventName>(event: E, payload: MainEvents[E]): void;
}

export interface MeetingReminder {
  /** Stable per occurrence, so the same reminder is never raised twice. */
  occurrenceId: string;
  title: string;
  slug: string;
  startsAt: Date;
}

type Route =
  | { kind: 'lobby'; roomId: string; participantId: string }
  | { kind: 'chat' }
  | { kind: 'meeting'; slug: string };

const maximumBodyLength = 140;

function shorten(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > maximumBodyLength ? `${single.slice(0, maximumBodyLength - 1)}…` : single;
}

export class NotificationRouter {
  private readonly routes = new Map<string, Route>();
  /** Per room, who was already announced: the renderer sends the whole waiting list each time. */
  private readonly announcedWaiting = new Map<string, Set<string>>();
  private readonly announcedReminders = new Set<string>();

  constructor(private readonly ports: NotificationRouterPorts) {}

  lobbyWaitingChanged(update: InvokeInput<'lobby:waiting-changed'>): void {
    const known = this.announcedWaiting.get(update.roomId) ?? new Set<string>();
    const current = new Set(update.participants.map((participant) => participant.id));
    // Someone who left and asks again is announced again.
    for (const id of known) if (!current.has(id)) known.delete(id);
    this.announcedWaiting.set(update.roomId, known);
    for (const participant of update.participants) {
      if (known.has(participant.id)) continue;
      known.add(participant.id);
      if (this.ports.windowFocused()) continue;
      const t = mainT(this.ports.language());
      const name = shorten(participant.username) || t('notifications.someone');
      const id = `lobby:${update.roomId}:${participant.id}`;
      this.routes.set(id, { kind: 'lobby', roomId: update.roomId, participantId: participant.id });
      this.ports.show({
        id,
        title: t('notifications.lobbyTitle'),
        body: t(this.ports.supportsActions ? 'notifications.lobbyBody' : 'notifications.lobbyBodyClick', { name }),
        actions: this.ports.supportsActions ? [t('notifications.admit'), t('notifications.deny')] : [],
        urgent: true,
      });
    }
  }

  chatReceived(message: InvokeInput<'chat:received'>): void {
    if (this.ports.windowVisible() && this.ports.windowFocused()) return;
    const t = mainT(this.ports.language());
    const id = `chat:${message.roomSlug}`;
    this.routes.set(id, { kind: 'chat' });
    this.ports.show({
      id,
      title: t('notifications.chatTitle', { name: shorten(message.from) }),
      body: shorten(message.text),
      actions: [],
      urgent: false,
    });
  }

  meetingStarting(reminder: MeetingReminder): void {
    if (this.announcedReminders.has(reminder.occurrenceId)) return;
    this.announcedReminders.add(reminder.occurrenceId);
    const language = this.ports.language();
    const t = mainT(language);
    const id = `meeting:${reminder.occurrenceId}`;
    this.routes.set(id, { kind: 'meeting', slug: reminder.slug });
    this.ports.show({
      id,
      title: shorten(reminder.title) || t('notifications.meeting'),
      body: t(this.ports.supportsActions ? 'notifications.startsAt' : 'notifications.startsAtClick', { time: timeOfDay(reminder.startsAt, language) }),
      actions: this.ports.supportsActions ? [t('notifications.join')] : [],
      urgent: false,
    });
  }

  /** The user answered notification `id`. */
  respond(id: string, response: NotificationResponse): void {
    const route = this.routes.get(id);
    if (!route) return;
    this.routes.delete(id);
    if (response.type === 'close') return;
    switch (route.kind) {
      case 'lobby':
        if (response.type === 'action' && (response.index === 0 || response.index === 1)) {
          this.ports.send('event:lobby-decision', {
            roomId: route.roomId,
            participantId: route.participantId,
            allowEntry: response.index === 0,
          });
          return;
        }
        this.ports.showWindow();
        this.ports.send('event:command', { command: 'show-participants' });
        return;
      case 'chat':
        this.ports.showWindow();
        this.ports.send('event:command', { command: 'show-chat' });
        return;
      case 'meeting':
        // Click or Join: both land on the prejoin screen of the meeting.
        this.ports.showWindow();
        this.ports.send('event:join', { slug: route.slug });
        return;
    }
  }

  /** How many answers are still awaited (for tests and leak checks). */
  pendingCount(): number {
    return this.routes.size;
  }
}
