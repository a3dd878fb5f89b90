// The live call: the LiveKit room, its connection status and the local media state that the
// controls, shortcuts and desktop commands all act on.
import { ConnectionState, Room, RoomEvent, Track, VideoPresets, type DisconnectReason, type LocalAudioTrack, type LocalVideoTrack, type VideoCaptureOptions } from 'livekit-client';
import { create } from 'zustand';
import type { LivekitGrant } from '../../../common/meet-types';
import { applyBackgroundEffect, BackgroundEffectProcessor, hasBackgroundEffect, type EffectFailure } from '../background-blur/background-blur';
import { cameraCaptureResolution } from '../background-blur/blur-resolution';
import { isBlurSoftwareRenderedHere, isBlurSupportedHere } from '../background-blur/blur-support';
import { useDevicePreferences } from '../devices/device-preferences';
import { isEffectOn, NO_EFFECT, type BackgroundEffect } from '../effects/background-effect';
import { currentEffectRendering } from '../effects/wanted-effect';
import { classifyMediaError, type MediaFailure } from '../devices/media-errors';
import { capCameraBitrate, LOW_BANDWIDTH_CAMERA_BITRATE } from '../low-bandwidth/camera-bitrate-cap';
import { useMeetingStore } from '../meeting/meeting-store';
import { applyNoiseSuppression, type NoiseSuppressionFailure } from '../noise-suppression/noise-suppression';
import { useSettingsStore, type PublishResolution } from '../settings/settings-store';
import { shouldJoinMuted } from './call-notices';
import { endReasonFor } from './end-reason';
import { canPublishSource } from './publish-permission';
import { COUNTDOWN_MIN_MS, rejoinDelayMs, REJOIN_GIVE_UP_MS, SkippableWait } from './rejoin-backoff';
import { connectOptionsFor, CONNECT_TIMEOUT_MS, livekitSocketUrl, roomOptionsFor, withTimeout } from './room-options';
import { followSessionLoss } from './session-loss';
import { knownAppInfo, loadMeetConfig } from '../../platform/backend-queries';

export type CallStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface MediaNotice {
  source: 'microphone' | 'camera' | 'screen';
  failure: MediaFailure;
}

interface CallState {
  room: Room | null;
  status: CallStatus;
  microphoneEnabled: boolean;
  cameraEnabled: boolean;
  screenShareEnabled: boolean;
  mediaNotice: MediaNotice | null;
  /** Why the background effect, asked for, is not on: the camera then goes out as captured. */
  effectFailure: EffectFailure | null;
  /** Why noise suppression, asked for, is not on: the microphone then goes out as captured. */
  noiseSuppressionFailure: NoiseSuppressionFailure | null;
  /** Set when the room was already large enough for `auto_mute_on_join_threshold`: we joined muted. */
  joinedMutedInLargeRoom: boolean;
  /**
   * While reconnecting: only the signalling connection is being resumed, the media may well still
   * flow (the media watchdog says whether it does).
   */
  signalOnly: boolean;
  /** While waiting to join again after the call was lost: when the next attempt starts (epoch ms). */
  nextRejoinAt: number | null;
  /**
   * Joins again now: ends the wait before the next attempt, or, while livekit-client is still
   * trying to restore the session, gives up on it for a fresh join.
   */
  rejoinNow(): void;
  connect(grant: LivekitGrant): Promise<void>;
  leave(): Promise<void>;
  toggleMicrophone(): Promise<void>;
  toggleCamera(): Promise<void>;
  toggleScreenShare(): Promise<void>;
  setMicrophone(enabled: boolean): Promise<void>;
  setCamera(enabled: boolean): Promise<void>;
  dismissMediaNotice(): void;
  /** Sets the camera's background effect (or none), now and for the next calls. */
  setBackgroundEffect(effect: BackgroundEffect): Promise<void>;
  dismissEffectFailure(): void;
  /** Turns noise suppression on or off for the microphone, now and for the next calls. */
  setNoiseSuppression(enabled: boolean): Promise<void>;
  dismissNoiseSuppressionFailure(): void;
  /**
   * Publishes the camera at the resolution chosen in the settings (at most 360p while an effect
   * drawn in software is on: see blur-resolution.ts).
   */
  applyPublishResolution(resolution: PublishResolution): Promise<void>;
  /**
   * Low-bandwidth mode for our own camera: captured at 360p whatever the settings say, and held
   * under a bitrate ceiling (camera-bitrate-cap.ts); everything as before once it is off.
   */
  setLowBandwidthPublishing(enabled: boolean): Promise<void>;
}

