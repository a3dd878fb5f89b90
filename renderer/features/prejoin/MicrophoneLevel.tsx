import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudioLevel } from '../devices/useAudioLevel';

const SILENCE_DELAY_MS = 6000;

export function MicrophoneLevel({ track }: { track: MediaStreamTrack | null }) {
  const { t } = useTranslation();
  const level = useAudioLevel(track);
  const percent = Math.round(level * 100);
  const [heardSound, setHeardSound] = useState(false);
  const [silent, setSilent] = useState(false);

  // The parent gives each track its own instance (key), so these start fresh per track.
  useEffect(() => {
    if (!track) return;
    const timer = window.setTimeout(() => setSilent(true), SILENCE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [track]);

  if (level > 0.02 && !heardSound) setHeardSound(true);

  return (
    <div className="mic-level">
      <div
        className="meter"
        role="meter"
        aria-label={t('prejoin.micLevel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="meter__bar" style={{ width: `${percent}%` }} />
      </div>
      {track && silent && !heardSound && (
        <p className="notice notice--warning" role="status">
          {t('prejoin.silentMicrophone')}
        </p>
      )}
    </div>
  );
}
