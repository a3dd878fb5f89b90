import { describe, expect, it } from 'vitest';
import { blurAssetUrls } from './blur-assets';
import { blurCapabilitiesOf, isBlurSupported, type BlurCapabilities } from './blur-support';

const everything: BlurCapabilities = {
  webAssembly: true,
  webgl2: true,
  offscreenCanvas: true,
  videoFrame: true,
  createImageBitmap: true,
  insertableStreams: true,
  canvasCaptureStream: true,
};

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
    let lost = 0;
    const canvas = {
      captureStream: () => undefined,
      getContext: (kind: string) => (kind === 'webgl2' ? { getExtension: () => ({ loseContext: () => void lost++ }) } : null),
    } as unknown as HTMLCanvasElement;
    const chromium = {
      WebAssembly: { instantiate: () => undefined },
      OffscreenCanvas: class {},
      VideoFrame: class {},
      createImageBitmap: () => undefined,
      MediaStreamTrackProcessor: class {},
      MediaStreamTrackGenerator: class {},
    };
    expect(blurCapabilitiesOf(chromium, () => canvas)).toEqual(everything);
    expect(lost).toBe(1);
  });

  it('is missing where WebGL 2 is refused or there is no page', () => {
    const noWebgl = { captureStream: () => undefined, getContext: () => null } as unknown as HTMLCanvasElement;
    const scope = { WebAssembly: { instantiate: () => undefined }, OffscreenCanvas: class {}, VideoFrame: class {}, createImageBitmap: () => undefined };
    expect(blurCapabilitiesOf(scope, () => noWebgl)).toMatchObject({ webgl2: false, insertableStreams: false, canvasCaptureStream: true });
    expect(isBlurSupported(blurCapabilitiesOf(scope, () => noWebgl))).toBe(false);
    const throwing = () => {
      throw new Error('no canvas');
    };
    expect(blurCapabilitiesOf(scope, throwing).webgl2).toBe(false);
    expect(isBlurSupported(blurCapabilitiesOf({}, null))).toBe(false);
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
