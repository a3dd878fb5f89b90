import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../common/ipc-contract';
import { IpcRouter, type IpcSender } from './ipc-router';

const appWindowId = 7;
const trusted: IpcSender = { webContentsId: appWindowId, frameUrl: 'app://visio/index.html', isMainFrame: true };

function routerWithRoomsGet() {
  const router = new IpcRouter({ isAppWindow: (id) => id === appWindowId });
  const handler = vi.fn(async () => ok({ id: 'r1', name: 'abc-defg-hij', slug: 'abc-defg-hij', access_level: 'public' as const }));
  router.register('backend:rooms:get', handler);
  return { router, handler };
}

describe('IPC router', () => {
  it('answers a valid call from our window with the handler result', async () => {
    const { router, handler } = routerWithRoomsGet();
    const result = await router.handle('backend:rooms:get', { slug: 'abc-defg-hij' }, trusted);
    expect(result.ok).toBe(true);
    expect(handler).toHaveBeenCalledWith({ slug: 'abc-defg-hij' }, trusted);
  });

  it.each<[string, IpcSender]>([
    ['a sub-frame', { ...trusted, isMainFrame: false }],
    ['a foreign origin', { ...trusted, frameUrl: 'https://evil.example/' }],
    ['a look-alike origin', { ...trusted, frameUrl: 'app://visio.evil/index.html' }],
    ['a destroyed frame', { ...trusted, frameUrl: null }],
    ['another window', { ...trusted, webContentsId: 99 }],
  ])('refuses %s without calling the handler', async (_label, sender) => {
    const { router, handler } = routerWithRoomsGet();
    const result = await router.handle('backend:rooms:get', { slug: 'abc-defg-hij' }, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['a wrong slug', { slug: '../../etc' }],
    ['an extra key', { slug: 'abc-defg-hij', admin: true }],
    ['no payload', undefined],
    ['a string', 'abc-defg-hij'],
  ])('refuses a malformed payload: %s', async (_label, payload) => {
    const { router, handler } = routerWithRoomsGet();
    const result = await router.handle('backend:rooms:get', payload, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each(['backend:admin', '__proto__', 'constructor', 42])('refuses the unknown channel %s', async (channel) => {
    const { router } = routerWithRoomsGet();
    expect(await router.handle(channel, undefined, trusted)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers unavailable for a channel nobody handles yet', async () => {
    const { router } = routerWithRoomsGet();
    expect(await router.handle('backend:me', undefined, trusted)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('tells a channel nobody handles apart from a malformed payload', async () => {
    const { router } = routerWithRoomsGet();
    expect(await router.handle('backend:rooms:list', 42, trusted)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await router.handle('backend:rooms:get', 42, trusted)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('turns a throwing handler into a Result', async () => {
    const report = vi.fn();
    const router = new IpcRouter({ isAppWindow: () => true, report });
    router.register('backend:me', async () => {
      throw new Error('boom');
    });
    const result = await router.handle('backend:me', undefined, trusted);
    expect(result).toEqual({ ok: false, error: { code: 'server', detail: 'internal error' } });
    expect(report).toHaveBeenCalledWith(expect.stringContaining('boom'));
  });
});
