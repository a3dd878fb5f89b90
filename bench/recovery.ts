// Time for a call to recover from four faults, as seen by a participant: from the fault to the
// other participant's video playing again (a frame decoded after the fault). Two app browsers in
// the room, each recovering by itself; a fresh stack for every run.
//   signal drop     the signalling connection is closed (media keeps its own path)
//   full reconnect  LiveKit is killed (SIGKILL) and started again: the sessions are gone
//   server restart  LiveKit shuts down gracefully and is started again
//   node death      a two-node cluster loses (SIGKILL) the node hosting the room
import './production-logging';
import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startDevstack, type Devstack } from '../devstack/index';
import { launchChromium } from '../e2e/browser';
import { CutProxy } from '../e2e/cut-proxy';
import { remoteVideoIdentities } from '../e2e/media-probe';
import { createRoom } from '../e2e/rooms';
import { clickJoin, fillName, notePageLog, recordPageLog } from './bench-stack';
import { loadAverage } from './process-cpu';
import { environmentCount, formatMilliseconds, median, printTable } from './statistics';
import { runWhenStartedDirectly } from './run-directly';

type Fault = 'signal drop' | 'full reconnect' | 'server restart' | 'node death';

const GOALS_MS: Record<Fault, number> = { 'signal drop': 3_000, 'full reconnect': 5_000, 'server restart': 5_000, 'node death': 5_000 };
const RECOVERY_TIMEOUT_MS = 90_000;

/** Decoded frames of the other participant's camera, or -1 when there is none yet. */
async function otherFrames(page: Page): Promise<number> {
  const [identity] = await remoteVideoIdentities(page);
  if (!identity) return -1;
  return page.evaluate((wanted) => {
    const video = document.querySelector<HTMLVideoElement>(`video[data-participant-identity="${CSS.escape(wanted)}"]`);
    return video && video.videoWidth > 0 ? (video.getVideoPlaybackQuality?.().totalVideoFrames ?? 0) : -1;
  }, identity);
}

