// What a background effect draws behind the person: the camera's own background blurred by a
// radius (pixels of the camera image), or a picture (a URL of the app's origin, or a data: URL
// of the user's own picture).
export type EffectRendering = { mode: 'blur'; radius: number } | { mode: 'image'; imageUrl: string };

/** Loads a background picture for drawing (through <img>: the page's policy allows its own files and data: URLs there). */
export async function loadBackgroundImage(url: string): Promise<ImageBitmap> {
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  await image.decode();
  return createImageBitmap(image);
}
