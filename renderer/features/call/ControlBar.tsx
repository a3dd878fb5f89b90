import { useLocalParticipant, useLocalParticipantPermissions, useRoomContext } from '@livekit/components-react';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraIcon, ChatIcon, HandIcon, InfoIcon, KeyboardIcon, LeaveIcon, MicrophoneIcon, PeopleIcon, RecordIcon, ScreenIcon, SettingsIcon, SmileIcon, SubtitlesIcon } from '../../app/icons';
import { isRoomAdmin } from '../participants/roles';
import { availableRecordingModes } from '../recording/recording-modes';
import { parseRecordingState } from '../recording/recording-status';
import { nextToolbarIndex } from '../shortcuts/roving-focus';
import { useMeetConfigStore } from './meet-config-store';
import { useRoomMetadata } from './useRoomMetadata';
import { useChatStore } from '../chat/chat-store';
import { toggleHand } from '../shortcuts/call-actions';
import { startSubtitles } from '../subtitles/start-subtitles';
import { useWaitingStore } from '../lobby/waiting-store';
import { useCallStore } from './call-store';
import { useCallUiStore } from './call-ui-store';
import { useParticipantAttributes } from './useParticipantAttributes';
import { canPublishSource } from './publish-permission';
import { useAppInfoStore } from '../../app/app-info-store';
import { useFloatingWindowStore } from '../pip/floating-window-store';
import { useNotificationStore } from './notification-store';
import i18next from 'i18next';

interface ToggleProps {
  label: string;
  pressed?: boolean;
  off?: boolean;
  onClick(): void;
  children: React.ReactNode;
  badge?: number;
  badgeLabel?: string;
  shortcut?: string;
  expanded?: boolean;
  /** Why the control cannot be used now; it stays focusable so the reason can be read. */
  unavailableReason?: string;
}

function ControlButton({ label, pressed, off, onClick, children, badge, badgeLabel, shortcut, expanded, unavailableReason }: ToggleProps) {
  const { i18n } = useTranslation();
  const reasonId = useId();
  return (
    <>
      <button
        type="button"
        className={`control${off ? ' control--off' : ''}${pressed ? ' control--active' : ''}`}
        aria-pressed={pressed}
        aria-expanded={expanded}
        aria-keyshortcuts={shortcut}
        aria-disabled={unavailableReason ? true : undefined}
        aria-describedby={unavailableReason ? reasonId : undefined}
        onClick={unavailableReason ? undefined : onClick}
        title={unavailableReason ?? label}
      >
        {children}
        <span className="control__label">{label}</span>
        {badge ? (
          <span className="badge" aria-label={badgeLabel}>
            {new Intl.NumberFormat(i18n.language).format(badge)}
          </span>
        ) : null}
      </button>
      {/* Outside the button, so that it describes the control without becoming part of its name. */}
      {unavailableReason && (
        <span id={reasonId} className="visually-hidden">
          {unavailableReason}
        </span>
      )}
    </>
  );
}

