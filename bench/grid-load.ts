// A room with 24 bot publishers (synthetic 640×360 camera) and one Chromium running the app: the
// renderer's CPU and JS heap while the grid is shown, over BENCH_SECONDS (60 by default), repeated
// BENCH_RUNS times (5) with a fresh browser each time. The grid is measured as the app shows it
// by default (its first page); the figures say how many tiles and playing videos that was.
import './production-logging';
import type { CDPSession, Page } from '@playwright/test';
import { clickJoin, fillName, openPrejoin, startBenchStack, startPublishers, stopPublishers, waitForPrejoinPreview, waitInCall, type BenchStack } from './bench-stack';
import {
  gridState,
  inboundVideoCounters,
  PEER_CONNECTION_RECORDER,
  retainedJsHeapBytes,
  usedJsHeapBytes,
  videoReceptionBetween,
  type GridState,
  type VideoReception,
} from './page-probes';
import { chromiumCpuSnapshot, livekitCpuSeconds, loadAverage, machineCpuTicks, ownCpuSeconds } from './process-cpu';
import { environmentCount, formatMegabytes, formatPercent, median } from './statistics';
import { runWhenStartedDirectly } from './run-directly';

export const RENDERER_CPU_TARGET_PERCENT = 60;
export const HEAP_GROWTH_TARGET_PERCENT = 10;
const GRID_READY_TIMEOUT_MS = 90_000;

export interface GridLoadOptions {
  /** Name printed before the figures. */
  label: string;
  runs: number;
  seconds: number;
  /** How often the heap is sampled during the window. */
  sampleSeconds: number;
  publishers: number;
  publisherFps: number;
  publisherAudio: boolean;
  /** Join with the app's defaults (camera and microphone on) or with both off. */
  ownMedia: boolean;
  /** Seconds between the grid being ready and the start of the window. */
  settleSeconds: number;
}

export function gridLoadOptionsFromEnvironment(overrides: Partial<GridLoadOptions> = {}): GridLoadOptions {
  return {
    label: 'grid-load',
    runs: environmentCount('BENCH_RUNS', 5),
    seconds: environmentCount('BENCH_SECONDS', 60),
    sampleSeconds: environmentCount('BENCH_SAMPLE_SECONDS', 5),
    publishers: environmentCount('BENCH_PUBLISHERS', 24),
    publisherFps: environmentCount('BENCH_PUBLISHER_FPS', 10),
    publisherAudio: process.env.BENCH_PUBLISHER_AUDIO === '1',
    ownMedia: process.env.BENCH_OWN_MEDIA !== 'off',
    settleSeconds: environmentCount('BENCH_SETTLE_SECONDS', 5),
    ...overrides,
  };
}

export interface GridLoadRun {
  seconds: number;
  grid: GridState;
  rendererProcesses: number;
  /** Percent of one core. */
  rendererCpu: number;
  gpuCpu: number;
  browserCpu: number;
  /** This Node process: the bots (encoding 24 cameras) and the driver. */
  botsCpu: number;
  livekitCpu: number;
  /** Percent of all cores of the machine, every process included. */
  machineBusy: number;
  /** Retained heap (after a forced garbage collection) at the start and the end of the window. */
  heapStart: number;
  heapEnd: number;
  heapGrowthPercent: number;
  /** JSHeapUsedSize sampled without forcing collection. */
  heapSamples: number[];
  reception: VideoReception;
}

