// Where WebGL is drawn in software (no GPU), composing one blurred 720p frame takes about half a
// second, a 360p one about 150 ms: a blurred 720p camera would send about one frame a second. While
// blur is on there, the camera is therefore captured at 360p at most. The user's own choice of
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
