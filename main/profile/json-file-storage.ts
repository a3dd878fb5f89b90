// A small JSON file in the user data folder (user settings, added instances): read bounded in
// size, written whole to a temporary file then renamed, so a crash never leaves half a file.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
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
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
      await rename(temporary, path);
    },
  };
}
