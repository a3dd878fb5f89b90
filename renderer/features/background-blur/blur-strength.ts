// How strongly the background is blurred, the same whichever way the blur is computed.

/** In pixels of the camera image: the "normal" (strong) blur of LaSuite Meet's web app. */
export const BLUR_RADIUS = 20;

/** Meet's light blur: half the strong one. */
export const LIGHT_BLUR_RADIUS = 10;
