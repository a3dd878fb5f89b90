import { useRoomContext, useTracks, type TrackReferenceOrPlaceholder } from '@livekit/components-react';
import { RemoteTrackPublication, Track } from 'livekit-client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ParticipantTile } from './ParticipantTile';

const TILES_PER_PAGE = 16;

/**
 * Subscribes to the videos of the visible page only. Adaptive stream pauses a video once its
 * element is hidden, but a video never attached to an element (a tile on another page) goes on
 * being received and decoded: with 24 cameras, a third of the page's decoding was for nothing.
 */
function useVisibleVideoSubscriptions(all: TrackReferenceOrPlaceholder[], visible: TrackReferenceOrPlaceholder[]) {
  const room = useRoomContext();
  useEffect(() => {
    const shown = new Set(visible.map((trackRef) => trackRef.publication));
    for (const { publication } of all) {
      if (!(publication instanceof RemoteTrackPublication) || publication.kind !== Track.Kind.Video) continue;
      const wanted = shown.has(publication);
      if (publication.isDesired !== wanted) publication.setSubscribed(wanted);
    }
  });
  // Other layouts expect every video to be available again once the grid is gone.
  useEffect(
    () => () => {
      for (const participant of room.remoteParticipants.values()) {
        for (const publication of participant.videoTrackPublications.values()) {
          if (!publication.isDesired) publication.setSubscribed(true);
        }
      }
    },
    [room],
  );
}

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
