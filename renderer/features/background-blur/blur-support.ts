// Whether this computer can blur the camera's background: the blur runs MediaPipe's WebAssembly
// segmenter and composes the image with WebGL 2 on video frames. Checked without loading any of
// that code, so the toggle can say at once when blur is unavailable. The same probe tells whether
// WebGL runs without a GPU (virtual desktops, machines without a graphics driver), where the blur
// is computed on the processor instead and the camera is captured at a lower resolution while it
// is on.
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
  /** What draws WebGL here, as the browser names it (`UNMASKED_RENDERER_WEBGL`); null when unknown. */
  webglRenderer: string | null;
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

/**
 * Renderers that draw WebGL on the processor, without a GPU: Chromium's SwiftShader, Mesa's
 * llvmpipe and softpipe, Windows' WARP ("Microsoft Basic Render Driver"), and those that call
 * themselves software (Apple Software Renderer).
 */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|\bsoftware\b|microsoft basic render driver/i;

/** Whether the named WebGL renderer works without a GPU; an unknown renderer is not assumed to. */
export function isSoftwareRenderer(renderer: string | null): boolean {
  return renderer !== null && SOFTWARE_RENDERER.test(renderer);
}

/** The unmasked name of the renderer behind a WebGL context, or null when the browser hides it. */
function rendererOf(context: WebGL2RenderingContext): string | null {
  try {
    const info = context.getExtension('WEBGL_debug_renderer_info');
    const renderer: unknown = info ? context.getParameter(info.UNMASKED_RENDERER_WEBGL) : null;
    return typeof renderer === 'string' && renderer !== '' ? renderer : null;
  } catch {
    return null;
  }
}

/** What the page's globals offer; `createCanvas` makes a throwaway canvas to probe WebGL 2. */
export function blurCapabilitiesOf(scope: Record<string, unknown>, createCanvas: (() => HTMLCanvasElement) | null): BlurCapabilities {
  const has = (name: string) => typeof scope[name] !== 'undefined';
  let webgl2 = false;
  let canvasCaptureStream = false;
  let webglRenderer: string | null = null;
  if (createCanvas) {
    try {
      const canvas = createCanvas();
      canvasCaptureStream = typeof canvas.captureStream === 'function';
      const context = canvas.getContext('webgl2');
      webgl2 = context !== null;
      if (context) webglRenderer = rendererOf(context);
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
    webglRenderer,
  };
}

let pageCapabilities: BlurCapabilities | null = null;

/** What this page offers (probed once: each probe costs a WebGL context). */
function capabilitiesHere(): BlurCapabilities {
  pageCapabilities ??= blurCapabilitiesOf(
    globalThis as unknown as Record<string, unknown>,
    typeof document === 'undefined' ? null : () => document.createElement('canvas'),
  );
  return pageCapabilities;
}

/** Whether this page can blur. */
export function isBlurSupportedHere(): boolean {
  return isBlurSupported(capabilitiesHere());
}

/** Whether this page can blur, but only with WebGL drawn in software (no GPU). */
export function isBlurSoftwareRenderedHere(): boolean {
  const capabilities = capabilitiesHere();
  return isBlurSupported(capabilities) && isSoftwareRenderer(capabilities.webglRenderer);
}
