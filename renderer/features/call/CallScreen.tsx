import { RoomAudioRenderer, RoomContext, useAudioPlayback } from '@livekit/components-react';
import type { Room as LivekitRoom } from 'livekit-client';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { roomKey, type LivekitGrant, type Room } from '../../../common/meet-types';
import { useRouteStore } from '../../app/route-store';
import { effectFailureMessageKey } from '../background-blur/background-blur';
import { EffectsDialog } from '../effects/EffectsDialog';
import { noiseSuppressionFailureMessageKey } from '../noise-suppression/noise-suppression';
import { ChatPanel } from '../chat/ChatPanel';
import { useChatFilesStore } from '../chat/chat-files-store';
import { useChatListener } from '../chat/useChatListener';
import { useHandListener } from '../hand/useHandListener';
import { useWaitingListener } from '../lobby/useWaitingListener';
import { useChatStore } from '../chat/chat-store';
import { useChatFiles } from '../chat/useChatFiles';
import { WaitingToast } from '../lobby/WaitingToast';
import { MeetingInfoDialog } from '../meeting/MeetingInfoDialog';
import { ConnectionTestDialog } from '../diagnostics/ConnectionTestDialog';
import { focusToolbar } from '../shortcuts/call-actions';
import { useLowBandwidthStore } from '../low-bandwidth/low-bandwidth-store';
import { LowBandwidthStatus } from '../low-bandwidth/LowBandwidthStatus';
import { useLowBandwidthMode } from '../low-bandwidth/useLowBandwidthMode';
import { ParticipantsPanel } from '../participants/ParticipantsPanel';
import { FloatingCallPortal } from '../pip/FloatingCallPortal';
import { FloatingReactions } from '../reactions/FloatingReactions';
import { useReactionListener } from '../reactions/useReactionListener';
import { ReactionsDialog } from '../reactions/ReactionsDialog';
import { RecordingBanner } from '../recording/RecordingBanner';
import { RecordingDialog } from '../recording/RecordingDialog';
import { useRecordingListener } from '../recording/useRecordingListener';
import { useSettingsStore } from '../settings/settings-store';
import { SettingsDialog } from '../settings/SettingsDialog';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog';
import { useCallShortcuts } from '../shortcuts/useCallShortcuts';
import { Subtitles } from '../subtitles/Subtitles';
import { useSubtitleStore } from '../subtitles/subtitle-store';
import { useSubtitleListener } from '../subtitles/useSubtitleListener';
import { releaseCall } from './call-ending';
import { connectCall } from './call-lifecycle';
import { useCallLifecycleStore } from './call-lifecycle-store';
import { CallTracksProvider } from './call-tracks';
import { dismissEffectFailure, useCameraPipelineStore } from './camera-pipeline';
import { dismissNoiseSuppressionFailure, useMicrophonePipelineStore } from './microphone-pipeline';
import { useCallUiStore } from './call-ui-store';
import { ConnectionBanner } from './ConnectionBanner';
import { ControlBar } from './ControlBar';
import { MediaNoticeBanner } from './MediaNoticeBanner';
import { ProcessingFailureBanner } from './ProcessingFailureBanner';
import { Notifications } from './Notifications';
import { useNotificationStore } from './notification-store';
import { CallLayout } from './CallLayout';
import { useLayoutStore } from './layout-store';
import { followReceivedQuality } from './received-video-quality';
import { useMediaWatchdog } from './useMediaWatchdog';
import { usePresenceGraceFollowsCall } from './usePresenceGraceFollowsCall';
import { useModerationNotices } from './useModerationNotices';
import { usePresenceNotices } from './usePresenceNotices';
import { useSpeakerReport } from './useSpeakerReport';
import { forgetWaitingLists, loadMeetConfig } from '../../platform/backend-queries';

interface Props {
  slug: string;
  room: Room;
  grant: LivekitGrant;
  username: string;
}

function StartAudioButton({ room }: { room: LivekitRoom }) {
  const { t } = useTranslation();
  const { canPlayAudio, startAudio } = useAudioPlayback(room);
  if (canPlayAudio) return null;
  return (
    <button type="button" className="button button--primary start-audio" onClick={() => void startAudio()}>
      {t('call.startAudio')}
    </button>
  );
}

/**
 * A dialog opened from a menu gives the focus back to a menu item that is gone: the control bar
 * takes it then, so the keyboard user is not sent back to the top of the page.
 */
function useFocusBackAfterDialog(dialog: string | null) {
  const previous = useRef(dialog);
  useEffect(() => {
    const closed = previous.current !== null && dialog === null;
    previous.current = dialog;
    if (!closed) return;
    const frame = requestAnimationFrame(() => {
      if (document.activeElement === null || document.activeElement === document.body) focusToolbar();
    });
    return () => cancelAnimationFrame(frame);
  }, [dialog]);
}

