// The tray's Electron wiring, against a stand-in for Electron: the icon follows the call, the
// menu is rebuilt from the model, and its items reach the command handler.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallState } from '../call-state';
import { FakeTray, resetFakeElectron, type FakeMenu } from '../../testing/fake-electron';
import { ElectronTray } from './electron-tray';
import type { TrayState } from './tray-menu';

vi.mock('electron', async () => (await import('../../testing/fake-electron')).fakeElectron);

const idle: CallState = { state: 'idle', muted: false, cameraOn: false, roomSlug: null, sharing: false };
const inCall: CallState = { state: 'in-call', muted: false, cameraOn: true, roomSlug: 'abc-defg-hij', sharing: false };

function stateOf(call: CallState, extra: Partial<TrayState> = {}): TrayState {
  return { call, todaysMeetings: [], updateReady: false, language: 'en', ...extra };
}

function install() {
  const onCommand = vi.fn();
  const onActivate = vi.fn();
  const tray = new ElectronTray(onCommand, onActivate);
  return { tray, onCommand, onActivate, fake: FakeTray.made.at(-1) as FakeTray };
}

function menuOf(fake: FakeTray): FakeMenu {
  if (!fake.contextMenu) throw new Error('no context menu');
  return fake.contextMenu;
}

beforeEach(() => {
  resetFakeElectron();
});

describe('Electron tray', () => {
  it('starts with the idle icon at 1× and 2×, and a click brings the window back', () => {
    const { fake, onActivate } = install();
    expect(FakeTray.made).toHaveLength(1);
    expect(fake.image.representations.map((representation) => [representation.scaleFactor, representation.width])).toEqual([
      [1, 16],
      [2, 32],
    ]);
    fake.emit('click');
    expect(onActivate).toHaveBeenCalledTimes(1);
  });

  it('changes the icon only when the call’s icon changes, and always refreshes tooltip and menu', () => {
    const { tray, fake } = install();
    tray.update(stateOf(idle));
    expect(fake.images).toHaveLength(1);
    expect(fake.tooltip).toBe('Visio');

    tray.update(stateOf(inCall));
    expect(fake.images).toHaveLength(2);
    expect(fake.tooltip).toBe('Visio — in a meeting');
    const inCallIcon = fake.image.representations[0]?.buffer;

    tray.update(stateOf({ ...inCall, muted: true }));
    expect(fake.images).toHaveLength(3);
    expect(fake.tooltip).toBe('Visio — in a meeting, microphone off');
    expect(fake.image.representations[0]?.buffer?.equals(inCallIcon ?? Buffer.alloc(0))).toBe(false);

    tray.update(stateOf({ ...inCall, muted: true, cameraOn: false }));
    expect(fake.images).toHaveLength(3);
  });

  it('builds the menu from the model, and its items run their commands', () => {
    const { tray, fake, onCommand } = install();
    tray.update(stateOf(inCall));
    const menu = menuOf(fake);
    expect(menu.labels()).toEqual(['Mute microphone', 'Leave meeting', '—', 'Join by link…', 'Today’s meetings', '—', 'Show Visio', '—', 'Quit Visio']);
    // Joining another meeting during a call is offered but greyed out.
    expect(menu.item('Join by link…').enabled).toBe(false);
    expect(menu.item('No meetings today').enabled).toBe(false);

    menu.click('Mute microphone');
    menu.click('Quit Visio');
    expect(onCommand.mock.calls).toEqual([[{ type: 'toggle-mic' }], [{ type: 'quit' }]]);
  });

  it('offers today’s meetings in a submenu that joins them', () => {
    const { tray, fake, onCommand } = install();
    tray.update(
      stateOf(idle, {
        language: 'fr',
        todaysMeetings: [{ occurrenceId: 'o1', title: 'Point hebdo', slug: 'abc-defg-hij', startsAt: new Date(2030, 0, 2, 9, 30) }],
      }),
    );
    menuOf(fake).click('09:30 Point hebdo — Rejoindre');
    expect(onCommand).toHaveBeenCalledWith({ type: 'join-meeting', slug: 'abc-defg-hij' });
  });

  it('dispose destroys the icon once', () => {
    const { tray, fake } = install();
    tray.dispose();
    expect(fake.isDestroyed()).toBe(true);
    expect(() => tray.dispose()).not.toThrow();
  });
});
