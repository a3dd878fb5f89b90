// Time from the click on "Rejoindre la réunion" to the first frame of a remote camera rendered in
// the grid, with one bot already publishing 640×360 video. Both instants are taken inside the
// page with performance.now(): the click by a capture listener installed before the page loads,
// the frame by requestVideoFrameCallback on the bot's <video> (the compositor presented it). The
// first poll (every 4 ms) that sees videoWidth > 0 and currentTime > 0 is printed too, and stands
// in if requestVideoFrameCallback never fires. A fresh browser each run.
import './production-logging';
import type { Page } from '@playwright/test';
import { clickJoin, fillName, JOIN_BUTTON_LABEL, openPrejoin, startBenchStack, startPublishers, stopPublishers, waitForPrejoinPreview } from './bench-stack';
import { loadAverage } from './process-cpu';
import { environmentCount, formatMilliseconds, median } from './statistics';

export const FIRST_FRAME_TARGET_MS = 1_500;
const PUBLISHER_IDENTITY = 'bench-publisher-01';
const FRAME_TIMEOUT_MS = 30_000;

export interface FirstFrameRun {
  /** Click to the first remote frame presented (requestVideoFrameCallback), else to playing. */
  milliseconds: number;
  /** Click to the first poll that saw the video with a size and an advancing time. */
  playingMilliseconds: number;
  presentedSeen: boolean;
}

export interface FirstFrameResult {
  runs: FirstFrameRun[];
  medianMilliseconds: number;
}

interface PageTimings {
  clickAt: number;
  presentedAt: number;
  playingAt: number;
}

/**
 * Runs in the page before any of the app's code. Kept as source text: the TypeScript runner adds
 * helpers to compiled functions that do not exist in the page.
 */
function firstFrameProbe(identity: string, buttonLabel: string): string {
  return `(() => {
  const timings = { clickAt: -1, presentedAt: -1, playingAt: -1 };
  window.__benchFirstFrame = timings;
  const buttonLabel = ${JSON.stringify(buttonLabel)};
  const selector = ${JSON.stringify(`video[data-participant-identity="${identity}"]`)};
  window.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (timings.clickAt < 0 && button && button.textContent.includes(buttonLabel)) timings.clickAt = performance.now();
  }, true);
  const watched = new WeakSet();
  const poll = setInterval(() => {
    if (timings.clickAt < 0) return;
    if (timings.presentedAt >= 0 && timings.playingAt >= 0) { clearInterval(poll); return; }
    const video = document.querySelector(selector);
    if (!video) return;
    if (!watched.has(video) && video.requestVideoFrameCallback) {
      watched.add(video);
      video.requestVideoFrameCallback(() => { if (timings.presentedAt < 0) timings.presentedAt = performance.now(); });
    }
    if (timings.playingAt < 0 && video.videoWidth > 0 && video.currentTime > 0) timings.playingAt = performance.now();
  }, 4);
})();`;
}

async function measureOnce(page: Page): Promise<FirstFrameRun> {
  await fillName(page, 'Mesure premier rendu');
  await waitForPrejoinPreview(page);
  await clickJoin(page);
  const handle = await page.waitForFunction(
    () => {
      const timings = (window as unknown as { __benchFirstFrame?: PageTimings }).__benchFirstFrame;
      return timings && timings.clickAt >= 0 && timings.playingAt >= 0 ? timings : null;
    },
    undefined,
    { timeout: FRAME_TIMEOUT_MS, polling: 50 },
  );
  // requestVideoFrameCallback fires on presentation, which can trail the first poll by a frame.
  await page
    .waitForFunction(() => ((window as unknown as { __benchFirstFrame: PageTimings }).__benchFirstFrame.presentedAt >= 0), undefined, { timeout: 2_000 })
    .catch(() => undefined);
  await handle.dispose();
  const timings = await page.evaluate(() => (window as unknown as { __benchFirstFrame: PageTimings }).__benchFirstFrame);
  const playingMilliseconds = timings.playingAt - timings.clickAt;
  const presentedSeen = timings.presentedAt >= 0;
  return { milliseconds: presentedSeen ? timings.presentedAt - timings.clickAt : playingMilliseconds, playingMilliseconds, presentedSeen };
}

export async function benchFirstFrame(runCount = environmentCount('BENCH_RUNS', 5)): Promise<FirstFrameResult> {
  console.log(`first-frame: ${runCount} runs, one bot publishing 640x360 at 15 fps, load average ${loadAverage()}`);
  const stack = await startBenchStack();
  const bots = await startPublishers(stack, { count: 1, fps: 15 }).catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  const runs: FirstFrameRun[] = [];
  try {
    for (let index = 1; index <= runCount; index += 1) {
      const participant = await openPrejoin(stack, (page) =>
        page.addInitScript({ content: firstFrameProbe(PUBLISHER_IDENTITY, JOIN_BUTTON_LABEL) }),
      );
      try {
        const run = await measureOnce(participant.page);
        runs.push(run);
        const how = run.presentedSeen ? 'requestVideoFrameCallback' : 'no requestVideoFrameCallback, playing time used';
        console.log(`  run ${index}: ${formatMilliseconds(run.milliseconds)} (${how}; playing seen at ${formatMilliseconds(run.playingMilliseconds)})`);
      } finally {
        await participant.close();
      }
    }
  } finally {
    await stopPublishers(bots);
    await stack.stop();
  }
  const medianMilliseconds = median(runs.map((run) => run.milliseconds));
  console.log(`first-frame median: ${formatMilliseconds(medianMilliseconds)} (target ${formatMilliseconds(FIRST_FRAME_TARGET_MS)})`);
  return { runs, medianMilliseconds };
}

if (process.argv[1]?.endsWith('first-frame.ts')) {
  benchFirstFrame().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
