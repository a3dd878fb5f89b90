import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAppRequest, mimeTypeOf, resolveAppPath, type AppFileSystem } from './app-protocol';

const root = resolve('/srv/visio/dist/renderer');

describe('app path resolution', () => {
  it('maps the root and assets inside the renderer folder', () => {
    expect(resolveAppPath('app://visio/', root)).toEqual({ kind: 'file', path: join(root, 'index.html') });
    expect(resolveAppPath('app://visio/assets/index-1a2b.js', root)).toEqual({
      kind: 'file',
      path: join(root, 'assets', 'index-1a2b.js'),
    });
  });

  it('treats extension-less paths as routes of the single-page app', () => {
    expect(resolveAppPath('app://visio/abc-defg-hij', root)).toEqual({
      kind: 'route',
      path: join(root, 'abc-defg-hij'),
      entryPath: join(root, 'index.html'),
    });
  });

  it.each([
    'app://visio/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://visio/..%5c..%5cwindows%5csystem32',
    'app://visio/assets/%00.js',
    'app://visio/%E0%A4%A',
    'app://visio/C:/Windows/win.ini',
    'app://visio/c%3A/Windows/win.ini',
    'app://evil/index.html',
    'app://visio.evil/index.html',
    'app://visio@evil/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, root)).toEqual({ kind: 'refused' });
  });

  it.each(['app://visio/assets/../../../etc/passwd', 'app://visio/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the folder',
    (url) => {
      const resolution = resolveAppPath(url, root);
      expect(resolution.kind === 'refused' || resolution.path.startsWith(`${root}/`)).toBe(true);
    },
  );

  it('knows the types the renderer ships', () => {
    expect(mimeTypeOf('a.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('a.wasm')).toBe('application/wasm');
    expect(mimeTypeOf('a.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('a.tflite')).toBe('application/octet-stream');
  });
});

describe('app request answer', () => {
  let directory: string;
  let fileSystem: AppFileSystem;
  const policy = () => "default-src 'self'";

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'visio-renderer-'));
    await mkdir(join(directory, 'assets'));
    await writeFile(join(directory, 'index.html'), '<!doctype html>');
    await writeFile(join(directory, 'assets', 'app.js'), 'console.log(1)');
    const { stat } = await import('node:fs/promises');
    fileSystem = { isFile: async (path) => (await stat(path).catch(() => null))?.isFile() ?? false };
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('serves the entry page with the CSP', async () => {
    const answer = await answerAppRequest({ url: 'app://visio/index.html', method: 'GET' }, directory, fileSystem, policy);
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['Content-Security-Policy']).toBe("default-src 'self'");
    expect(answer.path).toBe(join(directory, 'index.html'));
  });

  it('serves a script with its type, under the policy too', async () => {
    const answer = await answerAppRequest({ url: 'app://visio/assets/app.js', method: 'GET' }, directory, fileSystem, policy);
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['Content-Security-Policy']).toBe("default-src 'self'");
    expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('falls back to the entry page for a room route, not for a missing asset', async () => {
    const route = await answerAppRequest({ url: 'app://visio/abc-defg-hij', method: 'GET' }, directory, fileSystem, policy);
    expect(route.status).toBe(200);
    expect(route.path).toBe(join(directory, 'index.html'));
    const asset = await answerAppRequest({ url: 'app://visio/assets/missing.js', method: 'GET' }, directory, fileSystem, policy);
    expect(asset.status).toBe(404);
    expect(asset.path).toBeNull();
  });

  it('refuses traversal and other methods', async () => {
    const traversal = await answerAppRequest(
      { url: 'app://visio/..%2f..%2fetc%2fpasswd', method: 'GET' },
      directory,
      fileSystem,
      policy,
    );
    expect(traversal.status).toBe(403);
    const post = await answerAppRequest({ url: 'app://visio/index.html', method: 'POST' }, directory, fileSystem, policy);
    expect(post.status).toBe(405);
  });

  it('puts the policy on an SVG and on every error', async () => {
    await writeFile(join(directory, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const answers = await Promise.all(
      [
        { url: 'app://visio/assets/logo.svg', method: 'GET' },
        { url: 'app://visio/assets/missing.js', method: 'GET' },
        { url: 'app://visio/..%2f..%2fetc%2fpasswd', method: 'GET' },
        { url: 'app://visio/index.html', method: 'POST' },
        { url: 'app://other/index.html', method: 'GET' },
      ].map((request) => answerAppRequest(request, directory, fileSystem, policy)),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 404, 403, 405, 403]);
    expect(answers[0]?.headers['Content-Type']).toBe('image/svg+xml');
    for (const answer of answers) expect(answer.headers['Content-Security-Policy']).toBe("default-src 'self'");
  });

  it('sends no body to HEAD', async () => {
    const head = await answerAppRequest({ url: 'app://visio/index.html', method: 'HEAD' }, directory, fileSystem, policy);
    expect(head.status).toBe(200);
    expect(head.path).toBeNull();
  });
});
