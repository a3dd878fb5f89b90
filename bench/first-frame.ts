// Time from the click on "Rejoindre la réunion" to the first frame of a remote camera rendered in
// the grid, with one bot already publishing 640×360 video. Both instants are taken inside the
// page with performance.now(): the click by a capture listener installed before the page loads,
// the frame by requestVideoFrameCallback on the bot's <video> (the compositor presented it). The
// first poll (every 4 ms) that sees videoWidth > 0 and currentTime > 0 is printed too, and stands
// in if requestVideoFrameCallback never fires. A fresh browser each run.
import './production-logging';
import type { Page } from '@playwright/test';
import type { Bot } from '../devstack/bot';
import { clickJoin, fillName, JOIN_BUTTON_LABEL, openPrejoin, startBenchStack, startPublishers, stopPublishers, waitForPrejoinPreview, type BenchStack } from './bench-stack';
import { loadAverage } from './process-cpu';
import { environmentCount, formatMilliseconds, median } from './statistics';
import { runWhenStartedDirectly } from './run-directly';

export const FIRST_FRAME_TARGET_MS = 1_500;
/** The last median on a quiet machine (3 December 2026, two peer connections, 9 runs at load 1 to 1.6). */
const PREVIOUS_MEDIAN_MS = 285;
/** LaSuite Meet's own web app measured the same way. */
const MEET_WEB_MEDIAN_MS = 614;
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

interface Series {
  label: string;
  stack: BenchStack;
  bots: Bot[];
  runs: FirstFrameRun[];
}

async function startSeries(label: string, webRoot?: string): Promise<Series> {
  const stack = await startBenchStack(webRoot);
  const bots = await startPublishers(stack, { count: 1, fps: 15 }).catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  return { label, stack, bots, runs: [] };
}

async function stopSeries(series: Series): Promise<void> {
  await stopPublishers(series.bots);
  await series.stack.stop();
}

async function runOnce(series: Series, index: number): Promise<void> {
  const participant = await openPrejoin(series.stack, (page) => page.addInitScript({ content: firstFrameProbe(PUBLISHER_IDENTITY, JOIN_BUTTON_LABEL) }));
  const label = series.label ? ` ${series.label}` : '';
  try {
    const run = await measureOnce(participant.page);
    series.runs.push(run);
    const how = run.presentedSeen ? 'requestVideoFrameCallback' : 'no requestVideoFrameCallback, playing time used';
    console.log(`  run ${index}${label}: ${formatMilliseconds(run.milliseconds)} (${how}; playing seen at ${formatMilliseconds(run.playingMilliseconds)}; load ${loadAverage()})`);
  } catch (error) {
    // A machine too busy to show the frame within FRAME_TIMEOUT_MS loses one run, not the series.
    console.log(`  run ${index}${label}: failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}; load ${loadAverage()})`);
  } finally {
    await participant.close();
  }
}

const ratio = (value: number, reference: number) => (Number.isFinite(value) ? `${(value / reference).toFixed(2)} ×` : 'n/a');

/**
 * With BENCH_BASELINE_WEB_ROOT (a build of the app before a change), the runs alternate between
 * that build and the one under test, each on a stack of its own, so both meet the same load on a
 * shared machine; both medians are printed, and their ratio.
 */
export async function benchFirstFrame(runCount = environmentCount('BENCH_RUNS', 5)): Promise<FirstFrameResult> {
  const baselineWebRoot = process.env.BENCH_BASELINE_WEB_ROOT;
  console.log(
    `first-frame: ${runCount} runs${baselineWebRoot ? ' of each build, alternating with the baseline ' + baselineWebRoot : ''}, one bot publishing 640x360 at 15 fps, load average ${loadAverage()}`,
  );
  const series: Series[] = [];
  try {
    if (baselineWebRoot) series.push(await startSeries('before', baselineWebRoot));
    series.push(await startSeries(baselineWebRoot ? 'after' : ''));
    for (let index = 1; index <= runCount; index += 1) {
      for (const one of series) await runOnce(one, index);
    }
  } finally {
    await Promise.allSettled(series.map(stopSeries));
  }
  const [baseline, current] = series.length === 2 ? series : [undefined, series[0]];
  if (!current) throw new Error('no series ran');
  const medianMilliseconds = median(current.runs.map((run) => run.milliseconds));
  if (baseline) {
    const baselineMedian = median(baseline.runs.map((run) => run.milliseconds));
    console.log(`first-frame median before: ${formatMilliseconds(baselineMedian)}, after: ${formatMilliseconds(medianMilliseconds)} (after / before ${ratio(medianMilliseconds, baselineMedian)})`);
  }
  console.log(`first-frame median: ${formatMilliseconds(medianMilliseconds)} (target ${formatMilliseconds(FIRST_FRAME_TARGET_MS)}, load average ${loadAverage()})`);
  console.log(
    `  ${ratio(medianMilliseconds, PREVIOUS_MEDIAN_MS)} the previous median (${formatMilliseconds(PREVIOUS_MEDIAN_MS)}, quiet machine); ` +
      `${ratio(medianMilliseconds, MEET_WEB_MEDIAN_MS)} LaSuite Meet's web app (${formatMilliseconds(MEET_WEB_MEDIAN_MS)})`,
  );
  return { runs: current.runs, medianMilliseconds };
}

runWhenStartedDirectly(import.meta.url, benchFirstFrame);
