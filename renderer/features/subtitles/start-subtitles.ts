import i18next from 'i18next';
import { invoke } from '../../platform/visio';
import { connectedCall, currentCall, isCall } from '../call/connected-call';
import { useNotificationStore } from '../call/notification-store';

/** Asks the backend to dispatch the subtitle agent to the room (it has no stop call). */
export async function startSubtitles(): Promise<void> {
  if (!currentCall()) return;
  const call = connectedCall();
  if (!isCall(call)) {
    useNotificationStore.getState().notify(i18next.t('errors.reasons.not_connected'), 'warning');
    return;
  }
  const result = await invoke('backend:room:start-subtitle', { roomId: call.roomId, token: call.token });
  if (!result.ok && result.error.code !== 'conflict') useNotificationStore.getState().notify(i18next.t('subtitles.startFailed'), 'warning');
}
