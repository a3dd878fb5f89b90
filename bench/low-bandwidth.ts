// Low-bandwidth mode, off then on, in a room of BENCH_PUBLISHERS (3) bots publishing a synthetic
// 640×360 camera at 15 fps and a tone, the first one loud enough to be the active speaker. For each
// window of BENCH_SECONDS (20): the video and audio bitrate the page receives, how many inbound
// video streams still receive frames, and the video bitrate our own camera sends; from getStats()
// of every peer connection the page creates (a viewer bot receives our camera, so that dynacast
// keeps it flowing). Repeated BENCH_RUNS times (3), a fresh browser each.
import './production-logging';
import type { Page } from '@playwright/test';
import { Bot } from '../devstack/bot';
import fr from '../common/locales/fr/renderer.json' with { type: 'json' };
import { clickJoin, fillName, openPrejoin, startBenchStack, stopPublishers, waitForPrejoinPreview, waitInCall, type BenchStack } from './bench-stack';
import { PEER_CONNECTION_RECORDER } from './page-probes';
import { environmentCount, median, printTable } from './statistics';
import { runWhenStartedDirectly } from './run-directly';

const QUIET_AMPLITUDE = 20;
const READY_TIMEOUT_MS = 120_000;

/** Bytes (and video frames) so far per RTP stream, keyed by peer connection and stats id. */
interface Counters {
  at: number;
  videoReceived: Record<string, number>;
  audioReceived: Record<string, number>;
  videoSent: Record<string, number>;
  videoFrames: Record<string, number>;
}

interface Window {
  videoReceivedKbps: number;
  audioReceivedKbps: number;
  videoSentKbps: number;
  /** Inbound video streams that received at least one frame during the window. */
  videoStreamsFlowing: number;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

// Page-side code as source text: the TypeScript runner's helpers do not exist in the page.
function counters(page: Page): Promise<Counters> {
  return page.evaluate(`(async () => {
    const result = { at: performance.now(), videoReceived: {}, audioReceived: {}, videoSent: {}, videoFrames: {} };
    for (const [index, connection] of (window.__benchPeerConnections || []).entries()) {
      if (connection.connectionState === 'closed') continue;
      (await connection.getStats()).forEach((entry) => {
        const key = index + ':' + entry.id;
        if (entry.type === 'inbound-rtp' && entry.kind === 'video') {
          result.videoReceived[key] = entry.bytesReceived || 0;
          result.videoFrames[key] = entry.framesReceived || 0;
        } else if (entry.type === 'inbound-rtp' && entry.kind === 'audio') result.audioReceived[key] = entry.bytesReceived || 0;
        else if (entry.type === 'outbound-rtp' && entry.kind === 'video') result.videoSent[key] = entry.bytesSent || 0;
      });
    }
    return result;
  })()`);
}

/** What each stream added during the window; a stream new in the window counts from zero, one gone counts nothing. */
function growth(start: Record<string, number>, end: Record<string, number>): number {
  return Object.entries(end).reduce((total, [key, value]) => total + Math.max(0, value - (start[key] ?? 0)), 0);
}

function windowBetween(start: Counters, end: Counters): Window {
  const seconds = (end.at - start.at) / 1000;
  const kbps = (bytes: number) => (bytes * 8) / 1000 / seconds;
  return {
    videoReceivedKbps: kbps(growth(start.videoReceived, end.videoReceived)),
    audioReceivedKbps: kbps(growth(start.audioReceived, end.audioReceived)),
    videoSentKbps: kbps(growth(start.videoSent, end.videoSent)),
    videoStreamsFlowing: Object.entries(end.videoFrames).filter(([key, frames]) => frames > (start.videoFrames[key] ?? 0)).length,
  };
}

async function measureWindow(page: Page, seconds: number): Promise<Window> {
  const start = await counters(page);
  await sleep(seconds * 1000);
  return windowBetween(start, await counters(page));
}

async function startRoomPublishers(stack: BenchStack, count: number): Promise<Bot[]> {
  const bots: Bot[] = [];
  try {
    for (let index = 1; index <= count; index += 1) {
      const bot = await Bot.join(stack.devstack, { room: stack.room.id, identity: `bench-publisher-${index}`, name: `Participant ${index}` });
      bots.push(bot);
      await bot.publishVideo({ width: 640, height: 360, fps: 15 });
      await bot.publishAudio(index === 1 ? {} : { amplitude: QUIET_AMPLITUDE });
    }
    return bots;
  } catch (error) {
    await stopPublishers(bots);
    throw error;
  }
}

/** Every remote camera of the grid plays (a size and a moving time). */
async function waitForRemoteVideos(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    `(() => {
      const playing = [...document.querySelectorAll('video[data-participant-identity^="bench-publisher-"]')].filter((video) => video.videoWidth > 0 && video.currentTime > 0);
      return playing.length >= ${count};
    })()`,
    undefined,
    { timeout: READY_TIMEOUT_MS, polling: 500 },
  );
}

