import { describe, expect, it } from 'vitest';
import type { LobbyEntry } from '../../../common/meet-types';
import { BackendError } from '../../platform/backend-queries';
import { LOBBY_POLL_MS, lobbyUpdateOf, nextLobbyPoll } from './lobby-polling';

const waiting: LobbyEntry = { status: 'waiting', id: 'p1', username: 'Ana', livekit: null };
const accepted: LobbyEntry = { status: 'accepted', id: 'p1', username: 'Ana', livekit: { url: 'ws://lk', room: 'r', token: 't'.repeat(20) } };

describe('lobby polling', () => {
  it('keeps asking while waiting or after an error, then hands over the grant', () => {
    const asking = lobbyUpdateOf({ status: 'pending', data: undefined, error: null });
    expect(asking).toEqual({ kind: 'waiting' });
    expect(nextLobbyPoll(asking)).toBe(LOBBY_POLL_MS);
    expect(nextLobbyPoll(lobbyUpdateOf({ status: 'success', data: waiting, error: null }))).toBe(LOBBY_POLL_MS);
    const lost = lobbyUpdateOf({ status: 'error', data: waiting, error: new BackendError({ code: 'network' }) });
    expect(lost).toEqual({ kind: 'error', error: { code: 'network' } });
    expect(nextLobbyPoll(lost)).toBe(LOBBY_POLL_MS);
    const admitted = lobbyUpdateOf({ status: 'success', data: accepted, error: null });
    expect(admitted.kind === 'accepted' ? admitted.grant.url : null).toBe('ws://lk');
    expect(nextLobbyPoll(admitted)).toBe(false);
  });

  it('stops after a denial', () => {
    const denied = lobbyUpdateOf({ status: 'success', data: { ...waiting, status: 'denied' }, error: null });
    expect(denied).toEqual({ kind: 'denied' });
    expect(nextLobbyPoll(denied)).toBe(false);
  });
});
