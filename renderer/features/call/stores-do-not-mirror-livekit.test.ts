// The LiveKit room owns the live state of a call: media on or off, the connection, participants,
// their attributes and the room's metadata. A store holding a copy drifts from the room the
// moment an event is missed, so every zustand store of the renderer is checked here, a new one
// included: none of its keys may name what the room exposes, and none may hold a LiveKit object
// (the call lifecycle's handle on the room aside).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { LocalParticipant, Participant, RemoteParticipant, Room, Track, TrackPublication } from 'livekit-client';
import { describe, expect, it, vi } from 'vitest';

const rendererDir = path.resolve(__dirname, '../..');

/**
 * Keys that read like the room's but hold something LiveKit does not know, with why.
 * Adding one needs the same care: the reason must say where the live value is read instead.
 */
const NOT_A_MIRROR: Record<string, string> = {
  'device-preferences.microphoneEnabled': 'the choice for the next join, kept on disk; in a call the room is read',
  'device-preferences.cameraEnabled': 'the choice for the next join, kept on disk; in a call the room is read',
};

/** The one place a store may hold the room: the handle of the call lifecycle, which replaces it on a rejoin. */
const ROOM_HANDLE = 'call-lifecycle-store.room';

/** Words that qualify a LiveKit name without changing what it is (`isMicrophoneEnabled`, `remoteParticipants`, `connectionState`). */
const QUALIFIERS = ['is', 'has', 'local', 'remote', 'num', 'room', 'connection', 'current'];

/** Internals of livekit-client that are not call state and that no product name would collide with anyway. */
function isInternal(name: string): boolean {
  return name.startsWith('_') || name === 'constructor' || /^(log|logContext|engine|options|signalClient)$/.test(name);
}

function normalisedName(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(' ');
  while (words.length > 1 && QUALIFIERS.includes(words[0] ?? '')) words.shift();
  return words.join('');
}

function namesOf(target: object, own: boolean): string[] {
  const names: string[] = [];
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(target))) {
    if (isInternal(name)) continue;
    if (own ? typeof descriptor.value !== 'function' : descriptor.get) names.push(name);
  }
  return names;
}

const livekitTypes = path.join(path.dirname(createRequire(import.meta.url).resolve('livekit-client')), 'src/room');

/**
 * The public fields a livekit-client class declares, from its published declarations: fields
 * that start unset (permissions, metadata) are on no fresh instance.
 */
