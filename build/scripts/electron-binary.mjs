// Whether the Electron binary is present, and an attempt to fetch it with a bounded wait.
// `require('electron')` would download it on first use and hang on a closed network, so
// nothing here loads that module.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export function electronBinaryPath(root) {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export function tryInstallElectron(root, timeoutMs = 120_000) {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return { ok: false, reason: 'electron package missing: run npm install' };
  // The installer's own stack trace on a closed network says nothing a user can act on: its
  // outcome is reported by the caller instead.
  const result = spawnSync(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: timeoutMs });
  if (result.status === 0 && electronBinaryPath(root)) return { ok: true };
  return {
    ok: false,
    reason: result.error ? result.error.message : `installer exited with ${result.status ?? result.signal}`,
  };
}
