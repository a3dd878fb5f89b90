import { describe, expect, it, vi } from 'vitest';
import { createVisioApi } from './visio-api';
import { fakeIpc } from './fake-ipc.test-support';

describe('preload API', () => {
  it('forwards contract channels to IPC', async () => {
    const { port } = fakeIpc((channel) => ({ ok: true, value: channel }));
    const api = createVisioApi(port);
    expect(await api.invoke('backend:rooms:get', { slug: 'abc-defg-hij' })).toEqual({ ok: true, value: 'backend:rooms:get' });
    expect(port.invoke).toHaveBeenCalledWith('backend:rooms:get', { slug: 'abc-defg-hij' });
  });

  it('answers other channels itself, without touching IPC', async () => {
    const { port } = fakeIpc((channel) => ({ ok: true, value: channel }));
    const api = createVisioApi(port) as unknown as { invoke(channel: string, payload: unknown): Promise<unknown> };
    expect(await api.invoke('ipc:secret', {})).toEqual({ ok: false, error: { code: 'invalid_input', detail: 'unknown channel' } });
    expect(await api.invoke('__proto__', {})).toMatchObject({ ok: false });
    expect(port.invoke).not.toHaveBeenCalled();
  });

  it('turns an IPC failure into a Result', async () => {
    const { port } = fakeIpc((channel) => ({ ok: true, value: channel }));
    port.invoke = vi.fn(async () => Promise.reject(new Error('No handler registered')));
    const api = createVisioApi(port);
    expect(await api.invoke('backend:me', undefined)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('delivers contract events with the payload only, until unsubscribed', () => {
    const { port, emit } = fakeIpc((channel) => ({ ok: true, value: channel }));
    const api = createVisioApi(port);
    const listener = vi.fn();
    const unsubscribe = api.on('event:join', listener);
    emit('event:join', { slug: 'abc-defg-hij' });
    expect(listener).toHaveBeenCalledWith({ slug: 'abc-defg-hij' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    emit('event:join', { slug: 'xyz-abcd-efg' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('does not subscribe to other channels', () => {
    const { port } = fakeIpc((channel) => ({ ok: true, value: channel }));
    const api = createVisioApi(port) as unknown as { on(event: string, listener: () => void): () => void };
    const unsubscribe = api.on('ipc:internal', () => {});
    expect(port.on).not.toHaveBeenCalled();
    expect(typeof unsubscribe).toBe('function');
  });
});
