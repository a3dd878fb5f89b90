import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebApp } from './static-files';

let webRoot: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'visio-webroot-'));
  await mkdir(join(webRoot, 'assets'));
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Visio</title>');
  await writeFile(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(webRoot, '.secret'), 'hidden');
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    void serveWebApp(webRoot, url.pathname, request.method ?? 'GET', response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(webRoot, { recursive: true, force: true });
});

describe('serveWebApp', () => {
  it('serves files with their type and client routes with index.html', async () => {
    const script = await fetch(`${origin}/assets/app.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(await script.text()).toBe('console.log(1)');
    const route = await fetch(`${origin}/abc-defg-hij`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Visio</title>');
  });

  it('answers 404 for missing assets, hidden files and paths outside the root', async () => {
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
    expect(await (await fetch(`${origin}/.secret`)).text()).not.toContain('hidden');
    const escaped = await fetch(`${origin}/..%2F..%2F..%2Fetc%2Fpasswd`);
    expect(await escaped.text()).not.toContain('root:');
  });
});
