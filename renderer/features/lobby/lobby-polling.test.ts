import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../common/ipc-contract';
import type { LobbyEntry } from '../../../common/meet-types';
import { startLobbyPolling, type LobbyUpdate } from './lobby-polling';

const waiting: LobbyEntry = { status: 'waiting', id: 'p1', username: 'Ana', livekit: null };
const accepted: LobbyEntry = { status: 'accepted', id: 'p1', username: 'Ana', livekit: { url: 'ws://lk', room: 'r', token: 't'.repeat(20) } };

function harness(answers: Result<LobbyEntry>[]) {
  const updates: LobbyUpdate[] = [];
  const pending: (() => void)[] = [];
  let requests = 0;
  const stop = startLobbyPolling({
    requestEntry: async () => answers[Math.min(requests++, answers.length - 1)] as Result<LobbyEntry>,
    onUpdate: (update) => updates.push(update),
    schedule: (callback) => pending.push(callback),
    cancelSchedule: () => undefined,
  });
  const tick = async () => {
    await Promise.resolve();
    await Promise.resolve();
    pending.shift()?.();
    await Promise.resolve();
    await Promise.resolve();
  };
  return { updates, pending, tick, stop, requestCount: () => requests };
}

describe('lobby polling', () => {
  it('keeps asking while waiting, then hands over the grant', async () => {
    const { updates, tick } = harness([ok(waiting), fail('network'), ok(accepted)]);
    await tick();
    await tick();
    await tick();
    expect(updates.map((update) => update.kind)).toEqual(['waiting', 'error', 'accepted']);
    const last = updates.at(-1);
    expect(last?.kind === 'accepted' ? last.grant.url : null).toBe('ws://lk');
  });

  it('stops after a denial', async () => {
    const { updates, tick, pending } = harness([ok({ ...waiting, status: 'denied' })]);
    await tick();
    expect(updates).toEqual([{ kind: 'denied' }]);
    expect(pending).toHaveLength(0);
  });

  it('asks no more once cancelled', async () => {
    const { tick, stop, requestCount } = harness([ok(waiting)]);
    await tick();
    const before = requestCount();
    stop();
    await tick();
    await tick();
    expect(requestCount()).toBe(before);
  });
});