/** The capture size of each resolution the settings offer. */
export const publishResolutionSizes = { '360p': VideoPresets.h360.resolution, '720p': VideoPresets.h720.resolution } as const;

/** Our own microphone changes in progress: a mute that happens outside of them came from the server. */
let localMicrophoneChanges = 0;
export function isLocalMicrophoneChangeInProgress(): boolean {
  return localMicrophoneChanges > 0;
}

/** Whether low-bandwidth mode holds our camera down (see setLowBandwidthPublishing). */
let lowBandwidthPublishing = false;

export const useCallStore = create<CallState>((set, get) => {
  const syncLocalMedia = () => {
    const participant = get().room?.localParticipant;
    if (!participant) return;
    set({
      microphoneEnabled: participant.isMicrophoneEnabled,
      cameraEnabled: participant.isCameraEnabled,
      screenShareEnabled: participant.isScreenShareEnabled,
    });
  };

  const cameraTrack = () => get().room?.localParticipant.getTrackPublication(Track.Source.Camera)?.videoTrack;

  /** The resolution each camera track was last asked to capture at. */
  const captureResolutions = new WeakMap<LocalVideoTrack, PublishResolution>();

  /**
   * The resolution to capture the camera at now: the user's (or `preferred`), lowered while an
   * effect is wanted and WebGL is drawn in software. The saved preference itself never changes.
   */
  const wantedCameraResolution = (preferred: PublishResolution = useSettingsStore.getState().publishResolution): PublishResolution =>
    cameraCaptureResolution(lowBandwidthPublishing ? '360p' : preferred, currentEffectRendering() !== null, isBlurSoftwareRenderedHere());

  /** Restarts a running camera at the resolution wanted now, when it captures at another one. */
  const fitCameraResolution = async (track: LocalVideoTrack, preferred?: PublishResolution) => {
    const resolution = wantedCameraResolution(preferred);
    // A camera that is off starts again at its last resolution, then is brought in line.
    if (track.isMuted || captureResolutions.get(track) === resolution) return;
    const { videoInputId } = useDevicePreferences.getState();
    // Without the device, restarting would fall back to the default camera.
    await track.restartTrack({ resolution: publishResolutionSizes[resolution], ...(videoInputId ? { deviceId: videoInputId } : {}) }).then(
      () => void captureResolutions.set(track, resolution),
      () => undefined,
    );
  };

  let cameraChanges: Promise<unknown> = Promise.resolve();
  /** Runs changes of the running camera one after the other; each reads the preferences in its turn. */
  const queueCameraChange = (change: () => Promise<void>): Promise<void> => {
    const next = cameraChanges.then(change);
    cameraChanges = next.catch(() => undefined);
    return next;
  };

  /**
   * Brings the running camera in line with the effect and resolution preferences. The resolution
   * goes down before the effect starts and back up once it has stopped, so an effect drawn in
   * software never works on more than it may send.
   */
  const syncCamera = () =>
    queueCameraChange(async () => {
      const track = cameraTrack();
      if (!track || track.isMuted) return;
      const rendering = currentEffectRendering();
      if (rendering) {
        await fitCameraResolution(track);
        const failure = await applyBackgroundEffect(track, rendering);
        if (!failure) return;
        reportEffectFailure(failure);
      }
      await applyBackgroundEffect(track, null);
      await fitCameraResolution(track);
    });

  /**
   * An effect that cannot start (or stops working) is turned off, so the controls show what the
   * camera really sends, and the camera goes back to the user's resolution.
   */
  function reportEffectFailure(failure: EffectFailure) {
    set({ effectFailure: failure });
    useDevicePreferences.getState().update({ backgroundEffect: NO_EFFECT });
    void syncCamera();
  }

  /**
   * A camera track about to be created: its resolution, and with an effect wanted the processor,
   * set on the track before it is published so no unprocessed frame leaves first.
   */
  const newCamera = (): { options: VideoCaptureOptions; resolution: PublishResolution } => {
    const resolution = wantedCameraResolution();
    const rendering = isBlurSupportedHere() ? currentEffectRendering() : null;
    return {
      resolution,
      options: { resolution: publishResolutionSizes[resolution], ...(rendering ? { processor: new BackgroundEffectProcessor(rendering, undefined, reportEffectFailure) } : {}) },
    };
  };

  const microphoneTrack = () => get().room?.localParticipant.getTrackPublication(Track.Source.Microphone)?.audioTrack;

  /**
   * Microphone tracks whose denoiser failed: not tried again by themselves (each try would say
   * so again), only when the user turns suppression back on. The preference itself stays: a
   * failure here (a damaged install, a refused WebAssembly) says nothing of the next call.
   */
  const noiseSuppressionFailedOn = new WeakSet<LocalAudioTrack>();

  let microphoneChanges: Promise<unknown> = Promise.resolve();
  /**
   * Brings the running microphone in line with the noise suppression preference. The denoiser
   * is set once the track is published (livekit-client gives a track its audio context then),
   * so the first moments of a microphone are sent as captured.
   */
  const syncMicrophone = (): Promise<void> => {
    const next = microphoneChanges.then(async () => {
      const track = microphoneTrack();
      if (!track) return;
      const wanted = useDevicePreferences.getState().noiseSuppression && !noiseSuppressionFailedOn.has(track);
      const failure = await applyNoiseSuppression(track, wanted, { onFailure: () => reportNoiseSuppressionFailure(track) });
      if (failure) {
        noiseSuppressionFailedOn.add(track);
        set({ noiseSuppressionFailure: failure });
      }
    });
    microphoneChanges = next.catch(() => undefined);
    return next;
  };

  /** A denoiser that broke while running: the microphone goes back to being sent as captured. */
  function reportNoiseSuppressionFailure(track: LocalAudioTrack) {
    noiseSuppressionFailedOn.add(track);
    set({ noiseSuppressionFailure: 'load_failed' });
    void syncMicrophone();
  }

  const applyMedia = async (source: MediaNotice['source'], enabled: boolean) => {
    const participant = get().room?.localParticipant;
    if (!participant) return;
    // An administrator took the right away: shortcuts and desktop commands do nothing either.
    if (enabled && !canPublishSource(participant.permissions, source)) return;
    if (source === 'microphone') localMicrophoneChanges++;
    try {
      if (source === 'microphone') {
        await participant.setMicrophoneEnabled(enabled);
        if (enabled) await syncMicrophone();
      } else if (source === 'camera') {
        const camera = enabled ? newCamera() : undefined;
        const track = (await participant.setCameraEnabled(enabled, camera?.options))?.videoTrack;
        // A camera that was only off keeps its track, and the resolution it had.
        if (camera && track && !captureResolutions.has(track)) captureResolutions.set(track, camera.resolution);
        if (enabled) await syncCamera();
      } else await participant.setScreenShareEnabled(enabled, { audio: true, selfBrowserSurface: 'exclude' });
      if (source !== 'screen') {
        useDevicePreferences.getState().update(source === 'microphone' ? { microphoneEnabled: enabled } : { cameraEnabled: enabled });
      }
    } catch (error) {
      // Closing the screen picker is a choice, not a failure.
      const failure = classifyMediaError(error);
      if (!(source === 'screen' && failure === 'permission_denied')) set({ mediaNotice: { source, failure } });
    } finally {
      if (source === 'microphone') localMicrophoneChanges--;
      syncLocalMedia();
    }
  };


  /** Connects a fresh room with the grant; false when the server cannot be reached in time. */
  const openRoom = async (grant: LivekitGrant): Promise<boolean> => {
    const previous = get().room;
    previous?.removeAllListeners();
    await previous?.disconnect();
    const preferences = useDevicePreferences.getState();
    const options = roomOptionsFor(preferences);
    options.videoCaptureDefaults = { ...options.videoCaptureDefaults, resolution: publishResolutionSizes[useSettingsStore.getState().publishResolution] };
    const room = new Room(options);
    const config = loadMeetConfig();
    // A failed first connection is reported by connect() itself, not as a lost call.
    let established = false;
    set({ room, mediaNotice: null, effectFailure: null, noiseSuppressionFailure: null, ...(get().status === 'reconnecting' ? {} : { status: 'connecting' as const }) });
    room
      .on(RoomEvent.Reconnecting, () => set({ status: 'reconnecting', signalOnly: false }))
      .on(RoomEvent.SignalReconnecting, () => set({ status: 'reconnecting', signalOnly: true }))
      .on(RoomEvent.Reconnected, () => set({ status: 'connected', signalOnly: false }))
      .on(RoomEvent.LocalTrackPublished, syncLocalMedia)
      .on(RoomEvent.LocalTrackUnpublished, syncLocalMedia)
      .on(RoomEvent.TrackMuted, syncLocalMedia)
      .on(RoomEvent.TrackUnmuted, syncLocalMedia)
      .on(RoomEvent.ParticipantPermissionsChanged, syncLocalMedia)
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
        if (get().room !== room || !established) return;
        const ending = endReasonFor(reason);
        if (ending) {
          set({ status: 'idle', room: null, microphoneEnabled: false, cameraEnabled: false, screenShareEnabled: false });
          useMeetingStore.getState().end(ending);
        } else {
          void rejoinAfterLoss(grant);
        }
      });
    // A session the server lost is joined afresh at once rather than after livekit-client's restart.
    followSessionLoss(room, () => get().room === room, () => {
      if (established) void rejoinAfterLoss(grant);
    });
    try {
      const profileIceServers = knownAppInfo()?.profile.iceServers;
      await withTimeout(room.connect(livekitSocketUrl(grant.url), grant.token, connectOptionsFor(profileIceServers)), CONNECT_TIMEOUT_MS);
    } catch {
      if (get().room === room) {
        room.removeAllListeners();
        void room.disconnect();
      }
      return false;
    }
    if (get().room !== room) return false;
    established = true;
    const joinMuted = preferences.microphoneEnabled && shouldJoinMuted(room.remoteParticipants.size, (await config)?.auto_mute_on_join_threshold);
    if (get().room !== room) return false;
    set({ status: 'connected', signalOnly: false, joinedMutedInLargeRoom: joinMuted });
    await Promise.all([
      preferences.microphoneEnabled && !joinMuted ? applyMedia('microphone', true) : Promise.resolve(),
      preferences.cameraEnabled ? applyMedia('camera', true) : Promise.resolve(),
    ]);
    syncLocalMedia();
    return true;
  };

  const rejoinWait = new SkippableWait();
  let lastGrant: LivekitGrant | undefined;
  let rejoining = false;

  /** True once joined again, or once joining again is no longer wanted (the call was left). */
  const rejoinWithBackoff = async (grant: LivekitGrant): Promise<boolean> => {
    set({ status: 'reconnecting', signalOnly: false });
    const started = Date.now();
    for (let attempt = 0; Date.now() - started < REJOIN_GIVE_UP_MS; attempt++) {
      const delay = rejoinDelayMs(attempt);
      // A wait too short to read is not counted down.
      if (delay >= COUNTDOWN_MIN_MS) set({ nextRejoinAt: Date.now() + delay });
      if (delay > 0) {
        await rejoinWait.wait(delay);
        set({ nextRejoinAt: null });
      }
      if (get().status !== 'reconnecting') return true;
      if (await openRoom(grant)) return true;
    }
    return false;
  };

  /**
   * The server went away (shutdown, node death, network): join again by ourselves at once, then
   * further and further apart, before giving up.
   */
  const rejoinAfterLoss = async (grant: LivekitGrant) => {
    if (rejoining) return;
    rejoining = true;
    try {
      if (await rejoinWithBackoff(grant)) return;
    } finally {
      rejoining = false;
    }
    if (get().status !== 'reconnecting') return;
    set({ status: 'idle', room: null, microphoneEnabled: false, cameraEnabled: false, screenShareEnabled: false });
    useMeetingStore.getState().end('lost');
  };

  return {
    room: null,
    status: 'idle',
    microphoneEnabled: false,
    cameraEnabled: false,
    screenShareEnabled: false,
    mediaNotice: null,
    effectFailure: null,
    noiseSuppressionFailure: null,
    joinedMutedInLargeRoom: false,
    signalOnly: false,
    nextRejoinAt: null,
    rejoinNow() {
      if (rejoinWait.skip()) return;
      const { status, signalOnly } = get();
      if (status === 'reconnecting' && !signalOnly && lastGrant) void rejoinAfterLoss(lastGrant);
    },

    async connect(grant) {
      lastGrant = grant;
      const connected = await openRoom(grant);
      if (!connected && get().status === 'connecting') set({ status: 'failed' });
    },

    async leave() {
      const room = get().room;
      set({ status: 'idle', nextRejoinAt: null });
      rejoinWait.skip();
      if (room && room.state !== ConnectionState.Disconnected) await room.disconnect();
      else {
        set({ room: null });
        useMeetingStore.getState().end('left');
      }
    },

    toggleMicrophone: () => applyMedia('microphone', !get().microphoneEnabled),
    toggleCamera: () => applyMedia('camera', !get().cameraEnabled),
    toggleScreenShare: () => applyMedia('screen', !get().screenShareEnabled),
    setMicrophone: (enabled) => applyMedia('microphone', enabled),
    setCamera: (enabled) => applyMedia('camera', enabled),
    dismissMediaNotice: () => set({ mediaNotice: null }),
    async setBackgroundEffect(effect) {
      set({ effectFailure: null });
      useDevicePreferences.getState().update({ backgroundEffect: effect });
      const participant = get().room?.localParticipant;
      const track = cameraTrack();
      if (!participant || !track) return;
      if (track.isMuted) {
        // A camera that is off keeps its processor when it starts again: drop the track, so the
        // next start creates it with the effect (and the resolution) now wanted and never sends an
        // unprocessed frame first. One effect for another is switched on the processor kept.
        const rendering = currentEffectRendering();
        if (hasBackgroundEffect(track) !== isEffectOn(effect) || !rendering) await participant.unpublishTrack(track).catch(() => undefined);
        else await applyBackgroundEffect(track, rendering);
        return;
      }
      await syncCamera();
    },
    dismissEffectFailure: () => set({ effectFailure: null }),
    async setNoiseSuppression(enabled) {
      set({ noiseSuppressionFailure: null });
      useDevicePreferences.getState().update({ noiseSuppression: enabled });
      const track = microphoneTrack();
      if (track && enabled) noiseSuppressionFailedOn.delete(track);
      await syncMicrophone();
    },
    dismissNoiseSuppressionFailure: () => set({ noiseSuppressionFailure: null }),
    applyPublishResolution: (resolution) =>
      queueCameraChange(async () => {
        const track = cameraTrack();
        // A processed camera is not restarted: livekit-client would hand the backup-codec sender an
        // unprocessed copy of it. The new resolution applies once the effect stops or the camera
        // starts again.
        if (track && !hasBackgroundEffect(track)) await fitCameraResolution(track, resolution);
      }),
    setLowBandwidthPublishing: (enabled) => {
      lowBandwidthPublishing = enabled;
      return queueCameraChange(async () => {
        const track = cameraTrack();
        if (!track) return;
        if (!hasBackgroundEffect(track)) await fitCameraResolution(track);
        await capCameraBitrate(track, enabled ? LOW_BANDWIDTH_CAMERA_BITRATE : null);
      });
    },
  };
});

/** Drops the room without ending the meeting phase (used when the call screen goes away). */
export function releaseCall(): void {
  const room = useCallStore.getState().room;
  useCallStore.setState({ room: null, status: 'idle', signalOnly: false, nextRejoinAt: null, microphoneEnabled: false, cameraEnabled: false, screenShareEnabled: false });
  // A rejoin waiting for its turn sees the call is over and stops.
  useCallStore.getState().rejoinNow();
  if (room) {
    room.removeAllListeners();
    void room.disconnect();
  }
}
