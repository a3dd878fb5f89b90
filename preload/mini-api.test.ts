import { describe, expect, it, vi } from 'vitest';
import { miniCommandChannel, miniViewChannel, type MiniCommand, type MiniView } from '../common/mini-window';
import { createMiniApi } from './mini-api';
import { fakeIpc } from './fake-ipc.test-support';

const view: MiniView = {
  language: 'fr',
  inCall: true,
  roomSlug: 'abc-defg-hij',
  muted: true,
  cameraOn: false,
  sharing: false,
  speaker: { name: 'Camille', isLocal: false, participantCount: 2 },
};

describe('mini window preload API', () => {
  it('sends a known command on the mini channel only', async () => {
    const { port } = fakeIpc();
    const api = createMiniApi(port);
    expect(await api.command('leave')).toEqual({ ok: true, value: null });
    expect(port.invoke).toHaveBeenCalledWith(miniCommandChannel, { command: 'leave' });
  });

  it('answers an unknown command itself, without touching IPC', async () => {
    const { port } = fakeIpc();
    const api = createMiniApi(port);
    expect(await api.command('backend:logout' as MiniCommand)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(port.invoke).not.toHaveBeenCalled();
  });

  it('turns an IPC failure into a Result', async () => {
    const { port } = fakeIpc();
    port.invoke = vi.fn(async () => Promise.reject(new Error('No handler registered')));
    expect(await createMiniApi(port).command('toggle-mic')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('delivers the view with the payload only, until unsubscribed', () => {
    const { port, emit } = fakeIpc();
    const listener = vi.fn();
    const unsubscribe = createMiniApi(port).onView(listener);
    emit(miniViewChannel, view);
    expect(listener).toHaveBeenCalledWith(view);
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    emit(miniViewChannel, { ...view, muted: false });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
