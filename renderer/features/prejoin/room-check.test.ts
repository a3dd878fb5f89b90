import { describe, expect, it } from 'vitest';
import type { Room } from '../../../common/meet-types';
import { BackendError } from '../../platform/backend-queries';
import { roomCheckOf } from './room-check';

const room: Room = { id: 'r1', slug: 'abc-defg-hij', access_level: 'public' };
const idle = { data: undefined, error: null, isPending: false, isFetching: false };

describe('the prejoin’s room check', () => {
  it('waits, finds, or says the room is missing or unreachable', () => {
    expect(roomCheckOf({ ...idle, isPending: true }, false)).toEqual({ state: 'checking' });
    expect(roomCheckOf({ ...idle, data: room }, false)).toEqual({ state: 'found', room });
    const missing = new BackendError({ code: 'not_found', status: 404 });
    expect(roomCheckOf({ ...idle, error: missing }, false)).toEqual({ state: 'missing' });
    const down = new BackendError({ code: 'server', status: 502 });
    expect(roomCheckOf({ ...idle, error: down }, false)).toEqual({ state: 'failed', error: { code: 'server', status: 502 } });
  });

  it('shows the check again while retrying, and trusts Join’s word that the room is gone', () => {
    const down = new BackendError({ code: 'network' });
    expect(roomCheckOf({ ...idle, error: down, isFetching: true }, false)).toEqual({ state: 'checking' });
    expect(roomCheckOf({ ...idle, data: room }, true)).toEqual({ state: 'missing' });
  });
});
