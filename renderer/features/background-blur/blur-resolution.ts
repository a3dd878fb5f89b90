// Where WebGL is drawn in software (no GPU), the blur runs on the processor (cpu-blur-processor.ts):
// its cost grows with the frame's size, and so does encoding, so that on a small virtual desktop a
// blurred 720p camera would leave little of the processor to the rest of the call. While blur is
// on there, the camera is therefore captured at 360p at most. The user's own choice of
// resolution is left as it is and applies again as soon as blur is off.
import type { PublishResolution } from '../settings/call-preferences';

/** The highest resolution a blur drawn in software is given. */
export const SOFTWARE_BLUR_RESOLUTION: PublishResolution = '360p';

const heightOf = (resolution: PublishResolution): number => Number.parseInt(resolution, 10);

/**
 * The resolution to capture the camera at: the user's `preferred` one, lowered to
 * SOFTWARE_BLUR_RESOLUTION while `blurring` with WebGL drawn in software.
 */
export function cameraCaptureResolution(preferred: PublishResolution, blurring: boolean, softwareRendered: boolean): PublishResolution {
  if (!blurring || !softwareRendered) return preferred;
  return heightOf(preferred) <= heightOf(SOFTWARE_BLUR_RESOLUTION) ? preferred : SOFTWARE_BLUR_RESOLUTION;
}
