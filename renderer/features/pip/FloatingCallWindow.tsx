// What the floating window shows: the screen share when there is one, else the last person who
// spoke (the same choice as the speaker layout's stage), with their name and raised hand, the
// reactions as they come, and what one does without the main window: microphone, camera, hand,
// back to the main window, leave. Each button says what it does and whether it is on, like the
// control bar.
import { isTrackReference, useIsMuted, useLocalParticipant, useRoomContext, type TrackReferenceOrPlaceholder } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RiHand, RiMicLine, RiMicOffLine, RiPhoneFill, RiPictureInPictureExitLine, RiVideoOffLine, RiVideoOnLine } from '@remixicon/react';
import { iconProps } from '../../app/icon-props';
import { invoke } from '../../platform/visio';
import { useCallTracks } from '../call/call-tracks';
import { leaveCall } from '../call/call-ending';
import { toggleMedia } from '../call/media-toggles';
import { splitStage, tileKey } from '../call/layout';
import { useLastSpeaker } from '../call/useLastSpeaker';
import { useParticipantAttributes } from '../call/useParticipantAttributes';
import { useParticipantName } from '../call/useParticipantName';
import { FloatingReactions } from '../reactions/FloatingReactions';
import { avatarColor, displayName as safeDisplayName } from '../room-trust/display';
import { toggleHand } from '../shortcuts/call-actions';
import { FloatingVideo } from './FloatingVideo';
import { useFloatingWindowStore } from './floating-window-store';

function useFeaturedTrack(): TrackReferenceOrPlaceholder | null {
  const room = useRoomContext();
  const lastSpeaker = useLastSpeaker(room);
  const trackRefs = useCallTracks();
  const items = trackRefs.map((trackRef) => ({
    trackRef,
    key: tileKey(trackRef.participant.identity, trackRef.source),
    identity: trackRef.participant.identity,
    isScreenShare: trackRef.source === Track.Source.ScreenShare,
    isLocal: trackRef.participant.isLocal,
  }));
  return splitStage(items, null, lastSpeaker).stage[0]?.trackRef ?? null;
}

function FeaturedTrack({ trackRef }: { trackRef: TrackReferenceOrPlaceholder }) {
  const { t } = useTranslation();
  const participant = trackRef.participant;
  const name = safeDisplayName(useParticipantName(participant), participant.identity);
  const attributes = useParticipantAttributes(participant);
  const isScreenShare = trackRef.source === Track.Source.ScreenShare;
  const videoMuted = useIsMuted(trackRef);
  const publication = isTrackReference(trackRef) && !videoMuted ? trackRef.publication : null;
  const label = isScreenShare ? t('call.screenShareOf', { name }) : participant.isLocal ? t('call.you', { name }) : name;
  const setFeatured = useFloatingWindowStore((state) => state.setFeatured);

  useEffect(() => {
    setFeatured(publication?.trackSid ?? null);
    return () => setFeatured(null);
  }, [publication, setFeatured]);

  return (
    <figure className="floating__stage" data-testid="floating-featured" data-participant-identity={participant.identity}>
      {publication ? (
        <FloatingVideo publication={publication} identity={participant.identity} mirrored={participant.isLocal && !isScreenShare} />
      ) : (
        <span className="floating__avatar" aria-hidden="true" style={{ backgroundColor: avatarColor(attributes.color) }}>
          {name.trim().charAt(0).toUpperCase()}
        </span>
      )}
      <figcaption className="floating__name">
        {attributes.handRaisedAt && (
          <span className="floating__hand" role="img" aria-label={t('pip.handRaised')}>
            <RiHand {...iconProps} />
          </span>
        )}
        <span data-testid="floating-name">{label}</span>
      </figcaption>
    </figure>
  );
}

function FloatingButton({ label, pressed, off, onClick, children, leave }: { label: string; pressed?: boolean; off?: boolean; onClick(): void; children: ReactNode; leave?: boolean }) {
  return (
    <button
      type="button"
      className={`floating__button${off ? ' floating__button--off' : ''}${pressed ? ' floating__button--active' : ''}${leave ? ' floating__button--leave' : ''}`}
      aria-pressed={pressed}
      title={label}
      onClick={onClick}
    >
      {children}
      <span className="visually-hidden">{label}</span>
    </button>
  );
}

/** The main window (or, in a browser, the call page) comes back to the front and the floating window goes, as it does whenever that window is seen again. */
async function showMainWindow(): Promise<void> {
  const shown = await invoke('window:show-main', undefined);
  if (shown.ok) useFloatingWindowStore.getState().close();
}

export function FloatingCallWindow() {
  const { t } = useTranslation();
  const { localParticipant, isMicrophoneEnabled: microphoneEnabled, isCameraEnabled: cameraEnabled } = useLocalParticipant();
  const handRaised = Boolean(useParticipantAttributes(localParticipant).handRaisedAt);
  const featured = useFeaturedTrack();
  const close = useFloatingWindowStore((state) => state.close);

  return (
    <main className="floating">
      <h1 className="visually-hidden">{t('pip.heading')}</h1>
      <button type="button" className="floating__close" aria-label={t('pip.close')} title={t('pip.close')} onClick={close}>
        <span aria-hidden="true">×</span>
      </button>
      {featured ? <FeaturedTrack trackRef={featured} /> : <p className="floating__stage">{t('pip.nobody')}</p>}
      <FloatingReactions />
      <div className="floating__controls" role="group" aria-label={t('pip.controls')}>
        <FloatingButton label={t('call.microphone')} pressed={microphoneEnabled} off={!microphoneEnabled} onClick={() => void toggleMedia('microphone')}>
          {microphoneEnabled ? <RiMicLine {...iconProps} /> : <RiMicOffLine {...iconProps} />}
        </FloatingButton>
        <FloatingButton label={t('call.camera')} pressed={cameraEnabled} off={!cameraEnabled} onClick={() => void toggleMedia('camera')}>
          {cameraEnabled ? <RiVideoOnLine {...iconProps} /> : <RiVideoOffLine {...iconProps} />}
        </FloatingButton>
        <FloatingButton label={t('hand.raise')} pressed={handRaised} onClick={() => void toggleHand()}>
          <RiHand {...iconProps} />
        </FloatingButton>
        <FloatingButton label={t('pip.showMain')} onClick={() => void showMainWindow()}>
          <RiPictureInPictureExitLine {...iconProps} />
        </FloatingButton>
        <FloatingButton label={t('call.leave')} leave onClick={() => void leaveCall()}>
          <RiPhoneFill {...iconProps} />
        </FloatingButton>
      </div>
    </main>
  );
}
