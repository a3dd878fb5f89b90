// Where the build puts background blur's MediaPipe files (build/mediapipe/vite-plugin.ts copies
// them from npm packages), and their URLs for the page: the app serves them itself, from the root
// of its own origin, whatever route the page is on.
export const MEDIAPIPE_FOLDER = 'mediapipe';
export const MEDIAPIPE_WASM_FOLDER = `${MEDIAPIPE_FOLDER}/wasm`;
export const SEGMENTATION_MODEL_FILE = `${MEDIAPIPE_FOLDER}/models/selfie_segmentation_landscape.tflite`;

export interface BlurAssetUrls {
  /** The folder of the tasks-vision WebAssembly runtime (`vision_wasm_internal.js` and `.wasm`). */
  wasmFolder: string;
  model: string;
}

export function blurAssetUrls(pageUrl: string): BlurAssetUrls {
  return {
    wasmFolder: new URL(`/${MEDIAPIPE_WASM_FOLDER}`, pageUrl).href,
    model: new URL(`/${SEGMENTATION_MODEL_FILE}`, pageUrl).href,
  };
}
