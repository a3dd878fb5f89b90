import { Track } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallTracks } from './call-tracks';
import { gridColumns, tilesPerPage, tileWidth } from './layout';
import { ParticipantTile } from './ParticipantTile';
import { useVisibleVideoSubscriptions } from './useVisibleVideoSubscriptions';

/** The size of an element, followed as the window is resized; null before the first measure. */
function useElementSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize((previous) => (previous && previous.width === width && previous.height === height ? previous : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size] as const;
}

/** The gap between tiles, in CSS pixels, as styles.css sets it on `.grid`. */
const GRID_GAP = 8;

/** Screen shares first and large, then one tile per participant; only the visible page is rendered and its videos subscribed. */
export function ParticipantGrid() {
  const { t } = useTranslation();
  const trackRefs = useCallTracks();
  const [page, setPage] = useState(0);
  const [areaRef, area] = useElementSize<HTMLElement>();
  const pageSize = tilesPerPage(area);
  const ordered = [...trackRefs].sort((a, b) => Number(b.source === Track.Source.ScreenShare) - Number(a.source === Track.Source.ScreenShare));
  const pageCount = Math.max(1, Math.ceil(ordered.length / pageSize));
  const currentPage = Math.min(page, pageCount - 1);
  const visible = ordered.slice(currentPage * pageSize, (currentPage + 1) * pageSize);
  const columns = gridColumns(visible.length);
  const [gridRef, gridSize] = useElementSize<HTMLUListElement>();
  const screens = visible.filter((trackRef) => trackRef.source === Track.Source.ScreenShare).length;
  const rows = Math.max(1, screens + Math.ceil((visible.length - screens) / columns));
  const tileStyle = gridSize ? { '--tile-width': `${tileWidth(gridSize, columns, rows, GRID_GAP)}px` } : {};
  useVisibleVideoSubscriptions(ordered, visible);

  return (
    <section className="grid-area" aria-label={t('call.participantsGrid')} ref={areaRef}>
      <ul className="grid" ref={gridRef} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, ...tileStyle } as React.CSSProperties}>
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
