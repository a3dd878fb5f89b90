// The actions shared by the control bar, the keyboard shortcuts and the desktop's commands
// (tray, notifications), so each one behaves the same whatever triggered it.
import { useCallStore } from '../call/call-store';
import { useCallUiStore } from '../call/call-ui-store';
import { useNotificationStore } from '../call/notification-store';
import { isHandRaised, setHandRaised } from '../hand/hand';
import i18next from 'i18next';
import type { ShortcutAction } from './shortcuts';

export async function toggleHand(): Promise<void> {
  const room = useCallStore.getState().room;
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
  const call = useCallStore.getState();
  const ui = useCallUiStore.getState();
  switch (action) {
    case 'toggleMicrophone':
      void call.toggleMicrophone();
      break;
    case 'toggleCamera':
      void call.toggleCamera();
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
      void call.leave();
      break;
    case 'focusToolbar':
      focusToolbar();
      break;
  }
}
