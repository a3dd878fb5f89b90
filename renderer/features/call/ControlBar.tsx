import { useLocalParticipant } from '@livekit/components-react';
import { useTranslation } from 'react-i18next';
import { CameraIcon, ChatIcon, HandIcon, KeyboardIcon, LeaveIcon, MicrophoneIcon, PeopleIcon, ScreenIcon, SettingsIcon, SmileIcon, SubtitlesIcon } from '../../app/icons';
import { useChatStore } from '../chat/chat-store';
import { toggleHand } from '../shortcuts/call-actions';
import { startSubtitles } from '../subtitles/start-subtitles';
import { useWaitingStore } from '../lobby/waiting-store';
import { useCallStore } from './call-store';
import { useCallUiStore } from './call-ui-store';
import { useParticipantAttributes } from './useParticipantAttributes';

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
}

function ControlButton({ label, pressed, off, onClick, children, badge, badgeLabel, shortcut, expanded }: ToggleProps) {
  return (
    <button
      type="button"
      className={`control${off ? ' control--off' : ''}${pressed ? ' control--active' : ''}`}
      aria-pressed={pressed}
      aria-expanded={expanded}
      aria-keyshortcuts={shortcut}
      onClick={onClick}
      title={label}
    >
      {children}
      <span className="control__label">{label}</span>
      {badge ? (
        <span className="badge" aria-label={badgeLabel}>
          {badge}
        </span>
      ) : null}
    </button>
  );
}

export function ControlBar() {
  const { t } = useTranslation();
  const { microphoneEnabled, cameraEnabled, screenShareEnabled, toggleMicrophone, toggleCamera, toggleScreenShare, leave } = useCallStore();
  const { panel, togglePanel, openDialog, subtitlesVisible, toggleSubtitles } = useCallUiStore();
  const unread = useChatStore((state) => state.unread);
  const waitingCount = useWaitingStore((state) => state.participants.length);
  const { localParticipant } = useLocalParticipant();
  const attributes = useParticipantAttributes(localParticipant);
  const handRaised = Boolean(attributes.handRaisedAt);
  const canShareScreen = typeof navigator.mediaDevices?.getDisplayMedia === 'function';

  return (
    <div className="control-bar" role="toolbar" aria-label={t('call.controls')} id="call-controls">
      <ControlButton label={t('call.microphone')} pressed={microphoneEnabled} off={!microphoneEnabled} shortcut="Control+D" onClick={() => void toggleMicrophone()}>
        <MicrophoneIcon off={!microphoneEnabled} />
      </ControlButton>
      <ControlButton label={t('call.camera')} pressed={cameraEnabled} off={!cameraEnabled} shortcut="Control+E" onClick={() => void toggleCamera()}>
        <CameraIcon off={!cameraEnabled} />
      </ControlButton>
      {canShareScreen && (
        <ControlButton label={t('screenshare.start')} pressed={screenShareEnabled} onClick={() => void toggleScreenShare()}>
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
