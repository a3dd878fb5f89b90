// The stack's store on its own: room PINs as Meet draws them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonStore, PIN_CODE_LENGTH } from './store';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'visio-store-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('room PINs', () => {
  it('draws 10 digits once per room, keeps them, and never gives two rooms the same', () => {
    const store = new JsonStore(dataDir);
    const rooms = Array.from({ length: 200 }, (_, index) =>
      store.createRoom(`abc-defg-${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}a`, 'owner', 'public'),
    );
    expect(PIN_CODE_LENGTH).toBe(10);
    const pins = rooms.map((room) => store.ensurePinCode(room));
    for (const pin of pins) expect(pin).toMatch(/^\d{10}$/);
    expect(new Set(pins).size).toBe(rooms.length);
    expect(store.ensurePinCode(rooms[0]!)).toBe(pins[0]);
    // Kept on disk: a restarted stack hands out the same PIN.
    const reopened = new JsonStore(dataDir);
    expect(reopened.findRoom(rooms[0]!.id)?.pinCode).toBe(pins[0]);
  });

  it('gives rooms no PIN until asked', () => {
    const store = new JsonStore(dataDir);
    const room = store.createRoom('abc-defg-hij', 'owner', 'public');
    expect(room.pinCode).toBeUndefined();
  });
});
