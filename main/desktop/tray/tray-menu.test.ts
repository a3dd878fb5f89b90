import { describe, expect, it } from 'vitest';
import { idleCallState, type CallState } from '../call-state';
import { buildTrayMenu, trayIcon, trayTooltip, type TrayMenuEntry, type TrayState } from './tray-menu';

const inCall: CallState = { ...idleCallState, state: 'in-call', roomSlug: 'abc-defg-hij' };
const meetings = [
  { occurrenceId: 'b', title: 'Point hebdo', slug: 'bbb-bbbb-bbb', startsAt: new Date('2026-11-23T15:00:00Z') },
  { occurrenceId: 'a', title: 'Comité', slug: 'aaa-aaaa-aaa', startsAt: new Date('2026-11-23T09:30:00Z') },
];

const state = (overrides: Partial<TrayState> = {}): TrayState => ({
  call: idleCallState,
  todaysMeetings: [],
  updateReady: false,
  language: 'fr',
  ...overrides,
});

const itemLabels = (entries: TrayMenuEntry[]) =>
  entries.map((entry) => (entry.kind === 'separator' ? '—' : entry.label));
const commandOf = (entries: TrayMenuEntry[], label: string) => {
  const entry = entries.find((candidate) => candidate.kind === 'item' && candidate.label === label);
  return entry?.kind === 'item' ? entry : undefined;
};

describe('tray menu', () => {
  it('when idle offers join by link, today’s meetings, show and quit', () => {
    const menu = buildTrayMenu(state());
    expect(itemLabels(menu)).toEqual(['Rejoindre par un lien…', 'Réunions du jour', '—', 'Afficher Visio', '—', 'Quitter Visio']);
    expect(commandOf(menu, 'Rejoindre par un lien…')).toMatchObject({ enabled: true, command: { type: 'join-by-link' } });
    const todays = menu[1];
    expect(todays).toEqual({ kind: 'submenu', label: 'Réunions du jour', entries: [{ kind: 'label', label: 'Aucune réunion aujourd’hui' }] });
    expect(trayIcon(idleCallState)).toBe('idle');
  });

  it('in a call offers mute and leave, and no other meeting', () => {
    const menu = buildTrayMenu(state({ call: inCall, todaysMeetings: meetings, language: 'en' }));
    expect(itemLabels(menu).slice(0, 3)).toEqual(['Mute microphone', 'Leave meeting', '—']);
    expect(commandOf(menu, 'Mute microphone')?.command).toEqual({ type: 'toggle-mic' });
    expect(commandOf(menu, 'Leave meeting')?.command).toEqual({ type: 'leave' });
    expect(commandOf(menu, 'Join by link…')?.enabled).toBe(false);
    const todays = menu.find((entry) => entry.kind === 'submenu');
    expect(todays?.kind === 'submenu' && todays.entries.every((entry) => entry.kind === 'item' && !entry.enabled)).toBe(true);
    expect(trayIcon(inCall)).toBe('in-call');
    expect(trayTooltip(state({ call: inCall, language: 'en' }))).toBe('Visio — in a meeting');
  });

  it('when muted offers unmute and shows the muted icon', () => {
    const muted = { ...inCall, muted: true };
    const menu = buildTrayMenu(state({ call: muted }));
    expect(menu[0]).toMatchObject({ label: 'Activer le micro', command: { type: 'toggle-mic' } });
    expect(trayIcon(muted)).toBe('muted');
    expect(trayTooltip(state({ call: muted }))).toBe('Visio — en réunion, micro coupé');
  });

  it('in the lobby offers leave but not mute', () => {
    const menu = buildTrayMenu(state({ call: { ...idleCallState, state: 'lobby', roomSlug: 'abc-defg-hij' } }));
    expect(itemLabels(menu).slice(0, 2)).toEqual(['Quitter la réunion', '—']);
  });

  it('lists today’s meetings in time order, each with Join', () => {
    const menu = buildTrayMenu(state({ todaysMeetings: meetings, language: 'en' }));
    const todays = menu.find((entry) => entry.kind === 'submenu');
    if (todays?.kind !== 'submenu') throw new Error('no submenu');
    expect(todays.entries.map((entry) => (entry.kind === 'item' ? entry.command : null))).toEqual([
      { type: 'join-meeting', slug: 'aaa-aaaa-aaa' },
      { type: 'join-meeting', slug: 'bbb-bbbb-bbb' },
    ]);
    expect(todays.entries[0]).toMatchObject({ enabled: true });
    expect(todays.entries[0]?.kind === 'item' && todays.entries[0].label.endsWith('Comité — Join')).toBe(true);
  });

  it('speaks German and Dutch', () => {
    expect(itemLabels(buildTrayMenu(state({ language: 'de' })))).toEqual(['Über einen Link teilnehmen…', 'Heutige Besprechungen', '—', 'Visio anzeigen', '—', 'Visio beenden']);
    expect(trayTooltip(state({ call: { ...inCall, muted: true }, language: 'nl' }))).toBe('Visio – in een vergadering, microfoon gedempt');
    const menu = buildTrayMenu(state({ todaysMeetings: meetings, language: 'de' }));
    const todays = menu.find((entry) => entry.kind === 'submenu');
    expect(todays?.kind === 'submenu' && todays.entries[0]?.kind === 'item' && todays.entries[0].label).toMatch(/^\d\d:\d\d Comité — Teilnehmen$/);
  });

  it('offers restart to update only when an update is ready, disabled during a call', () => {
    expect(commandOf(buildTrayMenu(state()), 'Redémarrer pour mettre à jour')).toBeUndefined();
    expect(commandOf(buildTrayMenu(state({ updateReady: true })), 'Redémarrer pour mettre à jour')).toMatchObject({
      enabled: true,
      command: { type: 'restart-to-update' },
    });
    expect(commandOf(buildTrayMenu(state({ updateReady: true, call: inCall })), 'Redémarrer pour mettre à jour')?.enabled).toBe(false);
  });
});
