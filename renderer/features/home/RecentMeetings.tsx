// The logged-in user's rooms (`GET /rooms/`), each one click away from its prejoin.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteStore } from '../../app/route-store';
import { recentRoomsQuery } from '../../platform/backend-queries';
import { CardStatus } from './CardStatus';

export function RecentMeetings() {
  const { t } = useTranslation();
  const navigate = useRouteStore((state) => state.navigate);
  const rooms = useQuery(recentRoomsQuery());
  const titleId = useId();

  return (
    <section className="card home__recent" aria-labelledby={titleId} aria-busy={rooms.isFetching}>
      <h2 id={titleId}>{t('home.recent.title')}</h2>
      <CardStatus
        loading={rooms.isPending && !rooms.isError}
        loadingText={t('home.recent.loading')}
        error={rooms.isError ? rooms.error : null}
        onRetry={() => void rooms.refetch()}
      />
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
