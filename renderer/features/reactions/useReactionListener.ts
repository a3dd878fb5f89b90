// Others' reactions: shown floating and told to screen readers, each sender held to a rate.
import type { Room } from 'livekit-client';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onMeetNotification } from '../call/meet-notifications';
import { useNotificationStore } from '../call/notification-store';
import { participantDisplayName } from '../room-trust/display';
import { DropLog } from '../room-trust/drop-log';
import { MAX_REACTIONS_PER_WINDOW, REACTION_WINDOW_MS } from '../room-trust/limits';
import { SenderRateLimit } from '../room-trust/rate-limits';
import { useReactionStore } from './reaction-store';

export function useReactionListener(room: Room): void {
  const { t } = useTranslation();

  useEffect(() => {
    const drops = new DropLog();
    const reactionLimit = new SenderRateLimit(MAX_REACTIONS_PER_WINDOW, REACTION_WINDOW_MS);
    return onMeetNotification(room, 'reactionReceived', ({ emoji }, participant, sender) => {
      if (!reactionLimit.allow(participant?.identity ?? '', Date.now())) {
        drops.record('reaction', 'rate', sender);
        return;
      }
      const name = participantDisplayName(participant);
      useReactionStore.getState().show(emoji, name);
      useNotificationStore.getState().notify(t('reactions.from', { name, emoji: t(`reactions.names.${emoji}`) }), 'info', { visible: false });
    });
  }, [room, t]);
}
