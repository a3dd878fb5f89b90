// Time from the click on "Rejoindre la réunion" to the first frame of a remote camera rendered in
// the grid, with one bot already publishing 640×360 video. Both instants are taken inside the
// page with performance.now(): the click by a capture listener installed before the page loads,
// the frame by requestVideoFrameCallback on the bot's <video> (or, if that never fires, the first
// poll that sees videoWidth > 0 and currentTime > 0). A fresh browser each run.
import type { Page } from '@playwright/test';
import { clickJoin, fillName, JOIN_BUTTON_LABEL, openPrejoin, startBenchStack, startPublishers, stopPublishers, waitForPrejoinPreview } from './bench-stack';
import { loadAverage } from './process-cpu';
import { environmentCount, formatMilliseconds, median } from './statistics';

export const FIRST_FRAME_TARGET_MS = 1_500;
const PUBLISHER_IDENTITY = 'bench-publisher-01';
const FRAME_TIMEOUT_MS = 30_000;

export interface FirstFrameRun {
  milliseconds: number;
  /** Which signal saw the frame first. */
  detectedBy: string;
}

export interface FirstFrameResult {
  runs: FirstFrameRun[];
  medianMilliseconds: number;
}

interface PageTimings {
  clickAt: number;
  frameAt: number;
  detectedBy: string;
}

/** Runs in the page before any of the app's code. */
function installFirstFrameProbe({ identity, buttonLabel }: { identity: string; buttonLabel: string }): void {
  const timings: PageTimings = { clickAt: -1, frameAt: -1, detectedBy: '' };
  (window as unknown as { __benchFirstFrame: PageTimings }).__benchFirstFrame = timings;
  window.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (timings.clickAt < 0 && button?.textContent?.includes(buttonLabel)) timings.clickAt = performance.now();
    },
    true,
  );
  const record = (detectedBy: string) => {
    if (timings.clickAt < 0 || timings.frameAt >= 0) return;
    timings.frameAt = performance.now();
    timings.detectedBy = detectedBy;
  };
  const watched = new WeakSet<HTMLVideoElement>();
  const poll = window.setInterval(() => {
    if (timings.frameAt >= 0) {
      window.clearInterval(poll);
      return;
    }
    const video = document.querySelector<HTMLVideoElement>(`video[data-participant-identity="${identity}"]`);
    if (!video) return;
    if (!watched.has(video)) {
      watched.add(video);
      video.requestVideoFrameCallback?.(() => record('requestVideoFrameCallback'));
    }
    if (video.videoWidth > 0 && video.currentTime > 0) record('videoWidth/currentTime');
  }, 4);
}

async function measureOnce(page: Page): Promise<FirstFrameRun> {
  await fillName(page, 'Mesure premier rendu');
  await waitForPrejoinPreview(page);
  await clickJoin(page);
  const handle = await page.waitForFunction(
    () => {
      const timings = (window as unknown as { __benchFirstFrame?: PageTimings }).__benchFirstFrame;
      return timings && timings.clickAt >= 0 && timings.frameAt >= 0 ? timings : null;
    },
    undefined,
    { timeout: FRAME_TIMEOUT_MS, polling: 50 },
  );
  const timings = (await handle.jsonValue()) as PageTimings;
  return { milliseconds: timings.frameAt - timings.clickAt, detectedBy: timings.detectedBy };
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
        page.addInitScript(installFirstFrameProbe, { identity: PUBLISHER_IDENTITY, buttonLabel: JOIN_BUTTON_LABEL }),
      );
      try {
        const run = await measureOnce(participant.page);
        runs.push(run);
        console.log(`  run ${index}: ${formatMilliseconds(run.milliseconds)} (${run.detectedBy})`);
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
