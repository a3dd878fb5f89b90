// One participant's row actions for those who may act on others: mute, and behind a disclosure
// the rarer ones (role, removal, which asks for confirmation).
import { useRoomContext } from '@livekit/components-react';
import type { Participant } from 'livekit-client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../common/ipc-contract';
import { Dialog } from '../../app/Dialog';
import { errorMessage } from '../../app/error-message';
import { RiMicOffLine } from '@remixicon/react';
import { iconProps } from '../../app/icon-props';
import { useNotificationStore } from '../call/notification-store';
import { changeRole, liveMicrophoneTrackSid, muteParticipant, removeParticipant } from './admin-actions';
import type { PublishSourceName } from './publish-sources';
import { mayChangeRoleOf, mayMuteOthers, mayRemove } from './participant-rules';
import { isRoomAdmin, roleOf } from './roles';

interface Props {
  participant: Participant;
  /** The local participant: what they may do depends on their role. */
  local: Participant | undefined;
  name: string;
  /** The room's `everyone_can_mute`, null when it does not say. */
  everyoneCanMute: boolean | null;
  /** What members may publish in this room: the permission a demoted administrator gets. */
  membersSources: PublishSourceName[];
}

export function ParticipantActions({ participant, local, name, everyoneCanMute, membersSources }: Props) {
  const { t } = useTranslation();
  const room = useRoomContext();
  const [open, setOpen] = useState(false);
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const [busy, setBusy] = useState(false);
  const menuId = useId();
  const role = roleOf(participant);
  const isAdministrator = isRoomAdmin(local);
  const canMute = mayMuteOthers(local, everyoneCanMute) && liveMicrophoneTrackSid(participant) !== null;
  const canChangeRole = mayChangeRoleOf(local, participant);
  const canRemove = mayRemove(local, participant);
  const canManage = canChangeRole || canRemove;

  async function run(action: () => Promise<AppError | null>, success: string) {
    setBusy(true);
    const error = await action();
    setBusy(false);
    const notify = useNotificationStore.getState().notify;
    if (error) notify(t('participants.actionFailed', { reason: errorMessage(t, error) }), 'warning');
    else notify(success);
  }

  if (!canMute && !canManage) return null;

  return (
    <>
      {canMute && (
        <button
          type="button"
          className="icon-button"
          disabled={busy}
          aria-label={t('participants.mute', { name })}
          title={t('participants.mute', { name })}
          onClick={() => void run(() => muteParticipant(room, participant, isAdministrator), t('participants.muted', { name }))}
        >
          <RiMicOffLine {...iconProps} />
        </button>
      )}
      {canManage && (
        <div className="people__menu">
          <button
            type="button"
            className="icon-button"
            aria-expanded={open}
            aria-controls={menuId}
            aria-label={t('participants.moreActions', { name })}
            title={t('participants.moreActions', { name })}
            onClick={() => setOpen(!open)}
          >
            <span aria-hidden="true">⋯</span>
          </button>
          {open && (
            <ul id={menuId} className="people__actions">
              {canChangeRole && (
                <li>
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() =>
                      void run(
                        () => changeRole(participant, role === 'administrator' ? 'member' : 'administrator', membersSources),
                        role === 'administrator' ? t('participants.demoted', { name }) : t('participants.promoted', { name }),
                      ).then(() => setOpen(false))
                    }
                  >
                    {role === 'administrator' ? t('participants.demote', { name }) : t('participants.promote', { name })}
                  </button>
                </li>
              )}
              {canRemove && (
                <li>
                  <button type="button" className="button button--danger" disabled={busy} onClick={() => setConfirmingRemoval(true)}>
                    {t('participants.remove', { name })}
                  </button>
                </li>
              )}
            </ul>
          )}
        </div>
      )}
      {confirmingRemoval && (
        <Dialog title={t('participants.removeTitle', { name })} closeLabel={t('participants.cancel')} onClose={() => setConfirmingRemoval(false)} className="dialog--compact">
          <p>{t('participants.removeExplanation', { name })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger-solid"
              disabled={busy}
              onClick={() => {
                setConfirmingRemoval(false);
                setOpen(false);
                void run(() => removeParticipant(participant), t('participants.removed', { name }));
              }}
            >
              {t('participants.confirmRemove')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
