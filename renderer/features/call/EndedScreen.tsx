import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../common/ipc-contract';
import { errorMessage } from '../../app/error-message';
import { useRouteStore } from '../../app/route-store';
import { joinMeeting, type CallEndReason } from '../meeting/meeting-store';

const headings: Record<CallEndReason, string> = {
  left: 'call.disconnected',
  lost: 'call.disconnectedUnexpectedly',
  removed: 'call.removed',
  room_closed: 'call.roomClosed',
  joined_elsewhere: 'call.joinedElsewhere',
};

export function EndedScreen({ slug, username, reason }: { slug: string; username: string; reason: CallEndReason }) {
  const { t } = useTranslation();
  const navigate = useRouteStore((state) => state.navigate);
  const [rejoining, setRejoining] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Someone an administrator removed is not offered a way straight back in.
  const mayRejoin = reason !== 'removed';

  useEffect(() => headingRef.current?.focus(), []);

  async function rejoin() {
    setRejoining(true);
    const failure = await joinMeeting(slug, username);
    setRejoining(false);
    setError(failure);
  }

  return (
    <main id="content" className="screen screen--centered" data-testid="ended-screen" data-reason={reason}>
      <div className="card">
        <h1 ref={headingRef} tabIndex={-1}>
          {t(headings[reason])}
        </h1>
        {reason === 'removed' && <p>{t('call.removedDetail')}</p>}
        {error && (
          <p className="notice notice--error" role="alert">
            {errorMessage(t, error)}
          </p>
        )}
        <div className="button-row">
          {mayRejoin && (
            <button type="button" className="button button--primary" disabled={rejoining} onClick={() => void rejoin()}>
              {t('call.rejoin')}
            </button>
          )}
          <button type="button" className={`button${mayRejoin ? '' : ' button--primary'}`} onClick={() => navigate({ name: 'home' })}>
            {t('call.leaveAndHome')}
          </button>
        </div>
      </div>
    </main>
  );
}
