// The speaker (focus) layout: the stage (pinned tile, screen shares, or the last speaker) and a
// filmstrip of the others, one page at a time so unseen videos are not received.
import { useRoomContext, type TrackReferenceOrPlaceholder } from '@livekit/components-react';
import { RemoteTrackPublication, Track } from 'livekit-client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitStage, stageColumns, tileKey, type LayoutItem } from './layout';
import { useLayoutStore } from './layout-store';
import { ParticipantTile } from './ParticipantTile';
import { useLastSpeaker } from './useLastSpeaker';

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

  // Receive only the videos on screen; everything again when this layout goes away.
  const visible = new Set([...stage, ...shown].map((item) => item.trackRef.publication));
  useEffect(() => {
    for (const { trackRef } of items) {
      const publication = trackRef.publication;
      if (!(publication instanceof RemoteTrackPublication) || publication.kind !== Track.Kind.Video) continue;
      const wanted = visible.has(publication);
      if (publication.isDesired !== wanted) publication.setSubscribed(wanted);
    }
  });
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
