// Electron notifications for the router: buttons where the system has them (macOS, Windows),
// a click elsewhere. Each live notification is kept referenced until answered, or its
// handlers are lost with it when the garbage collector takes it.
import { Notification } from 'electron';
import type { NotificationResponse, NotificationSpec } from './notification-router';

export const notificationActionsSupported = process.platform === 'darwin' || process.platform === 'win32';

export class ElectronNotifier {
  private readonly live = new Map<string, Notification>();

  constructor(private readonly onResponse: (id: string, response: NotificationResponse) => void) {}

  show(spec: NotificationSpec): void {
    if (!Notification.isSupported()) return;
    this.live.get(spec.id)?.close();
    const notification = new Notification({
      title: spec.title,
      body: spec.body,
      silent: false,
      urgency: spec.urgent ? 'critical' : 'normal',
      actions: spec.actions.map((text) => ({ type: 'button' as const, text })),
    });
    const settle = (response: NotificationResponse) => {
      if (this.live.get(spec.id) !== notification) return;
      this.live.delete(spec.id);
      this.onResponse(spec.id, response);
    };
    notification.on('click', () => settle({ type: 'click' }));
    notification.on('action', (details) => settle({ type: 'action', index: details.actionIndex }));
    notification.on('close', () => settle({ type: 'close' }));
    this.live.set(spec.id, notification);
    notification.show();
  }

  /** A notice without answer (a refused link). */
  inform(message: { title: string; body: string }): void {
    if (!Notification.isSupported()) return;
    new Notification({ title: message.title, body: message.body }).show();
  }

  dispose(): void {
    for (const notification of this.live.values()) notification.close();
    this.live.clear();
  }
}
