import { describe, expect, it, vi } from 'vitest';
import type { MainEventName } from '../../../common/ipc-contract';
import type { Language } from '../../../common/languages';
import { NotificationRouter, type NotificationRouterPorts, type NotificationSpec } from './notification-router';

function setup(options: { supportsActions?: boolean; visible?: boolean; focused?: boolean; language?: Language } = {}) {
  const shown: NotificationSpec[] = [];
  const sent: Array<[MainEventName, unknown]> = [];
  const ports: NotificationRouterPorts = {
    language: () => options.language ?? 'fr',
    supportsActions: options.supportsActions ?? true,
    windowVisible: () => options.visible ?? false,
    windowFocused: () => options.focused ?? false,
    showWindow: vi.fn(),
    show: (notification) => shown.push(notification),
    send: (event, payload) => sent.push([event, payload]),
  };
  return { router: new NotificationRouter(ports), shown, sent, ports };
}

const waiting = (...participants: Array<[string, string]>) => ({
  roomId: 'room-1',
  roomSlug: 'abc-defg-hij',
  participants: participants.map(([id, username]) => ({ id, username })),
});

describe('NotificationRouter', () => {
  it('announces each waiting participant once, with Admit and Deny', () => {
    const { router, shown } = setup();
    router.lobbyWaitingChanged(waiting(['p1', 'Alice']));
    router.lobbyWaitingChanged(waiting(['p1', 'Alice'], ['p2', 'Bob']));
    expect(shown.map((notification) => notification.body)).toEqual([
      'Alice attend dans la salle d’attente.',
      'Bob attend dans la salle d’attente.',
    ]);
    expect(shown[0]!.actions).toEqual(['Admettre', 'Refuser']);
  });

  it('routes Admit and Deny to lobby decisions for the right participant', () => {
    const { router, shown, sent, ports } = setup({ language: 'en' });
    router.lobbyWaitingChanged(waiting(['p1', 'Alice'], ['p2', 'Bob']));
    router.respond(shown[0]!.id, { type: 'action', index: 0 });
    router.respond(shown[1]!.id, { type: 'action', index: 1 });
    expect(sent).toEqual([
      ['event:lobby-decision', { roomId: 'room-1', participantId: 'p1', allowEntry: true }],
      ['event:lobby-decision', { roomId: 'room-1', participantId: 'p2', allowEntry: false }],
    ]);
    expect(ports.showWindow).not.toHaveBeenCalled();
    expect(shown[0]!.actions).toEqual(['Admit', 'Deny']);
  });

  it('speaks German and Dutch, on systems with and without buttons', () => {
    const german = setup({ language: 'de' });
    german.router.lobbyWaitingChanged(waiting(['p1', 'Alice']));
    expect(german.shown[0]).toMatchObject({ title: 'Anfrage zur Teilnahme an der Besprechung', body: 'Alice wartet im Warteraum.', actions: ['Einlassen', 'Ablehnen'] });
    const dutch = setup({ language: 'nl', supportsActions: false });
    dutch.router.lobbyWaitingChanged(waiting(['p1', 'Alice']));
    expect(dutch.shown[0]).toMatchObject({ body: 'Alice wacht in de wachtruimte. Klik om te antwoorden.', actions: [] });
  });

  it('answers a notification only once', () => {
    const { router, shown, sent } = setup();
    router.lobbyWaitingChanged(waiting(['p1', 'Alice']));
    router.respond(shown[0]!.id, { type: 'action', index: 0 });
    router.respond(shown[0]!.id, { type: 'action', index: 1 });
    expect(sent).toHaveLength(1);
    expect(router.pendingCount()).toBe(0);
  });

  it('on Linux (no buttons) a click opens the participant panel', () => {
    const { router, shown, sent, ports } = setup({ supportsActions: false });
    router.lobbyWaitingChanged(waiting(['p1', 'Alice']));
    expect(shown[0]!.actions).toEqual([]);
    expect(shown[0]!.body).toContain('Cliquez pour répondre');
    router.respond(shown[0]!.id, { type: 'click' });
    expect(ports.showWindow).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([['event:command', { command: 'show-participants' }]]);
  });

  it('stays quiet about the lobby while the window has focus, and announces a returning participant again', () => {
    let focused = true;
    const { router, shown, ports } = setup();
    ports.windowFocused = () => focused;
    router.lobbyWaitingChanged(waiting(['p1', 'Alice']));
    expect(shown).toHaveLength(0);
    focused = false;
    router.lobbyWaitingChanged(waiting());
    router.lobbyWaitingChanged(waiting(['p1', 'Alice']));
    expect(shown).toHaveLength(1);
  });

  it('announces chat only while the window is hidden; a click shows the chat', () => {
    const visible = setup({ visible: true, focused: true });
    visible.router.chatReceived({ from: 'Alice', text: 'Bonjour', roomSlug: 'abc-defg-hij' });
    expect(visible.shown).toHaveLength(0);

    const hidden = setup({ visible: false });
    hidden.router.chatReceived({ from: 'Alice', text: 'Bonjour\n à tous', roomSlug: 'abc-defg-hij' });
    expect(hidden.shown[0]).toMatchObject({ title: 'Message de Alice', body: 'Bonjour à tous' });
    hidden.router.respond(hidden.shown[0]!.id, { type: 'click' });
    expect(hidden.ports.showWindow).toHaveBeenCalledTimes(1);
    expect(hidden.sent).toEqual([['event:command', { command: 'show-chat' }]]);
  });

  it('offers Join for a meeting about to start and lands on its prejoin', () => {
    const { router, shown, sent, ports } = setup({ language: 'en' });
    const reminder = { occurrenceId: 'uid-1@2026-11-23T14:00Z', title: 'Weekly', slug: 'abc-defg-hij', startsAt: new Date('2026-11-23T14:00:00Z') };
    router.meetingStarting(reminder);
    router.meetingStarting(reminder);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.actions).toEqual(['Join']);
    router.respond(shown[0]!.id, { type: 'action', index: 0 });
    expect(ports.showWindow).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([['event:join', { slug: 'abc-defg-hij' }]]);
  });

  it('does nothing when a notification is dismissed', () => {
    const { router, shown, sent, ports } = setup();
    router.chatReceived({ from: 'Alice', text: 'Bonjour', roomSlug: 'abc-defg-hij' });
    router.respond(shown[0]!.id, { type: 'close' });
    expect(sent).toEqual([]);
    expect(ports.showWindow).not.toHaveBeenCalled();
  });
});
