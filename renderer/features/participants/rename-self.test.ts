import { beforeEach, describe, expect, it } from 'vitest';
import { stubContractCheckedPreload } from '../../testing/contract-checked-preload';
import type { InvokeChannel } from '../../../common/ipc-contract';
import { useCallLifecycleStore } from '../call/call-lifecycle-store';
import { useMeetingStore } from '../meeting/meeting-store';
import { mayRenameSelf, renameSelf } from './rename-self';

let calls: { channel: InvokeChannel; payload: Record<string, unknown> }[];

beforeEach(() => {
  calls = stubContractCheckedPreload();
  useMeetingStore.setState({
    phase: { name: 'call', room: { id: 'room-1', slug: 'abc-defg-hij', access_level: 'public' }, grant: { url: 'ws://x', room: 'room-1', token: 'token-123456' }, username: 'Camille' },
  });
  useCallLifecycleStore.setState({ phase: 'connected' });
});

describe('renaming oneself', () => {
  it('goes through rename/ with the LiveKit token, the name trimmed', async () => {
    expect(await renameSelf('  Camille M.  ')).toEqual({ ok: true, name: 'Camille M.' });
    expect(calls).toEqual([{ channel: 'backend:room:rename', payload: { roomId: 'room-1', token: 'token-123456', name: 'Camille M.' } }]);
  });

  it('refuses an empty or too long name before asking the server', async () => {
    expect(await renameSelf('   ')).toEqual({ ok: false, invalid: 'empty' });
    expect(await renameSelf('x'.repeat(65))).toEqual({ ok: false, invalid: 'too_long' });
    expect(calls).toEqual([]);
  });

  it('waits for the connection', async () => {
    useCallLifecycleStore.setState({ phase: 'connecting' });
    expect(await renameSelf('Camille')).toMatchObject({ ok: false, error: { reason: 'not_connected' } });
    expect(calls).toEqual([]);
  });

  it('is offered to guests always, to logged-in users unless the instance forbids it', () => {
    const guest = { attributes: { is_authenticated: 'false' } };
    const agent = { attributes: { is_authenticated: 'true' } };
    expect(mayRenameSelf(guest, { authenticated_users_can_edit_display_name: false })).toBe(true);
    expect(mayRenameSelf(agent, { authenticated_users_can_edit_display_name: false })).toBe(false);
    expect(mayRenameSelf(agent, { authenticated_users_can_edit_display_name: true })).toBe(true);
    expect(mayRenameSelf(agent, null)).toBe(true);
    expect(mayRenameSelf(undefined, null)).toBe(false);
  });
});
