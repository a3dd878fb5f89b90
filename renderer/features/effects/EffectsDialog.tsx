// The call's effects dialog, opened from the settings: the panel next to a preview of what the
// camera sends, so each choice is seen as it applies.
import { useLocalParticipant } from '@livekit/components-react';
import type { LocalVideoTrack } from 'livekit-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { setBackgroundEffect, useCameraPipelineStore } from '../call/camera-pipeline';
import { useCallUiStore } from '../call/call-ui-store';
import { useDevicePreferences } from '../devices/device-preferences';
import { CameraPreview } from '../prejoin/CameraPreview';
import { isEffectOn } from './background-effect';
import { EffectsPanel } from './EffectsPanel';

/** The local camera track while it runs (read again as the camera is turned on or off). */
function useLocalCameraTrack(): LocalVideoTrack | null {
  const { isCameraEnabled, cameraTrack } = useLocalParticipant();
  const track = cameraTrack?.videoTrack as LocalVideoTrack | undefined;
  return isCameraEnabled && track && !cameraTrack?.isMuted ? track : null;
}

export function EffectsDialog() {
  const { t } = useTranslation();
  const closeDialog = useCallUiStore((state) => state.closeDialog);
  const failure = useCameraPipelineStore((state) => state.effectFailure);
  const effect = useDevicePreferences((state) => state.backgroundEffect);
  const [starting, setStarting] = useState(false);
  const track = useLocalCameraTrack();

  return (
    <Dialog title={t('effects.title')} closeLabel={t('effects.close')} onClose={closeDialog} className="dialog--effects">
      <div className="effects-dialog">
        <CameraPreview track={track} name="" offLabel={t('effects.cameraOff')} />
        <EffectsPanel
          effect={effect}
          starting={starting}
          failure={failure}
          onChange={(chosen) => {
            setStarting(isEffectOn(chosen));
            void setBackgroundEffect(chosen).finally(() => setStarting(false));
          }}
        />
      </div>
    </Dialog>
  );
}
