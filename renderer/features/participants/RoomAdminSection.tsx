// For the room's owner and administrators: act on everyone at once, and choose who may enter.
import { useQuery } from '@tanstack/react-query';
import { useRoomContext } from '@livekit/components-react';
import type { Participant } from 'livekit-client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessLevel } from '../../../common/meet-types';
import { errorMessage } from '../../app/error-message';
import { useNotificationStore } from '../call/notification-store';
import { raisedHandsInOrder } from '../hand/hand';
import { changePublishRight, lowerEveryHand, muteEveryone, participantsToMute, updateRoomAccess } from './admin-actions';
import { isRightGranted, PUBLISH_RIGHTS, roomPublishSources, withRight, type PublishRight, type PublishSourceName } from './publish-sources';
import { useSavedRoomSettings } from './useSavedRoomSettings';
import { configQuery } from '../../platform/backend-queries';

interface RoomChoices {
  accessLevel?: AccessLevel;
  everyoneCanMute?: boolean;
  publishSources?: PublishSourceName[];
}

const accessLevels: readonly AccessLevel[] = ['public', 'trusted', 'restricted'];

export function RoomAdminSection({ participants }: { participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const room = useRoomContext();
  const saved = useSavedRoomSettings(room);
  const { meetingRoom, metadata, fromMetadata } = saved;
  // What we just asked for shows at once, until the metadata changes (our change, or another
  // administrator's): from then on the metadata is the truth for everyone.
  const [pending, setPending] = useState<{ values: RoomChoices; metadata: string | undefined }>({ values: {}, metadata });
  const chosen = pending.metadata === metadata ? pending.values : {};
  const [busy, setBusy] = useState(false);
  const accessId = useId();
  const accessHintId = useId();
  const titleId = useId();
  const accessLevel = chosen.accessLevel ?? fromMetadata.accessLevel ?? meetingRoom?.access_level ?? 'trusted';
  const everyoneCanMute = chosen.everyoneCanMute ?? fromMetadata.everyoneCanMute ?? meetingRoom?.configuration?.everyone_can_mute ?? false;
  // The metadata holds the whole configuration once any administrator changed it; what we just
  // asked for counts too, so that a second change never undoes the first.
  const configuration: Record<string, unknown> = {
    ...saved.configuration,
    ...(chosen.everyoneCanMute === undefined ? {} : { everyone_can_mute: chosen.everyoneCanMute }),
    ...(chosen.publishSources ? { can_publish_sources: chosen.publishSources } : {}),
  };
  const defaultSources = useQuery(configQuery()).data?.livekit.default_sources;
  const publishSources = roomPublishSources(configuration, defaultSources);
  const rightsHintId = useId();
  const notify = useNotificationStore((state) => state.notify);
  const toMute = participantsToMute(participants);
  const hands = raisedHandsInOrder(participants).filter((participant) => !participant.isLocal);

  async function change(next: { accessLevel?: AccessLevel; everyoneCanMute?: boolean }, success: string) {
    const previous = { values: chosen, metadata };
    setPending({ values: { ...chosen, ...next }, metadata });
    setBusy(true);
    const outcome = await updateRoomAccess(next, configuration);
    setBusy(false);
    if ('error' in outcome) {
      setPending(previous);
      notify(t('participants.actionFailed', { reason: errorMessage(t, outcome.error) }), 'warning');
    } else notify(success);
  }

  async function changeRight(right: PublishRight, granted: boolean) {
    const previous = { values: chosen, metadata };
    setPending({ values: { ...chosen, publishSources: withRight(publishSources, right, granted) }, metadata });
    setBusy(true);
    const outcome = await changePublishRight(room, participants, configuration, defaultSources, right, granted);
    setBusy(false);
    if (!outcome.room) {
      // Nothing was saved: the switch shows the room as it still is.
      setPending(previous);
      notify(t('participants.actionFailed', { reason: errorMessage(t, outcome.error ?? { code: 'server' }) }), 'warning');
    } else if (outcome.error) {
      notify(t('admin.publishRights.partial', { reason: errorMessage(t, outcome.error) }), 'warning');
    } else {
      notify(t(`admin.publishRights.${granted ? 'granted' : 'revoked'}.${right}`));
    }
  }

  return (
    <section className="side-panel__section" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('admin.title')}</h3>
      <div className="button-row button-row--compact">
        <button
          type="button"
          className="button"
          disabled={busy || toMute.length === 0}
          onClick={async () => {
            setBusy(true);
            const error = await muteEveryone(room, participants, true);
            setBusy(false);
            notify(error ? t('participants.actionFailed', { reason: errorMessage(t, error) }) : t('admin.everyoneMuted'), error ? 'warning' : 'info');
          }}
        >
          {t('admin.muteEveryone')}
        </button>
        <button
          type="button"
          className="button"
          disabled={hands.length === 0}
          onClick={async () => {
            const error = await lowerEveryHand(hands);
            notify(error ? t('participants.actionFailed', { reason: errorMessage(t, error) }) : t('admin.handsLowered'), error ? 'warning' : 'info');
          }}
        >
          {t('admin.lowerEveryHand')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={accessId}>{t('admin.accessLevel')}</label>
        <select
          id={accessId}
          value={accessLevel}
          disabled={busy}
          aria-describedby={accessHintId}
          onChange={(event) => {
            const level = event.target.value as AccessLevel;
            void change({ accessLevel: level }, t('admin.accessChanged', { level: t(`admin.access.${level}`) }));
          }}
        >
          {accessLevels.map((level) => (
            <option key={level} value={level}>
              {t(`admin.access.${level}`)}
            </option>
          ))}
        </select>
        <p id={accessHintId} className="hint">
          {t(`admin.accessHint.${accessLevel}`)}
        </p>
      </div>
      <div className="field field--inline">
        <input
          id={`${accessId}-mute`}
          type="checkbox"
          checked={everyoneCanMute}
          disabled={busy}
          onChange={(event) => {
            const value = event.target.checked;
            void change({ everyoneCanMute: value }, value ? t('admin.everyoneCanMuteOn') : t('admin.everyoneCanMuteOff'));
          }}
        />
        <label htmlFor={`${accessId}-mute`}>{t('admin.everyoneCanMute')}</label>
      </div>
      <fieldset className="field fieldset" aria-describedby={rightsHintId}>
        <legend>{t('admin.publishRights.legend')}</legend>
        <p id={rightsHintId} className="hint">
          {t('admin.publishRights.hint')}
        </p>
        {PUBLISH_RIGHTS.map((right) => (
          <div key={right} className="field--inline">
            <input
              id={`${accessId}-right-${right}`}
              type="checkbox"
              role="switch"
              checked={isRightGranted(publishSources, right)}
              disabled={busy}
              onChange={(event) => void changeRight(right, event.target.checked)}
            />
            <label htmlFor={`${accessId}-right-${right}`}>{t(`admin.publishRights.${right}`)}</label>
          </div>
        ))}
      </fieldset>
    </section>
  );
}
