import { useQuery } from '@tanstack/react-query';
import { useMaybeRoomContext } from '@livekit/components-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { changeLanguage, isLanguage, languageNames, languages, type Language } from '../../i18n/i18n';
import { invoke } from '../../platform/visio';
import { setNoiseSuppression, useMicrophonePipelineStore } from '../call/microphone-pipeline';
import { useCallUiStore } from '../call/call-ui-store';
import { chooseDevice } from '../devices/choose-device';
import { useDevicePreferences } from '../devices/device-preferences';
import { NoiseSuppressionCheckbox } from '../noise-suppression/NoiseSuppressionCheckbox';
import { DeviceSelect } from '../devices/DeviceSelect';
import { ConnectionTestButton } from '../diagnostics/ConnectionTestDialog';
import { useMediaDeviceList } from '../devices/useMediaDeviceList';
import { RenameSelf } from '../participants/RenameSelf';
import { InstancesSection, isLockedByPolicy, LockedNote, useSettingsView } from './ManagedSettings';
import { CallPreferencesSection } from './CallPreferencesSection';
import { useSettingsStore, type CaptionSize } from './settings-store';
import { chooseLanguage, miniWindowControl, settingsUpdateErrorKey } from './settings-update';
import { appInfoQuery } from '../../platform/backend-queries';

const updateSettings = (patch: Record<string, unknown>) => invoke('settings:update', patch);

/** The ids of the notes that describe a control, or nothing when none is shown. */
const describedBy = (...ids: (string | false)[]): string | undefined => ids.filter(Boolean).join(' ') || undefined;

export function SettingsDialog() {
  const { t, i18n } = useTranslation();
  const closeDialog = useCallUiStore((state) => state.closeDialog);
  const openDialog = useCallUiStore((state) => state.openDialog);
  const room = useMaybeRoomContext() ?? null;
  const noiseSuppressionFailure = useMicrophonePipelineStore((state) => state.noiseSuppressionFailure);
  const preferences = useDevicePreferences();
  const devices = useMediaDeviceList('settings');
  const { captionSize, setCaptionSize } = useSettingsStore();
  const languageId = useId();
  const sizeId = useId();
  const languageLockId = useId();
  const languageErrorId = useId();
  const miniWindowId = useId();
  const miniWindowLockId = useId();
  const miniWindowErrorId = useId();
  const [settingsView, setSettingsView] = useSettingsView();
  const appKind = useQuery(appInfoQuery()).data?.kind ?? null;
  const languageLocked = isLockedByPolicy(settingsView, 'language');
  const miniWindow = miniWindowControl(settingsView, appKind);
  const [languageError, setLanguageError] = useState<string | null>(null);
  const [miniWindowError, setMiniWindowError] = useState<string | null>(null);

  async function selectLanguage(language: Language) {
    const result = await chooseLanguage(language, updateSettings, changeLanguage);
    if (result.ok) {
      setSettingsView(result.value);
      setLanguageError(null);
    } else {
      setLanguageError(t(settingsUpdateErrorKey(result.error, 'language')));
    }
  }

  async function setMiniWindowEnabled(enabled: boolean) {
    const result = await updateSettings({ miniWindowEnabled: enabled });
    if (result.ok) {
      setSettingsView(result.value);
      setMiniWindowError(null);
    } else {
      setMiniWindowError(t(settingsUpdateErrorKey(result.error, 'setting')));
    }
  }

  return (
    <Dialog title={t('settings.title')} closeLabel={t('settings.close')} onClose={closeDialog}>
      {room && (
        <section className="settings__section">
          <h3>{t('rename.heading')}</h3>
          <RenameSelf local={room.localParticipant} />
        </section>
      )}
      <section className="settings__section">
        <h3>{t('settings.devices')}</h3>
        <DeviceSelect label={t('prejoin.microphoneSelect')} devices={devices.audioInputs} value={preferences.audioInputId} onChange={(id) => chooseDevice(room, 'audioinput', id)} />
        <NoiseSuppressionCheckbox enabled={preferences.noiseSuppression} failure={noiseSuppressionFailure} onChange={(enabled) => void setNoiseSuppression(enabled)} />
        <DeviceSelect label={t('prejoin.cameraSelect')} devices={devices.videoInputs} value={preferences.videoInputId} onChange={(id) => chooseDevice(room, 'videoinput', id)} />
        <div className="field">
          <button type="button" className="button" aria-haspopup="dialog" onClick={() => openDialog('effects')}>
            {t('effects.title')}
          </button>
        </div>
        {devices.audioOutputs.length > 0 && (
          <DeviceSelect label={t('prejoin.speakerSelect')} devices={devices.audioOutputs} value={preferences.audioOutputId} onChange={(id) => chooseDevice(room, 'audiooutput', id)} />
        )}
      </section>
      <section className="settings__section">
        <h3>{t('settings.language')}</h3>
        <div className="field">
          <label htmlFor={languageId}>{t('settings.languageLabel')}</label>
          <select
            id={languageId}
            value={i18n.language}
            disabled={languageLocked}
            aria-describedby={describedBy(languageLocked && languageLockId, languageError !== null && languageErrorId)}
            aria-invalid={languageError !== null}
            onChange={(event) => {
              if (isLanguage(event.target.value)) void selectLanguage(event.target.value);
            }}
          >
            {languages.map((language) => (
              <option key={language} value={language} lang={language}>
                {languageNames[language]}
              </option>
            ))}
          </select>
          {languageLocked && <LockedNote id={languageLockId} />}
          <p id={languageErrorId} role="alert" className={languageError ? 'field-error' : 'visually-hidden'}>
            {languageError}
          </p>
        </div>
        <div className="field">
          <label htmlFor={sizeId}>{t('settings.captionSize')}</label>
          <select id={sizeId} value={captionSize} onChange={(event) => setCaptionSize(event.target.value as CaptionSize)}>
            <option value="small">{t('settings.small')}</option>
            <option value="medium">{t('settings.medium')}</option>
            <option value="large">{t('settings.large')}</option>
          </select>
        </div>
      </section>
      {miniWindow && (
        <section className="settings__section">
          <h3>{t('settings.window')}</h3>
          <div className="field field--inline">
            <input
              id={miniWindowId}
              type="checkbox"
              checked={miniWindow.checked}
              disabled={miniWindow.locked}
              aria-describedby={describedBy(miniWindow.locked && miniWindowLockId, miniWindowError !== null && miniWindowErrorId)}
              onChange={(event) => void setMiniWindowEnabled(event.target.checked)}
            />
            <label htmlFor={miniWindowId}>{t('settings.miniWindow')}</label>
          </div>
          {miniWindow.locked && <LockedNote id={miniWindowLockId} />}
          <p id={miniWindowErrorId} role="alert" className={miniWindowError ? 'field-error' : 'visually-hidden'}>
            {miniWindowError}
          </p>
        </section>
      )}
      <CallPreferencesSection />
      <section className="settings__section">
        <h3>{t('settings.connection')}</h3>
        <ConnectionTestButton />
      </section>
      <InstancesSection view={settingsView} />
    </Dialog>
  );
}
