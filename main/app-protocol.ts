// What `app://visio/<path>` answers: a file of the built renderer, index.html for the
// single-page app's own routes (a room is `/abc-defg-hij`), 404 for a missing asset. A path that
// escapes the renderer folder is refused, whatever its encoding.
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './security/app-origin';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
};

export function mimeTypeOf(path: string): string {
  return mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type AppPathResolution =
  | { kind: 'file'; path: string }
  /** Not a file: serve this one if it exists, the entry page otherwise. */
  | { kind: 'route'; path: string; entryPath: string }
  | { kind: 'refused' };

const entryFile = 'index.html';

/** Maps a request URL onto a path inside `rootDirectory`, without touching the disk. */
export function resolveAppPath(requestUrl: string, rootDirectory: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST || url.username || url.password) {
    return { kind: 'refused' };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'refused' };
  const segments = pathname.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..') || segments.some((segment) => /^[A-Za-z]:$/.test(segment))) return { kind: 'refused' };

  const root = resolve(rootDirectory);
  const entryPath = resolve(root, entryFile);
  if (segments.length === 0) return { kind: 'file', path: entryPath };
  const path = resolve(root, ...segments);
  if (!path.startsWith(root + sep)) return { kind: 'refused' };
  const lastSegment = segments[segments.length - 1] ?? '';
  // An extension means an asset: missing assets are 404, never the entry page served as script.
  return lastSegment.includes('.') ? { kind: 'file', path } : { kind: 'route', path, entryPath };
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  /** The file to send, or null for an empty body. */
  path: string | null;
}

export interface AppFileSystem {
  isFile(path: string): Promise<boolean>;
}

/** Decides the whole answer to one request: status, headers (CSP on every one) and the file to send. */
export async function answerAppRequest(
  request: { url: string; method: string },
  rootDirectory: string,
  fileSystem: AppFileSystem,
  contentSecurityPolicy: () => string,
): Promise<AppResponse> {
  // Every answer carries the policy, not only HTML: an SVG opened as a document, a worker script
  // and an error page are documents of our origin too.
  const baseHeaders = { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': contentSecurityPolicy() };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { status: 405, headers: { ...baseHeaders, Allow: 'GET, HEAD' }, path: null };
  }
  const resolution = resolveAppPath(request.url, rootDirectory);
  if (resolution.kind === 'refused') return { status: 403, headers: baseHeaders, path: null };
  let path: string | null = null;
  if (await fileSystem.isFile(resolution.path)) path = resolution.path;
  else if (resolution.kind === 'route' && (await fileSystem.isFile(resolution.entryPath))) path = resolution.entryPath;
  if (path === null) return { status: 404, headers: baseHeaders, path: null };

  const mimeType = mimeTypeOf(path);
  const headers: Record<string, string> = { ...baseHeaders, 'Content-Type': mimeType };
  if (mimeType.startsWith('text/html')) headers['Cache-Control'] = 'no-cache';
  return { status: 200, headers, path: request.method === 'HEAD' ? null : path };
}