function ConnectedCall({ slug, meetingRoom, room }: { slug: string; meetingRoom: Room; room: LivekitRoom }) {
  const { t } = useTranslation();
  const { panel, dialog, subtitlesVisible, closeDialog } = useCallUiStore();
  const receivedQuality = useSettingsStore((state) => state.receivedQuality);
  const effectFailure = useCameraPipelineStore((state) => state.effectFailure);
  const noiseSuppressionFailure = useMicrophonePipelineStore((state) => state.noiseSuppressionFailure);
  useChatListener(room, slug);
  useSubtitleListener(room);
  useWaitingListener(room, roomKey(meetingRoom));
  useReactionListener(room);
  useHandListener(room);
  useRecordingListener(room);
  useModerationNotices(room);
  usePresenceNotices(room);
  useChatFiles(room);
  useMediaWatchdog(room);
  usePresenceGraceFollowsCall();
  useSpeakerReport(room);
  useCallShortcuts();
  useFocusBackAfterDialog(dialog);
  const lowBandwidth = useLowBandwidthMode(room);
  // In low-bandwidth mode the mode chooses each video's layer; the settings' choice comes back after.
  const followsSettings = lowBandwidth === null;
  useEffect(() => (followsSettings ? followReceivedQuality(room, receivedQuality) : undefined), [room, receivedQuality, followsSettings]);
  useEffect(() => {
    void loadMeetConfig();
    if (useCallLifecycleStore.getState().joinedMutedInLargeRoom) useNotificationStore.getState().notify(t('call.autoMuted'), 'info');
  }, [t]);

  return (
    <RoomContext.Provider value={room}>
      <CallTracksProvider>
        <header className="call__header">
          <h1 className="call__title">{meetingRoom.name && meetingRoom.name !== slug ? `${meetingRoom.name} · ${slug}` : slug}</h1>
          <RecordingBanner room={room} />
        </header>
        <ConnectionBanner />
        <LowBandwidthStatus cause={lowBandwidth} />
        <MediaNoticeBanner />
        <ProcessingFailureBanner messageKey={effectFailure && effectFailureMessageKey[effectFailure]} onDismiss={dismissEffectFailure} />
        <ProcessingFailureBanner messageKey={noiseSuppressionFailure && noiseSuppressionFailureMessageKey[noiseSuppressionFailure]} onDismiss={dismissNoiseSuppressionFailure} />
        <WaitingToast roomId={roomKey(meetingRoom)} slug={slug} />
        <div className="call__body">
          <CallLayout />
          {panel === 'chat' && <ChatPanel room={room} />}
          {panel === 'participants' && <ParticipantsPanel roomId={roomKey(meetingRoom)} />}
        </div>
        {subtitlesVisible && <Subtitles />}
        <FloatingReactions />
        <FloatingCallPortal />
        <StartAudioButton room={room} />
        <ControlBar />
        <RoomAudioRenderer />
        <Notifications />
        {dialog === 'shortcuts' && <ShortcutsDialog />}
        {dialog === 'settings' && <SettingsDialog />}
        {dialog === 'effects' && <EffectsDialog />}
        {dialog === 'reactions' && <ReactionsDialog room={room} />}
        {dialog === 'recording' && <RecordingDialog room={room} />}
        {dialog === 'meetingInfo' && <MeetingInfoDialog room={meetingRoom} slug={slug} />}
        {dialog === 'connectionTest' && <ConnectionTestDialog onClose={closeDialog} />}
      </CallTracksProvider>
    </RoomContext.Provider>
  );
}

export function CallScreen({ slug, room: meetingRoom, grant }: Props) {
  const { t } = useTranslation();
  const navigate = useRouteStore((state) => state.navigate);
  const room = useCallLifecycleStore((state) => state.room);
  const phase = useCallLifecycleStore((state) => state.phase);
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void connectCall(grant);
    return () => {
      releaseCall();
      useCallUiStore.getState().reset();
      useChatStore.getState().reset();
      useChatFilesStore.getState().reset();
      forgetWaitingLists();
      useSubtitleStore.getState().reset();
      useNotificationStore.getState().clear();
      useLayoutStore.getState().reset();
      useLowBandwidthStore.getState().reset();
    };
  }, [grant]);

  useEffect(() => {
    if (phase === 'failed') titleRef.current?.focus();
  }, [phase]);

  const connected = room && (phase === 'connected' || phase === 'rejoining');

  return (
    <main id="content" className="call" data-testid="call" aria-label={t('call.label', { slug })}>
      {connected ? (
        <ConnectedCall slug={slug} meetingRoom={meetingRoom} room={room} />
      ) : phase === 'failed' ? (
        <div className="screen--centered">
          <div className="card" role="alert">
            <h1 ref={titleRef} tabIndex={-1}>
              {t('call.connectFailed')}
            </h1>
            <div className="button-row">
              <button type="button" className="button button--primary" onClick={() => void connectCall(grant)}>
                {t('call.retry')}
              </button>
              <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
                {t('call.leaveAndHome')}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <div className="screen--centered">
          <div className="spinner" aria-hidden="true" />
          <p role="status">{t('call.connecting')}</p>
        </div>
      )}
    </main>
  );
}
