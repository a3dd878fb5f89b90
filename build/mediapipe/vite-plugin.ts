// Background blur runs MediaPipe in the renderer: its WebAssembly runtime and the segmentation
// model are files of the app, copied from npm packages into dist/renderer/mediapipe/ by this Vite
// plugin and served by the app's own protocol. Nothing is fetched from a CDN: the remote defaults
// that @livekit/track-processors falls back to are replaced at build time by an error, so a
// missing local path fails instead of reaching the network.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
// Where the files land under dist/renderer: where the renderer looks for them.
import { MEDIAPIPE_FOLDER, MEDIAPIPE_WASM_FOLDER, SEGMENTATION_MODEL_FILE } from '../../renderer/features/background-blur/blur-assets.ts';
import { withSegmenterMetadata } from './tflite-metadata.ts';

export interface MediapipeAsset {
  fileName: string;
  /** The npm package the file comes from, for the notice. */
  packageName: string;
  read(): Uint8Array;
}

interface PackageInfo {
  folder: string;
  version: string;
  license: string;
}

/** A package's folder and manifest, found from its entry point (not every package exports package.json). */
function packageInfo(require: NodeJS.Require, name: string): PackageInfo {
  let folder = dirname(require.resolve(name));
  for (;;) {
    const manifestPath = join(folder, 'package.json');
    if (existsSync(manifestPath)) {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: string; version: string; license: string };
      if (manifest.name === name) return { folder, version: manifest.version, license: manifest.license };
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`${name}: package.json not found`);
    folder = parent;
  }
}

const packagesRequire = (root: string) => createRequire(join(root, 'package.json'));

/**
 * The tasks-vision runtime, SIMD build only: every Chromium the app runs in (Electron, and the
 * browsers of the web variant since 2021) has WebAssembly SIMD, and the non-SIMD build would add
 * 9 MB. Where SIMD is missing the loader asks for the other build, does not find it, and blur
 * says it cannot start: the camera stays on unblurred.
 */
export const wasmFiles = ['vision_wasm_internal.js', 'vision_wasm_internal.wasm'];

/** Every file background blur needs, read from the packages installed under `root`. */
export function mediapipeAssets(root: string): MediapipeAsset[] {
  const require = packagesRequire(root);
  // tasks-vision is resolved from @livekit/track-processors, whose code loads it: the runtime
  // files must match the version that code was built against.
  const processors = packageInfo(require, '@livekit/track-processors');
  const tasksVision = packageInfo(createRequire(join(processors.folder, 'package.json')), '@mediapipe/tasks-vision');
  const selfieSegmentation = packageInfo(require, '@mediapipe/selfie_segmentation');
  return [
    ...wasmFiles.map((file) => ({
      fileName: `${MEDIAPIPE_WASM_FOLDER}/${file}`,
      packageName: '@mediapipe/tasks-vision',
      read: () => readFileSync(join(tasksVision.folder, 'wasm', file)),
    })),
    {
      fileName: SEGMENTATION_MODEL_FILE,
      packageName: '@mediapipe/selfie_segmentation',
      read: () =>
        withSegmenterMetadata(readFileSync(join(selfieSegmentation.folder, 'selfie_segmentation_landscape.tflite')), {
          name: 'Selfie segmentation (landscape)',
          description: 'Separates a person from the background in a 256x144 image; output: person confidence per pixel.',
          version: selfieSegmentation.version,
          author: 'Google (MediaPipe)',
          license: selfieSegmentation.license,
          // The model takes pixels in [0, 1].
          mean: [0],
          std: [255],
        }),
    },
  ];
}

/** The third-party notice shipped next to the files (Apache-2.0 asks for the licence text). */
export function mediapipeNotice(root: string): string {
  const require = packagesRequire(root);
  const processors = packageInfo(require, '@livekit/track-processors');
  const packages = [
    { name: '@livekit/track-processors', info: processors, use: 'background blur processor (bundled in the renderer script)' },
    {
      name: '@mediapipe/tasks-vision',
      info: packageInfo(createRequire(join(processors.folder, 'package.json')), '@mediapipe/tasks-vision'),
      use: 'image segmenter and its WebAssembly runtime (wasm/)',
    },
    {
      name: '@mediapipe/selfie_segmentation',
      info: packageInfo(require, '@mediapipe/selfie_segmentation'),
      use: 'selfie_segmentation_landscape.tflite (models/), with TFLite metadata added at build time',
    },
  ];
  const lines = packages.map(({ name, info, use }) => `- ${name} ${info.version} (${info.license}): ${use}`);
  const licenceText = readFileSync(join(processors.folder, 'LICENSE'), 'utf8');
  return [`Third-party files used for background blur`, '', ...lines, '', licenceText.trim(), ''].join('\n');
}

const remoteStringLiteral = /`https?:\/\/[^`]*`|"https?:\/\/[^"]*"|'https?:\/\/[^']*'/g;

/**
 * The code of @livekit/track-processors without its remote fallbacks: each absolute URL literal
 * becomes an expression that throws. Returns null when there is nothing to replace.
 */
export function withoutRemoteDefaults(code: string): string | null {
  if (code.match(remoteStringLiteral) === null) return null;
  return code.replace(
    remoteStringLiteral,
    '(() => { throw new Error("Background blur assets must be served by the app: no remote default.") })()',
  );
}

const isTrackProcessorsModule = (id: string) => /[\\/]node_modules[\\/]@livekit[\\/]track-processors[\\/]/.test(id);

export function mediapipeAssetsPlugin(root: string): Plugin {
  return {
    name: 'visio-mediapipe-assets',
    transform(code, id) {
      if (!isTrackProcessorsModule(id)) return null;
      const replaced = withoutRemoteDefaults(code);
      return replaced === null ? null : { code: replaced, map: null };
    },
    generateBundle() {
      for (const asset of mediapipeAssets(root)) this.emitFile({ type: 'asset', fileName: asset.fileName, source: asset.read() });
      this.emitFile({ type: 'asset', fileName: `${MEDIAPIPE_FOLDER}/NOTICE.txt`, source: mediapipeNotice(root) });
    },
    configureServer(server) {
      const assets = new Map(mediapipeAssets(root).map((asset) => [`/${asset.fileName}`, asset]));
      server.middlewares.use((request, response, next) => {
        const asset = assets.get((request.url ?? '').split('?')[0] ?? '');
        if (!asset) return next();
        response.setHeader('Content-Type', asset.fileName.endsWith('.wasm') ? 'application/wasm' : asset.fileName.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        response.end(asset.read());
      });
    },
  };
}
