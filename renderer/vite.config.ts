// The renderer bundle: everything it needs at run time is inside dist/renderer (system fonts and
// the bundled reading fonts, no CDN), and `base: './'` lets the same files load from app://,
// file:// or an HTTP server.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { mediapipeAssetsPlugin } from '../build/mediapipe/vite-plugin.ts';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  root: rendererRoot,
  base: './',
  // Background blur's WebAssembly runtime and model, copied from npm packages into mediapipe/.
  plugins: [react(), mediapipeAssetsPlugin(fileURLToPath(new URL('..', import.meta.url)))],
  define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    // Fonts stay files of our origin: the CSP's font-src 'self' refuses data: URLs. The virtual
    // backgrounds too, fetched only when chosen rather than carried in the main bundle.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf)$/.test(file) || /[\\/]effects[\\/]backgrounds[\\/]/.test(file) ? false : undefined),
    // Two pages: the app, and the mini call window shown while the app window is hidden.
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        mini: fileURLToPath(new URL('./mini.html', import.meta.url)),
      },
    },
  },
  server: { host: '127.0.0.1', strictPort: false },
});
