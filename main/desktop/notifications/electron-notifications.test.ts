// Electron notifications for the router, against a stand-in for Electron: buttons and urgency as
// asked, one answer per notification, a replaced notification closed, nothing where the system
// has no notifications.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeNotification, fakeEvent, resetFakeElectron } from '../../testing/fake-electron';
import { ElectronNotifier } from './electron-notifications';
import type { NotificationSpec } from './notification-router';

vi.mock('electron', async () => (await import('../../testing/fake-electron')).fakeElectron);

const lobby: NotificationSpec = { id: 'lobby:r1:p1', title: 'Request to join the meeting', body: 'Dominique is waiting.', actions: ['Admit', 'Deny'], urgent: true };

beforeEach(() => {
  resetFakeElectron();
});

describe('Electron notifier', () => {
  it('shows the notification with its buttons and urgency', () => {
    new ElectronNotifier(vi.fn()).show(lobby);
    const [shown] = FakeNotification.made;
    expect(shown?.shown).toBe(true);
    expect(shown?.options).toMatchObject({
      title: 'Request to join the meeting',
      body: 'Dominique is waiting.',
      urgency: 'critical',
      actions: [
        { type: 'button', text: 'Admit' },
        { type: 'button', text: 'Deny' },
      ],
    });
  });

  it('reports a button, a click or a close once per notification', () => {
    const onResponse = vi.fn();
    const notifier = new ElectronNotifier(onResponse);
    notifier.show(lobby);
    const shown = FakeNotification.made[0] as FakeNotification;
    shown.emit('action', fakeEvent({ actionIndex: 1 }), 1);
    shown.emit('click', fakeEvent());
    shown.emit('close', fakeEvent());
    expect(onResponse.mock.calls).toEqual([['lobby:r1:p1', { type: 'action', index: 1 }]]);

    notifier.show({ ...lobby, id: 'chat:abc-defg-hij', actions: [], urgent: false });
    (FakeNotification.made[1] as FakeNotification).emit('click', fakeEvent());
    expect(onResponse).toHaveBeenLastCalledWith('chat:abc-defg-hij', { type: 'click' });
  });

  it('a notification shown again under the same id closes the previous one, whose answer no longer counts', () => {
    const onResponse = vi.fn();
    const notifier = new ElectronNotifier(onResponse);
    notifier.show(lobby);
    notifier.show({ ...lobby, body: 'Dominique is still waiting.' });
    const [first, second] = FakeNotification.made as [FakeNotification, FakeNotification];
    expect(first.closed).toBe(true);
    first.emit('click', fakeEvent());
    expect(onResponse).not.toHaveBeenCalled();
    second.emit('click', fakeEvent());
    expect(onResponse).toHaveBeenCalledTimes(1);
  });

  it('a notice has no answer, and nothing is shown where notifications are not supported', () => {
    const notifier = new ElectronNotifier(vi.fn());
    notifier.inform({ title: 'Link refused', body: 'Nothing was opened.' });
    expect(FakeNotification.made.map((notification) => [notification.options.title, notification.shown])).toEqual([['Link refused', true]]);

    FakeNotification.supported = false;
    notifier.inform({ title: 'Link refused', body: 'Nothing was opened.' });
    notifier.show(lobby);
    expect(FakeNotification.made).toHaveLength(1);
  });

  it('dispose closes every live notification', () => {
    const notifier = new ElectronNotifier(vi.fn());
    notifier.show(lobby);
    notifier.show({ ...lobby, id: 'lobby:r1:p2' });
    notifier.dispose();
    expect(FakeNotification.made.every((notification) => notification.closed)).toBe(true);
  });
});