async function waitForVideo(page: Page, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let first = -1;
  while (Date.now() < deadline) {
    const frames = await otherFrames(page).catch(() => -1);
    if (first < 0) first = frames;
    else if (frames > first) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the other video did not play');
}

const STALL_MS = 500;

/**
 * Milliseconds from the start of `fault()` until `page` decodes a new frame of the other video
 * after an interruption (the video gone, or no new frame for STALL_MS), or, when `interrupted`
 * is given, after it says so (the signal drop, which leaves the media alone).
 */
async function timeRecovery(page: Page, fault: () => Promise<void>, interrupted?: () => boolean): Promise<number> {
  let last = await otherFrames(page);
  const start = Date.now();
  await fault();
  // The fault itself takes time (a restarted server answering again): what the clients can gain is the rest.
  console.log(`    fault done after ${formatMilliseconds(Date.now() - start)}`);
  const deadline = start + RECOVERY_TIMEOUT_MS;
  let stalledSince: number | undefined;
  let sawInterruption = false;
  while (Date.now() < deadline) {
    const frames = await otherFrames(page).catch(() => -1);
    const now = Date.now();
    if (frames < 0 || frames < last) sawInterruption = true;
    else if (frames === last) {
      stalledSince ??= now;
      if (now - stalledSince >= STALL_MS) sawInterruption = true;
    } else {
      stalledSince = undefined;
      if (interrupted ? interrupted() : sawInterruption) return now - start;
    }
    last = frames;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no video within ${RECOVERY_TIMEOUT_MS} ms`);
}

async function runOnce(fault: Fault, webRoot: string): Promise<number> {
  const devstack: Devstack = await startDevstack({ webRoot, livekitNodes: fault === 'node death' ? 2 : 1 });
  const proxy = await CutProxy.start();
  const browsers = [] as Awaited<ReturnType<typeof launchChromium>>[];
  try {
    const room = await createRoom(devstack, 'public');
    const pages: Page[] = [];
    for (const [index, name] of ['Alice Durand', 'Bruno Petit'].entries()) {
      // Alice's signalling goes through the proxy, which can drop it; her media stays direct.
      const browser = await launchChromium(index === 0 ? proxy.launchOptions([devstack.origin, devstack.issuer], { media: false }) : {});
      browsers.push(browser);
      const context = await browser.newContext({ locale: 'fr-FR', permissions: ['camera', 'microphone'], viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await recordPageLog(page, name);
      await page.goto(`${devstack.origin}/${room.slug}`);
      await fillName(page, name);
      await clickJoin(page);
      await page.getByTestId('call').waitFor({ state: 'visible', timeout: 30_000 });
      pages.push(page);
    }
    const [alice, bruno] = pages as [Page, Page];
    await waitForVideo(alice, 60_000);
    await waitForVideo(bruno, 60_000);
    const tunnelsBefore = proxy.tunnelsOpened;
    // The signal is back once Alice's browser opened a new signalling connection.
    const signalBack = fault === 'signal drop' ? () => proxy.tunnelsOpened > tunnelsBefore : undefined;
    const milliseconds = await timeRecovery(alice, async () => {
      notePageLog(`fault: ${fault}`);
      switch (fault) {
        case 'signal drop':
          proxy.drop();
          break;
        case 'full reconnect':
          await devstack.killLivekit();
          await devstack.startLivekit();
          break;
        case 'server restart':
          await devstack.stopLivekit();
          await devstack.startLivekit();
          break;
        case 'node death':
          await devstack.killLivekitNodeHosting(room.id);
          break;
      }
    }, signalBack);
    notePageLog(`the other video back after ${milliseconds} ms`);
    return milliseconds;
  } finally {
    await Promise.allSettled(browsers.map((browser) => browser.close()));
    await proxy.stop();
    await devstack.stop();
  }
}

const FAULTS = Object.keys(GOALS_MS) as Fault[];

/** `BENCH_FAULTS` (comma-separated, e.g. `full reconnect,node death`) picks faults; all by default. */
function chosenFaults(): Fault[] {
  const asked = process.env.BENCH_FAULTS?.split(',').map((name) => name.trim()).filter(Boolean);
  if (!asked?.length) return FAULTS;
  const unknown = asked.filter((name) => !FAULTS.includes(name as Fault));
  if (unknown.length > 0) throw new Error(`BENCH_FAULTS: unknown ${unknown.join(', ')} (known: ${FAULTS.join(', ')})`);
  return asked as Fault[];
}

export async function benchRecovery(runs: number): Promise<Record<Fault, number[]>> {
  const webRoot = process.env.BENCH_WEB_ROOT ?? join(process.cwd(), 'dist', 'renderer');
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error('dist/renderer is missing: run `node build/scripts/build.mjs` first.');
  const results: Record<Fault, number[]> = { 'signal drop': [], 'full reconnect': [], 'server restart': [], 'node death': [] };
  for (const fault of chosenFaults()) {
    for (let run = 1; run <= runs; run += 1) {
      const milliseconds = await runOnce(fault, webRoot).catch((error: unknown) => {
        console.log(`  ${fault} #${run}: failed (${error instanceof Error ? error.message : String(error)})`);
        return Number.NaN;
      });
      if (Number.isFinite(milliseconds)) {
        results[fault].push(milliseconds);
        console.log(`  ${fault} #${run}: ${formatMilliseconds(milliseconds)} (load ${loadAverage()})`);
      }
    }
  }
  return results;
}

async function main(): Promise<void> {
  const runs = environmentCount('BENCH_RUNS', 5);
  console.log(`Recovery: fault -> the other participant's video playing again, median of ${runs}`);
  const results = await benchRecovery(runs);
  printTable(
    ['fault', 'runs', 'median', 'goal'],
    chosenFaults().map((fault) => [fault, String(results[fault].length), formatMilliseconds(median(results[fault])), `≤ ${formatMilliseconds(GOALS_MS[fault])}`]),
  );
}

runWhenStartedDirectly(import.meta.url, main);
