// Today's meetings of the user's agenda that carry a meeting link, read by the desktop app, each
// one click (or Enter) away from its prejoin.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaMeeting } from '../../../common/ipc-contract';
import { useRouteStore } from '../../app/route-store';
import { todaysMeetingsQuery } from '../../platform/backend-queries';
import { CardStatus } from './CardStatus';

export function TodaysMeetings() {
  const { t } = useTranslation();
  const agenda = useQuery(todaysMeetingsQuery());
  const titleId = useId();
  const answer = agenda.data;
  const waiting = (agenda.isPending && !agenda.isError) || answer?.state === 'pending';

  return (
    <section className="card home__today" aria-labelledby={titleId} aria-busy={waiting}>
      <h2 id={titleId}>{t('home.today.title')}</h2>
      <CardStatus loading={waiting} loadingText={t('home.today.loading')} error={agenda.isError ? agenda.error : null} onRetry={() => void agenda.refetch()} />
      {answer?.state === 'disabled' && <p className="muted">{t('home.today.disabled')}</p>}
      {answer?.state === 'read' && answer.meetings.length === 0 && <p className="muted">{t('home.today.empty')}</p>}
      {answer?.state === 'read' && answer.meetings.length > 0 && (
        <ul className="home__today-list">
          {answer.meetings.map((meeting) => (
            <TodaysMeeting key={meeting.occurrenceId} meeting={meeting} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TodaysMeeting({ meeting }: { meeting: AgendaMeeting }) {
  const { t, i18n } = useTranslation();
  const navigate = useRouteStore((state) => state.navigate);
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(new Date(meeting.startsAt));
  const title = meeting.title.trim() || t('home.today.untitled');
  return (
    <li className="home__today-item">
      <time className="home__today-time" dateTime={meeting.startsAt}>
        {time}
      </time>
      <span className="home__today-title">{title}</span>
      <button
        type="button"
        className="button button--primary"
        aria-label={t('home.today.joinLabel', { title, time })}
        onClick={() => navigate({ name: 'meeting', slug: meeting.slug })}
      >
        {t('home.today.join')}
      </button>
    </li>
  );
}