export function ControlBar() {
  const { t } = useTranslation();
  const { microphoneEnabled, cameraEnabled, screenShareEnabled, toggleMicrophone, toggleCamera, toggleScreenShare, leave } = useCallStore();
  const { panel, togglePanel, openDialog, subtitlesVisible, toggleSubtitles } = useCallUiStore();
  const unread = useChatStore((state) => state.unread);
  const waitingCount = useWaitingStore((state) => state.participants.length);
  const { localParticipant } = useLocalParticipant();
  const permission = useLocalParticipantPermissions();
  const unavailable = (source: 'microphone' | 'camera' | 'screen') =>
    canPublishSource(permission, source) ? undefined : t(`call.notAllowed.${source === 'screen' ? 'screenShare' : source}`);
  const attributes = useParticipantAttributes(localParticipant);
  const handRaised = Boolean(attributes.handRaisedAt);
  const canShareScreen = typeof navigator.mediaDevices?.getDisplayMedia === 'function';
  const room = useRoomContext();
  const recordingModes = availableRecordingModes(useMeetConfigStore((state) => state.config));
  const recordingStatus = parseRecordingState(useRoomMetadata(room)).status;
  const canRecord = isRoomAdmin(localParticipant) && recordingModes.length > 0;
  // On the desktop the floating window comes by itself when the main window is out of sight.
  const offersFloatingWindow = useAppInfoStore((state) => state.info?.kind === 'browser');
  const floatingOpen = useFloatingWindowStore((state) => state.target !== null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const focusedIndex = useRef(0);

  // One Tab stop for the whole bar; the arrows move inside it.
  useEffect(() => {
    const buttons = toolbarButtons(toolbarRef.current);
    focusedIndex.current = Math.min(focusedIndex.current, Math.max(0, buttons.length - 1));
    buttons.forEach((button, index) => (button.tabIndex = index === focusedIndex.current ? 0 : -1));
  });

  function onToolbarKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = toolbarButtons(toolbarRef.current);
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = nextToolbarIndex(current < 0 ? focusedIndex.current : current, event.key, buttons.length);
    if (next === null) return;
    event.preventDefault();
    focusedIndex.current = next;
    buttons.forEach((button, index) => (button.tabIndex = index === next ? 0 : -1));
    buttons[next]?.focus();
  }

  return (
    <div
      ref={toolbarRef}
      className="control-bar"
      role="toolbar"
      aria-label={t('call.controls')}
      aria-orientation="horizontal"
      id="call-controls"
      onKeyDown={onToolbarKeyDown}
      onFocus={(event) => {
        const index = toolbarButtons(toolbarRef.current).indexOf(event.target as unknown as HTMLButtonElement);
        if (index >= 0) focusedIndex.current = index;
      }}
    >
      <ControlButton
        label={t('call.microphone')}
        pressed={microphoneEnabled}
        off={!microphoneEnabled}
        shortcut="Control+D"
        unavailableReason={unavailable('microphone')}
        onClick={() => void toggleMicrophone()}
      >
        <MicrophoneIcon off={!microphoneEnabled} />
      </ControlButton>
      <ControlButton
        label={t('call.camera')}
        pressed={cameraEnabled}
        off={!cameraEnabled}
        shortcut="Control+E"
        unavailableReason={unavailable('camera')}
        onClick={() => void toggleCamera()}
      >
        <CameraIcon off={!cameraEnabled} />
      </ControlButton>
      {canShareScreen && (
        <ControlButton
          label={t('screenshare.start')}
          pressed={screenShareEnabled}
          unavailableReason={unavailable('screen')}
          onClick={() => void toggleScreenShare()}
        >
          <ScreenIcon />
        </ControlButton>
      )}
      <ControlButton
        label={t('hand.raise')}
        pressed={handRaised}
        shortcut="Control+Shift+H"
        onClick={() => void toggleHand()}
      >
        <HandIcon />
      </ControlButton>
      <ControlButton label={t('reactions.toggle')} shortcut="Control+Shift+E" onClick={() => openDialog('reactions')}>
        <SmileIcon />
      </ControlButton>
      <ControlButton label={t('subtitles.toggle')} pressed={subtitlesVisible} onClick={() => {
          if (!subtitlesVisible) void startSubtitles();
          toggleSubtitles();
        }}>
        <SubtitlesIcon />
      </ControlButton>
      <ControlButton
        label={t('chat.toggle')}
        pressed={panel === 'chat'}
        shortcut="Control+Shift+M"
        badge={unread}
        badgeLabel={t('chat.unread', { count: unread })}
        onClick={() => togglePanel('chat')}
      >
        <ChatIcon />
      </ControlButton>
      <ControlButton
        label={t('participants.toggle')}
        pressed={panel === 'participants'}
        shortcut="Control+Shift+P"
        badge={waitingCount}
        badgeLabel={t('waiting.count', { count: waitingCount })}
        onClick={() => togglePanel('participants')}
      >
        <PeopleIcon />
      </ControlButton>
      {canRecord && (
        <ControlButton label={t('recording.open')} pressed={recordingStatus === 'started' || recordingStatus === 'starting'} onClick={() => openDialog('recording')}>
          <RecordIcon />
        </ControlButton>
      )}
      {offersFloatingWindow && (
        <ControlButton
          label={t('pip.open')}
          pressed={floatingOpen}
          onClick={() => (floatingOpen ? useFloatingWindowStore.getState().close() : void openFloatingWindow())}
        >
          <ScreenIcon />
        </ControlButton>
      )}
      <ControlButton label={t('meetingInfo.open')} onClick={() => openDialog('meetingInfo')}>
        <InfoIcon />
      </ControlButton>
      <ControlButton label={t('settings.open')} onClick={() => openDialog('settings')}>
        <SettingsIcon />
      </ControlButton>
      <ControlButton label={t('shortcuts.open')} shortcut="Control+Shift+/" onClick={() => openDialog('shortcuts')}>
        <KeyboardIcon />
      </ControlButton>
      <button type="button" className="control control--leave" onClick={() => void leave()} title={t('call.leave')}>
        <LeaveIcon />
        <span className="control__label">{t('call.leave')}</span>
      </button>
    </div>
  );
}

/** Opens the floating window, or says the browser blocked it. */
async function openFloatingWindow(): Promise<void> {
  await useFloatingWindowStore.getState().open();
  if (useFloatingWindowStore.getState().blocked) useNotificationStore.getState().notify(i18next.t('pip.blocked'), 'warning');
}

function toolbarButtons(toolbar: HTMLElement | null): HTMLButtonElement[] {
  return toolbar ? Array.from(toolbar.querySelectorAll<HTMLButtonElement>('button:not([disabled])')) : [];
}
