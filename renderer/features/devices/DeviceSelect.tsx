import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  devices: MediaDeviceInfo[];
  value: string;
  onChange(deviceId: string): void;
}

export function DeviceSelect({ label, devices, value, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const known = devices.some((device) => device.deviceId === value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={known ? value : ''} onChange={(event) => onChange(event.target.value)}>
        <option value="">{devices.length ? t('prejoin.defaultDevice') : t('prejoin.noDevice')}</option>
        {devices
          .filter((device) => device.deviceId !== 'default')
          .map((device, index) => (
            <option key={device.deviceId} value={device.deviceId}>
              {device.label || `${label} ${index + 1}`}
            </option>
          ))}
      </select>
    </div>
  );
}
