// Video quality, notification sounds, caption style and reading font: remembered on this
// computer, applied at once.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { appFonts, isAppFont } from '../../app/app-font';
import { applyPublishResolution } from '../call/camera-pipeline';
import { captionColours, publishResolutions, receivedQualities, type CaptionColour, type PublishResolution, type ReceivedQuality } from './call-preferences';
import { useSettingsStore } from './settings-store';

export function CallPreferencesSection() {
  const { t } = useTranslation();
  const preferences = useSettingsStore();
  const publishId = useId();
  const receivedId = useId();
  const colourId = useId();
  const soundsId = useId();
  const fontId = useId();
  const lowBandwidthId = useId();
  const lowBandwidthHintId = useId();

  return (
    <>
      <section className="settings__section">
        <h3>{t('settings.video')}</h3>
        <div className="field">
          <label htmlFor={publishId}>{t('settings.publishResolution')}</label>
          <select
            id={publishId}
            value={preferences.publishResolution}
            onChange={(event) => {
              const resolution = event.target.value as PublishResolution;
              preferences.update({ publishResolution: resolution });
              void applyPublishResolution(resolution);
            }}
          >
            {publishResolutions.map((resolution) => (
              <option key={resolution} value={resolution}>
                {t(`settings.resolution.${resolution}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={receivedId}>{t('settings.receivedQuality')}</label>
          <select id={receivedId} value={preferences.receivedQuality} onChange={(event) => preferences.update({ receivedQuality: event.target.value as ReceivedQuality })}>
            {receivedQualities.map((quality) => (
              <option key={quality} value={quality}>
                {t(`settings.quality.${quality}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <input
            id={lowBandwidthId}
            type="checkbox"
            role="switch"
            aria-describedby={lowBandwidthHintId}
            checked={preferences.lowBandwidth}
            onChange={(event) => preferences.update({ lowBandwidth: event.target.checked })}
          />
          <label htmlFor={lowBandwidthId}>{t('settings.lowBandwidth')}</label>
        </div>
        <p id={lowBandwidthHintId} className="hint">
          {t('settings.lowBandwidthHint')}
        </p>
      </section>
      <section className="settings__section">
        <h3>{t('settings.notifications')}</h3>
        <div className="field field--inline">
          <input id={soundsId} type="checkbox" checked={preferences.notificationSounds} onChange={(event) => preferences.update({ notificationSounds: event.target.checked })} />
          <label htmlFor={soundsId}>{t('settings.notificationSounds')}</label>
        </div>
      </section>
      <section className="settings__section">
        <h3>{t('settings.accessibility')}</h3>
        <div className="field">
          <label htmlFor={colourId}>{t('settings.captionColour')}</label>
          <select id={colourId} value={preferences.captionColour} onChange={(event) => preferences.update({ captionColour: event.target.value as CaptionColour })}>
            {captionColours.map((colour) => (
              <option key={colour} value={colour}>
                {t(`settings.colour.${colour}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={fontId}>{t('settings.font')}</label>
          <select
            id={fontId}
            value={preferences.font}
            onChange={(event) => {
              if (isAppFont(event.target.value)) preferences.update({ font: event.target.value });
            }}
          >
            {appFonts.map((font) => (
              <option key={font} value={font}>
                {t(`settings.fonts.${font}`)}
              </option>
            ))}
          </select>
        </div>
      </section>
    </>
  );
}
