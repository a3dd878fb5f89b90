import { isTrackReference, useIsMuted, useIsSpeaking, VideoTrack, type TrackReferenceOrPlaceholder } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { RiHand, RiMicLine, RiMicOffLine, RiPushpinLine } from '@remixicon/react';
import { iconProps } from '../../app/icon-props';
import { useLowBandwidthStore } from '../low-bandwidth/low-bandwidth-store';
import { avatarColor, displayName as safeDisplayName } from '../room-trust/display';
import { ConnectionQualityBadge } from './ConnectionQualityBadge';
import { tileKey } from './layout';
import { useLayoutStore } from './layout-store';
import { useParticipantAttributes } from './useParticipantAttributes';
import { useParticipantName } from './useParticipantName';

export function ParticipantTile({ trackRef }: { trackRef: TrackReferenceOrPlaceholder }) {
  const { t } = useTranslation();
  const participant = trackRef.participant;
  const name = useParticipantName(participant);
  const identity = participant.identity;
  const speaking = useIsSpeaking(participant);
  const microphoneMuted = useIsMuted({ participant, source: Track.Source.Microphone });
  const attributes = useParticipantAttributes(participant);
  const isScreenShare = trackRef.source === Track.Source.ScreenShare;
  const displayName = safeDisplayName(name, identity);
  const label = participant.isLocal ? t('call.you', { name: displayName }) : displayName;
  const handRaised = Boolean(attributes.handRaisedAt);
  const hasVideo = isTrackReference(trackRef) && !trackRef.publication.isMuted;
  const key = tileKey(identity, trackRef.source);
  const pinned = useLayoutStore((state) => state.pinnedKey === key);
  const togglePin = useLayoutStore((state) => state.togglePin);
  const pinSubject = isScreenShare ? t('call.screenShareOf', { name: displayName }) : displayName;
  const paused = useLowBandwidthStore((state) => !participant.isLocal && state.paused.has(key));
  const bringBack = useLowBandwidthStore((state) => state.bringBack);
  const initial = displayName.trim().charAt(0).toUpperCase();
  const pinRef = useRef<HTMLButtonElement>(null);

  return (
    <li
      className={`tile${speaking ? ' tile--speaking' : ''}${pinned ? ' tile--pinned' : ''}${isScreenShare ? ' tile--screen' : ''}`}
      data-testid="participant-tile"
      data-participant-identity={identity}
      data-source={trackRef.source}
      data-video-paused={paused || undefined}
      aria-label={isScreenShare ? t('call.screenShareOf', { name: displayName }) : label}
    >
      {hasVideo ? (
        <VideoTrack
          trackRef={trackRef}
          className={`tile__video${paused ? ' tile__video--paused' : ''}`}
          data-participant-identity={identity}
          muted
          playsInline
          style={{ transform: participant.isLocal && !isScreenShare ? 'scaleX(-1)' : undefined }}
        />
      ) : (
        <div className="tile__placeholder">
          <span className="avatar avatar--large" aria-hidden="true" style={{ backgroundColor: avatarColor(attributes.color) }}>
            {initial}
          </span>
        </div>
      )}
      {/* The video stays attached underneath, so that it plays again at once when brought back. */}
      {hasVideo && paused && (
        <div className="tile__paused">
          <span className="avatar avatar--large" aria-hidden="true" style={{ backgroundColor: avatarColor(attributes.color) }}>
            {initial}
          </span>
          <p className="tile__paused-label">{t('lowBandwidth.paused')}</p>
          <button
            type="button"
            className="button button--small"
            aria-label={t('lowBandwidth.bringBackOf', { name: pinSubject })}
            onClick={() => {
              bringBack(key);
              // The button goes away with the notice: keep the keyboard on this tile.
              pinRef.current?.focus();
            }}
          >
            {t('lowBandwidth.bringBack')}
          </button>
        </div>
      )}
      <button
        ref={pinRef}
        type="button"
        className={`tile__pin${pinned ? ' tile__pin--on' : ''}`}
        aria-pressed={pinned}
        aria-label={pinned ? t('call.unpin', { name: pinSubject }) : t('call.pin', { name: pinSubject })}
        title={pinned ? t('call.unpin', { name: pinSubject }) : t('call.pin', { name: pinSubject })}
        onClick={() => togglePin(key)}
      >
        <RiPushpinLine {...iconProps} />
      </button>
      <div className="tile__info">
        {!isScreenShare && (
          <span className={`tile__mic${microphoneMuted ? ' tile__mic--off' : ''}`} role="img" aria-label={microphoneMuted ? t('call.micOff') : t('call.micOn')}>
            {microphoneMuted ? <RiMicOffLine {...iconProps} /> : <RiMicLine {...iconProps} />}
          </span>
        )}
        <span className="tile__name">{isScreenShare ? t('call.screenShareOf', { name: displayName }) : label}</span>
        {handRaised && !isScreenShare && (
          <span className="tile__hand" role="img" aria-label={t('call.handRaised')}>
            <RiHand {...iconProps} />
          </span>
        )}
        {!isScreenShare && <ConnectionQualityBadge participant={participant} />}
      </div>
    </li>
  );
}
