// How strongly the background is blurred, the same whichever way the blur is computed.

/** In pixels of the camera image: the "normal" blur of LaSuite Meet's web app. */
export const BLUR_RADIUS = 20;
