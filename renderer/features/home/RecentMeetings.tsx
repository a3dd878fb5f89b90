// The logged-in user's rooms (`GET /rooms/`), each one click away from its prejoin.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/error-message';
import { useRouteStore } from '../../app/route-store';
import { appErrorOf, recentRoomsQuery } from '../../platform/backend-queries';

export function RecentMeetings() {
  const { t } = useTranslation();
  const navigate = useRouteStore((state) => state.navigate);
  const rooms = useQuery(recentRoomsQuery());
  const titleId = useId();

  return (
    <section className="card home__recent" aria-labelledby={titleId} aria-busy={rooms.isFetching}>
      <h2 id={titleId}>{t('home.recent.title')}</h2>
      {rooms.isPending && !rooms.isError && (
        <p className="muted" role="status">
          {t('home.recent.loading')}
        </p>
      )}
      {rooms.isError && (
        <div className="notice notice--error" role="alert">
          <p>{errorMessage(t, appErrorOf(rooms.error))}</p>
          <button type="button" className="button" onClick={() => void rooms.refetch()}>
            {t('errors.retry')}
          </button>
        </div>
      )}
      {rooms.data?.results.length === 0 && <p className="muted">{t('home.recent.empty')}</p>}
      {rooms.data && rooms.data.results.length > 0 && (
        <ul className="home__recent-list">
          {rooms.data.results.map((room) => (
            <li key={room.slug}>
              <button type="button" className="button" onClick={() => navigate({ name: 'meeting', slug: room.slug })}>
                {t('home.recent.join', { name: room.name || room.slug })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
