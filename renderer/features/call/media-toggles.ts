// Turning our microphone, camera and screen share on and off, from the bar, the shortcuts, the
// desktop's commands or the floating window alike: refused without the right to publish, the
// device failure told as a notice. Whether each is on is read from the room at the time.
import type { LocalParticipant } from 'livekit-client';
import { create } from 'zustand';
import { classifyMediaError, type MediaFailure } from '../devices/media-errors';
import { useDevicePreferences } from '../devices/device-preferences';
import { currentRoom } from './call-lifecycle-store';
import { cameraCreated, newCamera, syncCamera } from './camera-pipeline';
import { syncMicrophone } from './microphone-pipeline';
import { canPublishSource } from './publish-permission';

export type MediaSource = 'microphone' | 'camera' | 'screen';

export interface MediaNotice {
  source: MediaSource;
  failure: MediaFailure;
}

interface MediaNoticeState {
  mediaNotice: MediaNotice | null;
}

export const useMediaNoticeStore = create<MediaNoticeState>(() => ({ mediaNotice: null }));

export function dismissMediaNotice(): void {
  useMediaNoticeStore.setState({ mediaNotice: null });
}

/** Our own microphone changes in progress: a mute that happens outside of them came from the server. */
let localMicrophoneChanges = 0;
export function isLocalMicrophoneChangeInProgress(): boolean {
  return localMicrophoneChanges > 0;
}

async function publish(participant: LocalParticipant, source: MediaSource, enabled: boolean): Promise<void> {
  if (source === 'microphone') {
    await participant.setMicrophoneEnabled(enabled);
    if (enabled) await syncMicrophone();
  } else if (source === 'camera') {
    const camera = enabled ? newCamera() : undefined;
    const track = (await participant.setCameraEnabled(enabled, camera?.options))?.videoTrack;
    if (camera && track) cameraCreated(track, camera.resolution);
    if (enabled) await syncCamera();
  } else await participant.setScreenShareEnabled(enabled, { audio: true, selfBrowserSurface: 'exclude' });
}

/** Turns `source` on or off; the microphone and camera choice is kept for the next call. */
export async function setMedia(source: MediaSource, enabled: boolean): Promise<void> {
  const participant = currentRoom()?.localParticipant;
  if (!participant) return;
  // An administrator took the right away: shortcuts and desktop commands do nothing either.
  if (enabled && !canPublishSource(participant.permissions, source)) return;
  if (source === 'microphone') localMicrophoneChanges++;
  try {
    await publish(participant, source, enabled);
    if (source !== 'screen') {
      useDevicePreferences.getState().update(source === 'microphone' ? { microphoneEnabled: enabled } : { cameraEnabled: enabled });
    }
  } catch (error) {
    // Closing the screen picker is a choice, not a failure.
    const failure = classifyMediaError(error);
    if (!(source === 'screen' && failure === 'permission_denied')) useMediaNoticeStore.setState({ mediaNotice: { source, failure } });
  } finally {
    if (source === 'microphone') localMicrophoneChanges--;
  }
}

/** Whether `source` is on in the call's room now (off without a room). */
export function isMediaOn(source: MediaSource): boolean {
  const participant = currentRoom()?.localParticipant;
  if (!participant) return false;
  return source === 'microphone' ? participant.isMicrophoneEnabled : source === 'camera' ? participant.isCameraEnabled : participant.isScreenShareEnabled;
}

/** Sets `source` to the opposite of what the room says now. */
export function toggleMedia(source: MediaSource): Promise<void> {
  return setMedia(source, !isMediaOn(source));
}
