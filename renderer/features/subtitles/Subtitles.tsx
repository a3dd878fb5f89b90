import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../settings/settings-store';
import { useSubtitleStore } from './subtitle-store';

export function Subtitles() {
  const { t } = useTranslation();
  const segments = useSubtitleStore((state) => state.segments);
  const size = useSettingsStore((state) => state.captionSize);
  const colour = useSettingsStore((state) => state.captionColour);
  return (
    <section className={`subtitles subtitles--${size} subtitles--${colour}`} aria-label={t('subtitles.region')} data-testid="subtitles">
      {segments.length === 0 ? (
        <p className="subtitles__line subtitles__line--hint">{t('subtitles.waiting')}</p>
      ) : (
        segments.slice(-3).map((segment) => (
          <p key={segment.id} className="subtitles__line" data-speaker-identity={segment.speakerIdentity}>
            <strong>{t('subtitles.speaker', { name: segment.speakerName })}</strong>
            {segment.text}
          </p>
        ))
      )}
    </section>
  );
}
