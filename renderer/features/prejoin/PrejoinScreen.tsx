import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../common/ipc-contract';
import { errorMessage } from '../../app/error-message';
import { RiImageCircleAiLine, RiMicLine, RiMicOffLine, RiVideoOffLine, RiVideoOnLine } from '@remixicon/react';
import { iconProps } from '../../app/icon-props';
import { useRouteStore } from '../../app/route-store';
import { appErrorOf, appInfoQuery, configQuery, createRoom, roomQuery } from '../../platform/backend-queries';
import { AccountBar } from '../auth/AccountBar';
import { displayNameOf, useSession } from '../auth/session';
import type { EffectFailure } from '../background-blur/background-blur';
import { useBackgroundEffect } from '../background-blur/useBackgroundEffect';
import { useDevicePreferences } from '../devices/device-preferences';
import { isEffectOn, NO_EFFECT } from '../effects/background-effect';
import { EffectsPanel } from '../effects/EffectsPanel';
import { useEffectRendering } from '../effects/wanted-effect';
import { NoiseSuppressionCheckbox } from '../noise-suppression/NoiseSuppressionCheckbox';
import { DeviceSelect } from '../devices/DeviceSelect';
import { mediaFailureMessageKey } from '../devices/media-errors';
import { ConnectionTestButton } from '../diagnostics/ConnectionTestDialog';
import { playSpeakerTest } from '../devices/speaker-test';
import { useMediaDeviceList } from '../devices/useMediaDeviceList';
import { CopyFeedback, MeetingLinkField, type CopiedText } from '../meeting/CopyLink';
import { meetingLink } from '../meeting/meeting-link';
import { joinMeeting } from '../meeting/meeting-store';
import { useCopyToClipboard } from '../meeting/useCopyToClipboard';
import { CameraPreview } from './CameraPreview';
import { MicrophoneLevel } from './MicrophoneLevel';
import { isForbidden, mayOpen, prejoinRights, type PrejoinRoomAnswer } from './prejoin-rights';
import { usePreviewTracks } from './usePreviewTracks';
import { roomCheckOf } from './room-check';

