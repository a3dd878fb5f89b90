// A cookie-keeping HTTP client for Node, standing in for a browser: it logs in through the
// identity provider's real form and then calls the API with the session cookie and the CSRF
// header, as the desktop app's main process does. Used by tests of the stack and of the app.
import { CookieJar } from 'tough-cookie';
import { CSRF_COOKIE_NAME, isUnsafeMethod, parseJsonBody, prepareApiRequest } from '../common/api-request';
import type { TransportRequest } from '../common/meet-client';

const MAX_REDIRECTS = 20;

export interface LoginCredentials {
  email: string;
  password: string;
}

export interface ApiResponse {
  status: number;
  json: unknown;
  headers: Headers;
}

export class HttpSession {
  readonly jar = new CookieJar();

  /** @param origin the instance origin, sent as `Origin` on unsafe API calls. */
  constructor(readonly origin: string) {}

  /** One request with the jar's cookies; stores the cookies the answer sets. Does not follow redirects. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookieHeader = await this.jar.getCookieString(url);
    if (cookieHeader) headers.set('cookie', cookieHeader);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) {
      await this.jar.setCookie(setCookie, url, { ignoreError: true });
    }
    return response;
  }

  /** Follows redirects like a browser (POST becomes GET after 302/303); returns the last answer and its URL. */
  async navigate(url: string, init: RequestInit = {}): Promise<{ response: Response; url: string }> {
    let currentUrl = url;
    let currentInit = init;
    for (let hop = 0; hop < MAX_REDIRECTS; hop += 1) {
      const response = await this.request(currentUrl, currentInit);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: currentUrl };
      await response.arrayBuffer();
      currentUrl = new URL(location, currentUrl).toString();
      if (response.status !== 307 && response.status !== 308) currentInit = {};
    }
    throw new Error(`Too many redirects from ${url}`);
  }

  /** The value of a cookie the jar would send to `url`. */
  async cookie(url: string, name: string): Promise<string | undefined> {
    const cookies = await this.jar.getCookies(url);
    return cookies.find((candidate) => candidate.key === name)?.value;
  }

  /**
   * Logs in: `authenticate/` → the provider's form → filled and posted → callback → `returnTo`.
   * Resolves with the URL the browser would land on; throws if the form refuses the credentials.
   */
  async login(apiBaseUrl: string, credentials: LoginCredentials, returnTo = `${this.origin}/`): Promise<string> {
    const start = `${apiBaseUrl}authenticate/?returnTo=${encodeURIComponent(returnTo)}`;
    const formPage = await this.navigate(start);
    const html = await formPage.response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`No login form at ${formPage.url} (${formPage.response.status})`);
    const landing = await this.navigate(new URL(action.replaceAll('&amp;', '&'), formPage.url).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: credentials.email, password: credentials.password }).toString(),
    });
    if (landing.response.status === 401) throw new Error('Adresse électronique ou mot de passe incorrect.');
    await landing.response.arrayBuffer();
    return landing.url;
  }

  /** An API call built as the app's main process builds it; `headers` are added over it. */
  async api(
    apiBaseUrl: string,
    method: TransportRequest['method'],
    path: string,
    options: { body?: unknown; bearer?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse> {
    const csrfToken = isUnsafeMethod(method) ? await this.cookie(new URL(path, apiBaseUrl).toString(), CSRF_COOKIE_NAME) : undefined;
    const prepared = prepareApiRequest(apiBaseUrl, { method, path, body: options.body, bearer: options.bearer }, csrfToken);
    // Lower-case names, so that a test's own `origin` replaces the prepared one instead of joining it.
    const headers = Object.fromEntries(Object.entries(prepared.headers).map(([name, value]) => [name.toLowerCase(), value]));
    const response = await this.request(prepared.url, { method, headers: { ...headers, ...options.headers }, body: prepared.body });
    return { status: response.status, json: parseJsonBody(await response.text()), headers: response.headers };
  }
}
