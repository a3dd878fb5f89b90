import { useQuery } from '@tanstack/react-query';
import { useParticipants, useRoomContext } from '@livekit/components-react';
import { RoomEvent, Track } from 'livekit-client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/error-message';
import { RiHand, RiMicLine, RiMicOffLine } from '@remixicon/react';
import { iconProps } from '../../app/icon-props';
import { useNotificationStore } from '../call/notification-store';
import { useCallUiStore } from '../call/call-ui-store';
import { raisedHandsInOrder } from '../hand/hand';
import { useWaitingParticipants } from '../lobby/waiting-list';
import { WaitingList } from '../lobby/WaitingToast';
import { lowerHandOf } from './admin-actions';
import { ParticipantActions } from './ParticipantActions';
import { RenameSelf } from './RenameSelf';
import { mayRenameSelf } from './rename-self';
import { avatarColor, displayName } from '../room-trust/display';
import { RoomAdminSection } from './RoomAdminSection';
import { roomPublishSources } from './publish-sources';
import { useSavedRoomSettings } from './useSavedRoomSettings';
import { isGuest, isRoomAdmin, roleOf } from './roles';
import { configQuery, decideEntry } from '../../platform/backend-queries';

export function ParticipantsPanel({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const participants = useParticipants({
    updateOnlyOn: [
      RoomEvent.ParticipantConnected,
      RoomEvent.ParticipantDisconnected,
      RoomEvent.ParticipantAttributesChanged,
      RoomEvent.ParticipantNameChanged,
      RoomEvent.TrackMuted,
      RoomEvent.TrackUnmuted,
      RoomEvent.TrackPublished,
      RoomEvent.TrackUnpublished,
      RoomEvent.LocalTrackPublished,
      RoomEvent.LocalTrackUnpublished,
    ],
  });
  const waiting = useWaitingParticipants();
  const closePanel = useCallUiStore((state) => state.closePanel);
  const titleId = useId();
  const local = participants.find((participant) => participant.isLocal);
  const admin = isRoomAdmin(local);
  const hands = raisedHandsInOrder(participants);
  const room = useRoomContext();
  // Read once here for every row: a room of 150 would otherwise follow the room's metadata 150 times.
  const saved = useSavedRoomSettings(room);
  const everyoneCanMute = saved.fromMetadata.everyoneCanMute ?? saved.meetingRoom?.configuration?.everyone_can_mute ?? null;
  const meetConfig = useQuery(configQuery()).data ?? null;
  const membersSources = roomPublishSources(saved.configuration, meetConfig?.livekit.default_sources);
  const [renaming, setRenaming] = useState(false);

  return (
    <aside className="side-panel" aria-labelledby={titleId}>
      <div className="side-panel__header">
        <h2 id={titleId}>{t('participants.count', { count: participants.length })}</h2>
        <button type="button" className="button" onClick={closePanel}>
          {t('participants.close')}
        </button>
      </div>
      {admin && waiting.length > 0 && (
        <section className="side-panel__section" aria-label={t('waiting.title')}>
          <h3>{t('waiting.count', { count: waiting.length })}</h3>
          <WaitingList roomId={roomId} participants={waiting} />
          <button type="button" className="button" onClick={() => waiting.forEach((participant) => void decideEntry(roomId, participant.id, true))}>
            {t('waiting.admitAll')}
          </button>
        </section>
      )}
      {admin && <RoomAdminSection participants={participants} />}
      {hands.length > 0 && (
        <section className="side-panel__section">
          <h3>{t('participants.handsRaised')}</h3>
          <ol className="people">
            {hands.map((participant) => (
              <li key={participant.identity} className="people__item">
                <RiHand {...iconProps} />
                <span className="people__name">{displayName(participant.name, participant.identity)}</span>
                {admin && !participant.isLocal && (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() =>
                      void lowerHandOf(participant).then((error) => {
                        if (error) useNotificationStore.getState().notify(t('participants.actionFailed', { reason: errorMessage(t, error) }), 'warning');
                      })
                    }
                  >
                    {t('participants.lowerHand', { name: displayName(participant.name, participant.identity) })}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section className="side-panel__section">
        <h3>{t('participants.inCall')}</h3>
        <ul className="people">
          {participants.map((participant) => {
            const role = roleOf(participant);
            const microphoneOn = participant.getTrackPublication(Track.Source.Microphone)?.isMuted === false;
            const name = displayName(participant.name, participant.identity);
            return (
              <li key={participant.identity} className="people__item" data-participant-identity={participant.identity}>
                <span className="avatar" aria-hidden="true" style={{ backgroundColor: avatarColor(participant.attributes.color) }}>
                  {name.charAt(0).toUpperCase()}
                </span>
                <span className="people__name">{participant.isLocal ? t('call.you', { name }) : name}</span>
                {role !== 'member' && <span className="tag">{t(`participants.${role}`)}</span>}
                {isGuest(participant) && <span className="tag tag--muted">{t('participants.guest')}</span>}
                <span className={`tile__mic${microphoneOn ? '' : ' tile__mic--off'}`} role="img" aria-label={microphoneOn ? t('call.micOn') : t('call.micOff')}>
                  {microphoneOn ? <RiMicLine {...iconProps} /> : <RiMicOffLine {...iconProps} />}
                </span>
                {participant.isLocal && !renaming && mayRenameSelf(participant, meetConfig) && (
                  <button type="button" className="button button--small" onClick={() => setRenaming(true)}>
                    {t('rename.open')}
                  </button>
                )}
                {!participant.isLocal && <ParticipantActions participant={participant} local={local} name={name} everyoneCanMute={everyoneCanMute} membersSources={membersSources} />}
              </li>
            );
          })}
        </ul>
        {renaming && <RenameSelf local={local} onDone={() => setRenaming(false)} />}
      </section>
    </aside>
  );
}
