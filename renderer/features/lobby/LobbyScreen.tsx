import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roomKey, type Room } from '../../../common/meet-types';
import { useRouteStore } from '../../app/route-store';
import { invoke } from '../../platform/visio';
import { useMeetingStore } from '../meeting/meeting-store';
import { startLobbyPolling, type LobbyUpdate } from './lobby-polling';

export function LobbyScreen({ slug, room, username }: { slug: string; room: Room; username: string }) {
  const { t } = useTranslation();
  const navigate = useRouteStore((state) => state.navigate);
  const enterCall = useMeetingStore((state) => state.enterCall);
  const [update, setUpdate] = useState<LobbyUpdate>({ kind: 'waiting' });
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(
    () =>
      startLobbyPolling({
        requestEntry: () => invoke('backend:lobby:request-entry', { roomId: roomKey(room), username }),
        onUpdate: (next) => {
          if (next.kind === 'accepted') enterCall(room, next.grant, username);
          else setUpdate(next);
        },
      }),
    [room, username, enterCall],
  );

  return (
    <main id="content" className="screen screen--centered">
      <div className="card lobby">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('lobby.title')}
        </h1>
        {update.kind === 'denied' ? (
          <>
            <p role="alert">{t('lobby.denied')}</p>
            <button type="button" className="button button--primary" onClick={() => navigate({ name: 'home' })}>
              {t('lobby.backHome')}
            </button>
          </>
        ) : (
          <>
            <div className="spinner" aria-hidden="true" />
            <p role="status">{t('lobby.waiting', { slug })}</p>
            {update.kind === 'error' && (
              <p className="notice notice--warning" role="alert">
                {t('lobby.pollError')}
              </p>
            )}
            <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
              {t('lobby.cancel')}
            </button>
          </>
        )}
      </div>
    </main>
  );
}
