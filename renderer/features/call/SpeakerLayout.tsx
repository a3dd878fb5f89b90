// The speaker (focus) layout: the stage (pinned tile, screen shares, or the last speaker) and a
// filmstrip of the others, one page at a time so unseen videos are not received.
import { useRoomContext, type TrackReferenceOrPlaceholder } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitStage, stageColumns, tileKey, type LayoutItem } from './layout';
import { useLayoutStore } from './layout-store';
import { ParticipantTile } from './ParticipantTile';
import { useLastSpeaker } from './useLastSpeaker';
import { useVisibleVideoSubscriptions } from './useVisibleVideoSubscriptions';

const FILMSTRIP_SIZE = 6;

type Item = LayoutItem & { trackRef: TrackReferenceOrPlaceholder };

export function SpeakerLayout({ trackRefs }: { trackRefs: TrackReferenceOrPlaceholder[] }) {
  const { t } = useTranslation();
  const room = useRoomContext();
  const pinnedKey = useLayoutStore((state) => state.pinnedKey);
  const lastSpeaker = useLastSpeaker(room);
  const [page, setPage] = useState(0);
  const items: Item[] = trackRefs.map((trackRef) => ({
    trackRef,
    key: tileKey(trackRef.participant.identity, trackRef.source),
    identity: trackRef.participant.identity,
    isScreenShare: trackRef.source === Track.Source.ScreenShare,
    isLocal: trackRef.participant.isLocal,
  }));
  const { stage, filmstrip } = splitStage(items, pinnedKey, lastSpeaker);
  const pageCount = Math.max(1, Math.ceil(filmstrip.length / FILMSTRIP_SIZE));
  const currentPage = Math.min(page, pageCount - 1);
  const shown = filmstrip.slice(currentPage * FILMSTRIP_SIZE, (currentPage + 1) * FILMSTRIP_SIZE);

  useVisibleVideoSubscriptions(trackRefs, [...stage, ...shown].map((item) => item.trackRef));

  return (
    <section className="grid-area speaker-layout" aria-label={t('layout.speakerRegion')}>
      <ul className="stage" style={{ gridTemplateColumns: `repeat(${stageColumns(stage.length)}, minmax(0, 1fr))` }}>
        {stage.map((item) => (
          <ParticipantTile key={item.key} trackRef={item.trackRef} />
        ))}
      </ul>
      {filmstrip.length > 0 && (
        <nav className="filmstrip" aria-label={t('layout.filmstrip')}>
          {pageCount > 1 && (
            <button type="button" className="button button--small" disabled={currentPage === 0} onClick={() => setPage(currentPage - 1)}>
              {t('call.previousPage')}
            </button>
          )}
          <ul className="filmstrip__tiles">
            {shown.map((item) => (
              <ParticipantTile key={item.key} trackRef={item.trackRef} />
            ))}
          </ul>
          {pageCount > 1 && (
            <button type="button" className="button button--small" disabled={currentPage >= pageCount - 1} onClick={() => setPage(currentPage + 1)}>
              {t('call.nextPage')}
            </button>
          )}
        </nav>
      )}
    </section>
  );
}
