import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallUiStore } from '../call/call-ui-store';
import { useNotificationStore } from '../call/notification-store';
import { playNotificationSound } from '../call/notification-sounds';
import { useSettingsStore } from '../settings/settings-store';
import { useWaitingStore } from './waiting-store';

/** For hosts: who waits, with Admit and Deny at hand, announced when someone new arrives. */
export function WaitingToast({ roomId, slug }: { roomId: string; slug: string }) {
  const { t } = useTranslation();
  const participants = useWaitingStore((state) => state.participants);
  const decide = useWaitingStore((state) => state.decide);
  const panel = useCallUiStore((state) => state.panel);
  const known = useRef(new Set<string>());

  useEffect(() => {
    const arrivals = participants.filter((participant) => !known.current.has(participant.id));
    known.current = new Set(participants.map((participant) => participant.id));
    if (arrivals.length === 0) return;
    useNotificationStore.getState().notify(t('waiting.count', { count: participants.length }), 'info', { visible: false });
    if (useSettingsStore.getState().notificationSounds) playNotificationSound('waiting');
  }, [participants, t]);

  if (participants.length === 0 || panel === 'participants') return null;
  return (
    <section className="waiting-toast" aria-label={t('waiting.title')}>
      <h2>{t('waiting.count', { count: participants.length })}</h2>
      <WaitingList roomId={roomId} slug={slug} decide={decide} participants={participants.slice(0, 3)} />
    </section>
  );
}

export function WaitingList({
  roomId,
  slug,
  participants,
  decide,
}: {
  roomId: string;
  slug: string;
  participants: { id: string; username: string }[];
  decide: (roomId: string, slug: string, participantId: string, allowEntry: boolean) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <ul className="waiting-list">
      {participants.map((participant) => (
        <li key={participant.id} className="waiting-list__item">
          <span className="waiting-list__name">{participant.username}</span>
          <button type="button" className="button button--primary" onClick={() => void decide(roomId, slug, participant.id, true)}>
            {t('waiting.admit', { name: participant.username })}
          </button>
          <button type="button" className="button" onClick={() => void decide(roomId, slug, participant.id, false)}>
            {t('waiting.deny', { name: participant.username })}
          </button>
        </li>
      ))}
    </ul>
  );
}