function declaredFields(file: string, className: string): string[] {
  const source = readFileSync(path.join(livekitTypes, file), 'utf8');
  const start = source.search(new RegExp(`class ${className}\\b[^{]*\\{`));
  if (start < 0) throw new Error(`no class ${className} in ${file}`);
  const body = source.slice(start, source.indexOf('\n}', start));
  return [...body.matchAll(/^ {4}(?:readonly )?([a-zA-Z]\w*)\??: (?!\()/gm)].map((match) => match[1] ?? '').filter((name) => !isInternal(name));
}

/** What the room and its participants expose: their getters, and their fields. */
function livekitNames(): Map<string, string> {
  const names = new Map<string, string>();
  const add = (owner: string, list: string[]) => list.forEach((name) => names.set(normalisedName(name), `${owner}.${name}`));
  add('Room', namesOf(Room.prototype, false));
  add('Participant', namesOf(Participant.prototype, false));
  add('LocalParticipant', namesOf(LocalParticipant.prototype, false));
  add('RemoteParticipant', namesOf(RemoteParticipant.prototype, false));
  add('Room', declaredFields('Room.d.ts', 'Room'));
  add('Participant', declaredFields('participant/Participant.d.ts', 'Participant'));
  add('LocalParticipant', declaredFields('participant/LocalParticipant.d.ts', 'LocalParticipant'));
  add('RemoteParticipant', declaredFields('participant/RemoteParticipant.d.ts', 'RemoteParticipant'));
  const room = new Room();
  add('Room', namesOf(room, true));
  add('LocalParticipant', namesOf(room.localParticipant, true));
  return names;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every renderer module that creates a zustand store. */
function storeModules(): string[] {
  return sourceFiles(rendererDir).filter((file) => {
    const source = readFileSync(file, 'utf8');
    return /from 'zustand'/.test(source) && /\bcreate\s*(<|\()/.test(source);
  });
}

interface StoreLike {
  getState(): Record<string, unknown>;
  subscribe: unknown;
  setState: unknown;
}

function isStore(value: unknown): value is StoreLike {
  return typeof value === 'function' && typeof (value as Partial<StoreLike>).getState === 'function' && typeof (value as Partial<StoreLike>).subscribe === 'function';
}

function isLivekitObject(value: unknown): boolean {
  return value instanceof Room || value instanceof Participant || value instanceof Track || value instanceof TrackPublication;
}

interface StoreKey {
  store: string;
  key: string;
  value: unknown;
}

/** Enough of a page for the stores' modules to load outside a browser. */
function stubPage(): void {
  if (typeof globalThis.window !== 'undefined') return;
  const noop = () => undefined;
  vi.stubGlobal('window', { location: new URL('http://localhost/'), history: { pushState: noop, replaceState: noop }, addEventListener: noop, removeEventListener: noop });
}

async function storeKeys(): Promise<{ keys: StoreKey[]; modulesWithoutStore: string[] }> {
  stubPage();
  const keys: StoreKey[] = [];
  const modulesWithoutStore: string[] = [];
  for (const file of storeModules()) {
    const store = path.basename(file).replace(/\.tsx?$/, '');
    const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const stores = Object.values(exports).filter(isStore);
    if (stores.length === 0) modulesWithoutStore.push(path.relative(rendererDir, file));
    for (const found of stores) {
      for (const [key, value] of Object.entries(found.getState())) if (typeof value !== 'function') keys.push({ store, key, value });
    }
  }
  return { keys, modulesWithoutStore };
}

describe('stores hold what LiveKit does not know', () => {
  it('normalises LiveKit names and store keys alike', () => {
    expect(normalisedName('isMicrophoneEnabled')).toBe(normalisedName('microphoneEnabled'));
    expect(normalisedName('isScreenShareEnabled')).toBe(normalisedName('screenShareEnabled'));
    expect(normalisedName('remoteParticipants')).toBe(normalisedName('participants'));
    expect(normalisedName('state')).toBe(normalisedName('connectionState'));
    expect(normalisedName('connectionQuality')).not.toBe(normalisedName('receivedQuality'));
  });

  it('no store key names what the room exposes, and no store holds a LiveKit object', async () => {
    const forbidden = livekitNames();
    for (const name of ['isMicrophoneEnabled', 'isCameraEnabled', 'isScreenShareEnabled', 'attributes', 'metadata', 'permissions', 'isSpeaking', 'state', 'remoteParticipants', 'activeSpeakers', 'connectionQuality']) {
      expect(forbidden.has(normalisedName(name)), name).toBe(true);
    }
    const { keys, modulesWithoutStore } = await storeKeys();
    // A store kept inside its module could not be checked: export it.
    expect(modulesWithoutStore).toEqual([]);
    expect(keys.length).toBeGreaterThan(0);
    const mirrors = keys.flatMap(({ store, key, value }) => {
      const id = `${store}.${key}`;
      if (NOT_A_MIRROR[id]) return [];
      const livekit = forbidden.get(normalisedName(key));
      if (livekit) return [`${id} copies ${livekit}`];
      if (id !== ROOM_HANDLE && (isLivekitObject(value) || normalisedName(key) === 'room')) return [`${id} holds a LiveKit object`];
      return [];
    });
    expect(mirrors).toEqual([]);
  });

  it('keeps its exceptions to keys that exist', async () => {
    const { keys } = await storeKeys();
    const ids = new Set(keys.map(({ store, key }) => `${store}.${key}`));
    expect(Object.keys(NOT_A_MIRROR).filter((id) => !ids.has(id))).toEqual([]);
    expect(ids.has(ROOM_HANDLE)).toBe(true);
  });
});
