// The web app is served by the API's origin, as on a real instance: files of the web root,
// and index.html for any other path (a room URL such as /abc-defg-hij is a client route).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.tflite': 'application/octet-stream',
  '.onnx': 'application/octet-stream',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function sendFile(response: ServerResponse, path: string, method: string): void {
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  const immutable = path.includes(`${sep}assets${sep}`);
  response.writeHead(200, {
    'content-type': contentType,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(path).pipe(response);
}

/** Serves `pathname` from `webRoot`, or index.html for a client route; 404 otherwise. */
export async function serveWebApp(
  webRoot: string | undefined,
  pathname: string,
  method: string,
  response: ServerResponse,
): Promise<void> {
  if (!webRoot || (method !== 'GET' && method !== 'HEAD')) {
    response.writeHead(webRoot ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(webRoot ? 'Méthode non autorisée.' : 'Aucune application web servie par cette instance.');
    return;
  }
  const root = resolve(webRoot);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = '/';
  }
  const candidate = resolve(join(root, decoded));
  const insideRoot = candidate === root || candidate.startsWith(root + sep);
  const hidden = decoded.split('/').some((segment) => segment.startsWith('.'));
  if (insideRoot && !hidden && (await isFile(candidate))) {
    sendFile(response, candidate, method);
    return;
  }
  const index = join(root, 'index.html');
  // A missing asset (with an extension) is a real 404; anything else is a route of the app.
  if (extname(decoded) === '' && (await isFile(index))) {
    sendFile(response, index, method);
    return;
  }
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('Introuvable.');
}
