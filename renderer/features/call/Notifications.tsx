import { useNotificationStore } from './notification-store';

export function Notifications() {
  const notifications = useNotificationStore((state) => state.notifications);
  const announcement = useNotificationStore((state) => state.announcement);
  return (
    <>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        <span key={announcement.serial}>{announcement.text}</span>
      </div>
      <ul className="toasts" aria-hidden="true">
        {notifications.map((notification) => (
          <li key={notification.id} className={`toast toast--${notification.tone}`}>
            {notification.text}
          </li>
        ))}
      </ul>
    </>
  );
}
