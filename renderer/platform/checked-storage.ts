// What the page remembers on this computer (localStorage), for zustand's `persist`: every value
// read back goes through a zod schema, so one from an older version, another tab or a hand edit
// either fits (each schema says which field falls back to what) or is dropped for the defaults.
// Storage refused (private mode, full, blocked) only means the choice lasts for this page.
// Stores read it back while their modules load, which may come before the page's entry point runs
// its own first imports: zod is set not to compile code first here too (the CSP forbids eval).
import './zod-jitless';
import type { PersistStorage } from 'zustand/middleware';
import type { z } from 'zod';

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'> & Partial<Pick<Storage, 'removeItem'>>;

/** How a state is written under its key: JSON by default, or as one word (`'grid'`, a data: URL). */
export interface StoredFormat<S> {
  decode(raw: string): unknown;
  encode(state: S): string;
}

export const jsonFormat = { decode: (raw: string): unknown => JSON.parse(raw), encode: (state: unknown) => JSON.stringify(state) };

/** The page's localStorage, or null where the browser refuses it. */
export function pageStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** A stored text as the schema accepts it, or null when there is none or it does not fit. */
export function decodeStored<S>(schema: z.ZodType<S>, raw: string | null | undefined, format: Pick<StoredFormat<S>, 'decode'> = jsonFormat): S | null {
  if (raw === null || raw === undefined) return null;
  let decoded: unknown;
  try {
    decoded = format.decode(raw);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(decoded);
  return parsed.success ? parsed.data : null;
}

function attempt<T>(action: () => T): T | null {
  try {
    return action();
  } catch {
    return null;
  }
}

/** A `persist` storage over `storage` that writes in `format` and reads back only what `schema` accepts. */
export function checkedStorage<S>(
  schema: z.ZodType<S>,
  storage: KeyValueStorage | null = pageStorage(),
  format: StoredFormat<S> = jsonFormat,
): PersistStorage<S> {
  return {
    getItem: (name) => {
      const state = decodeStored(schema, attempt(() => storage?.getItem(name)), format);
      return state === null ? null : { state, version: 0 };
    },
    setItem: (name, value) => attempt(() => storage?.setItem(name, format.encode(value.state))),
    removeItem: (name) => attempt(() => storage?.removeItem?.(name)),
  };
}
