// What the build copies for background blur, and the CDN fallbacks it removes from the library.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blurAssetUrls, MEDIAPIPE_WASM_FOLDER, SEGMENTATION_MODEL_FILE } from '../../renderer/features/background-blur/blur-assets';
import { modelMetadataBuffer, readSegmenterMetadata } from './tflite-metadata';
import { mediapipeAssets, mediapipeNotice, withoutRemoteDefaults } from './vite-plugin';

const root = join(__dirname, '..', '..');

describe('the background blur assets', () => {
  const assets = mediapipeAssets(root);

  it('are the tasks-vision runtime and the segmentation model, where the renderer looks for them', () => {
    const names = assets.map((asset) => asset.fileName);
    // The SIMD runtime only (every Chromium the app runs in has SIMD), and the model.
    expect([...names].sort()).toEqual(
      [`${MEDIAPIPE_WASM_FOLDER}/vision_wasm_internal.js`, `${MEDIAPIPE_WASM_FOLDER}/vision_wasm_internal.wasm`, SEGMENTATION_MODEL_FILE].sort(),
    );
    const urls = blurAssetUrls('app://visio/abc-defg-hij');
    expect(`${urls.wasmFolder}/vision_wasm_internal.wasm`).toBe(`app://visio/${MEDIAPIPE_WASM_FOLDER}/vision_wasm_internal.wasm`);
    expect(urls.model).toBe(`app://visio/${SEGMENTATION_MODEL_FILE}`);
  });

  it('are read from installed packages, the runtime matching the version the processor was built for', () => {
    const processors = JSON.parse(readFileSync(join(root, 'node_modules/@livekit/track-processors/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const tasksVision = JSON.parse(readFileSync(join(root, 'node_modules/@mediapipe/tasks-vision/package.json'), 'utf8')) as { version: string };
    expect(tasksVision.version).toBe(processors.dependencies['@mediapipe/tasks-vision']);
    const wasm = assets.find((asset) => asset.fileName.endsWith('vision_wasm_internal.wasm'))!.read();
    // The WebAssembly magic number and version.
    expect([...wasm.subarray(0, 8)]).toEqual([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  });

  it('ship the model with the metadata the image segmenter needs', () => {
    const model = assets.find((asset) => asset.fileName === SEGMENTATION_MODEL_FILE)!.read();
    expect(readSegmenterMetadata(modelMetadataBuffer(model)!)).toMatchObject({ mean: [0], std: [255], colorSpace: 1 });
  });

  it('come with a notice naming each package, its version and licence, and the licence text', () => {
    const notice = mediapipeNotice(root);
    for (const name of ['@livekit/track-processors', '@mediapipe/tasks-vision', '@mediapipe/selfie_segmentation']) {
      expect(notice).toMatch(new RegExp(`- ${name.replace('/', '\\/')} [\\d.]+ \\(Apache-2\\.0\\)`));
    }
    expect(notice).toContain('Apache License');
  });
});

describe('the remote defaults of @livekit/track-processors', () => {
  const libraryPath = join(root, 'node_modules/@livekit/track-processors/dist/index.mjs');

  it('are all replaced by an error in the code the renderer bundles', () => {
    expect(existsSync(libraryPath)).toBe(true);
    const code = readFileSync(libraryPath, 'utf8');
    expect(code).toMatch(/https:\/\/cdn\.jsdelivr\.net/);
    expect(code).toMatch(/https:\/\/storage\.googleapis\.com/);
    const replaced = withoutRemoteDefaults(code)!;
    expect(replaced).not.toMatch(/https?:\/\//);
    expect(replaced).toContain('no remote default');
  });

  it('leave code without remote URLs untouched', () => {
    expect(withoutRemoteDefaults('const path = options.assetPaths.model;')).toBeNull();
  });

  it('become an error thrown only when no local path was given', () => {
    const replaced = withoutRemoteDefaults('(path) => path ?? "https://cdn.example/model.tflite"')!;
    const pick = (0, eval)(replaced) as (path?: string) => string;
    expect(pick('/mediapipe/model.tflite')).toBe('/mediapipe/model.tflite');
    expect(() => pick(undefined)).toThrow(/served by the app/);
  });
});