async function setLowBandwidth(page: Page, on: boolean): Promise<void> {
  await page.getByRole('toolbar', { name: 'Commandes de la réunion' }).getByRole('button', { name: 'Paramètres' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paramètres' });
  await dialog.getByRole('switch', { name: fr.settings.lowBandwidth }).setChecked(on);
  await dialog.getByRole('button', { name: 'Fermer les paramètres' }).click();
}

async function main(): Promise<void> {
  const runs = environmentCount('BENCH_RUNS', 3);
  const seconds = environmentCount('BENCH_SECONDS', 20);
  const settleSeconds = environmentCount('BENCH_SETTLE_SECONDS', 5);
  const publishers = environmentCount('BENCH_PUBLISHERS', 3);
  console.log(`low-bandwidth: ${runs} runs, ${publishers} publishers (640x360 at 15 fps, one speaking), windows of ${seconds} s after ${settleSeconds} s of settling`);
  const stack = await startBenchStack();
  const rows: string[][] = [];
  const results: { off: Window; on: Window }[] = [];
  try {
    const bots = await startRoomPublishers(stack, publishers);
    // Someone receives our camera, or dynacast would stop it and "sent" would say nothing.
    bots.push(await Bot.join(stack.devstack, { room: stack.room.id, identity: 'bench-viewer', name: 'Spectateur', autoSubscribe: true }));
    try {
      for (let index = 1; index <= runs; index += 1) {
        const participant = await openPrejoin(stack, (page) => page.addInitScript({ content: PEER_CONNECTION_RECORDER }));
        try {
          const { page } = participant;
          // A shared, busy machine can take far longer than Playwright's 30 s to click.
          page.setDefaultTimeout(READY_TIMEOUT_MS);
          await fillName(page, 'Mesure bande passante');
          await waitForPrejoinPreview(page);
          await clickJoin(page);
          await waitInCall(page);
          await waitForRemoteVideos(page, publishers);
          await sleep(settleSeconds * 1000);
          const off = await measureWindow(page, seconds);
          await setLowBandwidth(page, true);
          await page.locator('[data-video-paused]').nth(publishers - 2).waitFor({ timeout: READY_TIMEOUT_MS });
          await sleep(settleSeconds * 1000);
          const on = await measureWindow(page, seconds);
          results.push({ off, on });
          console.log(
            `  run ${index}: video in ${off.videoReceivedKbps.toFixed(0)} → ${on.videoReceivedKbps.toFixed(0)} kbit/s ` +
              `(streams flowing ${off.videoStreamsFlowing} → ${on.videoStreamsFlowing}), audio in ${off.audioReceivedKbps.toFixed(1)} → ${on.audioReceivedKbps.toFixed(1)} kbit/s, ` +
              `own video out ${off.videoSentKbps.toFixed(0)} → ${on.videoSentKbps.toFixed(0)} kbit/s`,
          );
          for (const [mode, window] of [['off', off], ['on', on]] as const) {
            rows.push([
              String(index),
              mode,
              window.videoReceivedKbps.toFixed(0),
              String(window.videoStreamsFlowing),
              window.audioReceivedKbps.toFixed(1),
              window.videoSentKbps.toFixed(0),
            ]);
          }
        } finally {
          await participant.close();
        }
      }
    } finally {
      await stopPublishers(bots);
    }
  } finally {
    await stack.stop();
  }
  printTable(['run', 'mode', 'video in kbit/s', 'video streams flowing', 'audio in kbit/s', 'own video out kbit/s'], rows);
  const medianOf = (pick: (result: { off: Window; on: Window }) => number) => median(results.map(pick));
  console.log(
    `low-bandwidth medians: video received ${medianOf((r) => r.off.videoReceivedKbps).toFixed(0)} → ${medianOf((r) => r.on.videoReceivedKbps).toFixed(0)} kbit/s, ` +
      `audio received ${medianOf((r) => r.off.audioReceivedKbps).toFixed(1)} → ${medianOf((r) => r.on.audioReceivedKbps).toFixed(1)} kbit/s, ` +
      `own video sent ${medianOf((r) => r.off.videoSentKbps).toFixed(0)} → ${medianOf((r) => r.on.videoSentKbps).toFixed(0)} kbit/s`,
  );
}

runWhenStartedDirectly(import.meta.url, main);
