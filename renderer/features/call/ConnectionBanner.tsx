// The call's connection in words: "unstable" while the media stopped, "lost" while the call is
// re-established, with when the next attempt comes and a way to try at once. Screen readers hear
// each state once (its text is a polite status), never the countdown; "Reconnecté" once it is over.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallLifecycleStore } from './call-lifecycle-store';
import { rejoinNow } from './call-lifecycle';
import type { ConnectionView } from './connection-health';
import { useNotificationStore } from './notification-store';
import { useConnectionView } from './useConnectionView';

function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function useAnnounceRecovery(view: ConnectionView): void {
  const { t } = useTranslation();
  const previous = useRef<ConnectionView>('ok');
  useEffect(() => {
    const before = previous.current;
    previous.current = view;
    if (before !== 'ok' && view === 'ok') useNotificationStore.getState().notify(t('call.reconnected'));
  }, [view, t]);
}

export function ConnectionBanner() {
  const { t } = useTranslation();
  const view = useConnectionView();
  const nextRejoinAt = useCallLifecycleStore((state) => state.nextRejoinAt);
  const seconds = useSecondsUntil(view === 'lost' ? nextRejoinAt : null);
  useAnnounceRecovery(view);
  if (view === 'ok') return null;
  if (view === 'unstable') {
    return (
      <div className="banner banner--notice" data-testid="connection-banner" data-state="unstable">
        <span role="status">{t('call.unstable')}</span>
      </div>
    );
  }
  return (
    <div className="banner banner--warning" data-testid="connection-banner" data-state="lost">
      <span role="status">{t('call.reconnecting')}</span>
      {seconds !== null && <span>{t('call.nextAttempt', { count: seconds })}</span>}
      <button type="button" className="button" onClick={rejoinNow}>
        {t('call.rejoinNow')}
      </button>
    </div>
  );
}
