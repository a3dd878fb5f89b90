// The Meet transport of the app: Chromium's network stack through the login partition's
// session, so the API sees the session cookie set by the login window (and the machine's proxy
// and certificates apply). Only Electron's types are used here: the session is handed in.
import type { Session } from 'electron';
import { API_TIMEOUT_MS, type MeetTransport, type TransportRequest, type TransportResponse } from '../../common/meet-client';
import { CSRF_COOKIE_NAME, isUnsafeMethod, parseJsonBody, prepareApiRequest, withLocation } from '../../common/api-request';

export type TransportSession = Pick<Session, 'fetch'> & { cookies: Pick<Session['cookies'], 'get'> };

export class ElectronSessionTransport implements MeetTransport {
  constructor(
    private readonly session: TransportSession,
    private readonly apiBaseUrl: string,
  ) {}

  async send(request: TransportRequest): Promise<TransportResponse> {
    const csrfToken = isUnsafeMethod(request.method) ? await this.csrfToken() : undefined;
    const prepared = prepareApiRequest(this.apiBaseUrl, request, csrfToken);
    const response = await this.session.fetch(prepared.url, {
      method: prepared.method,
      headers: prepared.headers,
      ...(prepared.body === undefined ? {} : { body: prepared.body }),
      credentials: 'include',
      // The API answers its calls directly; a redirect (logout) is not followed into the IdP.
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs ?? API_TIMEOUT_MS),
    });
    return withLocation(response, { status: response.status, json: parseJsonBody(await response.text()) });
  }

  private async csrfToken(): Promise<string | undefined> {
    const cookies = await this.session.cookies.get({ url: this.apiBaseUrl, name: CSRF_COOKIE_NAME });
    return cookies[0]?.value;
  }
}
