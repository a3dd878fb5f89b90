// The mini call window: who spoke last, how many are here, and the four things one does without
// the main window: mute, camera, show Visio, leave. Every button says what it will do.
import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { initialsOf, type MiniApi, type MiniCommand, type MiniView } from '../../common/mini-window';
import { RiMicLine, RiMicOffLine, RiPhoneFill, RiVideoOffLine, RiVideoOnLine } from '@remixicon/react';
import { iconProps } from '../app/icon-props';

export function MiniCallWindow({ api }: { api: MiniApi }) {
  const { t } = useTranslation();
  const [view, setView] = useState<MiniView | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(
    () =>
      api.onView((next) => {
        setView(next);
        if (next.language !== i18next.language) {
          void i18next.changeLanguage(next.language);
          document.documentElement.lang = next.language;
        }
      }),
    [api],
  );

  useEffect(() => {
    document.title = view?.inCall && view.roomSlug ? t('mini.windowTitle', { slug: view.roomSlug }) : 'Visio';
  }, [t, view]);

  const send = (command: MiniCommand) => {
    setFailed(false);
    void api.command(command).then((result) => setFailed(!result.ok));
  };

  if (!view) {
    return (
      <main className="mini">
        <p className="mini__status" role="status">
          {t('mini.connecting')}
        </p>
      </main>
    );
  }

  if (!view.inCall) {
    return (
      <main className="mini">
        <h1 className="visually-hidden">{t('mini.heading')}</h1>
        <p className="mini__status" role="status">
          {t('mini.noCall')}
        </p>
        <div className="mini__actions">
          <button type="button" className="mini__button mini__button--wide" onClick={() => send('show-main')}>
            {t('mini.show')}
          </button>
        </div>
      </main>
    );
  }

  const { speaker } = view;
  const speakerName = speaker.name === null ? null : speaker.isLocal ? t('mini.you') : speaker.name;
  return (
    <main className="mini">
      <h1 className="visually-hidden">{t('mini.heading')}</h1>
      <header className="mini__header">
        <span className="mini__room">{view.roomSlug}</span>
        <span className="mini__count">{t('mini.participants', { count: speaker.participantCount })}</span>
        <button type="button" className="mini__close" aria-label={t('mini.close')} title={t('mini.close')} onClick={() => window.close()}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="mini__speaker">
        <span className="mini__avatar" aria-hidden="true">
          {initialsOf(speakerName)}
        </span>
        <p className="mini__speaker-text">
          <span className="mini__speaker-label">{t('mini.lastSpeaker')}</span>
          <span className="mini__speaker-name" data-testid="mini-speaker">
            {speakerName ?? t('mini.nobody')}
          </span>
        </p>
        {view.sharing && <span className="mini__sharing">{t('mini.sharing')}</span>}
      </div>
      <div className="mini__actions" role="group" aria-label={t('mini.controls')}>
        <button
          type="button"
          className={`mini__button${view.muted ? ' mini__button--off' : ''}`}
          title={view.muted ? t('mini.unmute') : t('mini.mute')}
          onClick={() => send('toggle-mic')}
        >
          {view.muted ? <RiMicOffLine {...iconProps} /> : <RiMicLine {...iconProps} />}
          <span className="visually-hidden">{view.muted ? t('mini.unmute') : t('mini.mute')}</span>
        </button>
        <button
          type="button"
          className={`mini__button${view.cameraOn ? '' : ' mini__button--off'}`}
          title={view.cameraOn ? t('mini.cameraOff') : t('mini.cameraOn')}
          onClick={() => send('toggle-camera')}
        >
          {view.cameraOn ? <RiVideoOnLine {...iconProps} /> : <RiVideoOffLine {...iconProps} />}
          <span className="visually-hidden">{view.cameraOn ? t('mini.cameraOff') : t('mini.cameraOn')}</span>
        </button>
        <button type="button" className="mini__button mini__button--wide" onClick={() => send('show-main')}>
          {t('mini.show')}
        </button>
        <button type="button" className="mini__button mini__button--leave" title={t('mini.leave')} onClick={() => send('leave')}>
          <RiPhoneFill {...iconProps} />
          <span className="visually-hidden">{t('mini.leave')}</span>
        </button>
      </div>
      {failed && (
        <p className="mini__error" role="alert">
          {t('mini.failed')}
        </p>
      )}
    </main>
  );
}
