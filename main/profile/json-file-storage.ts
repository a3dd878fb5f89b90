// A small JSON file in the user data folder (user settings, added instances): read bounded in
// size, written whole to a temporary file then renamed, so a crash never leaves half a file.
// The local stack's database (devstack/store.ts) is written the same way.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export const maximumStoredJsonBytes = 512 * 1024;

export interface JsonFileStorage {
  /** The parsed content, or undefined when the file does not exist. Throws when it is unreadable. */
  read(): Promise<unknown>;
  write(data: unknown): Promise<void>;
}

export function jsonFileStorage(path: string): JsonFileStorage {
  return {
    async read() {
      try {
        const info = await stat(path);
        if (info.size > maximumStoredJsonBytes) throw new Error(`${path} is larger than ${maximumStoredJsonBytes} bytes`);
        return JSON.parse(await readFile(path, 'utf8')) as unknown;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async write(data) {
      writeJsonFileAtomically(path, data);
    },
  };
}

/**
 * Writes `data` as JSON readable by its owner only, whole or not at all: into a temporary file
 * next to `path`, then renamed over it. Synchronous, so two writes never interleave (the files
 * are small: a settings file, a list of instances).
 */
export function writeJsonFileAtomically(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(data, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
  renameSync(temporary, path);
}
