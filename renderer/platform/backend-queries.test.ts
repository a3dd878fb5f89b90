import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InvokeChannel, Result, VisioApi } from '../../common/ipc-contract';
import type { Room } from '../../common/meet-types';
import { createQueryClient } from '../app/query-client';
import { appErrorOf, BackendError, backendKeys, configQuery, createRoom, recentRoomsQuery, roomQuery, valueOf } from './backend-queries';

const room = (slug: string, token = 'token-for-ana'): Room => ({
  id: 'r1',
  name: slug,
  slug,
  access_level: 'public',
  livekit: { url: 'ws://127.0.0.1:7880', room: 'r1', token },
});

interface Call {
  channel: InvokeChannel;
  payload: unknown;
}

function fakeVisio(answers: Partial<Record<InvokeChannel, (payload: unknown) => Result<unknown>>>) {
  const calls: Call[] = [];
  const api = {
    invoke: (channel: InvokeChannel, payload: unknown) => {
      calls.push({ channel, payload });
      const answer = answers[channel];
      return Promise.resolve(answer ? answer(payload) : { ok: false, error: { code: 'unavailable' } });
    },
    on: () => () => undefined,
  } as unknown as VisioApi;
  vi.stubGlobal('window', { visio: api });
  return calls;
}

describe('backend queries', () => {
  beforeEach(() => vi.useRealTimers());
  afterEach(() => vi.unstubAllGlobals());

  it('turns a failed Result into a thrown typed error, and back', () => {
    expect(valueOf({ ok: true, value: 3 })).toBe(3);
    const thrown = (() => {
      try {
        valueOf({ ok: false, error: { code: 'forbidden', status: 403 } });
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(thrown).toBeInstanceOf(BackendError);
    expect(appErrorOf(thrown)).toEqual({ code: 'forbidden', status: 403 });
    expect(appErrorOf(new TypeError('Failed to fetch'))).toEqual({ code: 'network', detail: 'Failed to fetch' });
  });

  it('asks for a room once per name: Join under the prejoin’s name reuses its answer', async () => {
    const calls = fakeVisio({ 'backend:rooms:get': () => ({ ok: true, value: room('abc-defg-hij') }) });
    const client = createQueryClient();
    const onPrejoin = await client.fetchQuery(roomQuery('abc-defg-hij', 'Ana'));
    const atJoin = await client.fetchQuery(roomQuery('abc-defg-hij', 'Ana'));
    expect(atJoin).toBe(onPrejoin);
    await client.fetchQuery(roomQuery('abc-defg-hij', 'Ana Lopez'));
    await client.fetchQuery(roomQuery('abc-defg-hij', null));
    expect(calls.map(({ payload }) => payload)).toEqual([
      { slug: 'abc-defg-hij', username: 'Ana' },
      { slug: 'abc-defg-hij', username: 'Ana Lopez' },
      { slug: 'abc-defg-hij' },
    ]);
  });

  it('shares one request between a prejoin and a Join asking at the same time', async () => {
    const calls = fakeVisio({ 'backend:rooms:get': () => ({ ok: true, value: room('abc-defg-hij') }) });
    const client = createQueryClient();
    await Promise.all([client.fetchQuery(roomQuery('abc-defg-hij', 'Ana')), client.fetchQuery(roomQuery('abc-defg-hij', 'Ana'))]);
    expect(calls).toHaveLength(1);
  });

  it('asks again once an answer was used or has grown old', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const calls = fakeVisio({ 'backend:rooms:get': () => ({ ok: true, value: room('abc-defg-hij') }) });
    const client = createQueryClient();
    await client.fetchQuery(roomQuery('abc-defg-hij', 'Ana'));
    await client.invalidateQueries({ queryKey: backendKeys.roomsOf('abc-defg-hij'), refetchType: 'none' });
    await client.fetchQuery(roomQuery('abc-defg-hij', 'Ana'));
    vi.setSystemTime(Date.now() + 6 * 60_000);
    await client.fetchQuery(roomQuery('abc-defg-hij', 'Ana'));
    expect(calls).toHaveLength(3);
  });

  it('keeps a missing room as a typed error, and retries on the next ask', async () => {
    const calls = fakeVisio({ 'backend:rooms:get': () => ({ ok: false, error: { code: 'not_found', status: 404 } }) });
    const client = createQueryClient();
    const failure = await client.fetchQuery(roomQuery('abc-defg-hij', null)).catch((error: unknown) => error);
    expect(appErrorOf(failure).code).toBe('not_found');
    expect(client.getQueryState(backendKeys.room('abc-defg-hij', null))?.status).toBe('error');
    await client.fetchQuery(roomQuery('abc-defg-hij', null)).catch(() => undefined);
    expect(calls).toHaveLength(2);
  });

  it('loads the instance’s config once per run', async () => {
    const calls = fakeVisio({ 'backend:config': () => ({ ok: true, value: { livekit: { url: 'ws://x' } } }) });
    const client = createQueryClient();
    await client.fetchQuery(configQuery());
    await client.fetchQuery(configQuery());
    expect(calls).toHaveLength(1);
  });

  it('lists the recent rooms again after a room is created', async () => {
    const calls = fakeVisio({
      'backend:rooms:list': () => ({ ok: true, value: { count: 0, next: null, previous: null, results: [] } }),
      'backend:rooms:create': () => ({ ok: true, value: room('new-room-abc') }),
    });
    const client = createQueryClient();
    await client.fetchQuery({ ...recentRoomsQuery(), staleTime: Infinity });
    expect((await createRoom(client, 'Ana')).slug).toBe('new-room-abc');
    expect(client.getQueryState(backendKeys.recentRooms)?.isInvalidated).toBe(true);
    await createRoom(client, '');
    expect(calls.map(({ channel, payload }) => [channel, payload])).toEqual([
      ['backend:rooms:list', {}],
      ['backend:rooms:create', { username: 'Ana' }],
      ['backend:rooms:create', {}],
    ]);
  });
});
