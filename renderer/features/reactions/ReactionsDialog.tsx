import type { Room } from 'livekit-client';
import { useTranslation } from 'react-i18next';
import { REACTION_EMOJIS, type ReactionEmoji } from '../../../common/meet-types';
import { Dialog } from '../../app/Dialog';
import { useCallUiStore } from '../call/call-ui-store';
import { encodeRoomNotification } from '../call/room-notifications';
import { reactionSymbols, useReactionStore } from './reaction-store';

export async function sendReaction(room: Room, emoji: ReactionEmoji): Promise<void> {
  useReactionStore.getState().show(emoji, room.localParticipant.name || room.localParticipant.identity);
  await room.localParticipant.publishData(encodeRoomNotification('reactionReceived', { emoji }), { reliable: true }).catch(() => undefined);
}

export function ReactionsDialog({ room }: { room: Room }) {
  const { t } = useTranslation();
  const closeDialog = useCallUiStore((state) => state.closeDialog);
  return (
    <Dialog title={t('reactions.menu')} closeLabel={t('shortcuts.close')} onClose={closeDialog} className="dialog--compact">
      <ul className="reaction-picker">
        {REACTION_EMOJIS.map((emoji) => (
          <li key={emoji}>
            <button
              type="button"
              className="reaction-picker__button"
              aria-label={t('reactions.send', { name: t(`reactions.names.${emoji}`) })}
              onClick={() => {
                void sendReaction(room, emoji);
                closeDialog();
              }}
            >
              <span aria-hidden="true">{reactionSymbols[emoji]}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
