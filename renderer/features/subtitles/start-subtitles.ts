import i18next from 'i18next';
import { roomKey } from '../../../common/meet-types';
import { invoke } from '../../platform/visio';
import { useNotificationStore } from '../call/notification-store';
import { useMeetingStore } from '../meeting/meeting-store';

/** Asks the backend to dispatch the subtitle agent to the room (it has no stop call). */
export async function startSubtitles(): Promise<void> {
  const phase = useMeetingStore.getState().phase;
  if (phase.name !== 'call') return;
  const result = await invoke('backend:room:start-subtitle', { roomId: roomKey(phase.room), token: phase.grant.token });
  if (!result.ok && result.error.code !== 'conflict') useNotificationStore.getState().notify(i18next.t('subtitles.startFailed'), 'warning');
}
