// The blur where a GPU draws WebGL, loaded only when someone turns blur on (a separate chunk: the
// main bundle does not carry MediaPipe). @livekit/track-processors runs MediaPipe's image segmenter on each camera
// frame and blurs what is not the person with WebGL 2; its runtime and model come from the app's
// own files (see blur-assets.ts), never from a CDN.
import { BackgroundProcessor } from '@livekit/track-processors';
import type { Track, TrackProcessor } from 'livekit-client';
import type { BlurAssetUrls } from './blur-assets';
import { BLUR_RADIUS } from './blur-strength';
import { DutyCycle } from './duty-cycle';

/** The largest share of the page's main thread the blur may take (see duty-cycle.ts). */
const MAIN_THREAD_SHARE = 0.5;

export function createSegmentingBlur(assets: BlurAssetUrls): TrackProcessor<Track.Kind.Video> {
  const processor = BackgroundProcessor({
    mode: 'background-blur',
    blurRadius: BLUR_RADIUS,
    assetPaths: { tasksVisionFileSet: assets.wasmFolder, modelAssetPath: assets.model },
    // The landscape model segments a 256x144 image whatever the camera's resolution, on the
    // GPU like the blur itself (the library's default), so the frame never leaves the GPU.
  });
  // A dropped frame is closed and never sent: the camera's sharp frame must not go out instead.
  const transformer = processor.transformer;
  const transform = transformer.transform.bind(transformer);
  const dutyCycle = new DutyCycle(MAIN_THREAD_SHARE);
  transformer.transform = async (frame, controller) => {
    const start = performance.now();
    if (!dutyCycle.admits(start)) {
      frame.close();
      return;
    }
    try {
      await transform(frame, controller);
    } finally {
      dutyCycle.record(start, performance.now());
    }
  };
  return processor;
}
