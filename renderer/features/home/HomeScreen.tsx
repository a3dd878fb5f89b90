import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../common/ipc-contract';
import { errorMessage } from '../../app/error-message';
import { useRouteStore } from '../../app/route-store';
import { appErrorOf, appInfoQuery, createRoom } from '../../platform/backend-queries';
import { AccountBar } from '../auth/AccountBar';
import { ConnectionTestButton } from '../diagnostics/ConnectionTestDialog';
import { displayNameOf, useSession } from '../auth/session';
import { parseMeetingLink } from './meeting-link';
import { RecentMeetings } from './RecentMeetings';
import { TodaysMeetings } from './TodaysMeetings';

export function HomeScreen() {
  const { t } = useTranslation();
  const meetingHosts = useQuery(appInfoQuery()).data?.profile.meetingHosts ?? [window.location.host];
  const navigate = useRouteStore((state) => state.navigate);
  const { status, user } = useSession();
  const isAuthenticated = status === 'authenticated';
  const [link, setLink] = useState('');
  const [linkError, setLinkError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<AppError | null>(null);
  const queryClient = useQueryClient();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  function join(event: FormEvent) {
    event.preventDefault();
    const parsed = parseMeetingLink(link, meetingHosts);
    if (!parsed.ok) {
      setLinkError(t(`home.invalid.${parsed.reason}`));
      return;
    }
    setLinkError(null);
    navigate({ name: 'meeting', slug: parsed.slug });
  }

  async function createMeeting() {
    setCreating(true);
    setCreateError(null);
    try {
      const room = await createRoom(queryClient, displayNameOf(user));
      navigate({ name: 'meeting', slug: room.slug });
    } catch (error) {
      setCreateError(appErrorOf(error));
    } finally {
      setCreating(false);
    }
  }

  return (
    <div className="screen">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <AccountBar />
      </header>
      <main id="content" className="home">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.subtitle')}</p>
        <div className="home__actions">
          <form className="card home__join" onSubmit={join} noValidate>
            <label htmlFor={inputId}>{t('home.joinLabel')}</label>
            <p id={hintId} className="hint">
              {t('home.joinHint')}
            </p>
            <div className="field-row">
              <input
                id={inputId}
                type="text"
                value={link}
                autoComplete="off"
                spellCheck={false}
                aria-describedby={linkError ? `${hintId} ${errorId}` : hintId}
                aria-invalid={linkError ? true : undefined}
                onChange={(event) => setLink(event.target.value)}
              />
              <button type="submit" className="button button--primary">
                {t('home.join')}
              </button>
            </div>
            {linkError && (
              <p id={errorId} className="field-error" role="alert">
                {linkError}
              </p>
            )}
          </form>
          <section className="card home__create" aria-labelledby={`${inputId}-create`}>
            <h2 id={`${inputId}-create`}>{t('home.create')}</h2>
            {isAuthenticated ? (
              <button type="button" className="button button--primary" onClick={() => void createMeeting()} disabled={creating}>
                {creating ? t('home.creating') : t('home.create')}
              </button>
            ) : (
              <p>{t('home.loginToCreate')}</p>
            )}
            {createError && (
              <p className="field-error" role="alert">
                {errorMessage(t, createError)}
              </p>
            )}
          </section>
        </div>
        <TodaysMeetings />
        {isAuthenticated && <RecentMeetings />}
        <div className="home__diagnostics">
          <ConnectionTestButton />
        </div>
      </main>
    </div>
  );
}
