import { useTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ParticipantTile } from './ParticipantTile';
import { useVisibleVideoSubscriptions } from './useVisibleVideoSubscriptions';

const TILES_PER_PAGE = 16;

/** Screen shares first and large, then one tile per participant; only the visible page is rendered and its videos subscribed. */
export function ParticipantGrid() {
  const { t } = useTranslation();
  const trackRefs = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
  const [page, setPage] = useState(0);
  const ordered = [...trackRefs].sort((a, b) => Number(b.source === Track.Source.ScreenShare) - Number(a.source === Track.Source.ScreenShare));
  const pageCount = Math.max(1, Math.ceil(ordered.length / TILES_PER_PAGE));
  const currentPage = Math.min(page, pageCount - 1);
  const visible = ordered.slice(currentPage * TILES_PER_PAGE, (currentPage + 1) * TILES_PER_PAGE);
  const columns = Math.ceil(Math.sqrt(visible.length || 1));
  useVisibleVideoSubscriptions(ordered, visible);

  return (
    <section className="grid-area" aria-label={t('call.participantsGrid')}>
      <ul className="grid" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
        {visible.map((trackRef) => (
          <ParticipantTile key={`${trackRef.participant.identity}-${trackRef.source}`} trackRef={trackRef} />
        ))}
      </ul>
      {pageCount > 1 && (
        <div className="pager">
          <button type="button" className="button" disabled={currentPage === 0} onClick={() => setPage(currentPage - 1)}>
            {t('call.previousPage')}
          </button>
          <span aria-live="polite">{t('call.page', { current: currentPage + 1, total: pageCount })}</span>
          <button type="button" className="button" disabled={currentPage >= pageCount - 1} onClick={() => setPage(currentPage + 1)}>
            {t('call.nextPage')}
          </button>
        </div>
      )}
    </section>
  );
}
