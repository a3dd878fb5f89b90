// Whether this computer can blur the camera's background: the blur runs MediaPipe's WebAssembly
// segmenter and composes the image with WebGL 2 on video frames. Checked without loading any of
// that code, so the toggle can say at once when blur is unavailable.
export interface BlurCapabilities {
  webAssembly: boolean;
  webgl2: boolean;
  offscreenCanvas: boolean;
  videoFrame: boolean;
  createImageBitmap: boolean;
  /** MediaStreamTrackProcessor and MediaStreamTrackGenerator (insertable streams). */
  insertableStreams: boolean;
  /** `canvas.captureStream()`, the fallback when insertable streams are missing. */
  canvasCaptureStream: boolean;
}

export function isBlurSupported(capabilities: BlurCapabilities): boolean {
  return (
    capabilities.webAssembly &&
    capabilities.webgl2 &&
    capabilities.offscreenCanvas &&
    capabilities.videoFrame &&
    capabilities.createImageBitmap &&
    (capabilities.insertableStreams || capabilities.canvasCaptureStream)
  );
}

/** What the page's globals offer; `createCanvas` makes a throwaway canvas to probe WebGL 2. */
export function blurCapabilitiesOf(scope: Record<string, unknown>, createCanvas: (() => HTMLCanvasElement) | null): BlurCapabilities {
  const has = (name: string) => typeof scope[name] !== 'undefined';
  let webgl2 = false;
  let canvasCaptureStream = false;
  if (createCanvas) {
    try {
      const canvas = createCanvas();
      canvasCaptureStream = typeof canvas.captureStream === 'function';
      const context = canvas.getContext('webgl2');
      webgl2 = context !== null;
      // Browsers cap live WebGL contexts: give this probe's back at once.
      context?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      webgl2 = false;
    }
  }
  return {
    webAssembly: typeof (scope.WebAssembly as { instantiate?: unknown } | undefined)?.instantiate === 'function',
    webgl2,
    offscreenCanvas: has('OffscreenCanvas'),
    videoFrame: has('VideoFrame'),
    createImageBitmap: has('createImageBitmap'),
    insertableStreams: has('MediaStreamTrackProcessor') && has('MediaStreamTrackGenerator'),
    canvasCaptureStream,
  };
}

let pageSupport: boolean | null = null;

/** Whether this page can blur (probed once). */
export function isBlurSupportedHere(): boolean {
  pageSupport ??= isBlurSupported(
    blurCapabilitiesOf(globalThis as unknown as Record<string, unknown>, typeof document === 'undefined' ? null : () => document.createElement('canvas')),
  );
  return pageSupport;
}