export interface GridLoadResult {
  options: GridLoadOptions;
  runs: GridLoadRun[];
  medianRendererCpu: number;
  medianHeapGrowthPercent: number;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function turnOwnMediaOff(page: Page): Promise<void> {
  for (const name of ['Microphone', 'Caméra']) {
    const toggle = page.locator('.prejoin__media').getByRole('button', { name, exact: true });
    if ((await toggle.getAttribute('aria-pressed')) === 'true') await toggle.click();
  }
}

/** Waits until every remote tile the grid shows plays its video; gives up after a while and says what it saw. */
async function waitForGrid(page: Page, participants: number): Promise<GridState> {
  const deadline = Date.now() + GRID_READY_TIMEOUT_MS;
  let previous: GridState | undefined;
  for (;;) {
    const state = await gridState(page);
    const complete = state.tiles >= participants || state.pager !== '';
    const ready = complete && state.remoteTiles > 0 && state.playingRemoteVideos === state.remoteTiles;
    if (ready && previous && previous.tiles === state.tiles) return state;
    if (Date.now() > deadline) {
      console.log(`  grid not complete after ${GRID_READY_TIMEOUT_MS / 1000} s: ${describeGrid(state)}`);
      return state;
    }
    previous = state;
    await sleep(1_000);
  }
}

export function describeGrid(state: GridState): string {
  const notPlaying = [
    state.pausedByApp > 0 ? `${state.pausedByApp} paused by the low-bandwidth mode` : '',
    state.withoutVideo > 0 ? `${state.withoutVideo} without a <video>` : '',
  ].filter(Boolean);
  return (
    `${state.tiles} tiles, ${state.playingRemoteVideos}/${state.remoteTiles} remote videos playing` +
    (notPlaying.length > 0 ? ` (${notPlaying.join(', ')})` : '') +
    (state.pager ? `, pager "${state.pager}"` : '')
  );
}

async function measureOnce(stack: BenchStack, options: GridLoadOptions, index: number): Promise<GridLoadRun> {
  const participant = await openPrejoin(stack, (page) => page.addInitScript({ content: PEER_CONNECTION_RECORDER }));
  try {
    const { page } = participant;
    await fillName(page, 'Mesure grille');
    if (!options.ownMedia) await turnOwnMediaOff(page);
    await waitForPrejoinPreview(page);
    await clickJoin(page);
    await waitInCall(page);
    const readyGrid = await waitForGrid(page, options.publishers + 1);
    await sleep(options.settleSeconds * 1000);
    const session: CDPSession = await page.context().newCDPSession(page);
    await session.send('Performance.enable');

    const heapStart = await retainedJsHeapBytes(session);
    const receptionStart = await inboundVideoCounters(page);
    const chromiumStart = chromiumCpuSnapshot();
    const botsStart = ownCpuSeconds();
    const livekitStart = livekitCpuSeconds();
    const machineStart = machineCpuTicks();
    const startedAt = performance.now();

    const heapSamples: number[] = [await usedJsHeapBytes(session)];
    const sampleCount = Math.floor(options.seconds / options.sampleSeconds);
    for (let sample = 1; sample <= sampleCount; sample += 1) {
      await sleep(Math.max(0, startedAt + sample * options.sampleSeconds * 1000 - performance.now()));
      heapSamples.push(await usedJsHeapBytes(session));
    }
    await sleep(Math.max(0, startedAt + options.seconds * 1000 - performance.now()));

    const seconds = (performance.now() - startedAt) / 1000;
    const chromiumEnd = chromiumCpuSnapshot();
    const botsEnd = ownCpuSeconds();
    const livekitEnd = livekitCpuSeconds();
    const machineEnd = machineCpuTicks();
    const receptionEnd = await inboundVideoCounters(page);
    const grid = await gridState(page);
    const heapEnd = await retainedJsHeapBytes(session);
    await session.detach();

    const percentOfCore = (used: number) => (100 * used) / seconds;
    const run: GridLoadRun = {
      seconds,
      grid,
      rendererProcesses: chromiumEnd.rendererPids.length,
      rendererCpu: percentOfCore(chromiumEnd.renderer - chromiumStart.renderer),
      gpuCpu: percentOfCore(chromiumEnd.gpu - chromiumStart.gpu),
      browserCpu: percentOfCore(chromiumEnd.browser - chromiumStart.browser),
      botsCpu: percentOfCore(botsEnd - botsStart),
      livekitCpu: percentOfCore(livekitEnd - livekitStart),
      machineBusy: (100 * (machineEnd.busy - machineStart.busy)) / Math.max(1, machineEnd.total - machineStart.total),
      heapStart,
      heapEnd,
      heapGrowthPercent: (100 * (heapEnd - heapStart)) / heapStart,
      heapSamples,
      reception: videoReceptionBetween(receptionStart, receptionEnd, seconds),
    };
    printRun(index, readyGrid, run);
    return run;
  } finally {
    await participant.close();
  }
}

function printRun(index: number, readyGrid: GridState, run: GridLoadRun): void {
  const samples = run.heapSamples.map((bytes) => (bytes / 1_048_576).toFixed(1)).join(' ');
  console.log(`  run ${index}: ${run.seconds.toFixed(0)} s, grid ${describeGrid(run.grid)} (ready: ${describeGrid(readyGrid)})`);
  console.log(
    `    renderer CPU ${formatPercent(run.rendererCpu)} of one core (${run.rendererProcesses} renderer process(es)); ` +
      `GPU process ${formatPercent(run.gpuCpu)}, browser process ${formatPercent(run.browserCpu)}; ` +
      `bots ${formatPercent(run.botsCpu)}, LiveKit ${formatPercent(run.livekitCpu)}; machine busy ${formatPercent(run.machineBusy)} of all cores`,
  );
  console.log(
    `    heap after GC ${formatMegabytes(run.heapStart)} -> ${formatMegabytes(run.heapEnd)} (${run.heapGrowthPercent >= 0 ? '+' : ''}${formatPercent(run.heapGrowthPercent)}); sampled MB: ${samples}`,
  );
  console.log(
    `    video received: ${run.reception.activeStreams} streams decoding (${run.reception.activeHiddenStreams} of them shown by no <video>), ${run.reception.decodedFramesPerSecond.toFixed(1)} frames/s, ${Math.round(run.reception.kilobitsPerSecond)} kbit/s`,
  );
}

export async function benchGridLoad(options: GridLoadOptions = gridLoadOptionsFromEnvironment()): Promise<GridLoadResult> {
  console.log(
    `${options.label}: ${options.runs} run(s) of ${options.seconds} s, ${options.publishers} bots publishing 640x360 at ${options.publisherFps} fps` +
      `${options.publisherAudio ? ' with audio' : ''}, own camera and microphone ${options.ownMedia ? 'on' : 'off'}, load average ${loadAverage()}`,
  );
  const stack = await startBenchStack();
  const runs: GridLoadRun[] = [];
  try {
    const joinStarted = performance.now();
    const bots = await startPublishers(stack, { count: options.publishers, fps: options.publisherFps, withAudio: options.publisherAudio });
    console.log(`  ${bots.length} bots publishing after ${((performance.now() - joinStarted) / 1000).toFixed(1)} s`);
    try {
      for (let index = 1; index <= options.runs; index += 1) runs.push(await measureOnce(stack, options, index));
    } finally {
      await stopPublishers(bots);
    }
  } finally {
    await stack.stop();
  }
  const result: GridLoadResult = {
    options,
    runs,
    medianRendererCpu: median(runs.map((run) => run.rendererCpu)),
    medianHeapGrowthPercent: median(runs.map((run) => run.heapGrowthPercent)),
  };
  console.log(
    `${options.label} medians over ${runs.length} run(s): renderer CPU ${formatPercent(result.medianRendererCpu)} of one core (target < ${RENDERER_CPU_TARGET_PERCENT} %), ` +
      `heap ${formatMegabytes(median(runs.map((run) => run.heapStart)))} -> ${formatMegabytes(median(runs.map((run) => run.heapEnd)))}, ` +
      `growth ${formatPercent(result.medianHeapGrowthPercent)} over ${options.seconds} s`,
  );
  return result;
}

runWhenStartedDirectly(import.meta.url, benchGridLoad);
