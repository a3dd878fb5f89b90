import { describe, expect, it } from 'vitest';
import { PresenceGrace } from './presence-grace';

const absent = () => false;

describe('PresenceGrace', () => {
  it('holds a departure, and says nothing when the person comes back', () => {
    const grace = new PresenceGrace(8_000, 15_000);
    grace.left('bob', 'Bob', 0);
    expect(grace.due(7_000, absent)).toEqual([]);
    expect(grace.joined('bob')).toBe(false);
    expect(grace.due(100_000, absent)).toEqual([]);
    expect(grace.joined('bob')).toBe(true);
  });

  it('announces a held departure once the hold is over', () => {
    const grace = new PresenceGrace(8_000, 15_000);
    grace.left('bob', 'Bob', 0);
    expect(grace.due(7_999, absent)).toEqual([]);
    expect(grace.due(8_000, absent)).toEqual([{ identity: 'bob', name: 'Bob' }]);
    expect(grace.due(9_000, absent)).toEqual([]);
  });

  it('holds everyone lost during our reconnection until a grace window after it', () => {
    const grace = new PresenceGrace(8_000, 15_000);
    grace.reconnectStarted();
    grace.left('bob', 'Bob', 0);
    grace.left('carol', 'Carol', 0);
    expect(grace.due(60_000, absent)).toEqual([]);
    grace.reconnectEnded(60_000);
    expect(grace.joined('carol')).toBe(false);
    expect(grace.due(74_000, absent)).toEqual([]);
    expect(grace.due(75_000, absent)).toEqual([{ identity: 'bob', name: 'Bob' }]);
  });

  it('holds those reported gone just before our reconnection was known', () => {
    const grace = new PresenceGrace(8_000, 15_000);
    grace.left('bob', 'Bob', 0);
    grace.reconnectStarted();
    expect(grace.due(60_000, absent)).toEqual([]);
    grace.reconnectEnded(60_000);
    expect(grace.due(75_000, absent)).toEqual([{ identity: 'bob', name: 'Bob' }]);
  });

  it('holds those still in the room when our reconnection starts, in case a fresh join loses them', () => {
    const grace = new PresenceGrace(8_000, 15_000);
    grace.reconnectStarted([{ identity: 'bob', name: 'Bob' }]);
    grace.reconnectEnded(1_000);
    expect(grace.joined('bob')).toBe(false);
    grace.reconnectStarted([{ identity: 'carol', name: 'Carol' }]);
    grace.reconnectEnded(2_000);
    expect(grace.due(17_000, absent)).toEqual([{ identity: 'carol', name: 'Carol' }]);
  });

  it('keeps holding someone listed again while we reconnect, until their arrival is reported', () => {
    const grace = new PresenceGrace(8_000, 15_000);
    grace.reconnectStarted([{ identity: 'bob', name: 'Bob' }]);
    grace.left('bob', 'Bob', 0);
    expect(grace.due(1_000, (identity) => identity === 'bob')).toEqual([]);
    grace.reconnectEnded(2_000);
    expect(grace.joined('bob')).toBe(false);
  });

  it('drops, without a word, a held person found in the room again', () => {
    const grace = new PresenceGrace(8_000, 15_000);
    grace.reconnectStarted();
    grace.left('bob', 'Bob', 0);
    grace.reconnectEnded(1_000);
    expect(grace.due(100_000, (identity) => identity === 'bob')).toEqual([]);
    expect(grace.joined('bob')).toBe(true);
  });
});
