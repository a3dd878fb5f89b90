// The connection test's device ports on the real devices: the microphone and the camera chosen
// in the prejoin, opened as a call opens them (livekit-client), measured, and let go at once so
// that no capture light stays on. The microphone is opened without the browser's processing, so
// that what is measured is what the device gives.
import { createLocalAudioTrack, createLocalVideoTrack } from 'livekit-client';
import { publishResolutionSizes } from '../call/camera-pipeline';
import { rootMeanSquare } from '../devices/audio-level';
import { useDevicePreferences } from '../devices/device-preferences';
import { classifyMediaError } from '../devices/media-errors';
import { useSettingsStore } from '../settings/settings-store';
import { errorText } from './connection-test';
import type { CameraCheck, MicrophoneCheck, Resolution } from './device-checks';

const LEVEL_POLL_MS = 20;

/** Resolves after `milliseconds`, or at once when the signal aborts. */
function pause(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, milliseconds);
    signal.addEventListener('abort', done, { once: true });
  });
}

export async function listenToMicrophone(options: { timeoutMs: number; heardLevel: number }, signal: AbortSignal): Promise<MicrophoneCheck> {
  const deviceId = useDevicePreferences.getState().audioInputId;
  let track: Awaited<ReturnType<typeof createLocalAudioTrack>>;
  try {
    track = await createLocalAudioTrack({ ...(deviceId ? { deviceId } : {}), echoCancellation: false, noiseSuppression: false, autoGainControl: false });
  } catch (error) {
    return { opened: false, failure: classifyMediaError(error), error: errorText(error) };
  }
  const context = new AudioContext();
  const source = context.createMediaStreamSource(new MediaStream([track.mediaStreamTrack]));
  try {
    await context.resume().catch(() => undefined);
    const analyser = context.createAnalyser();
    // About 40 ms of sound per look, looked at every 20 ms: a short sound is not missed.
    analyser.fftSize = 2048;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const startedAt = performance.now();
    let peakLevel = 0;
    while (!signal.aborted && performance.now() - startedAt < options.timeoutMs) {
      analyser.getFloatTimeDomainData(samples);
      peakLevel = Math.max(peakLevel, rootMeanSquare(samples));
      if (peakLevel >= options.heardLevel) {
        return { opened: true, device: track.mediaStreamTrack.label, peakLevel, heardAfterMs: Math.round(performance.now() - startedAt) };
      }
      await pause(LEVEL_POLL_MS, signal);
    }
    return { opened: true, device: track.mediaStreamTrack.label, peakLevel, heardAfterMs: null };
  } finally {
    source.disconnect();
    void context.close().catch(() => undefined);
    track.stop();
  }
}

/** The next frame, or null when none comes within `milliseconds`. */
async function nextFrame(reader: ReadableStreamDefaultReader<VideoFrame>, milliseconds: number, signal: AbortSignal): Promise<VideoFrame | null> {
  const stop = new AbortController();
  const timeout = pause(milliseconds, AbortSignal.any([signal, stop.signal])).then(() => null);
  const read = reader.read().then((result) => (result.done ? null : result.value));
  const frame = await Promise.race([read, timeout]);
  stop.abort();
  if (!frame) void read.then((late) => late?.close());
  return frame;
}

interface FrameCount {
  frames: number;
  size: Resolution | null;
  frameRate: number | null;
}

/** Counts the frames a track delivers (insertable streams, as Chromium and Electron have them). */
async function countFrames(track: MediaStreamVideoTrack, options: { firstFrameTimeoutMs: number; countWindowMs: number }, signal: AbortSignal): Promise<FrameCount> {
  const reader = new MediaStreamTrackProcessor({ track, maxBufferSize: 2 }).readable.getReader();
  try {
    const first = await nextFrame(reader, options.firstFrameTimeoutMs, signal);
    if (!first) return { frames: 0, size: null, frameRate: null };
    let size: Resolution = { width: first.displayWidth, height: first.displayHeight };
    const firstTimestamp = first.timestamp;
    let lastTimestamp = firstTimestamp;
    first.close();
    let frames = 1;
    const countUntil = performance.now() + options.countWindowMs;
    while (!signal.aborted && performance.now() < countUntil) {
      const frame = await nextFrame(reader, countUntil - performance.now(), signal);
      if (!frame) break;
      frames += 1;
      size = { width: frame.displayWidth, height: frame.displayHeight };
      lastTimestamp = frame.timestamp;
      frame.close();
    }
    // Timestamps are in microseconds.
    const elapsedSeconds = (lastTimestamp - firstTimestamp) / 1_000_000;
    return { frames, size, frameRate: frames > 1 && elapsedSeconds > 0 ? Math.round((frames - 1) / elapsedSeconds) : null };
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

/** Without insertable streams: a video element shows whether a frame came, and its size. */
async function firstFrameInVideo(track: MediaStreamTrack, timeoutMs: number, signal: AbortSignal): Promise<FrameCount> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  try {
    const loaded = new Promise<boolean>((resolve) => video.addEventListener('loadeddata', () => resolve(true), { once: true }));
    void video.play().catch(() => undefined);
    const came = await Promise.race([loaded, pause(timeoutMs, signal).then(() => false)]);
    if (!came || video.videoWidth === 0) return { frames: 0, size: null, frameRate: null };
    return { frames: 1, size: { width: video.videoWidth, height: video.videoHeight }, frameRate: track.getSettings().frameRate ?? null };
  } finally {
    video.srcObject = null;
  }
}

export async function watchCamera(options: { firstFrameTimeoutMs: number; countWindowMs: number }, signal: AbortSignal): Promise<CameraCheck> {
  const deviceId = useDevicePreferences.getState().videoInputId;
  const wanted = publishResolutionSizes[useSettingsStore.getState().publishResolution];
  let track: Awaited<ReturnType<typeof createLocalVideoTrack>>;
  try {
    track = await createLocalVideoTrack({ ...(deviceId ? { deviceId } : {}), resolution: wanted });
  } catch (error) {
    return { opened: false, failure: classifyMediaError(error), error: errorText(error) };
  }
  try {
    const counted =
      typeof MediaStreamTrackProcessor === 'function'
        ? await countFrames(track.mediaStreamTrack as MediaStreamVideoTrack, options, signal)
        : await firstFrameInVideo(track.mediaStreamTrack, options.firstFrameTimeoutMs, signal);
    return { opened: true, device: track.mediaStreamTrack.label, wanted: { width: wanted.width, height: wanted.height }, ...counted };
  } finally {
    track.stop();
  }
}
