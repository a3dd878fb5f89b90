// The background effect (blur or picture) for computers without a GPU. MediaPipe's image segmenter runs on the processor
// (WebAssembly with SIMD) on the frame shrunk to the model's own input size, and the frame is
// composed with Canvas 2D (canvas-compositor.ts): nothing heavy goes through WebGL drawn in
// software. Frames are taken from the camera one at a time and only the newest is kept waiting:
// a frame that arrives while another is being blurred replaces the one waiting, so a slow
// computer sends fewer frames, never late ones. A dropped frame is closed, never sent sharp.
/// <reference types="dom-mediacapture-transform" />
import { FilesetResolver, ImageSegmenter } from '@mediapipe/tasks-vision';
import type { VideoProcessorOptions } from 'livekit-client';
import type { BlurAssetUrls } from './blur-assets';
import { CanvasCompositor, type CompositorBackground } from './canvas-compositor';
import { DutyCycle } from './duty-cycle';
import { loadBackgroundImage, type EffectRendering } from './effect-rendering';
import type { SwitchableVideoProcessor } from './switchable-processor';

/** The largest share of the page's main thread the blur may take (see duty-cycle.ts). */
const MAIN_THREAD_SHARE = 0.6;
/**
 * The person moves little between two frames: segmenting at most this often and reusing the last
 * mask in between spares the processor without a visible lag.
 */
const SEGMENTATION_INTERVAL_MS = 60;

async function createSegmenter(assets: BlurAssetUrls): Promise<ImageSegmenter> {
  const fileset = await FilesetResolver.forVisionTasks(assets.wasmFolder);
  return ImageSegmenter.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: assets.model, delegate: 'CPU' },
    runningMode: 'VIDEO',
    outputConfidenceMasks: true,
    outputCategoryMask: false,
  });
}

/** One camera track being blurred; a restart makes a new one. */
class BlurPipeline {
  readonly output: MediaStreamVideoTrack;
  private readonly reader: ReadableStreamDefaultReader<VideoFrame>;
  private readonly writer: WritableStreamDefaultWriter<VideoFrame>;
  private readonly dutyCycle = new DutyCycle(MAIN_THREAD_SHARE);
  private readonly compositor: CanvasCompositor;
  private lastSegmentation = Number.NEGATIVE_INFINITY;
  private lastTimestamp = 0;
  private stopped = false;

  constructor(
    source: MediaStreamVideoTrack,
    private readonly segmenter: ImageSegmenter,
    background: CompositorBackground,
  ) {
    // One frame waits at most: the camera replaces it with each newer one.
    const frames = new MediaStreamTrackProcessor({ track: source, maxBufferSize: 1 });
    const generator = new MediaStreamTrackGenerator({ kind: 'video' });
    this.reader = frames.readable.getReader();
    this.writer = generator.writable.getWriter();
    this.output = generator;
    this.compositor = new CanvasCompositor(background);
    void this.pump().catch(() => undefined);
  }

  private async pump(): Promise<void> {
    while (!this.stopped) {
      const { value: frame, done } = await this.reader.read();
      if (done) return;
      const start = performance.now();
      let blurred: VideoFrame | null = null;
      try {
        if (!this.stopped && this.dutyCycle.admits(start)) blurred = this.blur(frame, start);
      } catch {
        // This frame is lost, not the blur: the next one is tried afresh.
      } finally {
        frame.close();
      }
      if (!blurred) continue;
      this.dutyCycle.record(start, performance.now());
      if (this.stopped) {
        blurred.close();
        return;
      }
      await this.writer.write(blurred);
    }
  }

  private blur(frame: VideoFrame, now: number): VideoFrame | null {
    if (frame.displayWidth === 0 || frame.displayHeight === 0) return null;
    if (!this.compositor.hasMask || now - this.lastSegmentation >= SEGMENTATION_INTERVAL_MS) {
      this.lastSegmentation = now;
      this.segment(frame, now);
    }
    return this.compositor.hasMask ? this.compositor.compose(frame) : null;
  }

  private segment(frame: VideoFrame, now: number): void {
    // The segmenter in video mode wants strictly increasing timestamps, in milliseconds.
    const timestamp = Math.max(now, this.lastTimestamp + 1);
    this.lastTimestamp = timestamp;
    const result = this.segmenter.segmentForVideo(this.compositor.prepareSegmentationInput(frame), timestamp);
    try {
      const masks = result.confidenceMasks ?? [];
      // The model has one output: the person's confidence.
      const person = masks[masks.length - 1];
      if (person) this.compositor.setMask(person.getAsFloat32Array());
    } finally {
      result.close();
    }
  }

  setBackground(background: CompositorBackground): void {
    this.compositor.setBackground(background);
  }

  /** Stops at once, even with a frame on its way: nothing waits for the camera or the sender. */
  stop(): void {
    this.stopped = true;
    this.reader.cancel().catch(() => undefined);
    this.writer.abort().catch(() => undefined);
    this.output.stop();
  }
}

/** What the compositor draws behind the person for `rendering` (a picture is loaded first). */
async function backgroundFor(rendering: EffectRendering): Promise<CompositorBackground> {
  return rendering.mode === 'blur' ? { blurRadius: rendering.radius } : { image: await loadBackgroundImage(rendering.imageUrl) };
}

/** A TrackProcessor (livekit-client) blurring or replacing the camera's background on the processor. */
export class CpuBlurProcessor implements SwitchableVideoProcessor {
  readonly name = 'visio-cpu-background-effect';
  private segmenter: ImageSegmenter | undefined;
  private pipeline: BlurPipeline | undefined;
  private background: CompositorBackground | undefined;

  constructor(
    private readonly assets: BlurAssetUrls,
    private rendering: EffectRendering,
  ) {}

  get processedTrack(): MediaStreamTrack | undefined {
    return this.pipeline?.output;
  }

  async init(options: VideoProcessorOptions): Promise<void> {
    this.segmenter ??= await createSegmenter(this.assets);
    this.background ??= await backgroundFor(this.rendering);
    this.pipeline?.stop();
    this.pipeline = new BlurPipeline(options.track as MediaStreamVideoTrack, this.segmenter, this.background);
  }

  restart(options: VideoProcessorOptions): Promise<void> {
    return this.init(options);
  }

  /** Draws another background from the next frame on. */
  async switchEffect(rendering: EffectRendering): Promise<void> {
    const background = await backgroundFor(rendering);
    this.rendering = rendering;
    this.background = background;
    this.pipeline?.setBackground(background);
  }

  async destroy(): Promise<void> {
    const pipeline = this.pipeline;
    const segmenter = this.segmenter;
    this.pipeline = undefined;
    this.segmenter = undefined;
    this.background = undefined;
    pipeline?.stop();
    segmenter?.close();
  }
}
