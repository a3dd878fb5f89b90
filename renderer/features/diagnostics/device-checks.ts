// The connection test's device steps, decided from what was measured: the microphone chosen in
// the prejoin is opened and a sound must be heard from it; the camera chosen there is opened at
// the resolution chosen in the settings and frames must arrive, at that size. A device that
// cannot be opened fails, with the cause the user and IT support can act on.
import type { MediaFailure } from '../devices/media-errors';
import type { StepMessage, StepResult } from './connection-test';

/** How long the microphone is listened to at most: long enough to say a few words. */
export const MICROPHONE_LISTEN_MS = 6_000;
/** A level (RMS of the samples, 0 to 1) above a quiet room's hiss: about -40 dBFS, any voice is well above it. */
export const MICROPHONE_HEARD_LEVEL = 0.01;
/** A camera that starts slowly (a USB one waking up) still gets its first frame in this time. */
export const CAMERA_FIRST_FRAME_MS = 10_000;
/** The window over which frames are counted once the first one came. */
export const CAMERA_COUNT_WINDOW_MS = 1_000;
/** A frame a little smaller than asked (a camera's nearest mode) is still the chosen resolution. */
const RESOLUTION_TOLERANCE = 0.9;

export type MicrophoneCheck =
  | {
      opened: true;
      /** The device's name, as the system gives it. */
      device: string;
      /** The loudest level measured, 0 to 1. */
      peakLevel: number;
      /** When the level first went above `MICROPHONE_HEARD_LEVEL`; null when it never did. */
      heardAfterMs: number | null;
    }
  | { opened: false; failure: MediaFailure; error: string };

export interface Resolution {
  width: number;
  height: number;
}

export type CameraCheck =
  | {
      opened: true;
      device: string;
      /** Frames received during the counting window, the first one included; 0 when none came. */
      frames: number;
      /** The size of the frames received; null when none came. */
      size: Resolution | null;
      frameRate: number | null;
      wanted: Resolution;
    }
  | { opened: false; failure: MediaFailure; error: string };

const FAILURE_KEY: Record<MediaFailure, 'Denied' | 'Missing' | 'Error'> = {
  permission_denied: 'Denied',
  not_found: 'Missing',
  device_error: 'Error',
};

function openFailure(device: 'microphone' | 'camera', failure: MediaFailure, error: string): StepResult {
  const key = `${device}${FAILURE_KEY[failure]}`;
  return { status: 'fail', message: { key }, advice: { key }, details: { failure, error } };
}

export function microphoneResult(check: MicrophoneCheck): StepResult {
  if (!check.opened) return openFailure('microphone', check.failure, check.error);
  const details = { device: check.device, peakLevel: Math.round(check.peakLevel * 1000) / 1000, heardAfterMs: check.heardAfterMs };
  const device = check.device || '?';
  if (check.heardAfterMs === null) {
    return { status: 'warn', message: { key: 'microphoneSilent', values: { device } }, advice: { key: 'microphoneSilent' }, details };
  }
  return { status: 'pass', message: { key: 'microphoneHeard', values: { device } }, details };
}

export function cameraResult(check: CameraCheck): StepResult {
  if (!check.opened) return openFailure('camera', check.failure, check.error);
  const { size, wanted } = check;
  const details = {
    device: check.device,
    framesCounted: check.frames,
    width: size?.width ?? null,
    height: size?.height ?? null,
    frameRate: check.frameRate,
    wantedWidth: wanted.width,
    wantedHeight: wanted.height,
  };
  const device = check.device || '?';
  if (check.frames === 0 || !size) {
    return { status: 'fail', message: { key: 'cameraNoFrames', values: { device } }, advice: { key: 'cameraNoFrames' }, details };
  }
  const values: StepMessage['values'] = { device, width: size.width, height: size.height, frameRate: check.frameRate ?? '?' };
  if (size.width < wanted.width * RESOLUTION_TOLERANCE || size.height < wanted.height * RESOLUTION_TOLERANCE) {
    return {
      status: 'warn',
      message: { key: 'cameraLowResolution', values: { ...values, wantedWidth: wanted.width, wantedHeight: wanted.height } },
      advice: { key: 'cameraLowResolution' },
      details,
    };
  }
  return { status: 'pass', message: { key: 'cameraFrames', values }, details };
}
