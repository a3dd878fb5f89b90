// ICE between a real Chromium (livekit-client, as in the app) and rtc-node participants, all on
// this machine: the loopback-only LiveKit config must let media flow both ways.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Room, RoomEvent, TrackKind, dispose } from '@livekit/rtc-node';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { Bot, mintToken } from './bot';
import { startDevstack, type Devstack } from './index';
import { WAIT_LIMIT_MS, WAITING_TEST_TIMEOUT_MS } from './wait-for';

const PAGE_SCRIPT = `
import { Room, RoomEvent } from 'livekit-client';
window.subscribedKinds = [];
window.transcriptions = [];
window.joinAndPublish = async (url, token) => {
  const room = new Room();
  room.on(RoomEvent.TrackSubscribed, (track) => window.subscribedKinds.push(track.kind));
  room.on(RoomEvent.TranscriptionReceived, (segments, participant) => {
    for (const segment of segments) window.transcriptions.push({ from: participant?.identity, text: segment.text, final: segment.final });
  });
  await room.connect(url, token);
  await room.localParticipant.setCameraEnabled(true);
  await room.localParticipant.setMicrophoneEnabled(true);
};
`;

vi.setConfig({ testTimeout: WAITING_TEST_TIMEOUT_MS });

let webRoot: string;
let devstack: Devstack;
let browser: Browser;

beforeAll(async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'visio-chromium-page-'));
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><html lang="fr"><body><script type="module" src="/page.js"></script></body></html>');
  await build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    outfile: join(webRoot, 'page.js'),
    logLevel: 'silent',
  });
  devstack = await startDevstack({ webRoot });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
});

afterAll(async () => {
  await browser?.close();
  await devstack?.stop();
  await rm(webRoot, { recursive: true, force: true });
  await dispose();
});

it('carries video both ways over loopback ICE, and legacy subtitles to livekit-client', async () => {
  const roomName = 'chromium-ice';
  const bot = await Bot.join(devstack, { room: roomName, name: 'Robot' });
  await bot.publishVideo({ width: 320, height: 180, fps: 10 });
  const viewer = new Room();
  const fromChromium = new Promise<TrackKind | undefined>((resolve) =>
    viewer.on(RoomEvent.TrackSubscribed, (track, _publication, participant) => {
      if (participant.identity === 'chromium' && track.kind === TrackKind.KIND_VIDEO) resolve(track.kind);
    }),
  );
  await viewer.connect(devstack.livekitUrl, await mintToken(devstack, roomName, 'viewer', 'Viewer'), {
    autoSubscribe: true,
    dynacast: false,
  });
  const page = await browser.newPage();
  try {
    await page.goto(`${devstack.origin}/abc-defg-hij`);
    await page.waitForFunction(() => 'joinAndPublish' in window);
    const token = await mintToken(devstack, roomName, 'chromium', 'Chromium');
    await page.evaluate(
      ([url, accessToken]) =>
        (window as unknown as { joinAndPublish(url: string, token: string): Promise<void> }).joinAndPublish(url, accessToken),
      [devstack.livekitUrl, token] as const,
    );
    expect(await fromChromium).toBe(TrackKind.KIND_VIDEO);
    await page.waitForFunction(() => (window as unknown as { subscribedKinds: string[] }).subscribedKinds.includes('video'), null, {
      timeout: WAIT_LIMIT_MS,
    });

    const agent = await Bot.join(devstack, { room: roomName, subtitleAgent: true });
    try {
      await expect
        .poll(() => [...(agent.room.remoteParticipants.get('chromium')?.trackPublications.values() ?? [])].length, { timeout: WAIT_LIMIT_MS })
        .toBeGreaterThanOrEqual(2);
      await agent.publishSubtitle({ participantIdentity: 'chromium', text: 'Bonjour', segmentId: 'seg-1' });
    } finally {
      await agent.disconnect();
    }
    const received = await page.waitForFunction(
      () => (window as unknown as { transcriptions: unknown[] }).transcriptions[0],
      null,
      { timeout: WAIT_LIMIT_MS },
    );
    expect(await received.jsonValue()).toEqual({ from: 'chromium', text: 'Bonjour', final: true });
  } finally {
    await page.close();
    await viewer.disconnect();
    await bot.disconnect();
  }
});
