// The actions a narrow window may move from the bar into the "more options" menu, described once
// so the bar's button and the menu's item do the same thing under the same name.
import { useQuery } from '@tanstack/react-query';
import { useLocalParticipant, useLocalParticipantPermissions, useRoomContext, useRoomInfo } from '@livekit/components-react';
import { RiClosedCaptioningLine, RiEmotionLine, RiHand, RiInformationLine, RiPictureInPicture2Line, RiRecordCircleLine, RiShareBoxLine } from '@remixicon/react';
import i18next from 'i18next';
import { useFloatingWindowStore } from '../../pip/floating-window-store';
import { useNotificationStore } from '../notification-store';
import type { ReactNode } from 'react';
import { iconProps } from '../../../app/icon-props';
import { useTranslation } from 'react-i18next';
import { isRoomAdmin } from '../../participants/roles';
import { availableRecordingModes } from '../../recording/recording-modes';
import { parseRecordingState } from '../../recording/recording-status';
import { toggleHand } from '../../shortcuts/call-actions';
import { shortcutKeys } from '../../shortcuts/shortcuts';
import { startSubtitles } from '../../subtitles/start-subtitles';
import { useCallUiStore } from '../call-ui-store';
import { toggleMedia } from '../media-toggles';
import { canPublishSource } from '../publish-permission';
import { useParticipantAttributes } from '../useParticipantAttributes';
import type { MovableAction } from './control-bar-fit';
import { appInfoQuery, configQuery } from '../../../platform/backend-queries';

export interface BarAction {
  label: string;
  icon: ReactNode;
  onPress(): void;
  isSelected?: boolean;
  keys?: string;
  unavailableReason?: string;
}

/** The bar's order of the movable actions: the call's in the centre, then the room's on the right. */
const barOrder: readonly MovableAction[] = ['reactions', 'screenShare', 'subtitles', 'hand', 'floatingWindow', 'meetingInfo', 'recording'];

export function useMovableActions(): { action: MovableAction; control: BarAction }[] {
  const { t } = useTranslation();
  const { openDialog, subtitlesVisible, toggleSubtitles } = useCallUiStore();
  const { localParticipant, isScreenShareEnabled } = useLocalParticipant();
  const permission = useLocalParticipantPermissions();
  const handRaised = Boolean(useParticipantAttributes(localParticipant).handRaisedAt);
  const room = useRoomContext();
  const recordingModes = availableRecordingModes(useQuery(configQuery()).data ?? null);
  const recordingStatus = parseRecordingState(useRoomInfo({ room }).metadata).status;
  const canShareScreen = typeof navigator.mediaDevices?.getDisplayMedia === 'function';
  const canRecord = isRoomAdmin(localParticipant) && recordingModes.length > 0;
  // On the desktop the floating window comes by itself when the main window is out of sight.
  const offersFloatingWindow = useQuery(appInfoQuery()).data?.kind === 'browser';
  const floatingOpen = useFloatingWindowStore((state) => state.target !== null);

  const controls: Partial<Record<MovableAction, BarAction>> = {
    reactions: { label: t('reactions.toggle'), icon: <RiEmotionLine {...iconProps} />, keys: shortcutKeys('toggleReactions'), onPress: () => openDialog('reactions') },
    screenShare: canShareScreen
      ? {
          label: t('screenshare.start'),
          icon: <RiShareBoxLine {...iconProps} />,
          isSelected: isScreenShareEnabled,
          unavailableReason: canPublishSource(permission, 'screen') ? undefined : t('call.notAllowed.screenShare'),
          onPress: () => void toggleMedia('screen'),
        }
      : undefined,
    subtitles: {
      label: t('subtitles.toggle'),
      icon: <RiClosedCaptioningLine {...iconProps} />,
      isSelected: subtitlesVisible,
      onPress: () => {
        if (!subtitlesVisible) void startSubtitles();
        toggleSubtitles();
      },
    },
    hand: { label: t('hand.raise'), icon: <RiHand {...iconProps} />, isSelected: handRaised, keys: shortcutKeys('toggleHand'), onPress: () => void toggleHand() },
    floatingWindow: offersFloatingWindow
      ? {
          label: t('pip.open'),
          icon: <RiPictureInPicture2Line {...iconProps} />,
          isSelected: floatingOpen,
          onPress: () => (floatingOpen ? useFloatingWindowStore.getState().close() : void openFloatingWindow()),
        }
      : undefined,
    meetingInfo: { label: t('meetingInfo.open'), icon: <RiInformationLine {...iconProps} />, onPress: () => openDialog('meetingInfo') },
    recording: canRecord
      ? {
          label: t('recording.open'),
          icon: <RiRecordCircleLine {...iconProps} />,
          isSelected: recordingStatus === 'started' || recordingStatus === 'starting',
          onPress: () => openDialog('recording'),
        }
      : undefined,
  };
  return barOrder.flatMap((action) => {
    const control = controls[action];
    return control ? [{ action, control }] : [];
  });
}

/** Opens the floating window, or says the browser blocked it. */
async function openFloatingWindow(): Promise<void> {
  await useFloatingWindowStore.getState().open();
  if (useFloatingWindowStore.getState().blocked) useNotificationStore.getState().notify(i18next.t('pip.blocked'), 'warning');
}
