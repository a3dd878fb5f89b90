// The call's control bar, laid out as Meet's: the devices and the call's actions in the centre,
// "more options" and the red leave button after them, the side panels and the room's tools on the
// right. One row of icon buttons at any width; what does not fit goes into "more options".
import { useLocalParticipant, useLocalParticipantPermissions } from '@livekit/components-react';
import { RiChat1Line, RiGroupLine, RiMicLine, RiMicOffLine, RiPhoneFill, RiVideoOffLine, RiVideoOnLine } from '@remixicon/react';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChatStore } from '../chat/chat-store';
import { useWaitingParticipants } from '../lobby/waiting-list';
import { nextToolbarIndex } from '../shortcuts/roving-focus';
import { shortcutKeys } from '../shortcuts/shortcuts';
import { leaveCall } from './call-ending';
import { toggleMedia } from './media-toggles';
import { useCallUiStore } from './call-ui-store';
import { fitControlBar, sideActions } from './controls/control-bar-fit';
import { ControlButton } from './controls/ControlButton';
import { DeviceMenuButton } from './controls/DeviceMenuButton';
import { MoreOptionsMenu } from './controls/MoreOptionsMenu';
import { useElementWidth } from './controls/useElementWidth';
import { useMovableActions } from './controls/useMovableActions';
import { iconProps } from '../../app/icon-props';
import { canPublishSource } from './publish-permission';

const deviceIcons = {
  microphone: { on: RiMicLine, off: RiMicOffLine },
  camera: { on: RiVideoOnLine, off: RiVideoOffLine },
} as const;

/** The microphone or camera toggle, with its chevron opening the devices to choose from. */
function DeviceControl({ source }: { source: 'microphone' | 'camera' }) {
  const { t } = useTranslation();
  const { isMicrophoneEnabled, isCameraEnabled } = useLocalParticipant();
  const permission = useLocalParticipantPermissions();
  const enabled = source === 'microphone' ? isMicrophoneEnabled : isCameraEnabled;
  const Icon = deviceIcons[source][enabled ? 'on' : 'off'];
  return (
    <div className="control-group">
      <ControlButton
        label={t(`call.${source}`)}
        icon={<Icon {...iconProps} />}
        isSelected={enabled}
        off={!enabled}
        keys={shortcutKeys(source === 'microphone' ? 'toggleMicrophone' : 'toggleCamera')}
        unavailableReason={canPublishSource(permission, source) ? undefined : t(`call.notAllowed.${source}`)}
        onPress={() => void toggleMedia(source)}
      />
      <DeviceMenuButton source={source} />
    </div>
  );
}

function PanelToggles() {
  const { t } = useTranslation();
  const { panel, togglePanel } = useCallUiStore();
  const unread = useChatStore((state) => state.unread);
  const waitingCount = useWaitingParticipants().length;
  return (
    <>
      <ControlButton
        label={t('chat.toggle')}
        icon={<RiChat1Line {...iconProps} />}
        isSelected={panel === 'chat'}
        keys={shortcutKeys('toggleChat')}
        badge={unread}
        badgeLabel={t('chat.unread', { count: unread })}
        onPress={() => togglePanel('chat')}
      />
      <ControlButton
        label={t('participants.toggle')}
        icon={<RiGroupLine {...iconProps} />}
        isSelected={panel === 'participants'}
        keys={shortcutKeys('toggleParticipants')}
        badge={waitingCount}
        badgeLabel={t('waiting.count', { count: waitingCount })}
        onPress={() => togglePanel('participants')}
      />
    </>
  );
}

/** Arrow keys move between the bar's buttons (WAI-ARIA toolbar): one Tab stop for the whole bar. */
function useRovingFocus(toolbarRef: React.RefObject<HTMLDivElement | null>) {
  const focusedIndex = useRef(0);
  const setTabStop = (buttons: HTMLButtonElement[], index: number) => {
    focusedIndex.current = index;
    buttons.forEach((button, position) => (button.tabIndex = position === index ? 0 : -1));
  };
  useEffect(() => {
    const buttons = toolbarButtons(toolbarRef.current);
    setTabStop(buttons, Math.min(focusedIndex.current, Math.max(0, buttons.length - 1)));
  });
  return {
    onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
      // Keys pressed in an open menu reach here through React's portal: the menu handles them.
      if (!toolbarRef.current?.contains(event.target as Node)) return;
      const buttons = toolbarButtons(toolbarRef.current);
      const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const next = nextToolbarIndex(current < 0 ? focusedIndex.current : current, event.key, buttons.length);
      if (next === null) return;
      event.preventDefault();
      setTabStop(buttons, next);
      buttons[next]?.focus();
    },
    onFocus(event: React.FocusEvent<HTMLDivElement>) {
      const buttons = toolbarButtons(toolbarRef.current);
      const index = buttons.indexOf(event.target as unknown as HTMLButtonElement);
      if (index >= 0) setTabStop(buttons, index);
    },
  };
}

export function ControlBar() {
  const { t } = useTranslation();
  const toolbarRef = useRef<HTMLDivElement>(null);
  const roving = useRovingFocus(toolbarRef);
  const width = useElementWidth(toolbarRef);
  const movable = useMovableActions();
  const { inBar } = fitControlBar(
    movable.map(({ action }) => action),
    width ?? Number.POSITIVE_INFINITY,
  );
  const shown = movable.filter(({ action }) => inBar.includes(action));
  const moved = movable.filter(({ action }) => !inBar.includes(action));
  const centre = shown.filter(({ action }) => !sideActions.has(action));
  const side = shown.filter(({ action }) => sideActions.has(action));

  return (
    <div
      ref={toolbarRef}
      className="control-bar"
      role="toolbar"
      aria-label={t('call.controls')}
      aria-orientation="horizontal"
      id="call-controls"
      data-testid="control-bar"
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
    >
      <div className="control-bar__centre">
        <DeviceControl source="microphone" />
        <DeviceControl source="camera" />
        {centre.map(({ action, control }) => (
          <ControlButton key={action} {...control} />
        ))}
        <MoreOptionsMenu moved={moved} />
        <ControlButton label={t('call.leave')} icon={<RiPhoneFill {...iconProps} />} className="control--leave" onPress={() => void leaveCall()} />
      </div>
      <div className="control-bar__side">
        {side.filter(({ action }) => action === 'floatingWindow' || action === 'meetingInfo').map(({ action, control }) => (
          <ControlButton key={action} {...control} />
        ))}
        <PanelToggles />
        {side.filter(({ action }) => action === 'recording').map(({ action, control }) => (
          <ControlButton key={action} {...control} />
        ))}
      </div>
    </div>
  );
}

function toolbarButtons(toolbar: HTMLElement | null): HTMLButtonElement[] {
  return toolbar ? Array.from(toolbar.querySelectorAll<HTMLButtonElement>('button:not([disabled])')) : [];
}
