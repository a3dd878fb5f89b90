import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { livekitAnswers, livekitHealthUrl } from './server-probe';

describe('livekitHealthUrl', () => {
  it('asks the same host over HTTP(S), under the same path', () => {
    expect(livekitHealthUrl('wss://livekit.visio.gouv.fr')).toBe('https://livekit.visio.gouv.fr/');
    expect(livekitHealthUrl('ws://127.0.0.1:7880')).toBe('http://127.0.0.1:7880/');
    expect(livekitHealthUrl('https://meet.example.fr/livekit')).toBe('https://meet.example.fr/livekit/');
    expect(livekitHealthUrl('wss://meet.example.fr/livekit/?x=1#y')).toBe('https://meet.example.fr/livekit/');
  });

  it('refuses what is not a LiveKit URL', () => {
    expect(livekitHealthUrl('not a url')).toBeUndefined();
    expect(livekitHealthUrl('file:///etc/passwd')).toBeUndefined();
    expect(livekitHealthUrl('javascript:alert(1)')).toBeUndefined();
  });
});

describe('livekitAnswers', () => {
  let server: Server | undefined;
  const held: ServerResponse[] = [];

  afterEach(async () => {
    for (const response of held.splice(0)) response.destroy();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  async function serve(answer: (response: ServerResponse, path: string) => void): Promise<string> {
    server = createServer((request, response) => answer(response, request.url ?? ''));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('is true when the health check says OK at the root', async () => {
    const paths: string[] = [];
    const url = await serve((response, path) => {
      paths.push(path);
      response.writeHead(200, { 'access-control-allow-origin': '*' }).end('OK');
    });
    expect(await livekitAnswers(url)).toBe(true);
    expect(paths).toEqual(['/']);
  });

  it('is false for a node that says it is not ready', async () => {
    const url = await serve((response) => response.writeHead(406).end('Not Ready'));
    expect(await livekitAnswers(url)).toBe(false);
  });

  it('is false when nothing listens', async () => {
    const url = await serve(() => undefined);
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    expect(await livekitAnswers(url)).toBe(false);
  });

  it('is false, within its timeout, when the answer never comes', async () => {
    const url = await serve((response) => held.push(response));
    // The server holds the answer until the test ends: only the timeout can end the wait.
    expect(await livekitAnswers(url, 300)).toBe(false);
  });
});
