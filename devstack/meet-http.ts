// HTTP plumbing of the local Meet API: cookies as Django sets them, JSON answers with DRF's
// headers, redirects, and Django's CSRF rule for session-authenticated unsafe requests.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { detailError, localizedBody, responseLanguage, type HttpError } from './meet-errors';

export const SESSION_COOKIE = 'sessionid';
export const CSRF_COOKIE = 'csrftoken';
export const LOBBY_COOKIE = 'lobbyParticipantId';
/** Django's SESSION_COOKIE_AGE as Meet sets it, and CSRF_COOKIE_AGE's default (52 weeks). */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;
export const CSRF_TTL_SECONDS = 31_449_600;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

export interface RequestContext {
  request: IncomingMessage;
  response: ServerResponse;
  method: string;
  url: URL;
  cookies: Map<string, string>;
  /** Set-Cookie values gathered while handling. */
  setCookies: string[];
}

export interface CookieOptions {
  /** Omitted: a cookie for the browser session. */
  maxAgeSeconds?: number;
  httpOnly: boolean;
  /** Only over https: a browser drops a Secure cookie an http origin sets. */
  secure: boolean;
}

export function cookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`];
  if (options.maxAgeSeconds !== undefined) {
    parts.push(`expires=${new Date(Date.now() + options.maxAgeSeconds * 1_000).toUTCString()}`);
    parts.push(`Max-Age=${options.maxAgeSeconds}`);
  }
  parts.push('Path=/', 'SameSite=Lax');
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** Django's `delete_cookie`: an empty quoted value, expired, no HttpOnly. */
export function deletedCookie(name: string): string {
  return `${name}=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax`;
}

function baseHeaders(context: RequestContext): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {
    'cache-control': 'no-store',
    vary: 'Accept-Language, Cookie',
    'content-language': responseLanguage(context.request.headers['accept-language']),
  };
  if (context.setCookies.length > 0) headers['set-cookie'] = context.setCookies;
  return headers;
}

export function sendJson(context: RequestContext, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const language = responseLanguage(context.request.headers['accept-language']);
  context.response.writeHead(status, { ...baseHeaders(context), 'content-type': 'application/json', ...extraHeaders });
  context.response.end(status === 204 ? undefined : JSON.stringify(localizedBody(body, language)));
}

export function sendError(context: RequestContext, error: HttpError): void {
  sendJson(context, error.status, error.body, error.headers);
}

export function redirect(context: RequestContext, location: string, status = 302): void {
  context.response.writeHead(status, { ...baseHeaders(context), 'content-type': 'text/html; charset=utf-8', location });
  context.response.end();
}

/**
 * Django's CSRF check (CsrfViewMiddleware through DRF's SessionAuthentication) for a request
 * made with a valid session: a trusted Origin, or without one a trusted Referer, then the
 * `X-CSRFToken` header equal to the cookie.
 */
export function checkCsrf(context: RequestContext, trustedOrigins: ReadonlySet<string>): void {
  if (SAFE_METHODS.has(context.method)) return;
  const { headers } = context.request;
  const requestOrigin = headers.origin;
  if (requestOrigin !== undefined) {
    if (!trustedOrigins.has(requestOrigin)) {
      throw detailError(403, `CSRF Failed: Origin checking failed - ${requestOrigin} does not match any trusted origins.`);
    }
  } else {
    const referer = headers.referer;
    if (!referer) throw detailError(403, 'CSRF Failed: Referer checking failed - no Referer.');
    let refererOrigin = '';
    try {
      refererOrigin = new URL(referer).origin;
    } catch {
      throw detailError(403, 'CSRF Failed: Referer checking failed - Referer is malformed.');
    }
    if (!trustedOrigins.has(refererOrigin)) {
      throw detailError(403, `CSRF Failed: Referer checking failed - ${referer} does not match any trusted origins.`);
    }
  }
  const cookieToken = context.cookies.get(CSRF_COOKIE);
  if (!cookieToken) throw detailError(403, 'CSRF Failed: CSRF cookie not set.');
  const headerToken = headers['x-csrftoken'];
  if (typeof headerToken !== 'string' || headerToken === '') throw detailError(403, 'CSRF Failed: CSRF token missing.');
  if (headerToken !== cookieToken) throw detailError(403, 'CSRF Failed: CSRF token incorrect.');
}
