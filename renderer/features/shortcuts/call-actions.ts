// The actions shared by the control bar, the keyboard shortcuts and the desktop's commands
// (tray, notifications), so each one behaves the same whatever triggered it.
import { currentRoom } from '../call/call-lifecycle-store';
import { leaveCall } from '../call/call-ending';
import { toggleMedia } from '../call/media-toggles';
import { useCallUiStore } from '../call/call-ui-store';
import { useNotificationStore } from '../call/notification-store';
import { isHandRaised, setHandRaised } from '../hand/hand';
import i18next from 'i18next';
import type { ShortcutAction } from './shortcuts';

export async function toggleHand(): Promise<void> {
  const room = currentRoom();
  if (!room) return;
  const error = await setHandRaised(!isHandRaised(room.localParticipant));
  if (error) useNotificationStore.getState().notify(i18next.t('hand.failed'), 'warning');
}

/** F2: to the control bar's current button (its one Tab stop). */
export function focusToolbar(): void {
  const toolbar = document.getElementById('call-controls');
  const target = toolbar?.querySelector<HTMLElement>('[tabindex="0"]') ?? toolbar?.querySelector<HTMLElement>('button');
  target?.focus();
}

export function runCallAction(action: ShortcutAction | 'leave'): void {
  const ui = useCallUiStore.getState();
  switch (action) {
    case 'toggleMicrophone':
      void toggleMedia('microphone');
      break;
    case 'toggleCamera':
      void toggleMedia('camera');
      break;
    case 'toggleHand':
      void toggleHand();
      break;
    case 'toggleChat':
      ui.togglePanel('chat');
      break;
    case 'toggleParticipants':
      ui.togglePanel('participants');
      break;
    case 'toggleReactions':
      ui.openDialog('reactions');
      break;
    case 'showHelp':
      ui.openDialog('shortcuts');
      break;
    case 'leave':
      void leaveCall();
      break;
    case 'focusToolbar':
      focusToolbar();
      break;
  }
}
