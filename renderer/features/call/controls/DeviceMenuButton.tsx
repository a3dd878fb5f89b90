// The small chevron beside the microphone and camera buttons: the devices to choose from during
// the call, as in Meet, without opening the settings.
import { RiArrowUpSLine } from '@remixicon/react';
import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover, TooltipTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useRoomContext } from '@livekit/components-react';
import { chooseDevice, preferredDeviceId } from '../../devices/choose-device';
import { useDevicePreferences } from '../../devices/device-preferences';
import { useMediaDeviceList } from '../../devices/useMediaDeviceList';
import { ControlTooltip, TOOLTIP_DELAY_MS } from './ControlTooltip';

/** The key of "the system's default device" in the menu (a device id is never empty). */
const DEFAULT_KEY = 'system-default';

interface DeviceSectionProps {
  kind: MediaDeviceKind;
  title: string;
  devices: MediaDeviceInfo[];
}

function DeviceSection({ kind, title, devices }: DeviceSectionProps) {
  const { t } = useTranslation();
  const room = useRoomContext();
  const preferred = useDevicePreferences((state) => preferredDeviceId(state, kind));
  const listed = devices.filter((device) => device.deviceId !== 'default');
  const selected = listed.some((device) => device.deviceId === preferred) ? preferred : DEFAULT_KEY;
  return (
    <MenuSection className="menu__section" selectionMode="single" disallowEmptySelection selectedKeys={[selected]}>
      <Header className="menu__header">{title}</Header>
      <MenuItem id={DEFAULT_KEY} className="menu__item" textValue={t('prejoin.defaultDevice')} onAction={() => chooseDevice(room, kind, '')}>
        {t('prejoin.defaultDevice')}
      </MenuItem>
      {listed.map((device, index) => {
        const name = device.label || `${title} ${index + 1}`;
        return (
          <MenuItem key={device.deviceId} id={device.deviceId} className="menu__item" textValue={name} onAction={() => chooseDevice(room, kind, device.deviceId)}>
            {name}
          </MenuItem>
        );
      })}
    </MenuSection>
  );
}

export function DeviceMenuButton({ source }: { source: 'microphone' | 'camera' }) {
  const { t } = useTranslation();
  const devices = useMediaDeviceList(`call-${source}`);
  const label = t(source === 'microphone' ? 'call.audioDevices' : 'call.videoDevices');
  return (
    <MenuTrigger>
      <TooltipTrigger delay={TOOLTIP_DELAY_MS}>
        <Button className="control control--chevron" aria-label={label}>
          <RiArrowUpSLine size={18} aria-hidden="true" />
        </Button>
        <ControlTooltip label={label} />
      </TooltipTrigger>
      <Popover className="menu-popover" placement="top">
        <Menu className="menu" aria-label={label}>
          {source === 'microphone' ? (
            <>
              <DeviceSection kind="audioinput" title={t('prejoin.microphoneSelect')} devices={devices.audioInputs} />
              {devices.audioOutputs.length > 0 && <DeviceSection kind="audiooutput" title={t('prejoin.speakerSelect')} devices={devices.audioOutputs} />}
            </>
          ) : (
            <DeviceSection kind="videoinput" title={t('prejoin.cameraSelect')} devices={devices.videoInputs} />
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
