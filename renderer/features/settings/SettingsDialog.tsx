import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { changeLanguage, isLanguage } from '../../i18n/i18n';
import { useCallStore } from '../call/call-store';
import { useCallUiStore } from '../call/call-ui-store';
import { useDevicePreferences } from '../devices/device-preferences';
import { DeviceSelect } from '../devices/DeviceSelect';
import { useMediaDeviceList } from '../devices/useMediaDeviceList';
import { AddInstanceForm, isLockedByPolicy, LockedNote, useSettingsView } from './ManagedSettings';
import { CallPreferencesSection } from './CallPreferencesSection';
import { useSettingsStore, type CaptionSize } from './settings-store';

export function SettingsDialog() {
  const { t, i18n } = useTranslation();
  const closeDialog = useCallUiStore((state) => state.closeDialog);
  const room = useCallStore((state) => state.room);
  const preferences = useDevicePreferences();
  const devices = useMediaDeviceList('settings');
  const { captionSize, setCaptionSize } = useSettingsStore();
  const languageId = useId();
  const sizeId = useId();
  const languageLockId = useId();
  const settingsView = useSettingsView();
  const languageLocked = isLockedByPolicy(settingsView, 'language');

  function chooseDevice(kind: MediaDeviceKind, deviceId: string) {
    const key = kind === 'audioinput' ? 'audioInputId' : kind === 'videoinput' ? 'videoInputId' : 'audioOutputId';
    preferences.update({ [key]: deviceId });
    if (room && deviceId) void room.switchActiveDevice(kind, deviceId).catch(() => undefined);
  }

  return (
    <Dialog title={t('settings.title')} closeLabel={t('settings.close')} onClose={closeDialog}>
      <section className="settings__section">
        <h3>{t('settings.devices')}</h3>
        <DeviceSelect label={t('prejoin.microphoneSelect')} devices={devices.audioInputs} value={preferences.audioInputId} onChange={(id) => chooseDevice('audioinput', id)} />
        <DeviceSelect label={t('prejoin.cameraSelect')} devices={devices.videoInputs} value={preferences.videoInputId} onChange={(id) => chooseDevice('videoinput', id)} />
        {devices.audioOutputs.length > 0 && (
          <DeviceSelect label={t('prejoin.speakerSelect')} devices={devices.audioOutputs} value={preferences.audioOutputId} onChange={(id) => chooseDevice('audiooutput', id)} />
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
            {...(languageLocked ? { 'aria-describedby': languageLockId } : {})}
            onChange={(event) => {
              if (isLanguage(event.target.value)) void changeLanguage(event.target.value);
            }}
          >
            <option value="fr" lang="fr">
              {t('settings.french')}
            </option>
            <option value="en" lang="en">
              {t('settings.english')}
            </option>
          </select>
          {languageLocked && <LockedNote id={languageLockId} />}
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
      <CallPreferencesSection />
      <AddInstanceForm view={settingsView} />
    </Dialog>
  );
}
