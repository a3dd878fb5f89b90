import { useRoomInfo } from '@livekit/components-react';
import type { Room } from 'livekit-client';
import { useTranslation } from 'react-i18next';
import { parseRecordingState } from './recording-status';

export function RecordingBanner({ room }: { room: Room }) {
  const { t } = useTranslation();
  const { status, mode } = parseRecordingState(useRoomInfo({ room }).metadata);
  if (!status) return null;
  const text = status === 'started' && mode === 'transcript' ? t('recording.transcriptStarted') : t(`recording.${status}`);
  return (
    <p className={`recording recording--${status}`} role="status" data-testid="recording-banner">
      <span className="recording__dot" aria-hidden="true" />
      {text}
    </p>
  );
}
