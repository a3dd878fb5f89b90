import { useConnectionQualityIndicator } from '@livekit/components-react';
import { ConnectionQuality, type Participant } from 'livekit-client';
import { useTranslation } from 'react-i18next';
import { useConnectionView } from './useConnectionView';

const bars: Record<ConnectionQuality, number> = {
  [ConnectionQuality.Excellent]: 3,
  [ConnectionQuality.Good]: 2,
  [ConnectionQuality.Poor]: 1,
  [ConnectionQuality.Lost]: 0,
  [ConnectionQuality.Unknown]: 3,
};

/** Three bars, as people know them from their phone; the label says it in words. */
export function ConnectionQualityBadge({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  const reported = useConnectionQualityIndicator({ participant }).quality;
  // The server's last word on our own link is stale once our media stopped: say what we see.
  const view = useConnectionView();
  const quality = participant.isLocal && view !== 'ok' ? ConnectionQuality.Lost : reported;
  if (quality === ConnectionQuality.Unknown) return null;
  const level = bars[quality];
  return (
    <span className={`quality quality--${quality}`} role="img" aria-label={t(`call.quality.${quality}`)} title={t(`call.quality.${quality}`)} data-quality={quality}>
      <svg viewBox="0 0 12 12" width="14" height="14" aria-hidden="true" focusable="false">
        {[0, 1, 2].map((index) => (
          <rect key={index} x={index * 4} y={8 - index * 3} width="3" height={4 + index * 3} rx="0.5" fill="currentColor" opacity={index < level ? 1 : 0.3} />
        ))}
      </svg>
    </span>
  );
}
