import { describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../common/ipc-contract';
import { MeetClient, type MeetTransport } from '../../common/meet-client';
import { BackendSession } from './backend-session';

function setup(meStatus: number, runLogin = vi.fn(async () => ok(null))) {
  const transport: MeetTransport = {
    send: vi.fn(async (request) =>
      request.path === 'users/me/'
        ? { status: meStatus, json: meStatus === 200 ? { id: 'u1', email: 'agent@visio.test' } : { detail: 'no' } }
        : { status: 302, json: undefined },
    ),
  };
  const clearLoginStorage = vi.fn(async () => {});
  const session = new BackendSession({ client: new MeetClient(transport), transport, runLogin, clearLoginStorage });
  return { session, transport, clearLoginStorage, runLogin };
}

describe('backend session', () => {
  it('logs in and returns the user', async () => {
    const { session } = setup(200);
    expect(await session.login()).toMatchObject({ ok: true, value: { id: 'u1' } });
  });

  it('reports a login that left no session as unauthorized', async () => {
    const { session } = setup(401);
    expect(await session.login()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('passes a cancelled login through, and opens one window for two requests', async () => {
    let finish: (value: ReturnType<typeof fail>) => void = () => {};
    const runLogin = vi.fn(() => new Promise<ReturnType<typeof fail>>((resolve) => (finish = resolve)));
    const { session } = setup(200, runLogin);
    const first = session.login();
    const second = session.login();
    finish(fail('cancelled', undefined, 'closed'));
    expect(await first).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await second).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(runLogin).toHaveBeenCalledTimes(1);
  });

  it('ends the server session in Meet’s two steps: logout, then the callback with the provider’s state', async () => {
    const send = vi.fn(async (request: { path: string }) =>
      request.path === 'logout/'
        ? { status: 302, json: undefined, location: 'https://idp.example/session/end?id_token_hint=x&state=st4te&post_logout_redirect_uri=y' }
        : { status: 302, json: undefined, location: 'https://visio.example' },
    );
    const transport: MeetTransport = { send };
    const clearLoginStorage = vi.fn(async () => {});
    const session = new BackendSession({ client: new MeetClient(transport), transport, runLogin: async () => ok(null), clearLoginStorage });
    expect(await session.logout()).toEqual({ ok: true, value: null });
    expect(send.mock.calls.map(([request]) => request)).toEqual([
      { method: 'GET', path: 'logout/' },
      { method: 'GET', path: 'logout-callback/', query: { state: 'st4te' } },
    ]);
    expect(clearLoginStorage).toHaveBeenCalledTimes(1);
  });

  it('logs out at the API and clears the partition, even offline', async () => {
    const { session, transport, clearLoginStorage } = setup(200);
    expect(await session.logout()).toEqual({ ok: true, value: null });
    expect(transport.send).toHaveBeenCalledWith({ method: 'GET', path: 'logout/' });
    expect(clearLoginStorage).toHaveBeenCalledTimes(1);

    const offline: MeetTransport = { send: vi.fn(async () => Promise.reject(new Error('offline'))) };
    const clear = vi.fn(async () => {});
    const offlineSession = new BackendSession({
      client: new MeetClient(offline),
      transport: offline,
      runLogin: async () => ok(null),
      clearLoginStorage: clear,
    });
    expect(await offlineSession.logout()).toEqual({ ok: true, value: null });
    expect(clear).toHaveBeenCalledTimes(1);
  });
});
