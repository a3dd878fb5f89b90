// The background effect where a GPU draws WebGL, loaded only when someone chooses an effect (a
// separate chunk: the main bundle does not carry MediaPipe). @livekit/track-processors runs
// MediaPipe's image segmenter on each camera frame and, with WebGL 2, blurs what is not the
// person or replaces it with a picture (its virtual-background mode); its runtime and model come
// from the app's own files (see blur-assets.ts), never from a CDN.
import { BackgroundProcessor, type SwitchBackgroundProcessorOptions } from '@livekit/track-processors';
import type { BlurAssetUrls } from './blur-assets';
import { DutyCycle } from './duty-cycle';
import type { EffectRendering } from './effect-rendering';
import type { SwitchableVideoProcessor } from './switchable-processor';

/** The largest share of the page's main thread the effect may take (see duty-cycle.ts). */
const MAIN_THREAD_SHARE = 0.5;

const modeOf = (rendering: EffectRendering): SwitchBackgroundProcessorOptions =>
  rendering.mode === 'blur' ? { mode: 'background-blur', blurRadius: rendering.radius } : { mode: 'virtual-background', imagePath: rendering.imageUrl };

export function createSegmentingEffect(assets: BlurAssetUrls, rendering: EffectRendering): SwitchableVideoProcessor {
  const processor = BackgroundProcessor({
    ...modeOf(rendering),
    assetPaths: { tasksVisionFileSet: assets.wasmFolder, modelAssetPath: assets.model },
    // The landscape model segments a 256x144 image whatever the camera's resolution, on the
    // GPU like the drawing itself (the library's default), so the frame never leaves the GPU.
  });
  // A dropped frame is closed and never sent: the camera's own frame must not go out instead.
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
  return Object.assign(processor, { switchEffect: (next: EffectRendering) => processor.switchTo(modeOf(next)) });
}
