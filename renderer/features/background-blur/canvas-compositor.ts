// Composes a frame with a blurred or replaced background with Canvas 2D on the processor, for
// computers without a GPU, where WebGL drawn in software costs far more than the same work done
// by Canvas 2D. A blurred background is blurred and cut out at a quarter of the camera's size,
// where a blur is cheap, and drawn scaled up over the sharp frame: the scaling smooths both the
// blur and the person's outline. Only two drawings are made at the camera's size. A picture is
// cut out at the camera's size, so it stays as sharp as it was drawn.
import { writePersonAlpha } from './segmentation-mask';

/** The segmentation model's input: the frame is shrunk to this before segmentation. */
export const SEGMENTATION_WIDTH = 256;
export const SEGMENTATION_HEIGHT = 144;

/** How much smaller than the frame the background is blurred. */
const BLUR_BACKGROUND_SCALE = 4;

/** What goes behind the person: the frame blurred by a radius (pixels of the camera image), or a picture. */
export type CompositorBackground = { blurRadius: number } | { image: ImageBitmap };

/**
 * Canvas's `blur()` at a quarter of the size, scaled back up, smooths less than the GPU path's
 * blur of the same radius: twice the radius gives the background the same look.
 */
const CPU_BLUR_GAIN = 2;

/** Canvases on the processor: no GPU here, and reading them back must not be slow. */
const context2d = (canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D => {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('Canvas 2D is not available.');
  return context;
};

export class CanvasCompositor {
  /** The frame at the model's input size, handed to the segmenter. */
  readonly segmentationInput = new OffscreenCanvas(SEGMENTATION_WIDTH, SEGMENTATION_HEIGHT);
  private readonly inputContext = context2d(this.segmentationInput);
  private readonly mask = new OffscreenCanvas(SEGMENTATION_WIDTH, SEGMENTATION_HEIGHT);
  private readonly maskContext = context2d(this.mask);
  private readonly maskPixels = new ImageData(SEGMENTATION_WIDTH, SEGMENTATION_HEIGHT);
  private readonly background = new OffscreenCanvas(1, 1);
  private readonly backgroundContext = context2d(this.background);
  private readonly output = new OffscreenCanvas(1, 1);
  private readonly outputContext = context2d(this.output);
  hasMask = false;

  constructor(private backdrop: CompositorBackground) {}

  setBackground(backdrop: CompositorBackground): void {
    this.backdrop = backdrop;
  }

  /** Draws `frame` shrunk to the model's input size into `segmentationInput`. */
  prepareSegmentationInput(frame: VideoFrame): OffscreenCanvas {
    this.inputContext.drawImage(frame, 0, 0, SEGMENTATION_WIDTH, SEGMENTATION_HEIGHT);
    return this.segmentationInput;
  }

  /** The person's confidence for each pixel of the segmentation input, row by row. */
  setMask(confidence: Float32Array): void {
    writePersonAlpha(confidence, this.maskPixels.data);
    this.maskContext.putImageData(this.maskPixels, 0, 0);
    this.hasMask = true;
  }

  /** A new frame: `frame` with what the last mask says is not the person blurred or replaced. */
  compose(frame: VideoFrame): VideoFrame {
    const width = frame.displayWidth;
    const height = frame.displayHeight;
    const backdrop = this.backdrop;
    this.fitSizes(width, height, 'image' in backdrop ? 1 : BLUR_BACKGROUND_SCALE);
    const background = this.backgroundContext;
    const smallWidth = this.background.width;
    const smallHeight = this.background.height;
    background.globalCompositeOperation = 'copy';
    if ('image' in backdrop) this.drawPicture(backdrop.image);
    else this.drawBlurred(frame, backdrop.blurRadius);
    background.globalCompositeOperation = 'destination-out';
    background.drawImage(this.mask, 0, 0, smallWidth, smallHeight);

    const output = this.outputContext;
    output.globalCompositeOperation = 'copy';
    output.drawImage(frame, 0, 0, width, height);
    output.globalCompositeOperation = 'source-over';
    output.drawImage(this.background, 0, 0, width, height);
    return new VideoFrame(this.output, { timestamp: frame.timestamp, alpha: 'discard' });
  }

  private drawBlurred(frame: VideoFrame, blurRadius: number): void {
    const background = this.backgroundContext;
    const smallWidth = this.background.width;
    const smallHeight = this.background.height;
    const radius = Math.max(1, (CPU_BLUR_GAIN * blurRadius) / BLUR_BACKGROUND_SCALE);
    // Drawn a little larger than the canvas, so the blur finds picture, not transparency, at the edges.
    const margin = Math.ceil(radius * 2);
    background.filter = `blur(${radius}px)`;
    background.drawImage(frame, -margin, -margin, smallWidth + 2 * margin, smallHeight + 2 * margin);
    background.filter = 'none';
  }

  /** The picture scaled to cover the frame, centred, as a CSS `background-size: cover`. */
  private drawPicture(image: ImageBitmap): void {
    const width = this.background.width;
    const height = this.background.height;
    const scale = Math.max(width / image.width, height / image.height);
    const drawnWidth = image.width * scale;
    const drawnHeight = image.height * scale;
    this.backgroundContext.drawImage(image, (width - drawnWidth) / 2, (height - drawnHeight) / 2, drawnWidth, drawnHeight);
  }

  private fitSizes(width: number, height: number, backgroundScale: number): void {
    if (this.output.width !== width || this.output.height !== height) {
      this.output.width = width;
      this.output.height = height;
    }
    const smallWidth = Math.max(1, Math.round(width / backgroundScale));
    const smallHeight = Math.max(1, Math.round(height / backgroundScale));
    if (this.background.width !== smallWidth || this.background.height !== smallHeight) {
      this.background.width = smallWidth;
      this.background.height = smallHeight;
    }
  }
}
