// What every API request carries, whatever carries it (Electron's network stack, Node's, the
// browser variant's fetch, or the devstack's test client): Django's CSRF rule on unsafe methods
// (token header + an Origin/Referer of the instance), the LiveKit token for in-call endpoints,
// JSON both ways.
import { buildUrl, type TransportRequest, type TransportResponse } from './meet-client';

export const CSRF_COOKIE_NAME = 'csrftoken';

export function isUnsafeMethod(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(method.toUpperCase());
}

/** `https://instance` for `https://instance/api/v1.0/`. */
export function instanceOriginOf(apiBaseUrl: string): string {
  return new URL(apiBaseUrl).origin;
}

export interface PreparedRequest {
  url: string;
  method: TransportRequest['method'];
  headers: Record<string, string>;
  body: string | undefined;
}

/**
 * `pageOrigin`: a page served by the instance itself, whose browser sets Origin and Referer (a
 * script may not); from main and Node they are set to the instance's, as Django's CSRF check wants.
 */
export function prepareApiRequest(
  apiBaseUrl: string,
  request: Pick<TransportRequest, 'method' | 'path' | 'query' | 'body' | 'bearer'>,
  csrfToken: string | undefined,
  options: { pageOrigin?: boolean } = {},
): PreparedRequest {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (isUnsafeMethod(request.method)) {
    if (!options.pageOrigin) {
      const origin = instanceOriginOf(apiBaseUrl);
      headers.Origin = origin;
      headers.Referer = `${origin}/`;
    }
    if (csrfToken) headers['X-CSRFToken'] = csrfToken;
  }
  if (request.bearer) headers.Authorization = `Bearer ${request.bearer}`;
  let body: string | undefined;
  if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  return { url: buildUrl(apiBaseUrl, request), method: request.method, headers, body };
}

/** The answer, with the target of a redirect when there is one. */
export function withLocation(response: Pick<Response, 'status' | 'headers'>, answer: TransportResponse): TransportResponse {
  const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
  return location ? { ...answer, location } : answer;
}

/** The parsed JSON of a body, or undefined when it is empty or not JSON (an HTML error page). */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Every cookie of a `Cookie` header (or `document.cookie`); a malformed one is skipped, as a browser would. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    try {
      if (name) cookies.set(name, decodeURIComponent(value));
    } catch {
      // skipped
    }
  }
  return cookies;
}
