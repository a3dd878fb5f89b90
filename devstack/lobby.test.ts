import { describe, expect, it } from 'vitest';
import { Lobby, LOBBY_DENIED_TTL_MS, LOBBY_WAITING_TTL_MS } from './lobby';

describe('Lobby', () => {
  it('keeps a waiting entry alive only while the guest polls', () => {
    let now = 0;
    const lobby = new Lobby(() => now);
    lobby.enter('room', 'guest', 'Invité');
    now += LOBBY_WAITING_TTL_MS - 1;
    lobby.refresh('room', 'guest');
    now += LOBBY_WAITING_TTL_MS - 1;
    expect(lobby.waiting('room').map((entry) => entry.id)).toEqual(['guest']);
    now += 2;
    expect(lobby.waiting('room')).toEqual([]);
    expect(lobby.get('room', 'guest')).toBeUndefined();
  });

  it('records decisions, and a refusal expires so the guest may ask again', () => {
    let now = 0;
    const lobby = new Lobby(() => now);
    lobby.enter('room', 'admitted', 'A');
    lobby.enter('room', 'refused', 'B');
    lobby.enter('other-room', 'elsewhere', 'C');
    expect(lobby.decide('room', 'admitted', true)).toBe(true);
    expect(lobby.decide('room', 'refused', false)).toBe(true);
    expect(lobby.decide('room', 'unknown', true)).toBe(false);
    expect(lobby.waiting('room')).toEqual([]);
    expect(lobby.get('room', 'admitted')?.status).toBe('accepted');
    now += LOBBY_DENIED_TTL_MS + 1;
    expect(lobby.get('room', 'refused')).toBeUndefined();
    expect(lobby.get('room', 'admitted')?.status).toBe('accepted');
  });
});