export function PrejoinScreen({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const preferences = useDevicePreferences();
  const update = useDevicePreferences((state) => state.update);
  const session = useSession();
  const user = session.user;
  const isAuthenticated = session.status === 'authenticated';
  const navigate = useRouteStore((state) => state.navigate);
  const [nameDraft, setName] = useState<string | null>(null);
  const defaultName = (preferences.displayName || displayNameOf(user)).trim();
  const name = nameDraft ?? defaultName;
  const [nameError, setNameError] = useState(false);
  // Asked under the name the user will most likely join with, once the session says who they
  // are: Join then reuses this answer and its token, and asks again only for another name.
  const sessionKnown = session.status !== 'checking';
  const roomAnswerQuery = useQuery({
    ...roomQuery(slug, defaultName || null),
    enabled: sessionKnown,
    placeholderData: keepPreviousData,
  });
  const [missingAtJoin, setMissingAtJoin] = useState(false);
  const roomCheck = roomCheckOf(roomAnswerQuery, missingAtJoin);
  const queryClient = useQueryClient();
  const [joining, setJoining] = useState(false);
  const [joinError, setJoinError] = useState<AppError | null>(null);
  const [creating, setCreating] = useState(false);
  const nameId = useId();
  const titleId = useId();

  const info = useQuery(appInfoQuery()).data ?? null;
  const link = meetingLink(info, slug, window.location.origin);
  const linkInput = useRef<HTMLInputElement>(null);
  const { outcome: copyOutcome, copy } = useCopyToClipboard<CopiedText>(linkInput);

  // What the room lets this user publish decides which devices are opened at all.
  const configAnswer = useQuery(configQuery());
  const defaultSources = configAnswer.data?.livekit.default_sources;
  const configLoaded = !configAnswer.isPending;
  const roomAnswer: PrejoinRoomAnswer =
    roomCheck.state === 'checking' ? { state: 'pending' } : roomCheck.state === 'found' ? { state: 'answered', room: roomCheck.room, userId: user?.id ?? null } : { state: 'unknown' };
  const rights = prejoinRights(roomAnswer, configLoaded ? { loaded: true, defaultSources } : { loaded: false });
  const cameraForbidden = isForbidden(rights, 'camera');
  const microphoneForbidden = isForbidden(rights, 'microphone');
  const cameraOn = preferences.cameraEnabled && !cameraForbidden;
  const microphoneOn = preferences.microphoneEnabled && !microphoneForbidden;
  const forbiddenId = useId();

  const tracks = usePreviewTracks(
    mayOpen(rights, 'camera', preferences.cameraEnabled),
    preferences.videoInputId,
    mayOpen(rights, 'microphone', preferences.microphoneEnabled),
    preferences.audioInputId,
  );
  const devices = useMediaDeviceList(`${tracks.video?.sid ?? tracks.video?.mediaStreamTrack.id}-${tracks.audio?.mediaStreamTrack.id}`);
  const failure = tracks.videoFailure ?? tracks.audioFailure;
  const [effectFailure, setEffectFailure] = useState<EffectFailure | null>(null);
  const [effectsOpen, setEffectsOpen] = useState(false);
  const effectsPanelId = useId();
  // An effect that cannot start is turned off, so the panel shows what the camera really sends.
  const onEffectFailure = useCallback(
    (reason: EffectFailure) => {
      setEffectFailure(reason);
      update({ backgroundEffect: NO_EFFECT });
    },
    [update],
  );
  const effectStarting = useBackgroundEffect(tracks.video, useEffectRendering(), onEffectFailure);

  function checkRoomAgain() {
    void roomAnswerQuery.refetch();
  }

  async function join(event: FormEvent) {
    event.preventDefault();
    const username = name.trim();
    if (!username) {
      setNameError(true);
      return;
    }
    setNameError(false);
    // A device that failed (denied, missing) joins off, so the user is never stuck here.
    update({
      displayName: username,
      microphoneEnabled: preferences.microphoneEnabled && !tracks.audioFailure,
      cameraEnabled: preferences.cameraEnabled && !tracks.videoFailure,
    });
    setJoining(true);
    setJoinError(null);
    const error = await joinMeeting(slug, username);
    setJoining(false);
    if (error?.code === 'not_found') setMissingAtJoin(true);
    else if (error) setJoinError(error);
  }

  async function createMissingRoom() {
    setCreating(true);
    const username = name.trim() || displayNameOf(user);
    try {
      const room = await createRoom(queryClient, username);
      navigate({ name: 'meeting', slug: room.slug });
    } catch (error) {
      setJoinError(appErrorOf(error));
    } finally {
      setCreating(false);
    }
  }

  return (
    <div className="screen">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <AccountBar />
      </header>
      <main id="content" className="prejoin" aria-labelledby={titleId}>
        <h1 id={titleId}>{t('prejoin.title')}</h1>
        <p className="lead">{t('prejoin.meeting', { slug })}</p>

        {roomCheck.state === 'missing' ? (
          <div className="card" role="alert">
            <p>{t('prejoin.roomNotFound')}</p>
            <div className="button-row">
              {isAuthenticated && (
                <button type="button" className="button button--primary" disabled={creating} onClick={() => void createMissingRoom()}>
                  {t('prejoin.createIt')}
                </button>
              )}
              <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
                {t('prejoin.back')}
              </button>
            </div>
          </div>
        ) : (
          <div className="prejoin__layout">
            <section className="prejoin__media" aria-label={t('prejoin.preview')}>
              <CameraPreview track={tracks.video} name={name} />
              <div className="button-row button-row--center">
                <button
                  type="button"
                  className={`round-button${microphoneOn ? '' : ' round-button--off'}`}
                  aria-pressed={microphoneOn}
                  disabled={microphoneForbidden}
                  aria-describedby={microphoneForbidden ? `${forbiddenId}-microphone` : undefined}
                  onClick={() => update({ microphoneEnabled: !preferences.microphoneEnabled })}
                >
                  {microphoneOn ? <RiMicLine {...iconProps} /> : <RiMicOffLine {...iconProps} />}
                  <span>{t('call.microphone')}</span>
                </button>
                <button
                  type="button"
                  className={`round-button${cameraOn ? '' : ' round-button--off'}`}
                  aria-pressed={cameraOn}
                  disabled={cameraForbidden}
                  aria-describedby={cameraForbidden ? `${forbiddenId}-camera` : undefined}
                  onClick={() => update({ cameraEnabled: !preferences.cameraEnabled })}
                >
                  {cameraOn ? <RiVideoOnLine {...iconProps} /> : <RiVideoOffLine {...iconProps} />}
                  <span>{t('call.camera')}</span>
                </button>
                <button
                  type="button"
                  className={`round-button${isEffectOn(preferences.backgroundEffect) ? ' round-button--active' : ''}`}
                  aria-expanded={effectsOpen}
                  aria-controls={effectsPanelId}
                  onClick={() => setEffectsOpen(!effectsOpen)}
                >
                  <RiImageCircleAiLine {...iconProps} />
                  <span>{t('effects.open')}</span>
                </button>
              </div>
              {microphoneForbidden && (
                <p id={`${forbiddenId}-microphone`} className="hint" data-testid="prejoin-forbidden-microphone">
                  {t('prejoin.microphoneForbidden')}
                </p>
              )}
              {cameraForbidden && (
                <p id={`${forbiddenId}-camera`} className="hint" data-testid="prejoin-forbidden-camera">
                  {t('prejoin.cameraForbidden')}
                </p>
              )}
              <div id={effectsPanelId} hidden={!effectsOpen}>
                {effectsOpen && (
                  <EffectsPanel
                    effect={preferences.backgroundEffect}
                    starting={effectStarting}
                    failure={effectFailure}
                    onChange={(backgroundEffect) => {
                      setEffectFailure(null);
                      update({ backgroundEffect });
                    }}
                  />
                )}
              </div>
              <MicrophoneLevel key={tracks.audio?.mediaStreamTrack.id ?? 'none'} track={tracks.audio?.mediaStreamTrack ?? null} />
              {failure && (
                <p className="notice notice--warning" role="alert">
                  {t(mediaFailureMessageKey[failure])}
                </p>
              )}
            </section>

            <div className="prejoin__side">
              <form className="card prejoin__form" onSubmit={(event) => void join(event)} noValidate>
                <div className="field">
                  <label htmlFor={nameId}>{t('prejoin.nameLabel')}</label>
                  <input
                    id={nameId}
                    type="text"
                    value={name}
                    maxLength={64}
                    autoComplete="name"
                    aria-invalid={nameError || undefined}
                    aria-describedby={nameError ? `${nameId}-error` : undefined}
                    onChange={(event) => setName(event.target.value)}
                  />
                  {nameError && (
                    <p id={`${nameId}-error`} className="field-error" role="alert">
                      {t('prejoin.nameRequired')}
                    </p>
                  )}
                </div>
                {roomCheck.state === 'checking' && (
                  <p className="muted" role="status">
                    {t('prejoin.checkingRoom')}
                  </p>
                )}
                {roomCheck.state === 'failed' && (
                  <div className="notice notice--error" role="alert">
                    <p>{errorMessage(t, roomCheck.error)}</p>
                    <button type="button" className="button" onClick={checkRoomAgain}>
                      {t('errors.retry')}
                    </button>
                  </div>
                )}
                {joinError && (
                  <p className="notice notice--error" role="alert">
                    {errorMessage(t, joinError)}
                  </p>
                )}
                <div className="button-row">
                  <button type="submit" className="button button--primary" disabled={joining}>
                    {joining ? t('prejoin.joining') : t('prejoin.join')}
                  </button>
                  <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
                    {t('prejoin.back')}
                  </button>
                </div>
                <div className="prejoin__devices">
                  <DeviceSelect label={t('prejoin.microphoneSelect')} devices={devices.audioInputs} value={preferences.audioInputId} onChange={(audioInputId) => update({ audioInputId })} />
                  <DeviceSelect label={t('prejoin.cameraSelect')} devices={devices.videoInputs} value={preferences.videoInputId} onChange={(videoInputId) => update({ videoInputId })} />
                  {devices.audioOutputs.length > 0 && (
                    <DeviceSelect label={t('prejoin.speakerSelect')} devices={devices.audioOutputs} value={preferences.audioOutputId} onChange={(audioOutputId) => update({ audioOutputId })} />
                  )}
                  <div className="prejoin__wide">
                    {/* Applies to the call: the preview's level meter shows the microphone as captured. */}
                    <NoiseSuppressionCheckbox enabled={preferences.noiseSuppression} failure={null} onChange={(noiseSuppression) => update({ noiseSuppression })} />
                  </div>
                  <div className="button-row button-row--compact prejoin__wide">
                    <button type="button" className="button" onClick={() => void playSpeakerTest(preferences.audioOutputId)}>
                      {t('prejoin.testSpeaker')}
                    </button>
                    <ConnectionTestButton />
                  </div>
                </div>
              </form>
              {roomCheck.state === 'found' && (
                <div className="prejoin__link" data-testid="prejoin-link">
                  <MeetingLinkField link={link} inputRef={linkInput} hint={t('meetingInfo.shareHint')} />
                  <button type="button" className="button" onClick={() => void copy(link, 'linkCopied')}>
                    {t('meetingInfo.copyLink')}
                  </button>
                  <CopyFeedback outcome={copyOutcome} />
                </div>
              )}
            </div>
          </div>
        )}
      </main>
    </div>
  );
}
