// The session port of the backend channels: log in through the login flow, then ask the API who
// we are; log out at the API, then forget every cookie of the login partition (the identity
// provider's too, so the next login asks for the password again). Meet ends its session in two
// steps: `/logout/` sends the browser to the provider, and only `/logout-callback/` (with the
// state the provider echoes) ends the Django session; both are called here.
import { fail, ok, type Result } from '../../common/ipc-contract';
import type { SessionPort } from '../../common/backend-dispatch';
import type { MeetClient, MeetTransport } from '../../common/meet-client';
import type { User } from '../../common/meet-types';

export interface BackendSessionOptions {
  client: MeetClient;
  transport: MeetTransport;
  /** Runs the interactive login (the login window). */
  runLogin(): Promise<Result<null>>;
  /** Clears the login partition: cookies, storage, cache. */
  clearLoginStorage(): Promise<void>;
}

export class BackendSession implements SessionPort {
  private pendingLogin: Promise<Result<User>> | null = null;

  constructor(private readonly options: BackendSessionOptions) {}

  /** A second request while a login window is open waits for that same login. */
  login(): Promise<Result<User>> {
    this.pendingLogin ??= this.loginOnce().finally(() => {
      this.pendingLogin = null;
    });
    return this.pendingLogin;
  }

  /**
   * Always ok: once the partition is cleared the app is logged out, even when the API could not
   * be told (offline); the server session then expires on its own.
   */
  async logout(): Promise<Result<null>> {
    try {
      const started = await this.options.transport.send({ method: 'GET', path: 'logout/' });
      const state = logoutStateOf(started.location);
      if (state) await this.options.transport.send({ method: 'GET', path: 'logout-callback/', query: { state } });
    } catch {
      // Offline: clearing the cookies below is what logs this computer out.
    }
    await this.options.clearLoginStorage();
    return ok(null);
  }

  private async loginOnce(): Promise<Result<User>> {
    const login = await this.options.runLogin();
    if (!login.ok) return login;
    const me = await this.options.client.getMe();
    if (!me.ok) return me;
    return me.value ? ok(me.value) : fail('unauthorized', 401, 'no session after login');
  }
}

/** The `state` of the provider's end-session URL that `/logout/` redirects to, if any. */
export function logoutStateOf(location: string | undefined): string | null {
  if (!location) return null;
  try {
    return new URL(location).searchParams.get('state');
  } catch {
    return null;
  }
}
