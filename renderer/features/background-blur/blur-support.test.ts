import { describe, expect, it } from 'vitest';
import { blurAssetUrls } from './blur-assets';
import { blurCapabilitiesOf, isBlurSupported, isSoftwareRenderer, type BlurCapabilities } from './blur-support';

const everything: BlurCapabilities = {
  webAssembly: true,
  webgl2: true,
  offscreenCanvas: true,
  videoFrame: true,
  createImageBitmap: true,
  insertableStreams: true,
  canvasCaptureStream: true,
  webglRenderer: 'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)',
};

const UNMASKED_RENDERER_WEBGL = 0x9246;
/** A canvas whose WebGL 2 context names `renderer` (or hides it), and counts the contexts given back. */
function probeCanvas(renderer: string | null) {
  const probe = { lost: 0 };
  const context = {
    getExtension: (name: string) =>
      name === 'WEBGL_lose_context' ? { loseContext: () => void probe.lost++ } : name === 'WEBGL_debug_renderer_info' && renderer !== null ? { UNMASKED_RENDERER_WEBGL } : null,
    getParameter: (parameter: number) => (parameter === UNMASKED_RENDERER_WEBGL ? renderer : 'WebKit WebGL'),
  };
  const canvas = { captureStream: () => undefined, getContext: (kind: string) => (kind === 'webgl2' ? context : null) } as unknown as HTMLCanvasElement;
  return { canvas, probe };
}

describe('background blur support', () => {
  it('needs WebAssembly, WebGL 2, video frames and a way to make a track from them', () => {
    expect(isBlurSupported(everything)).toBe(true);
    for (const missing of ['webAssembly', 'webgl2', 'offscreenCanvas', 'videoFrame', 'createImageBitmap'] as const) {
      expect(isBlurSupported({ ...everything, [missing]: false }), missing).toBe(false);
    }
    expect(isBlurSupported({ ...everything, insertableStreams: false })).toBe(true);
    expect(isBlurSupported({ ...everything, canvasCaptureStream: false })).toBe(true);
    expect(isBlurSupported({ ...everything, insertableStreams: false, canvasCaptureStream: false })).toBe(false);
  });

  it('reads what the page offers, and gives the probe’s WebGL context back', () => {
    const { canvas, probe } = probeCanvas(everything.webglRenderer);
    const chromium = {
      WebAssembly: { instantiate: () => undefined },
      OffscreenCanvas: class {},
      VideoFrame: class {},
      createImageBitmap: () => undefined,
      MediaStreamTrackProcessor: class {},
      MediaStreamTrackGenerator: class {},
    };
    expect(blurCapabilitiesOf(chromium, () => canvas)).toEqual(everything);
    expect(probe.lost).toBe(1);
    // A browser that hides the renderer's name still blurs; its renderer is unknown.
    const hidden = probeCanvas(null);
    expect(blurCapabilitiesOf(chromium, () => hidden.canvas)).toEqual({ ...everything, webglRenderer: null });
    expect(hidden.probe.lost).toBe(1);
  });

  it('is missing where WebGL 2 is refused or there is no page', () => {
    const noWebgl = { captureStream: () => undefined, getContext: () => null } as unknown as HTMLCanvasElement;
    const scope = { WebAssembly: { instantiate: () => undefined }, OffscreenCanvas: class {}, VideoFrame: class {}, createImageBitmap: () => undefined };
    expect(blurCapabilitiesOf(scope, () => noWebgl)).toMatchObject({ webgl2: false, insertableStreams: false, canvasCaptureStream: true, webglRenderer: null });
    expect(isBlurSupported(blurCapabilitiesOf(scope, () => noWebgl))).toBe(false);
    const throwing = () => {
      throw new Error('no canvas');
    };
    expect(blurCapabilitiesOf(scope, throwing).webgl2).toBe(false);
    expect(isBlurSupported(blurCapabilitiesOf({}, null))).toBe(false);
  });
});

describe('software WebGL', () => {
  it('is recognised by the names browsers give renderers without a GPU', () => {
    for (const renderer of [
      // Chromium without a GPU (headless, virtual desktops), on Linux and Windows.
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'Google SwiftShader',
      // Mesa's software rasterisers, through ANGLE (Chromium) or directly (Firefox).
      'ANGLE (Mesa/X.org, llvmpipe (LLVM 12.0.0, 256 bits), OpenGL 4.5 core)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'Gallium 0.4 on softpipe',
      // Windows with no graphics driver (WARP), as in many virtual machines.
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'Apple Software Renderer',
    ]) {
      expect(isSoftwareRenderer(renderer), renderer).toBe(true);
    }
  });

  it('is not assumed of a GPU, a virtual GPU, or a renderer the browser hides', () => {
    for (const renderer of [
      'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'ANGLE (AMD, AMD Radeon RX 6600 XT Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)',
      'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
      'Mesa Intel(R) UHD Graphics 620 (KBL GT2)',
      // VMware's virtual GPU draws on the host's graphics card.
      'ANGLE (VMware, Inc., SVGA3D; build: RELEASE; LLVM;, OpenGL 4.1)',
      'WebKit WebGL',
      '',
      null,
    ]) {
      expect(isSoftwareRenderer(renderer), String(renderer)).toBe(false);
    }
  });
});

describe('background blur assets', () => {
  it('are served from the root of the app’s own origin, whatever the route', () => {
    expect(blurAssetUrls('app://visio/abc-defg-hij')).toEqual({
      wasmFolder: 'app://visio/mediapipe/wasm',
      model: 'app://visio/mediapipe/models/selfie_segmentation_landscape.tflite',
    });
    expect(blurAssetUrls('http://127.0.0.1:8080/')).toEqual({
      wasmFolder: 'http://127.0.0.1:8080/mediapipe/wasm',
      model: 'http://127.0.0.1:8080/mediapipe/models/selfie_segmentation_landscape.tflite',
    });
  });
});
