// The real machine behind the policy reader's ports: `reg.exe`/`plutil` without a shell, bounded
// in time and output, and files read only after their size is known.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { maximumPolicyBytes, type FileRead, type PolicyReadPorts } from './policy-reader';

function execBounded(file: string, args: readonly string[]): Promise<{ exitCode: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { windowsHide: true, timeout: 10_000, maxBuffer: maximumPolicyBytes + 1, encoding: 'utf8' },
      (error, stdout) => {
        if (error && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        resolve({ exitCode: error ? Number(error.code) : 0, stdout });
      },
    );
  });
}

async function readFileBounded(path: string, maximumBytes: number): Promise<FileRead> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { kind: 'missing' };
    if (info.size > maximumBytes) return { kind: 'too_large' };
    const bytes = await readFile(path);
    return bytes.length > maximumBytes ? { kind: 'too_large' } : { kind: 'ok', bytes };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
}

function currentUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

export function nodePolicyReadPorts(): PolicyReadPorts {
  return {
    platform: process.platform,
    exec: execBounded,
    readFile: readFileBounded,
    userName: currentUserName(),
    systemRoot: process.env.SystemRoot,
  };
}

/**
 * The same ports answered synchronously (wrapped in settled promises), so that the policy is
 * known before Electron's `ready`: hardware acceleration can only be turned off before it.
 */
export function synchronousPolicyReadPorts(): PolicyReadPorts {
  return {
    platform: process.platform,
    exec: (file, args) => {
      try {
        const stdout = execFileSync(file, [...args], {
          windowsHide: true,
          timeout: 10_000,
          maxBuffer: maximumPolicyBytes + 1,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        return Promise.resolve({ exitCode: 0, stdout });
      } catch (error) {
        const status = (error as { status?: unknown }).status;
        if (typeof status === 'number') return Promise.resolve({ exitCode: status, stdout: '' });
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    readFile: (path, maximumBytes) => {
      try {
        const info = statSync(path);
        if (!info.isFile()) return Promise.resolve({ kind: 'missing' });
        if (info.size > maximumBytes) return Promise.resolve({ kind: 'too_large' });
        const bytes = readFileSync(path);
        return Promise.resolve(bytes.length > maximumBytes ? { kind: 'too_large' } : { kind: 'ok', bytes });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Promise.resolve({ kind: 'missing' });
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    userName: currentUserName(),
    systemRoot: process.env.SystemRoot,
  };
}
