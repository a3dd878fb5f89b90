// Our microphone on its way out: noise suppression, and why it is not on when it was asked for.
// Whether the microphone is on is the room's to say.
import { Track, type LocalAudioTrack } from 'livekit-client';
import { create } from 'zustand';
import { useDevicePreferences } from '../devices/device-preferences';
import { applyNoiseSuppression, type NoiseSuppressionFailure } from '../noise-suppression/noise-suppression';
import { currentRoom } from './call-lifecycle-store';

interface MicrophonePipelineState {
  /** Why noise suppression, asked for, is not on: the microphone then goes out as captured. */
  noiseSuppressionFailure: NoiseSuppressionFailure | null;
}

export const useMicrophonePipelineStore = create<MicrophonePipelineState>(() => ({ noiseSuppressionFailure: null }));

export function dismissNoiseSuppressionFailure(): void {
  useMicrophonePipelineStore.setState({ noiseSuppressionFailure: null });
}

const microphoneTrack = () => currentRoom()?.localParticipant.getTrackPublication(Track.Source.Microphone)?.audioTrack;

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
export function syncMicrophone(): Promise<void> {
  const next = microphoneChanges.then(async () => {
    const track = microphoneTrack();
    if (!track) return;
    const wanted = useDevicePreferences.getState().noiseSuppression && !noiseSuppressionFailedOn.has(track);
    const failure = await applyNoiseSuppression(track, wanted, { onFailure: () => reportNoiseSuppressionFailure(track) });
    if (failure) {
      noiseSuppressionFailedOn.add(track);
      useMicrophonePipelineStore.setState({ noiseSuppressionFailure: failure });
    }
  });
  microphoneChanges = next.catch(() => undefined);
  return next;
}

/** A denoiser that broke while running: the microphone goes back to being sent as captured. */
function reportNoiseSuppressionFailure(track: LocalAudioTrack): void {
  noiseSuppressionFailedOn.add(track);
  useMicrophonePipelineStore.setState({ noiseSuppressionFailure: 'load_failed' });
  void syncMicrophone();
}

/** Turns noise suppression on or off for the microphone, now and for the next calls. */
export async function setNoiseSuppression(enabled: boolean): Promise<void> {
  useMicrophonePipelineStore.setState({ noiseSuppressionFailure: null });
  useDevicePreferences.getState().update({ noiseSuppression: enabled });
  const track = microphoneTrack();
  if (track && enabled) noiseSuppressionFailedOn.delete(track);
  await syncMicrophone();
}
