import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { roomKey, type Room } from '../../../common/meet-types';
import { useRouteStore } from '../../app/route-store';
import { lobbyEntryQuery } from '../../platform/backend-queries';
import { useMeetingStore } from '../meeting/meeting-store';
import { lobbyUpdateOf, nextLobbyPoll, type LobbyUpdate } from './lobby-polling';

/** Asks to enter until the host decides; a guest waiting in a hidden window keeps their place. */
function useLobbyUpdate(room: Room, username: string): LobbyUpdate {
  const entry = useQuery({
    ...lobbyEntryQuery(roomKey(room), username),
    refetchInterval: (query) => nextLobbyPoll(lobbyUpdateOf(query.state)),
    refetchIntervalInBackground: true,
  });
  return lobbyUpdateOf(entry);
}

export function LobbyScreen({ slug, room, username }: { slug: string; room: Room; username: string }) {
  const { t } = useTranslation();
  const navigate = useRouteStore((state) => state.navigate);
  const enterCall = useMeetingStore((state) => state.enterCall);
  const update = useLobbyUpdate(room, username);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const grant = update.kind === 'accepted' ? update.grant : null;
  useEffect(() => {
    if (grant) enterCall(room, grant, username);
  }, [grant, room, username, enterCall]);

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
