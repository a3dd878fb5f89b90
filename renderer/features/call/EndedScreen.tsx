import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../common/ipc-contract';
import { errorMessage } from '../../app/error-message';
import { useRouteStore } from '../../app/route-store';
import { joinMeeting } from '../meeting/meeting-store';

export function EndedScreen({ slug, username, unexpected }: { slug: string; username: string; unexpected: boolean }) {
  const { t } = useTranslation();
  const navigate = useRouteStore((state) => state.navigate);
  const [rejoining, setRejoining] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  async function rejoin() {
    setRejoining(true);
    const failure = await joinMeeting(slug, username);
    setRejoining(false);
    setError(failure);
  }

  return (
    <main id="content" className="screen screen--centered">
      <div className="card">
        <h1 ref={headingRef} tabIndex={-1}>
          {unexpected ? t('call.disconnectedUnexpectedly') : t('call.disconnected')}
        </h1>
        {error && (
          <p className="notice notice--error" role="alert">
            {errorMessage(t, error)}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={rejoining} onClick={() => void rejoin()}>
            {t('call.rejoin')}
          </button>
          <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
            {t('call.leaveAndHome')}
          </button>
        </div>
      </div>
    </main>
  );
}
