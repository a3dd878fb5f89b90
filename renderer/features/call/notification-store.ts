// Short in-call notices (joins, leaves, reactions, hands, errors): shown as toasts and read by
// screen readers through one polite live region.
import { create } from 'zustand';

export interface CallNotification {
  id: number;
  text: string;
  tone: 'info' | 'warning';
}

interface NotificationState {
  notifications: CallNotification[];
  /** The last text for the live region; a counter makes repeated texts announced again. */
  announcement: { text: string; serial: number };
  notify(text: string, tone?: CallNotification['tone'], options?: { visible?: boolean }): void;
  dismiss(id: number): void;
  clear(): void;
}

const VISIBLE_MS = 5000;
const MAX_VISIBLE = 4;
let nextId = 1;

export const useNotificationStore = create<NotificationState>((set, get) => ({
  notifications: [],
  announcement: { text: '', serial: 0 },
  notify(text, tone = 'info', options = {}) {
    const serial = get().announcement.serial + 1;
    if (options.visible === false) {
      set({ announcement: { text, serial } });
      return;
    }
    const id = nextId++;
    set({ notifications: [...get().notifications, { id, text, tone }].slice(-MAX_VISIBLE), announcement: { text, serial } });
    setTimeout(() => get().dismiss(id), VISIBLE_MS);
  },
  dismiss(id) {
    set({ notifications: get().notifications.filter((notification) => notification.id !== id) });
  },
  clear() {
    set({ notifications: [] });
  },
}));
