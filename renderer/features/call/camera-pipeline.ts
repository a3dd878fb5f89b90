// Our camera on its way out: the background effect, the resolution it is captured at (the
// settings' choice, lowered for an effect drawn in software or in low-bandwidth mode) and the
// bitrate ceiling of low-bandwidth mode. Whether the camera is on is the room's to say.
import { Track, VideoPresets, type LocalVideoTrack, type VideoCaptureOptions } from 'livekit-client';
import { create } from 'zustand';
import { applyBackgroundEffect, BackgroundEffectProcessor, hasBackgroundEffect, type EffectFailure } from '../background-blur/background-blur';
import { cameraCaptureResolution } from '../background-blur/blur-resolution';
import { isBlurSoftwareRenderedHere, isBlurSupportedHere } from '../background-blur/blur-support';
import { useDevicePreferences } from '../devices/device-preferences';
import { isEffectOn, NO_EFFECT, type BackgroundEffect } from '../effects/background-effect';
import { currentEffectRendering } from '../effects/wanted-effect';
import { capCameraBitrate, LOW_BANDWIDTH_CAMERA_BITRATE } from '../low-bandwidth/camera-bitrate-cap';
import { useSettingsStore, type PublishResolution } from '../settings/settings-store';
import { currentRoom } from './call-lifecycle-store';

/** The capture size of each resolution the settings offer. */
export const publishResolutionSizes = { '360p': VideoPresets.h360.resolution, '720p': VideoPresets.h720.resolution } as const;

interface CameraPipelineState {
  /** Why the background effect, asked for, is not on: the camera then goes out as captured. */
  effectFailure: EffectFailure | null;
}

export const useCameraPipelineStore = create<CameraPipelineState>(() => ({ effectFailure: null }));

export function dismissEffectFailure(): void {
  useCameraPipelineStore.setState({ effectFailure: null });
}

/** Whether low-bandwidth mode holds our camera down (see setLowBandwidthPublishing). */
let lowBandwidthPublishing = false;

/** The resolution each camera track was last asked to capture at. */
const trackResolutions = new WeakMap<LocalVideoTrack, PublishResolution>();

const cameraTrack = () => currentRoom()?.localParticipant.getTrackPublication(Track.Source.Camera)?.videoTrack;

/**
 * The resolution to capture the camera at now: the user's (or `preferred`), lowered while an
 * effect is wanted and WebGL is drawn in software. The saved preference itself never changes.
 */
function wantedCameraResolution(preferred: PublishResolution = useSettingsStore.getState().publishResolution): PublishResolution {
  return cameraCaptureResolution(lowBandwidthPublishing ? '360p' : preferred, currentEffectRendering() !== null, isBlurSoftwareRenderedHere());
}

/** Restarts a running camera at the resolution wanted now, when it captures at another one. */
async function fitCameraResolution(track: LocalVideoTrack, preferred?: PublishResolution): Promise<void> {
  const resolution = wantedCameraResolution(preferred);
  // A camera that is off starts again at its last resolution, then is brought in line.
  if (track.isMuted || trackResolutions.get(track) === resolution) return;
  const { videoInputId } = useDevicePreferences.getState();
  // Without the device, restarting would fall back to the default camera.
  await track.restartTrack({ resolution: publishResolutionSizes[resolution], ...(videoInputId ? { deviceId: videoInputId } : {}) }).then(
    () => void trackResolutions.set(track, resolution),
    () => undefined,
  );
}

let cameraChanges: Promise<unknown> = Promise.resolve();
/** Runs changes of the running camera one after the other; each reads the preferences in its turn. */
function queueCameraChange(change: () => Promise<void>): Promise<void> {
  const next = cameraChanges.then(change);
  cameraChanges = next.catch(() => undefined);
  return next;
}

/**
 * Brings the running camera in line with the effect and resolution preferences. The resolution
 * goes down before the effect starts and back up once it has stopped, so an effect drawn in
 * software never works on more than it may send.
 */
export function syncCamera(): Promise<void> {
  return queueCameraChange(async () => {
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
}

/**
 * An effect that cannot start (or stops working) is turned off, so the controls show what the
 * camera really sends, and the camera goes back to the user's resolution.
 */
function reportEffectFailure(failure: EffectFailure): void {
  useCameraPipelineStore.setState({ effectFailure: failure });
  useDevicePreferences.getState().update({ backgroundEffect: NO_EFFECT });
  void syncCamera();
}

/**
 * A camera track about to be created: its resolution, and with an effect wanted the processor,
 * set on the track before it is published so no unprocessed frame leaves first.
 */
export function newCamera(): { options: VideoCaptureOptions; resolution: PublishResolution } {
  const resolution = wantedCameraResolution();
  const rendering = isBlurSupportedHere() ? currentEffectRendering() : null;
  return {
    resolution,
    options: { resolution: publishResolutionSizes[resolution], ...(rendering ? { processor: new BackgroundEffectProcessor(rendering, undefined, reportEffectFailure) } : {}) },
  };
}

/** Remembers the resolution a camera track was created at (a camera only turned off keeps its own). */
export function cameraCreated(track: LocalVideoTrack, resolution: PublishResolution): void {
  if (!trackResolutions.has(track)) trackResolutions.set(track, resolution);
}

/** Sets the camera's background effect (or none), now and for the next calls. */
export async function setBackgroundEffect(effect: BackgroundEffect): Promise<void> {
  useCameraPipelineStore.setState({ effectFailure: null });
  useDevicePreferences.getState().update({ backgroundEffect: effect });
  const participant = currentRoom()?.localParticipant;
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
}

/**
 * Publishes the camera at the resolution chosen in the settings (at most 360p while an effect
 * drawn in software is on: see blur-resolution.ts).
 */
export function applyPublishResolution(resolution: PublishResolution): Promise<void> {
  return queueCameraChange(async () => {
    const track = cameraTrack();
    // A processed camera is not restarted: livekit-client would hand the backup-codec sender an
    // unprocessed copy of it. The new resolution applies once the effect stops or the camera
    // starts again.
    if (track && !hasBackgroundEffect(track)) await fitCameraResolution(track, resolution);
  });
}

/**
 * Low-bandwidth mode for our own camera: captured at 360p whatever the settings say, and held
 * under a bitrate ceiling (camera-bitrate-cap.ts); everything as before once it is off.
 */
export function setLowBandwidthPublishing(enabled: boolean): Promise<void> {
  lowBandwidthPublishing = enabled;
  return queueCameraChange(async () => {
    const track = cameraTrack();
    if (!track) return;
    if (!hasBackgroundEffect(track)) await fitCameraResolution(track);
    await capCameraBitrate(track, enabled ? LOW_BANDWIDTH_CAMERA_BITRATE : null);
  });
}
