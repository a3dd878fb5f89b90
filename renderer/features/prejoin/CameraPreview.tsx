import type { LocalVideoTrack } from 'livekit-client';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** `offLabel` replaces the prejoin's own words when the camera is off. */
export function CameraPreview({ track, name, offLabel }: { track: LocalVideoTrack | null; name: string; offLabel?: string }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const element = videoRef.current;
    if (!track || !element) return;
    track.attach(element);
    return () => {
      track.detach(element);
    };
  }, [track]);

  return (
    <div className="preview" role="img" aria-label={t('prejoin.preview')}>
      {track ? (
        <video ref={videoRef} className="preview__video" muted playsInline autoPlay />
      ) : (
        <div className="preview__off">
          {name.trim() && (
            <span className="avatar" aria-hidden="true">
              {name.trim()[0]!.toUpperCase()}
            </span>
          )}
          <span>{offLabel ?? t('prejoin.cameraOffPreview')}</span>
        </div>
      )}
    </div>
  );
}
