// The Meet transport for tests and tools: Node's fetch with a cookie jar, and the same CSRF and
// Origin behaviour as the app. `navigate` follows redirects like a browser, so a tool can walk
// through the identity provider's pages.
import { CookieJar } from 'tough-cookie';
import type { MeetTransport, TransportRequest, TransportResponse } from '../../common/meet-client';
import { CSRF_COOKIE_NAME, isUnsafeMethod, parseJsonBody, prepareApiRequest, withLocation } from '../../common/api-request';

export interface NodeTransportOptions {
  apiBaseUrl: string;
  cookieJar?: CookieJar;
  /** Per request; network failures and timeouts reject, as the transport contract says. */
  timeoutMs?: number;
  /** The fetch to send with (Node's by default); a test may wrap it to record every request. */
  fetch?: typeof fetch;
}

export interface NavigationResult {
  /** Where the redirects ended. */
  url: string;
  status: number;
  body: string;
}

export interface NavigationRequest {
  method?: 'GET' | 'POST';
  /** Sent as `application/x-www-form-urlencoded`. */
  form?: Record<string, string>;
  maxRedirects?: number;
}

export class NodeTransport implements MeetTransport {
  readonly cookieJar: CookieJar;
  private readonly apiBaseUrl: string;
  private readonly timeoutMs: number;
  private readonly fetchFunction: typeof fetch;

  constructor(options: NodeTransportOptions) {
    this.apiBaseUrl = options.apiBaseUrl;
    this.cookieJar = options.cookieJar ?? new CookieJar();
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.fetchFunction = options.fetch ?? fetch;
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    const csrfToken = isUnsafeMethod(request.method) ? await this.cookie(this.apiBaseUrl, CSRF_COOKIE_NAME) : undefined;
    const prepared = prepareApiRequest(this.apiBaseUrl, request, csrfToken);
    const response = await this.fetchWithCookies(
      prepared.url,
      {
        method: prepared.method,
        headers: prepared.headers,
        ...(prepared.body === undefined ? {} : { body: prepared.body }),
      },
      request.timeoutMs,
    );
    return withLocation(response, { status: response.status, json: parseJsonBody(await response.text()) });
  }

  async navigate(url: string, request: NavigationRequest = {}): Promise<NavigationResult> {
    let current = url;
    let method = request.method ?? 'GET';
    let body: string | undefined = request.form ? new URLSearchParams(request.form).toString() : undefined;
    for (let redirects = 0; ; redirects += 1) {
      const headers: Record<string, string> = { Accept: 'text/html,application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
      if (method === 'POST') headers.Origin = new URL(current).origin;
      const response = await this.fetchWithCookies(current, { method, headers, ...(body === undefined ? {} : { body }) });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        if (redirects >= (request.maxRedirects ?? 20)) throw new Error(`too many redirects from ${url}`);
        await response.body?.cancel();
        current = new URL(location, current).toString();
        if (response.status !== 307 && response.status !== 308) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      return { url: current, status: response.status, body: await response.text() };
    }
  }

  async cookie(url: string, name: string): Promise<string | undefined> {
    const cookies = await this.cookieJar.getCookies(url);
    return cookies.find((cookie) => cookie.key === name)?.value;
  }

  private async fetchWithCookies(url: string, init: RequestInit, timeoutMs = this.timeoutMs): Promise<Response> {
    const cookieHeader = await this.cookieJar.getCookieString(url);
    const headers = new Headers(init.headers);
    if (cookieHeader) headers.set('Cookie', cookieHeader);
    const response = await this.fetchFunction(url, {
      ...init,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    for (const setCookie of response.headers.getSetCookie()) {
      await this.cookieJar.setCookie(setCookie, url, { ignoreError: true });
    }
    return response;
  }
}
