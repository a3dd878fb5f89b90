// The call's connection in words: "unstable" while the media stopped, "lost" while the call is
// re-established, with when the next attempt comes and a way to try at once. Screen readers hear
// each change once, through the call's polite live region, never the countdown.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallStore } from './call-store';
import type { ConnectionView } from './connection-health';
import { useNotificationStore } from './notification-store';
import { useConnectionView } from './useConnectionView';

function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function useAnnounceChanges(view: ConnectionView): void {
  const { t } = useTranslation();
  const previous = useRef<ConnectionView>('ok');
  useEffect(() => {
    const before = previous.current;
    previous.current = view;
    if (before === view) return;
    const { notify } = useNotificationStore.getState();
    if (view === 'unstable') notify(t('call.unstable'), 'warning', { visible: false });
    else if (view === 'lost') notify(t('call.reconnecting'), 'warning', { visible: false });
    else notify(t('call.reconnected'));
  }, [view, t]);
}

export function ConnectionBanner() {
  const { t } = useTranslation();
  const view = useConnectionView();
  const nextRejoinAt = useCallStore((state) => state.nextRejoinAt);
  const rejoinNow = useCallStore((state) => state.rejoinNow);
  const seconds = useSecondsUntil(view === 'lost' ? nextRejoinAt : null);
  useAnnounceChanges(view);
  if (view === 'ok') return null;
  if (view === 'unstable') {
    return (
      <p className="banner banner--notice" data-testid="connection-banner" data-state="unstable">
        {t('call.unstable')}
      </p>
    );
  }
  return (
    <div className="banner banner--warning" data-testid="connection-banner" data-state="lost">
      <span>{t('call.reconnecting')}</span>
      {seconds !== null && (
        <>
          <span>{t('call.nextAttempt', { count: seconds })}</span>
          <button type="button" className="button" onClick={rejoinNow}>
            {t('call.rejoinNow')}
          </button>
        </>
      )}
    </div>
  );
}
