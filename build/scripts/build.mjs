// Builds everything the app runs: the renderer (Vite) and the main process + preload (esbuild).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
// The "you are sharing — Stop" window's pages are served by the app protocol, like the renderer.
run(process.execPath, ['--import', 'tsx', join(root, 'build', 'scripts', 'write-share-indicator-pages.ts')]);
run(process.execPath, [join(root, 'build', 'scripts', 'build-main.mjs')]);
