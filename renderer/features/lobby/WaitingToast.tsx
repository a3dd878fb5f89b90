import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaitingParticipant } from '../../../common/meet-types';
import { decideEntry } from '../../platform/backend-queries';
import { invoke } from '../../platform/visio';
import { useCallUiStore } from '../call/call-ui-store';
import { useNotificationStore } from '../call/notification-store';
import { playNotificationSound } from '../call/notification-sounds';
import { useSettingsStore } from '../settings/settings-store';
import { useWaitingParticipants } from './waiting-list';

/** For hosts: who waits, with Admit and Deny at hand, announced when someone new arrives. */
export function WaitingToast({ roomId, slug }: { roomId: string; slug: string }) {
  const { t } = useTranslation();
  const participants = useWaitingParticipants();
  const panel = useCallUiStore((state) => state.panel);
  const known = useRef(new Set<string>());
  const reported = useRef('');

  useEffect(() => {
    const arrivals = participants.filter((participant) => !known.current.has(participant.id));
    known.current = new Set(participants.map((participant) => participant.id));
    if (arrivals.length === 0) return;
    useNotificationStore.getState().notify(t('waiting.count', { count: participants.length }), 'info', { visible: false });
    if (useSettingsStore.getState().notificationSounds) playNotificationSound('waiting');
  }, [participants, t]);

  // The desktop's notifications (with Admit) follow the list; this toast is the call's only one.
  useEffect(() => {
    const ids = participants.map((participant) => participant.id).join(' ');
    if (ids === reported.current) return;
    reported.current = ids;
    void invoke('lobby:waiting-changed', {
      roomId,
      roomSlug: slug,
      participants: participants.slice(0, 500).map((participant) => ({ id: participant.id, username: participant.username })),
    });
  }, [participants, roomId, slug]);

  if (participants.length === 0 || panel === 'participants') return null;
  return (
    <section className="waiting-toast" aria-label={t('waiting.title')}>
      <h2>{t('waiting.count', { count: participants.length })}</h2>
      <WaitingList roomId={roomId} participants={participants.slice(0, 3)} />
    </section>
  );
}

export function WaitingList({ roomId, participants }: { roomId: string; participants: readonly WaitingParticipant[] }) {
  const { t } = useTranslation();
  return (
    <ul className="waiting-list">
      {participants.map((participant) => (
        <li key={participant.id} className="waiting-list__item">
          <span className="waiting-list__name">{participant.username}</span>
          <button type="button" className="button button--primary" onClick={() => void decideEntry(roomId, participant.id, true)}>
            {t('waiting.admit', { name: participant.username })}
          </button>
          <button type="button" className="button" onClick={() => void decideEntry(roomId, participant.id, false)}>
            {t('waiting.deny', { name: participant.username })}
          </button>
        </li>
      ))}
    </ul>
  );
}
