// Bundles the main process and the preload with esbuild. The preload runs sandboxed: one
// CommonJS file whose only `require` is `electron`.
import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const production = process.env.NODE_ENV === 'production';

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

await build({
  ...common,
  entryPoints: ['main/index.ts'],
  outfile: 'dist/main/index.js',
  // Native or self-updating modules load from node_modules at run time.
  external: ['electron', 'keytar', 'electron-updater'],
});

// One preload, the app window's `window.visio`: the mini call window is filled by the app
// window's page and has none.
const preloads = [['preload/index.ts', 'dist/preload/index.js']];
for (const [entryPoint, outfile] of preloads) {
  await build({
    ...common,
    entryPoints: [entryPoint],
    outfile,
    external: ['electron'],
    // Chromium's sandboxed preload: no Node built-ins.
    platform: 'browser',
    target: 'chrome140',
  });
  // A sandboxed preload can require nothing but electron: fail the build if anything else slipped in.
  const preload = await readFile(join(root, outfile), 'utf8');
  const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
  const forbidden = required.filter((name) => name !== 'electron');
  if (forbidden.length > 0) {
    console.error(`${outfile} requires ${forbidden.join(', ')}: only electron is available to a sandboxed preload.`);
    process.exit(1);
  }
}

// The project is an ES module package; the bundles Electron loads are CommonJS, and the closest
// package.json is what tells Node (and Electron) how to read them.
await writeFile(join(root, 'dist', 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
